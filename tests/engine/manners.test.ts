// Parser manners: articles kept, names capitalised, sensible choices, separators and oops.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { parseLine } from '../../src/engine/language.js';
import { game } from './helpers.js';

const story = loadContent(join(import.meta.dirname, '../../content'));

describe('replies name things as a person would', () => {
  it('scenery keeps its article', () => {
    const g = game(story);
    expect(g.say('touch wall')).toMatch(/about the glass\.$/);
  });

  it("a character's name is capitalised, even when typed in lower case", () => {
    const g = game(story);
    expect(g.say('x leo')).toBe("You can't see any Leo here.");
    expect(g.say('x the big jaime')).toBe("You can't see any big Jaime here.");
  });

  it('take all with nothing portable says there is nothing to take', () => {
    const g = game(story);
    expect(g.say('take all')).toBe('There is nothing here to take.');
  });
});

describe('which thing is meant', () => {
  it('`take leaf` in the ice grove takes the loose leaf, not the trees’ leaves', () => {
    const g = game(story);
    const s = g.host.session.state;
    s.act = 2;
    s.player = 'mia';
    s.loc.mia = 'crystal_grove';
    s.loc.frost_leaf = 'crystal_grove';
    const reply = g.say('take leaf');
    expect(reply).not.toMatch(/Which do you mean/);
    expect(g.host.session.state.loc.frost_leaf).toBe('mia');
  });
});

describe('the grammar people type', () => {
  it('`tell leo to go east` and `leo, go east` are the same order', () => {
    for (const line of ['tell leo to go east', 'leo, go east', 'ask leo to go east']) {
      const c = parseLine(story, line).commands[0];
      expect(c?.kind === 'action' && c.actor?.text).toBe('leo');
      expect(c?.kind === 'action' && c.direction).toBe('east');
    }
  });

  it('`ask mia for the tea` asks for a thing', () => {
    const c = parseLine(story, 'ask mia for the tea').commands[0];
    expect(c?.kind === 'action' && c.verb).toBe('ask_for');
  });

  it('`z.g` is two commands, as the README says; `notes.txt` stays one word', () => {
    expect(parseLine(story, 'z.g').commands.map((c) => (c.kind === 'meta' ? c.verb : c.kind === 'action' ? c.verb : c.kind))).toEqual(['wait', 'again']);
    expect(parseLine(story, 'n.s.e').commands).toHaveLength(3);
    const save = parseLine(story, 'save notes.txt').commands;
    expect(save).toHaveLength(1);
  });

  it('`oops` mends a word outside ASCII', () => {
    const g = game(story);
    expect(g.say('x wölf')).toMatch(/don't know the word "wölf"/);
    expect(g.say('oops photo')).toMatch(/Lake Orin|photo/i);
    expect(g.say('x the ñu photo')).toMatch(/don't know the word "ñu"/);
    expect(g.say('oops lake')).not.toMatch(/don't know/);
  });
});

describe('go to', () => {
  it('tells the rooms passed in one line and the arrival in full; a walk to nowhere takes no turn', () => {
    const g = game(story);
    g.run('n', 's', 'e');
    const turn = g.host.session.state.turn;
    expect(g.say('go to the moon')).toMatch(/don't know a place called/);
    expect(g.say('go to kitchen')).toMatch(/already there/);
    expect(g.host.session.state.turn).toBe(turn);
    const walk = g.say('go to hallway');
    expect(walk).toMatch(/^On the way you pass through: Living Room\.\n\nHallway\n/);
    // The living room is passed, not described.
    expect(walk).not.toMatch(/designed yourself/);
    expect(g.host.session.state.turn).toBeGreaterThan(turn);
  });
});

describe('asking and pronouns', () => {
  it('`ask X for Y` is the order `X, give me Y`, answered by their own rules', () => {
    const g = game(story);
    g.run('n', 'w');
    expect(g.say('ask jaime for the cartridge')).toMatch(/Can I do it my way\?|I'm good, thanks|Say please|rather not/);
    expect(g.say('ask leo for the moon')).toMatch(/Leo doesn't seem to have that to give you|You can't see|In a minute/);
  });

  it('a pronoun whose thing is elsewhere says so, by name', () => {
    const g = game(story);
    g.say('x photo');
    g.say('n');
    expect(g.say('x it')).toBe("You can't see the family photo here any more.");
  });

  it('`oops` alone and `give X a hug` are understood', () => {
    const g = game(story);
    expect(g.say('oops')).not.toMatch(/What do you want/);
    g.run('n', 'w');
    expect(g.say('give leo a hug')).not.toMatch(/don't know the word/);
  });
});
