// Findings of the eleventh blind playtest, each played through the real story from a
// walkthrough's state at that moment.
import { describe, it, expect } from 'vitest';
import { game, gameBefore, playedTo, story, walkthrough } from './helpers.js';

const world = story();
const before = playedTo();

describe('what the eleventh playtest asked about', () => {
  it('Jaime and Leo answer about the promise and the park in act 1', () => {
    const g = before('switch to jaime');
    expect(g.say('ask jaime about the promise')).toMatch(/wait for us at the gate/);
    expect(g.say('ask leo about the park')).toMatch(/Nothing happens at the park/);
    expect(g.say('ask jaime about the park')).toMatch(/climbing frame/);
    g.say('be jaime');
    g.say('give cartridge to leo');
    expect(g.host.state.flags.leo_promised_gate).toBe(true);
    g.say('be mia');
    expect(g.say('ask jaime about the promise')).toMatch(/He promised/);
  });

  it('from the balcony, the balcony door is there: open already, and the way back in', () => {
    const g = game(world);
    expect(g.say('s')).toMatch(/Balcony/);
    expect(g.say('open balcony door')).toMatch(/It's open/);
    expect(g.say('x halcyon towers')).not.toMatch(/don't know the word/);
    expect(g.say('enter door')).toMatch(/Living Room/);
  });
});

describe('what the eleventh playtest saw', () => {
  it('after the lever, with Elara gone ahead up the stones, Leo is not still holding her hand', () => {
    const forced = walkthrough('ending-balance-forced.txt');
    const g = gameBefore(world, forced, 'remove band', 2);
    expect(g.host.state.player).toBe('elara');
    g.say('north');
    const leo = g.say('be leo');
    expect(leo).toMatch(/The warmth that was beside you has gone/);
    expect(leo).not.toMatch(/still holding somebody's hand/);
    const beside = gameBefore(world, forced, 'remove band', 2);
    expect(beside.say('be leo')).toMatch(/still holding somebody's hand/);
  });

  it('when the story hands the player to someone else, the rest of the line is not theirs', () => {
    const g = before('tell leo about the study door');
    const reply = g.say("tell leo about the study door. tell leo it's all right to be scared. tell leo about the real world");
    expect(g.host.state.player).toBe('leo');
    expect(reply).toMatch(/You are now playing Leo\./);
    expect(reply).not.toMatch(/You already know what you think/);
  });
});

describe('act 5 at bedtime', () => {
  it('Mum has no coffee in hand at night', () => {
    const g = gameBefore(world, walkthrough('ending-balance-forced.txt'), 'north', 4);
    g.say('north');
    const leo = g.say('be leo');
    expect(leo).toMatch(/Mum is here, in the doorway/);
    expect(leo).not.toMatch(/coffee/);
    expect(g.say('x mum')).not.toMatch(/coffee in hand|pancakes/);
  });
});
