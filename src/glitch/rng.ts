// Seeded randomness for the glitch: a sequential mulberry32 generator and a stateless
// position hash, so a cell's dice depend only on (seed, purpose, position), never on intensity.

/** mulberry32: small, fast, good enough for visuals. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one 32-bit value (lowbias32 finaliser per step). */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    let x = (h ^ Math.imul((p | 0) ^ (Math.floor(p / 4294967296) | 0), 0x85ebca6b)) >>> 0;
    x ^= x >>> 16;
    x = Math.imul(x, 0x7feb352d);
    x ^= x >>> 15;
    x = Math.imul(x, 0x846ca68b);
    x ^= x >>> 16;
    h = x >>> 0;
  }
  return h;
}

/** A stateless die in [0, 1) for (seed, purpose, ...position). */
export function dice(seed: number, purpose: number, ...pos: number[]): number {
  return mix(seed, purpose, ...pos) / 4294967296;
}

/** Normalises any number (negative, fractional, huge, NaN) to a 32-bit unsigned seed. */
export function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  const whole = Math.trunc(seed);
  return mix(whole % 4294967296, Math.floor(whole / 4294967296));
}
