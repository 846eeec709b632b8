// Inputs that once crashed a turn: each gets an answer, and the game goes on.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { findKey } from '../../src/comforts/settings-command.js';
import { game } from './helpers.js';

const story = loadContent(join(import.meta.dirname, '../../content'));

describe('a phrase of nothing but articles is a missing object', () => {
  it('asks the same question as a missing object, and the answer completes the command', () => {
    const g = game(story);
    expect(g.say('take the')).toBe('What do you want to take?');
    expect(g.say('x a')).toBe('What do you want to examine?');
    expect(g.say('eat my')).toBe('What do you want to eat?');
    expect(g.say('take')).toBe('What do you want to take?');
    // Answering the question with only an article asks again, rather than running without an object.
    expect(g.say('the')).toBe('What do you want to take?');
    expect(g.say('photo')).toMatch(/frame|photo/i);
  });

  it('puts the answer in the empty slot, not at the end of the line', () => {
    const g = game(story);
    expect(g.say('put the in photo')).toBe('What do you want to put?');
    expect(g.say('boots')).not.toMatch(/What do you want/);
    expect(g.say('put photo in the')).toBe('What do you want to put the photo in?');
  });
});

describe('again and player text as keys', () => {
  it('`z,g` waits twice and stops: again never repeats itself', () => {
    const g = game(story);
    const reply = g.say('z,g');
    expect(reply.length).toBeGreaterThan(0);
    expect(g.say('look')).toMatch(/Living Room/);
  });

  it('prototype words are unknown words, not Object.prototype', () => {
    const g = game(story);
    expect(findKey(['constructor', 'on'])).toBeNull();
    expect(findKey(['__proto__'])).toBeNull();
    expect(findKey(['width', '70'])).toEqual({ key: 'width', rest: ['70'] });
    expect(g.say('settings constructor on').length).toBeGreaterThan(0);
    expect(g.say('x __proto__')).toMatch(/__proto__/);
    expect(g.say('take constructor')).toMatch(/constructor/);
  });
});
