// Closed word lists of English the parser knows apart from the world's vocabulary.
import type { Direction } from '../shared/vocabulary.js';

export const ARTICLES = new Set(['a', 'an', 'the', 'some']);
// Possessives carry no meaning for matching: "my lamp" is the lamp.
export const POSSESSIVES = new Set(['my', 'your', 'his', 'their', 'its', 'our']);

const PRONOUN_WORDS: Record<string, 'it' | 'them' | 'him' | 'her' | 'me'> = {
  it: 'it', them: 'them', him: 'him', her: 'her', me: 'me', myself: 'me', self: 'me',
};

export const ALL_WORDS = new Set(['all', 'everything', 'each', 'every']);
export const EXCEPT_WORDS = new Set(['except', 'but', 'excluding']);

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

const ORDINAL_ENDINGS = new Set(['st', 'nd', 'rd', 'th']);

/** "third" → 3, "12th" → 12 (one to three digits, any of the four endings); otherwise undefined. */
export function ordinalOf(word: string): number | undefined {
  if (Object.hasOwn(ORDINAL_WORDS, word)) return ORDINAL_WORDS[word];
  // By hand rather than a RegExp: this runs for nearly every word typed.
  const digits = word.length - 2;
  if (digits < 1 || digits > 3 || !ORDINAL_ENDINGS.has(word.slice(digits))) return undefined;
  for (let i = 0; i < digits; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = Number(word.slice(0, digits));
  return n > 0 ? n : undefined;
}

// Words that may sit inside a noun phrase without being world vocabulary ("bag of coins").
export const PREPOSITIONS = new Set([
  'of', 'in', 'on', 'with', 'to', 'from', 'at', 'about', 'under', 'behind', 'into', 'onto',
  'inside', 'off', 'up', 'down', 'and', 'for', 'over', 'out', 'beneath', 'through', 'one', 'ones',
]);

const DIRECTION_WORDS: Record<string, Direction> = {
  n: 'north', north: 'north', s: 'south', south: 'south', e: 'east', east: 'east', w: 'west', west: 'west',
  ne: 'northeast', northeast: 'northeast', nw: 'northwest', northwest: 'northwest',
  se: 'southeast', southeast: 'southeast', sw: 'southwest', southwest: 'southwest',
  u: 'up', up: 'up', d: 'down', down: 'down', in: 'in', inside: 'in', out: 'out', outside: 'out',
};

// Lookups use own keys only, so words like `constructor` or `__proto__` are just words.
export function directionOf(word: string): Direction | undefined {
  return Object.hasOwn(DIRECTION_WORDS, word) ? DIRECTION_WORDS[word] : undefined;
}

export function pronounOf(word: string): 'it' | 'them' | 'him' | 'her' | 'me' | undefined {
  return Object.hasOwn(PRONOUN_WORDS, word) ? PRONOUN_WORDS[word] : undefined;
}
