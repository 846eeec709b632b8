// Blind playtest 14's leftovers and playtest 15: what the engine made of a player's commands.
import { describe, expect, it } from 'vitest';
import { game, story } from './helpers.js';

/** The turn count SCORE reports. */
function turns(g: ReturnType<typeof game>): number {
  const m = /in (\d+)\s+turns?/.exec(g.say('score').replace(/\s+/g, ' '));
  expect(m, 'SCORE gives the turns').not.toBeNull();
  return Number(m![1]);
}

describe('looking takes no time', () => {
  it('LOOK UNDER, LOOK BEHIND, LOOK IN and SEARCH are free, as EXAMINE is; WAIT is not', () => {
    const g = game(story());
    const start = turns(g);
    for (const line of ['x sofa', 'look under sofa', 'look behind sofa', 'look in sofa', 'search sofa']) {
      g.say(line);
      expect(turns(g), line).toBe(start);
    }
    g.say('wait');
    expect(turns(g)).toBe(start + 1);
  });
});
