// Blind playtest 14's leftovers and playtest 15: what the engine made of a player's commands.
import { describe, expect, it } from 'vitest';
import { drawMap } from '../../src/comforts/index.js';
import { game, playedTo, story } from './helpers.js';

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

describe('the maps of those who follow', () => {
  it('Mia, Jaime and Elara come to the orchard by the brook, so their maps join the meadow to the orchard', () => {
    const g = playedTo('ending-balance.txt')('take fruit');
    const world = story();
    for (const who of ['jaime', 'mia', 'elara']) {
      expect(g.host.state.loc[who], who).toBe('glass_orchard');
      const s = { ...g.host.state, player: who };
      const map = drawMap(world, s, { width: 100, screenReader: false }).join('\n');
      expect(map, who).toContain('[Whisper Brook]');
      expect(map, who).toMatch(/\[\*?Glass Orchard\*?\][\s\S]*\[Whisper Brook\][\s\S]*\[Lullaby Meadow\]/);
    }
  });
});

describe('act 1: how Leo goes to bed', () => {
  it("Elara ordering Leo to bed once Jaime is in bed is told the two ways: Leo's own choice, or Jaime's word", () => {
    const g = playedTo('ending-balance.txt')('switch to leo');
    g.say('switch to elara');
    const reply = g.say('leo, go to bed').replace(/\s+/g, ' ');
    expect(reply).toMatch(/In a minute/);
    expect(reply).toMatch(/when he decides to, or when Jaime tells him/);
  });
});
