// Seeded random numbers kept in the state (mulberry32), so a save restores randomness too.

/** Advances the generator: returns the next value in [0, 1) and the new generator state. */
export function nextRandom(rng: number): { value: number; rng: number } {
  const next = (rng + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, rng: next };
}

/** A 32-bit seed from any number (negative, huge or fractional seeds are folded in). */
export function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  return Math.trunc(seed) | 0;
}
