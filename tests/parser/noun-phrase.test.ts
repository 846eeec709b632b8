import { describe, expect, it } from 'vitest';
import { parseNounPhrase } from '../../src/parser/index.js';
import { action } from './helpers.js';

describe('noun phrases in commands', () => {
  it('drops articles from words but keeps them in text', () => {
    expect(action('take the small blue shell').dobj).toEqual({ text: 'the small blue shell', words: ['small', 'blue', 'shell'] });
    expect(action('take a key').dobj?.words).toEqual(['key']);
    expect(action('take an old key').dobj?.words).toEqual(['old', 'key']);
    expect(action('take some bread').dobj?.words).toEqual(['bread']);
  });
  it('drops my and your', () => {
    expect(action('drop my lamp').dobj?.words).toEqual(['lamp']);
    expect(action('examine your hat').dobj?.words).toEqual(['hat']);
  });
  it.each([
    ['it', 'it'], ['them', 'them'], ['him', 'him'], ['her', 'her'], ['me', 'me'], ['myself', 'me'], ['self', 'me'],
  ])('pronoun %s', (word, pronoun) => {
    expect(action(`examine ${word}`).dobj).toEqual({ text: word, words: [], pronoun });
  });
  it('her before a noun is a possessive', () => {
    expect(action('take her hat').dobj).toEqual({ text: 'her hat', words: ['hat'] });
  });
  it('all and everything', () => {
    expect(action('take all').dobj).toEqual({ text: 'all', words: [], all: true });
    expect(action('drop everything').dobj).toEqual({ text: 'everything', words: [], all: true });
    expect(action('take all the coins').dobj).toEqual({ text: 'all the coins', words: ['coins'], all: true });
    expect(action('take all keys').dobj).toMatchObject({ words: ['keys'], all: true });
  });
  it('all except, all but, everything except', () => {
    expect(action('take all except the key and the lamp').dobj).toEqual({
      text: 'all except the key and the lamp', words: [], all: true,
      except: [{ text: 'the key', words: ['key'] }, { text: 'the lamp', words: ['lamp'] }],
    });
    expect(action('take all but lamp').dobj?.except).toEqual([{ text: 'lamp', words: ['lamp'] }]);
    expect(action('drop everything except the hat').dobj).toMatchObject({ all: true, except: [{ words: ['hat'] }] });
  });
  it('a comma inside an except list lists another exception', () => {
    expect(action('take all except key, lamp').dobj?.except?.map((e) => e.words)).toEqual([['key'], ['lamp']]);
  });
  it.each([
    ['take the second', 2, []], ['take 2nd', 2, []], ['take the second one', 2, []],
    ['take the first key', 1, ['key']], ['take third shell', 3, ['shell']], ['take the 10th coin', 10, ['coin']],
  ])('ordinal in %s', (input, ordinal, words) => {
    expect(action(input).dobj).toMatchObject({ ordinal, words });
  });
  it('keeps several words as one phrase (no "X and Y" lists outside except)', () => {
    expect(action('examine bag of coins').dobj?.words).toEqual(['bag', 'of', 'coins']);
  });
});

describe('parseNounPhrase for answers to "which do you mean?"', () => {
  it('reads bare answers', () => {
    expect(parseNounPhrase('glass')).toEqual({ text: 'glass', words: ['glass'] });
    expect(parseNounPhrase('the second')).toEqual({ text: 'the second', words: [], ordinal: 2 });
    expect(parseNounPhrase('The Glass Key')).toEqual({ text: 'the glass key', words: ['glass', 'key'] });
    expect(parseNounPhrase('2nd one')).toEqual({ text: '2nd one', words: [], ordinal: 2 });
    expect(parseNounPhrase('it')).toEqual({ text: 'it', words: [], pronoun: 'it' });
    expect(parseNounPhrase('all')).toEqual({ text: 'all', words: [], all: true });
  });
  it('cleans the answer like a command line', () => {
    expect(parseNounPhrase('  the\u001b[1m   glass \u0007key ')).toEqual({ text: 'the glass key', words: ['glass', 'key'] });
  });
  it('is null when no noun is left', () => {
    expect(parseNounPhrase('')).toBeNull();
    expect(parseNounPhrase('   ')).toBeNull();
    expect(parseNounPhrase('the')).toBeNull();
  });
});
