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

describe('standard conveniences', () => {
  it('OOPS corrects only the line just typed: after another command there is nothing to correct', () => {
    const g = game(story());
    expect(g.say('x sofaa')).toMatch(/sofaa/);
    const fixed = g.say('oops sofa');
    expect(fixed).toBe(g.say('x sofa'));
    g.say('x sofaa');
    g.say('look');
    expect(g.say('oops sofa')).toBe(g.say('oops'));
    expect(g.say('oops')).toMatch(/nothing to correct/i);
  });

  it('WHERE AM I looks, VERSION is ABOUT, FULL SCORE is SCORE', () => {
    const g = game(story());
    expect(g.say('where am i')).toBe(g.say('look'));
    expect(g.say('version')).toBe(g.say('about'));
    for (const line of ['full score', 'fullscore', 'full']) expect(g.say(line), line).toBe(g.say('score'));
  });
});

describe('greeting someone', () => {
  it('HI LEO and HELLO JAIME talk to them, as TALK TO does; HELLO alone still just says hello', () => {
    const g = playedTo('ending-balance.txt')('look under pillow');
    for (const who of ['leo', 'jaime', 'mia']) {
      const hi = g.say(`hi ${who}`);
      expect(hi, who).toBe(g.say(`talk to ${who}`));
      expect(hi, who).not.toMatch(/To talk properly/);
    }
    expect(g.say('hello')).toMatch(/You say hello/);
  });
});

describe('the brook, the way a player tries it', () => {
  const atBrook = () => playedTo('ending-balance.txt')('imagine stones');

  it('BUILD A BRIDGE and THINK, as Leo, point him to imagining; DREAM UP and CONJURE are IMAGINE', () => {
    const g = atBrook();
    const built = g.say('build a bridge');
    expect(built).toMatch(/imagine it/);
    expect(built).not.toMatch(/I don't know/);
    expect(g.say('make a bridge')).toBe(built);
    expect(g.say('think')).toMatch(/imagine a thing/);
    const imagined = g.say('imagine a bridge');
    expect(imagined).toMatch(/score has gone up/);
    for (const line of ['dream up a bridge', 'conjure up a bridge', 'conjure a bridge']) {
      g.say('undo');
      expect(g.say(line), line).toBe(imagined);
    }
  });

  it('SWIM is understood, and SWIM ACROSS and WADE INTO the brook are entering it', () => {
    const g = atBrook();
    expect(g.say('swim')).not.toMatch(/I don't know/);
    const entered = g.say('enter brook');
    expect(g.say('swim across brook')).toBe(entered);
    expect(g.say('wade into brook')).toBe(entered);
  });
});

describe('looking for someone', () => {
  it('FIND, WHERE IS and LOOK FOR say what is here, and that someone absent is not, without a turn', () => {
    const g = game(story());
    expect(g.say('where is the sofa')).toMatch(/right here: the grey sofa/);
    expect(g.say('find sofa')).toBe(g.say('look for the sofa'));
    expect(g.say('where is leo')).toMatch(/can't see any Leo here/);
    expect(g.say('find happiness')).toMatch(/isn't here/);
    expect(g.say('where is leo')).not.toMatch(/as far as wanting/);
    expect(turns(g)).toBe(0);
  });
});

describe('asking the game', () => {
  it('WHAT NOW, WHAT SHOULD I DO and I AM STUCK point to HINT and HELP, free; WHERE CAN I GO is EXITS', () => {
    const g = game(story());
    for (const line of ['what now', 'what should i do', 'what do i do now', "i'm stuck", 'how do i play']) {
      expect(g.say(line), line).toMatch(/HINT[\s\S]*HELP/);
    }
    expect(g.say('where can i go')).toBe(g.say('exits'));
    expect(turns(g)).toBe(0);
  });

  it('WHO IS and WHAT IS look at someone or something', () => {
    const g = game(story());
    expect(g.say('what is the music box')).toBe(g.say('x music box'));
    expect(g.say("what's the sofa")).toBe(g.say('x sofa'));
    expect(g.say('who is leo')).toBe(g.say('x leo'));
  });

  it("HELP names a story verb's forms by their words, not just their first word", () => {
    const g = game(story());
    const find = g.say('help find');
    expect(find).toMatch(/look for, where is/);
    expect(g.say('help look for')).toBe(find);
    expect(g.say('help stuck')).toMatch(/what now, what next/);
  });
});
