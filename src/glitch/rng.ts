// Seeded randomness for the glitch: a stateless position hash, so a cell's dice depend only on
// (seed, purpose, position), never on intensity. (A sequential generator, where one is needed,
// is the engine's: src/engine/rng.ts.)

/** One lowbias32 finaliser step of `mix`: folds the integer p into the hash h. */
function step(h: number, p: number): number {
  // p's high 32 bits are 0 for the usual small positions: no division for those.
  const folded = p >= 0 && p < 4294967296 ? p | 0 : (p | 0) ^ (Math.floor(p / 4294967296) | 0);
  let x = (h ^ Math.imul(folded, 0x85ebca6b)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const MIX_START = 0x9e3779b9;

/** Mixes integers into one 32-bit value (lowbias32 finaliser per step). */
export function mix(...parts: number[]): number {
  let h = MIX_START;
  for (const p of parts) h = step(h, p);
  return h;
}

/** The part of dice(seed, purpose, …) that does not depend on the position. */
export function diePrefix(seed: number, purpose: number): number {
  return step(step(MIX_START, seed), purpose);
}

/** dice(seed, purpose, pos) given diePrefix(seed, purpose), for a glitch that rolls thousands. */
export function roll(prefix: number, pos: number): number {
  return step(prefix, pos) / 4294967296;
}

// The prefix for the latest seed's purposes. Only a cache: no state.
let cachedSeed: number | undefined;
let prefixes: number[] = [];

/** A stateless die in [0, 1) for (seed, purpose, position): mix(seed, purpose, pos) / 2^32. */
export function dice(seed: number, purpose: number, pos: number): number {
  if (seed !== cachedSeed) {
    cachedSeed = seed;
    prefixes = [];
  }
  return roll((prefixes[purpose] ??= diePrefix(seed, purpose)), pos);
}

/** Normalises any number (negative, fractional, huge, NaN) to a 32-bit unsigned seed. */
export function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  const whole = Math.trunc(seed);
  return mix(whole % 4294967296, Math.floor(whole / 4294967296));
}
