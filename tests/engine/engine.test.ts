// The engine through the host, on a tiny fixture world: every standard behaviour a player expects.
import { describe, it, expect } from 'vitest';
import { game, mini } from './helpers.js';
import { step, initialState, play, newSession } from '../../src/engine/index.js';

describe('looking and moving', () => {
  it('opens with the room, its things and who is here', () => {
    const g = game();
    expect(g.opening).toContain('Hall');
    expect(g.opening).toContain('You can see a glass key and an apple here.');
    expect(g.opening).toContain('Bob is here.');
  });
  it('closed doors block, open doors let through, directions abbreviate', () => {
    const g = game();
    expect(g.say('n')).toContain('The garden door is closed.');
    expect(g.say('open the garden door')).toContain('You open the garden door.');
    expect(g.say('go north')).toContain('Garden');
    expect(g.say('w')).toContain("You can't go that way.");
  });
  it('exits lists the ways out and go to walks to a visited room', () => {
    const g = game();
    expect(g.say('exits')).toMatch(/north, east/);
    g.run('e', 'w', 'open door', 'n');
    expect(g.say('go to study')).toContain('Study');
    expect(g.say('go to the moon')).toContain('I don\'t know a place called');
  });
});

describe('things', () => {
  it('take, drop, inventory, all and all except', () => {
    const g = game();
    expect(g.say('take all')).toMatch(/Glass key: You take the glass key\.[\s\S]*Apple: You take the apple\./);
    expect(g.say('i')).toContain('You are carrying a glass key and an apple.');
    expect(g.say('drop all except apple')).toContain('You put down the glass key.');
    expect(g.say('inventory')).toContain('You are carrying an apple.');
  });
  it('asks which one is meant, and a bare answer completes the command', () => {
    const g = game();
    g.say('look under mat');
    expect(g.say('x key')).toContain('Which do you mean, the silver key or the glass key?');
    expect(g.say('silver')).toContain('A small silver key.');
    expect(g.say('x key')).toContain('Which do you mean');
    expect(g.say('the second')).toContain('A brittle glass key.');
    expect(g.say('x key')).toContain('Which do you mean');
    expect(g.say('inventory')).toContain('You are carrying nothing.');
  });
  it('pronouns follow what was last mentioned', () => {
    const g = game();
    expect(g.say('x it')).toContain("I'm not sure what \"it\" means yet.");
    g.say('x apple');
    expect(g.say('take it')).toContain('You take the apple.');
    expect(g.say('x him')).toContain("I'm not sure what");
    g.say('x bob');
    expect(g.say('x him')).toContain('Bob, your friend.');
  });
  it('after a two-object command, it means the direct object', () => {
    const g = game();
    g.run('look under mat', 'take silver key', 'e');
    expect(g.say('unlock box with silver key')).toContain('You unlock the wooden box');
    expect(g.say('x it')).toContain('A wooden box.');
  });
  it('drop all leaves worn things on', () => {
    const g = game();
    g.run('look under mat', 'take silver key', 'e', 'unlock box', 'open box', 'wear hat', 'take silver key');
    const r = g.say('drop all');
    expect(r).toContain('You put down the silver key.');
    expect(r).not.toContain('hat');
    expect(g.say('i')).toContain('a hat (worn)');
  });
  it('locks need their key; containers show their contents when opened', () => {
    const g = game();
    g.run('look under mat', 'take silver key', 'e');
    expect(g.say('open box')).toContain('The wooden box is locked.');
    expect(g.say('unlock box')).toContain('You unlock the wooden box with the silver key.');
    const opened = g.say('open box');
    expect(opened).toContain('You open the wooden box.');
    expect(opened).toContain('In the wooden box you see a hat.');
    expect(opened).toContain('[Your score has gone up by 5: Open the box.]');
    expect(g.say('wear hat')).toMatch(/first taking the hat[\s\S]*You put on the hat\./);
    expect(g.say('take off hat')).toContain('You take off the hat.');
  });
  it('scenery named in descriptions can be examined but not taken', () => {
    const g = game();
    expect(g.say('x walls')).toContain('Plain white walls.');
    expect(g.say('take wall')).toContain('part of the place');
    expect(g.say('take mat')).toContain('part of the place');
  });
  it('refuses sensibly', () => {
    const g = game();
    expect(g.say('take bob')).toContain('would not appreciate being carried off');
    expect(g.say('eat glass key')).toContain('is not something you can eat');
    expect(g.say('take unicorn')).toContain('I don\'t know the word "unicorn".');
    expect(g.say('take')).toContain('What do you want to take?');
    expect(g.say('apple')).toContain('You take the apple.');
  });
});

describe('people and characters', () => {
  it('ask about topics, orders obeyed or refused in character', () => {
    const g = game();
    expect(g.say('ask bob about the rain')).toContain('It might rain');
    expect(g.say('ask bob about apples')).toContain('No idea');
    expect(g.say('bob, wait')).toContain("I'll wait");
    expect(g.say('bob, go north')).toContain('does not feel like being told');
  });
  it('switching keeps each character in place with their own things', () => {
    const g = game();
    g.run('take apple', 'e');
    const sw = g.say('switch to bob');
    expect(sw).toContain('You are now playing Bob.');
    expect(sw).toContain('Hall');
    expect(g.say('i')).toContain('You are carrying nothing.');
    expect(g.say('e')).toContain('Ann is here.');
    expect(g.say('play as ann')).toContain('You are now playing Ann.');
    expect(g.say('i')).toContain('an apple');
    expect(g.say('be ann')).toContain('You are already playing Ann.');
  });
  it('invisible characters are not seen, and not playable outside their acts', () => {
    const s0 = initialState(mini, 1);
    const s1 = { ...s0, act: 2, playable: ['ann'] };
    const r = step(mini, s1, 'look');
    const text = JSON.stringify(r.events);
    expect(text).not.toContain('"look.char_here"');
    const r2 = step(mini, s1, 'bob');
    expect(JSON.stringify(r2.events)).toContain('switch.not_now');
  });
  it('someone who cannot perceive you does not hear, take things or obey', () => {
    // In act 2 Ann cannot perceive Bob: played as Bob, he is a guardian she never notices.
    const s0 = initialState(mini, 1);
    const s1 = { ...s0, act: 2, player: 'bob', playable: ['bob'], loc: { ...s0.loc, apple: 'bob' } };
    const ids = (line: string) => step(mini, s1, line).events.flatMap((e) => (e.type === 'message' ? [e.id] : []));
    expect(ids('ask ann about the rain')).toEqual(['talk.unseen']);
    expect(ids('talk to ann')).toEqual(['talk.unseen']);
    expect(ids('give apple to ann')).toEqual(['give.unseen']);
    expect(ids('ann, wait')).toEqual(['talk.unseen']);
  });
});

describe('what people wear', () => {
  it('a worn scenery item is seen with its wearer, and stays theirs; carried things are not', () => {
    const w = structuredClone(mini);
    w.items.scarf = { id: 'scarf', name: 'green scarf', words: ['scarf'], adjectives: ['green', "bob's"], description: 'A long green scarf.', scenery: true, portable: false, location: 'bob', props: ['worn'] } as typeof w.items.mat;
    w.items.coin = { id: 'coin', name: 'coin', words: ['coin'], description: 'A coin.', portable: true, location: 'bob' } as typeof w.items.mat;
    const g = game(w);
    expect(g.say("x bob's scarf")).toContain('A long green scarf.');
    expect(g.say('take scarf')).not.toContain('You take');
    expect(g.say('x coin')).not.toContain('A coin.');
    g.run('switch to bob');
    // Bob himself has it as his own, worn.
    expect(g.say('i')).toContain('green scarf');
  });
});

describe('meta commands', () => {
  it('undo takes back one turn at a time and says what; again repeats; oops corrects', () => {
    const g = game();
    g.run('take apple', 'e');
    expect(g.say('undo')).toContain('Taken back: "e"');
    expect(g.say('undo')).toContain('Taken back: "take apple"');
    expect(g.say('undo')).toContain('There is nothing to undo.');
    g.say('x apple');
    expect(g.say('g')).toContain('A red apple.');
    expect(g.say('x appel')).toContain('I don\'t know the word "appel".');
    expect(g.say('oops apple')).toContain('A red apple.');
  });
  it('undo reaches back more than 100 turns', () => {
    let s = newSession(mini, 1);
    for (let i = 0; i < 120; i++) s = play(mini, s, i % 2 ? 'e' : 'w').session;
    expect(s.undo.length).toBeGreaterThanOrEqual(100);
    let back = s;
    for (let i = 0; i < 100; i++) back = play(mini, back, 'undo').session;
    expect(back.state.turn).toBe(s.state.turn - 100);
  });
  it('several commands on a line; an error stops the rest', () => {
    const g = game();
    const r = g.say('take apple. e then w, take unicorn. e');
    expect(r).toContain('You take the apple.');
    expect(r).toContain('Study');
    expect(r).toContain('unicorn');
    expect(g.host.state.loc.ann).toBe('hall');
  });
  it('hints are graded; score and the ending report', () => {
    const g = game();
    expect(g.say('hint')).toContain('Look around.');
    expect(g.say('hint')).toContain('under the mat');
    expect(g.say('hint')).toContain('UNLOCK BOX WITH SILVER KEY');
    g.run('look under mat', 'take silver key', 'e', 'unlock box', 'open box', 'w', 'open door');
    expect(g.say('score')).toContain('5 of 5 points');
    const end = g.say('n');
    expect(end).toContain('The Win');
    expect(end).toContain('You won the tiny game.');
    expect(end).toContain('one of 1 endings');
    expect(g.say('e')).toContain('The story has ended');
    expect(g.say('undo')).toContain('Taken back');
  });
});

describe('determinism and purity', () => {
  it('the same seed and commands give the same events and state', () => {
    const lines = ['take all', 'e', 'look under mat', 'bob', 'w', 'x key', 'glass'];
    const runOnce = () => {
      let s = newSession(mini, 7);
      const evs: unknown[] = [];
      for (const l of lines) {
        const r = play(mini, s, l);
        s = r.session;
        evs.push(r.events);
      }
      return JSON.stringify([s.state, evs]);
    };
    expect(runOnce()).toBe(runOnce());
  });
  it('step never mutates the state it is given', () => {
    const s0 = initialState(mini, 3);
    const before = JSON.stringify(s0);
    step(mini, s0, 'take all. e. open box');
    expect(JSON.stringify(s0)).toBe(before);
  });
  it('strange input never throws', () => {
    const g = game();
    for (const l of ['', '   ', 'x'.repeat(10_000), '\u001b[31mlook\u0007', '🦄 take 🦄', '"', '...', ',,,', 'then then', 'take all except', 'give to']) {
      expect(() => g.say(l)).not.toThrow();
    }
    expect(g.say('\u001b[2Jlook')).toContain('Hall');
  });
});
