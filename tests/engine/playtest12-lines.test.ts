// Findings of the twelfth blind playtest about naming, orders and what is said, each played
// through the real story from the balance walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { playedTo, story } from './helpers.js';

const world = story();
const before = playedTo();

describe("Mia's blue ribbon, named in her description, is there before the grove takes it", () => {
  it('at home: seen on her, not to be taken; as Mia, worn, and it stays', () => {
    const g = before('give tea to mia');
    expect(g.say('x ribbon')).toMatch(/^Mia's blue ribbon/);
    expect(g.say("x mia's ribbon")).toMatch(/^Mia's blue ribbon/);
    expect(g.say('take ribbon')).toMatch(/Mine/);
    g.say('be mia');
    expect(g.say('i')).toMatch(/blue ribbon \(worn\)/);
    expect(g.say('remove ribbon')).toMatch(/It stays/);
    expect(g.say('i')).toMatch(/blue ribbon \(worn\)/);
  });

  it('in the dream too, and at the Star Stairs the ribbon of light is still the stairs', () => {
    const g = before('x seam');
    expect(g.host.state.player).toBe('mia');
    expect(g.say('x ribbon')).toMatch(/In the dream it's here too/);
    const stairs = before('talk to jaime');
    expect(stairs.say('look')).toMatch(/^The Star Stairs/);
    expect(stairs.say('x ribbon')).not.toMatch(/Which do you mean|blue ribbon/);
  });
});

describe('orders to several people by name', () => {
  it('"tell leo and jaime to go to sleep" and "leo and mia, sit down" order each', () => {
    const g = before('switch to jaime');
    const both = g.say('tell leo and jaime to go to sleep');
    expect(both).not.toMatch(/nobody called/);
    expect(both).toMatch(/Leo/);
    expect(both).toMatch(/Jaime/);
    expect(g.say('leo and mia, sit down')).not.toMatch(/don't know the word/);
  });

  it('in the dream, "follow me" is the group rule, not a refusal; in act 5 Jaime does not offer to go to bed', () => {
    const g = before('x seam');
    g.say('be leo');
    expect(g.say('jaime, follow me')).toMatch(/Where you go, I go/);
    expect(g.say('mia, follow me')).toMatch(/right behind you/);
    const morning = before('talk to mia');
    expect(morning.host.state.act).toBe(5);
    expect(morning.say('jaime, sit down')).not.toMatch(/I'll do bed/);
  });

  it('what an order names is "it" afterwards, obeyed or not', () => {
    const g = before('switch to jaime');
    g.say('tell leo to take the drawing');
    expect(g.say('x it')).toMatch(/felt-tip/);
  });
});

describe('what is said', () => {
  it('words in quotes keep their capitals', () => {
    const g = before('switch to jaime');
    expect(g.say('say "I\'ll take you to Kirra this summer" to leo')).toMatch(/"I'll take you to Kirra this summer\."/);
  });

  it('"goodnight" said to someone is saying goodnight to them, as GOODNIGHT LEO', () => {
    const g = before('switch to jaime');
    const goodnight = before('switch to jaime').say('goodnight leo');
    expect(g.say('say "goodnight" to leo')).toBe(goodnight);
    expect(g.say('say "hi" to leo')).toMatch(/You say to Leo, "Hi\."/);
  });

  it('a story verb refusing a plural thing does not say "has"', () => {
    const g = before('switch to jaime');
    expect(world.messages['ask.not_person']).not.toMatch(/\{thing\} has/);
    expect(g.say('set drawing to eight')).not.toMatch(/ has nothing/);
  });
});

describe('what the thirteenth playtest saw', () => {
  it('revealed in the field, Elara does not kneel in the hollow\'s moss or look over its rim', () => {
    const g = playedTo('ending-balance-forced.txt')('remove band', 2);
    g.run('be leo', 'north', 'be elara', 'north');
    expect(g.say('look')).toMatch(/^The Specter's Field/);
    expect(g.host.state.player).toBe('elara');
    const reveal = g.say("hold leo's hand");
    expect(reveal).toMatch(/Mum\?/);
    expect(reveal).not.toMatch(/moss|rim of the hollow/);
  });

  it('anchored by the kitchen and the stars, remembering home after all does not anchor him twice', () => {
    const g = before('remember home');
    g.say('remember kitchen');
    expect(g.say('remember stars')).toMatch(/Two frames glow now/);
    const home = g.say('remember home');
    expect(home).toMatch(/The third frame glows/);
    expect(home).not.toMatch(/All at once you are all the way here/);
    expect(g.host.state.flags.memory_home).toBe(true);
  });
});

describe('asking what someone wants (playtest 13)', () => {
  it('Mia and Leo say what they want, in act 1 and in the dream', () => {
    const g = before('switch to jaime');
    expect(g.say('ask mia what she wants')).toMatch(/tired at the right time/);
    expect(g.say('ask leo what he wants')).toMatch(/heart of Meelia/);
    const dream = before('x seam');
    dream.say('be leo');
    expect(dream.say('ask mia what she wants')).toMatch(/where I can see them/);
  });
});

describe('answering the Specter in your own words', () => {
  it('SAY "…the study door…" to Leo is telling him about the study door, whatever else it says', () => {
    const told = before('tell leo about the study door').say('tell leo about the study door');
    const g = before('tell leo about the study door');
    expect(g.say('say "The study door will stay open, Leo. I promise." to leo')).toBe(told);
    expect(g.host.state.flags.answered_door).toBe(true);
  });
});

