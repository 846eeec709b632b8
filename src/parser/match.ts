// Matches a noun phrase against the things in scope, Inform-style, and words a "which one?" list.
import type { NounPhrase } from './types.js';
import { PREPOSITIONS } from './words.js';

export interface Candidate {
  id: string;
  /** Nouns: "key", "shell". */
  words: string[];
  adjectives: string[];
  /** Without an article: "silver key". */
  name: string;
  /** Whose it is (`leo` for "leo's boots"): an adjective beside a noun, never a name on its own. */
  owners?: string[];
}

/** Little words a name may hold inside it: Knots *for* Explorers, the book *of* knots. */
const LINKS = new Set([...PREPOSITIONS].filter((w) => w !== 'and' && w !== 'one' && w !== 'ones'));

function fits(words: string[], c: Candidate): boolean {
  const last = words.length - 1;
  return words.every((w, i) => c.words.includes(w) || c.adjectives.includes(w) || c.owners?.includes(w) === true
    // Inside the phrase (never first or last), a preposition is part of the name.
    || (i > 0 && i < last && LINKS.has(w)))
    && words.some((w) => c.words.includes(w));
}

function wordMatches(words: string[], candidates: Candidate[]): Candidate[] {
  if (words.length === 0) return candidates.slice();
  let found = candidates.filter((c) => fits(words, c));
  const [only] = words;
  if (found.length === 0 && words.length === 1 && only !== undefined) {
    // "glass" for the glass key: a lone adjective is enough when it picks out one thing.
    const byAdjective = candidates.filter((c) => c.adjectives.includes(only));
    return byAdjective.length === 1 ? byAdjective : [];
  }
  // "glass key" should prefer keys over a glass that is also key-shaped: the head noun comes last.
  const last = words[words.length - 1] ?? '';
  const headed = found.filter((c) => c.words.includes(last));
  if (headed.length > 0) found = headed;
  return found;
}

/**
 * The candidates the phrase can mean, in candidate order. Pronouns are the engine's business
 * (it knows what "it" last referred to), so a pronoun phrase matches nothing here.
 */
export function matchNounPhrase(np: NounPhrase, candidates: Candidate[]): Candidate[] {
  if (np.pronoun) return [];
  let found = wordMatches(np.words, candidates);
  if (np.all) {
    const excluded = new Set((np.except ?? []).flatMap((e) => matchNounPhrase(e, candidates)).map((c) => c.id));
    found = found.filter((c) => !excluded.has(c.id));
  }
  if (np.ordinal !== undefined) {
    const pick = found[np.ordinal - 1];
    return pick ? [pick] : [];
  }
  return found;
}

/** "the silver key or the glass key"; "the a, the b or the c". */
export function describeChoices(names: string[]): string {
  const withArticles = names.map((n) => `the ${n}`);
  if (withArticles.length <= 1) return withArticles[0] ?? '';
  return `${withArticles.slice(0, -1).join(', ')} or ${withArticles[withArticles.length - 1]}`;
}

/**
 * The singulars a plural may stand for (`whales` -> whale; `boxes` -> boxe, box), or none for a
 * word too short or not ending in s. The vocabulary and the resolver read plurals through it.
 */
export function singularsOf(word: string): string[] {
  if (word.length < 4 || !word.endsWith('s')) return [];
  return word.endsWith('es') ? [word.slice(0, -1), word.slice(0, -2)] : [word.slice(0, -1)];
}
