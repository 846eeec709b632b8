import { describe, expect, it } from 'vitest';
import { glitchFrames, frameDamage, readableLayout, MAX_DURATION_MS } from '../../src/glitch/index.js';
import { PROSE, WIDE, MEMORIES } from './helpers.js';

/** Start times of frames heavier than the frame before (the screen before frame 0 was readable). */
function flashTimes(frames: ReturnType<typeof glitchFrames>, base: ReturnType<typeof readableLayout>): number[] {
  const times: number[] = [];
  let prev = 0;
  let t = 0;
  frames.frames.forEach((f, k) => {
    const d = frameDamage(f, base);
    if (d > prev) times.push(t);
    prev = d;
    t += frames.delayMs[k];
  });
  return times;
}

describe('glitch animation', () => {
  const cases = [0.1, 0.4, 0.7, 1].flatMap((intensity) =>
    [600, 1200, 1500, 5000, 250, 50].map((durationMs) => ({ intensity, durationMs })));

  it.each(cases)('intensity $intensity over $durationMs ms stays within the limits', ({ intensity, durationMs }) => {
    for (let seed = 0; seed < 8; seed++) {
      for (const text of [PROSE, WIDE]) {
        for (const width of [20, 80]) {
          const base = readableLayout(text, width);
          const anim = glitchFrames(text, { intensity, seed, width, memories: MEMORIES, durationMs });
          const total = anim.delayMs.reduce((a, b) => a + b, 0);
          expect(total).toBeLessThanOrEqual(Math.min(durationMs, MAX_DURATION_MS));
          expect(anim.frames.at(-1)).toEqual(base);
          expect(anim.delayMs.at(-1)).toBe(0);
          for (const f of anim.frames) expect(f.length).toBe(base.length);
          const times = flashTimes(anim, base);
          expect(times).toEqual(anim.flashes.map((k) => anim.delayMs.slice(0, k).reduce((a, b) => a + b, 0)));
          for (const t0 of times) expect(times.filter((t) => t >= t0 && t <= t0 + 1000).length).toBeLessThanOrEqual(3);
        }
      }
    }
  });

  it('actually glitches before settling', () => {
    const base = readableLayout(PROSE, 80);
    const anim = glitchFrames(PROSE, { intensity: 0.6, seed: 3, width: 80 });
    expect(anim.frames.length).toBeGreaterThan(3);
    expect(frameDamage(anim.frames[0], base)).toBeGreaterThan(0);
    expect(anim.flashes.length).toBeGreaterThan(0);
  });

  it('intensity 0 is just the readable text', () => {
    const anim = glitchFrames(PROSE, { intensity: 0, seed: 3, width: 80 });
    expect(anim.frames).toEqual([readableLayout(PROSE, 80)]);
    expect(anim.flashes).toEqual([]);
  });
});
