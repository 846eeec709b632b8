// Commands for the fuzzer, made from the game's own words: the verb catalogue's forms and
// usages, and the world's nouns, adjectives, names and topics, dressed with articles,
// possessives, pronouns, all/except, chains, orders, again/oops/undo, prototype words, unicode
// and control characters. Seeded, so a failure replays from its seed.
import type { World } from '../../src/engine/types.js';
import { VERBS } from '../../src/parser/index.js';
import { nextRandom, normaliseSeed } from '../../src/engine/rng.js';

export type Rand = () => number;

/** The engine's own seeded generator, as a function: enough for choosing words. */
export function seeded(seed: number): Rand {
  let state = normaliseSeed(seed);
  return () => {
    const { value, rng } = nextRandom(state);
    state = rng;
    return value;
  };
}

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const chance = (r: Rand, p: number) => r() < p;

const ARTICLES = ['the', 'a', 'an', 'some'];
const POSSESSIVES = ['my', 'your', 'his', 'her', 'their', 'its', 'our'];
const PRONOUNS = ['it', 'them', 'him', 'her', 'me', 'myself'];
const ORDINALS = ['first', 'second', 'third', '2nd', '10th', '999th'];
const PREPS = ['in', 'on', 'to', 'with', 'from', 'at', 'about', 'under', 'behind', 'into', 'onto', 'of', 'through', 'over'];
const PROTOTYPE = ['constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const JUNK = [
  '\u0000', '\u0007', '\u001b[31m', '\u001b]0;x\u0007', '\t', '\r', '\u00a0', '\u200b', '\u202e', '\ufeff',
  'é', 'ß', 'ǅ', 'İ', '猫', '🙂', '👩‍👧', 'e\u0301', '\ud800', '"', '“', '”', "'", ';', '!', '?', ',', '.', '..', '...',
];
const DIRECTIONS = ['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'u', 'd', 'in', 'out', 'north', 'up', 'down'];

export interface Words {
  nouns: string[];
  adjectives: string[];
  names: string[];
  topics: string[];
  places: string[];
  verbs: { forms: string[]; usage: string }[];
}

/** Every word the world answers to, plus the verb catalogue. */
export function wordsOf(w: World): Words {
  const nouns = new Set<string>();
  const adjectives = new Set<string>();
  for (const it of Object.values(w.items)) {
    for (const x of it.words) nouns.add(x);
    for (const x of it.adjectives ?? []) adjectives.add(x);
  }
  for (const r of Object.values(w.rooms)) for (const sc of r.scenery ?? []) for (const x of sc.words) nouns.add(x);
  const names = new Set<string>();
  for (const c of Object.values(w.characters)) {
    names.add(c.name.toLowerCase());
    for (const x of c.words) names.add(x);
  }
  const topics = new Set<string>();
  for (const t of Object.values(w.topics ?? {})) for (const x of t.words) topics.add(x);
  return {
    nouns: [...nouns], adjectives: [...adjectives], names: [...names], topics: [...topics],
    places: Object.values(w.rooms).map((r) => r.name.toLowerCase()),
    verbs: [...VERBS.map((v) => ({ forms: v.forms, usage: v.usage })), ...storyVerbs(w)],
  };
}

/** The story's own grammar lines (content/grammar.yaml) as usages: `wind up THING`. */
function storyVerbs(w: World): { forms: string[]; usage: string }[] {
  return (w.grammar?.lines ?? []).map((l) => {
    const usage = l.pattern.replace(/\b(NOUN|SECOND)\b/g, 'THING');
    return { forms: (usage.split(' ')[0] ?? 'x').split('|'), usage };
  });
}

export function nounPhrase(r: Rand, ws: Words): string {
  const roll = r();
  if (roll < 0.06) return pick(r, [...ARTICLES, ...POSSESSIVES]); // articles only: the old crash class
  if (roll < 0.09) return `${pick(r, ARTICLES)} ${pick(r, POSSESSIVES)}`;
  if (roll < 0.16) return pick(r, PRONOUNS);
  if (roll < 0.22) return allPhrase(r, ws);
  if (roll < 0.26) return pick(r, PROTOTYPE);
  if (roll < 0.29) return pick(r, JUNK) + pick(r, ws.nouns.length ? ws.nouns : ['x']);
  if (roll < 0.34) return pick(r, ws.names);
  if (roll < 0.37) return `${thing(r, ws)} and ${thing(r, ws)}`;
  return thing(r, ws);
}

function thing(r: Rand, ws: Words): string {
  const parts: string[] = [];
  if (chance(r, 0.5)) parts.push(pick(r, chance(r, 0.7) ? ARTICLES : POSSESSIVES));
  if (chance(r, 0.1)) parts.push(pick(r, ORDINALS));
  if (ws.adjectives.length && chance(r, 0.35)) parts.push(pick(r, ws.adjectives));
  parts.push(ws.nouns.length ? pick(r, ws.nouns) : 'thing');
  if (chance(r, 0.05)) parts.push(pick(r, ['one', 'ones']));
  return parts.join(' ');
}

function allPhrase(r: Rand, ws: Words): string {
  const head = pick(r, ['all', 'everything', 'all the', 'all of the', 'each', 'every']);
  if (!chance(r, 0.5)) return chance(r, 0.3) ? `${head} ${pick(r, ws.nouns)}` : head;
  const n = 1 + Math.floor(r() * 3);
  const rest = Array.from({ length: n }, () => thing(r, ws)).join(chance(r, 0.5) ? ' and ' : ', ');
  return `${head} ${pick(r, ['except', 'but', 'excluding'])} ${rest}`;
}

/** One command: a verb's usage with its blanks filled, or a form followed by odd words. */
export function command(r: Rand, ws: Words): string {
  const v = pick(r, ws.verbs);
  const form = pick(r, v.forms);
  const roll = r();
  if (roll < 0.55) return fillUsage(r, ws, v.usage, form);
  if (roll < 0.75) return `${form} ${nounPhrase(r, ws)}`;
  if (roll < 0.88) return `${form} ${nounPhrase(r, ws)} ${pick(r, PREPS)} ${nounPhrase(r, ws)}`;
  if (roll < 0.94) return form;
  return `${form} ${pick(r, PREPS)}`;
}

function fillUsage(r: Rand, ws: Words, usage: string, form: string): string {
  const words = usage.replace(/\[([^\]]*)\]/g, (_m, inner: string) => (chance(r, 0.6) ? inner : '')).split(/\s+/).filter(Boolean);
  // The usage starts with the verb's first form; put the chosen form in its place.
  const out = [form];
  for (const w of words.slice(usage.startsWith(form) ? form.split(' ').length : 1)) out.push(fill(r, ws, w));
  return out.join(' ');
}

function fill(r: Rand, ws: Words, w: string): string {
  switch (w.replace(/[|].*$/, '')) {
    case 'THING': return nounPhrase(r, ws);
    case 'PERSON': return chance(r, 0.7) ? pick(r, ws.names) : nounPhrase(r, ws);
    case 'TOPIC': return chance(r, 0.6) && ws.topics.length ? pick(r, ws.topics) : nounPhrase(r, ws);
    case 'DIRECTION': return pick(r, DIRECTIONS);
    case 'PLACE': return chance(r, 0.8) ? pick(r, ws.places) : nounPhrase(r, ws);
    case 'NAME': return chance(r, 0.7) ? pick(r, ws.names) : pick(r, [...PROTOTYPE, 'a/../../up', 'CON', 'autosave', '']);
    case 'WORD': return chance(r, 0.5) ? pick(r, PROTOTYPE) : pick(r, [...ws.nouns, 'width', 'color', 'on', 'off', '70']);
    case 'TEXT': return `"${nounPhrase(r, ws)}"`;
    default: return w.includes('|') ? pick(r, w.split('|')) : w;
  }
}

/** A line as a player might type it: usually one command, sometimes chains, orders, meta words or junk. */
export function line(r: Rand, ws: Words): string {
  const roll = r();
  if (roll < 0.04) return pick(r, ['again', 'g', 'undo', 'z,g', 'z.g', 'g,g', 'again. again', 'undo. undo']);
  if (roll < 0.07) return `oops ${pick(r, [...ws.nouns, ...PROTOTYPE, 'é', '猫', ''])}`;
  if (roll < 0.12) return `${pick(r, ws.names)}, ${command(r, ws)}`;
  if (roll < 0.15) return `tell ${pick(r, ws.names)} to ${command(r, ws)}`;
  if (roll < 0.2) {
    const n = 2 + Math.floor(r() * 3);
    return Array.from({ length: n }, () => command(r, ws)).join(pick(r, ['. ', ', then ', ' then ', ', ', ' and ']));
  }
  if (roll < 0.23) return junk(r);
  if (roll < 0.25) return pick(r, DIRECTIONS);
  if (roll < 0.27) return pick(r, ['yes', 'no', 'y', 'n', '1', '2', 'the', 'the second', 'all', 'it', '']);
  return command(r, ws);
}

function junk(r: Rand): string {
  const n = 1 + Math.floor(r() * 12);
  let s = Array.from({ length: n }, () => pick(r, JUNK)).join(chance(r, 0.5) ? '' : ' ');
  if (chance(r, 0.1)) s = s.repeat(200 + Math.floor(r() * 1000));
  return s;
}
