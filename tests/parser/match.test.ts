import { describe, expect, it } from 'vitest';
import { describeChoices, matchNounPhrase, parseNounPhrase, type Candidate } from '../../src/parser/index.js';

const silverKey: Candidate = { id: 'silver-key', words: ['key'], adjectives: ['silver', 'small'], name: 'silver key' };
const glassKey: Candidate = { id: 'glass-key', words: ['key'], adjectives: ['glass'], name: 'glass key' };
const brassKey: Candidate = { id: 'brass-key', words: ['key'], adjectives: ['brass', 'small'], name: 'brass key' };
const glass: Candidate = { id: 'glass', words: ['glass', 'tumbler'], adjectives: ['drinking'], name: 'drinking glass' };
const keyRing: Candidate = { id: 'ring', words: ['ring', 'key'], adjectives: ['silver'], name: 'silver ring' };
const lamp: Candidate = { id: 'lamp', words: ['lamp', 'lantern'], adjectives: ['old', 'brass'], name: 'old lamp' };
const KEYS = [silverKey, glassKey, brassKey];

const ids = (text: string, cands: Candidate[]) => matchNounPhrase(parseNounPhrase(text)!, cands).map((c) => c.id);

describe('matchNounPhrase', () => {
  it('every word must belong to the candidate and one must be a noun', () => {
    expect(ids('key', KEYS)).toEqual(['silver-key', 'glass-key', 'brass-key']);
    expect(ids('silver key', KEYS)).toEqual(['silver-key']);
    expect(ids('small key', KEYS)).toEqual(['silver-key', 'brass-key']);
    expect(ids('silver glass key', KEYS)).toEqual([]);
    expect(ids('lamp', KEYS)).toEqual([]);
  });
  it('a lone adjective is accepted only when it picks out one thing', () => {
    expect(ids('silver', KEYS)).toEqual(['silver-key']);
    expect(ids('small', KEYS)).toEqual([]);
    expect(ids('the brass', [lamp, silverKey])).toEqual(['lamp']);
  });
  it('a word that is a noun for one thing beats an adjective for another', () => {
    expect(ids('glass', [glassKey, glass])).toEqual(['glass']);
  });
  it('prefers things whose noun is the last word', () => {
    const keyShapedGlass: Candidate = { id: 'kglass', words: ['glass'], adjectives: ['key', 'shaped'], name: 'key-shaped glass' };
    expect(ids('glass key', [keyShapedGlass, glassKey])).toEqual(['glass-key']);
    expect(ids('key glass', [keyShapedGlass, glassKey])).toEqual(['kglass']);
    // Both have "key" as a noun, so the head noun does not narrow it.
    expect(ids('silver key', [keyRing, silverKey])).toEqual(['ring', 'silver-key']);
    expect(ids('silver ring', [keyRing, silverKey])).toEqual(['ring']);
    expect(ids('key', [keyRing, glass])).toEqual(['ring']);
  });
  it('applies ordinals in candidate order', () => {
    expect(ids('the second', KEYS)).toEqual(['glass-key']);
    expect(ids('3rd key', KEYS)).toEqual(['brass-key']);
    expect(ids('second small key', KEYS)).toEqual(['brass-key']);
    expect(ids('fourth key', KEYS)).toEqual([]);
  });
  it('all, all X and all except', () => {
    expect(ids('all', [...KEYS, lamp])).toEqual(['silver-key', 'glass-key', 'brass-key', 'lamp']);
    expect(ids('all keys', [...KEYS, lamp])).toEqual([]); // plurals are the content's words, not guessed
    expect(ids('all the key', [...KEYS, lamp])).toEqual(['silver-key', 'glass-key', 'brass-key']);
    expect(ids('all except the glass key and lamp', [...KEYS, lamp])).toEqual(['silver-key', 'brass-key']);
    expect(ids('everything but silver', [...KEYS, lamp])).toEqual(['glass-key', 'brass-key', 'lamp']);
  });
  it('leaves pronouns to the engine', () => {
    expect(ids('it', KEYS)).toEqual([]);
  });
});

describe('describeChoices', () => {
  it('words a which-one question', () => {
    expect(describeChoices(['silver key', 'glass key'])).toBe('the silver key or the glass key');
    expect(describeChoices(['silver key', 'glass key', 'brass key'])).toBe('the silver key, the glass key or the brass key');
    expect(describeChoices(['lamp'])).toBe('the lamp');
    expect(describeChoices([])).toBe('');
  });
});
