// Reads a noun phrase's words into articles-free words, pronoun, ordinal and all/except.
import type { NounPhrase } from './types.js';
import { cleanLine } from './normalise.js';
import { tokenise } from './tokenise.js';
import { ALL_WORDS, ARTICLES, EXCEPT_WORDS, ordinalOf, POSSESSIVES, pronounOf } from './words.js';

/** Interprets a bare answer such as `glass`, `the second` or `the glass key`; null when no noun is left. */
export function parseNounPhrase(text: string): NounPhrase | null {
  const words = tokenise(cleanLine(text).text)
    .filter((t) => t.kind === 'word' || t.raw === ',')
    .map((t) => t.lower);
  return nounPhraseFromWords(words);
}

export function nounPhraseFromWords(input: string[]): NounPhrase | null {
  const text = input.join(' ').replace(/ ,/g, ',');
  let words = input.filter((w) => w !== ',' || input.length > 1);
  let all = false;
  let except: NounPhrase[] | undefined;
  if (ALL_WORDS.has(words[0] ?? '')) {
    all = true;
    words = words.slice(1);
    if (words[0] === 'of') words = words.slice(1);
    const cut = words.findIndex((w) => EXCEPT_WORDS.has(w));
    if (cut >= 0) {
      except = splitList(words.slice(cut + 1))
        .map((part) => nounPhraseFromWords(part))
        .filter((np): np is NounPhrase => np !== null);
      words = words.slice(0, cut);
    }
  }
  const core = simplePhrase(words);
  if (!core && !all) return null;
  const np: NounPhrase = { text, words: core?.words ?? [] };
  if (all) np.all = true;
  if (except && except.length) np.except = except;
  if (core?.pronoun && !all) np.pronoun = core.pronoun;
  if (core?.ordinal !== undefined) np.ordinal = core.ordinal;
  return np;
}

function splitList(words: string[]): string[][] {
  const parts: string[][] = [];
  let cur: string[] = [];
  for (const w of words) {
    if (w === 'and' || w === ',') {
      parts.push(cur);
      cur = [];
    } else cur.push(w);
  }
  parts.push(cur);
  return parts.filter((p) => p.length > 0);
}

function simplePhrase(input: string[]): Pick<NounPhrase, 'words' | 'pronoun' | 'ordinal'> | null {
  const content = input.filter((w) => w !== ',');
  const pronoun = content.length === 1 ? pronounOf(content[0] ?? '') : undefined;
  if (pronoun) return { words: [], pronoun };
  let ordinal: number | undefined;
  const words: string[] = [];
  content.forEach((w, i) => {
    if (ARTICLES.has(w) || POSSESSIVES.has(w)) return;
    // "her bag": before another word, her is a possessive, not a pronoun.
    if (w === 'her' && i < content.length - 1) return;
    const n = ordinalOf(w);
    if (n !== undefined && ordinal === undefined) { ordinal = n; return; }
    if ((w === 'one' || w === 'ones') && ordinal !== undefined) return;
    words.push(w);
  });
  if (words.length === 0 && ordinal === undefined) return null;
  return ordinal === undefined ? { words } : { words, ordinal };
}
