// Random play through the commands the checker generates: the engine never throws.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { randomWalks } from '../../src/check/index.js';
import { TINY, REPO } from './helpers.js';
import { join } from 'node:path';

const THOROUGH = !!process.env.NANODREAM_THOROUGH;

describe('random play', () => {
  it('100,000 seeded steps through the tiny story raise no exception and reach both endings', () => {
    const w = loadContent(TINY);
    const r = randomWalks(w, { seed: 7, steps: 100_000 });
    expect(r.failures).toEqual([]);
    expect(r.steps).toBe(100_000);
    expect(Object.keys(r.endings).sort()).toEqual(['fall', 'triumph']);
  }, 120_000);

  it('the same seed plays the same walks', () => {
    const w = loadContent(TINY);
    expect(randomWalks(w, { seed: 3, steps: 2_000 })).toEqual(randomWalks(w, { seed: 3, steps: 2_000 }));
  });

  // The real story's states are bigger (110 items): about 0.1-0.4 ms a step on this machine, so
  // everyday runs play 20,000 steps and NANODREAM_THOROUGH=1 plays the full 100,000.
  it(`${THOROUGH ? '100,000' : '20,000'} seeded steps through the real story raise no exception`, () => {
    // A story that fails to load fails this test (it used to pass in silence).
    const w = loadContent(join(REPO, 'content'));
    const r = randomWalks(w, { seed: 11, steps: THOROUGH ? 100_000 : 20_000 });
    expect(r.failures).toEqual([]);
  }, 300_000);
});
