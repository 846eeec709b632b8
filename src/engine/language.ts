// What the parser needs from a world, worked out once per world: its vocabulary, its grammar
// (the standard lines with the story's own in front), and a cache of parsed lines.
import type { World } from './types.js';
import { parse, makeGrammar, singularsOf, type Grammar, type Vocabulary } from '../parser/index.js';

const vocabCache = new WeakMap<World, Vocabulary>();

export function vocabulary(w: World): Vocabulary {
  let v = vocabCache.get(w);
  if (v) return v;
  const words = new Set<string>();
  const add = (s: string) => {
    for (const x of s.toLowerCase().split(/\s+/)) if (x) words.add(x);
  };
  const addAll = (list: readonly string[] | undefined) => list?.forEach(add);
  for (const it of Object.values(w.items)) {
    addAll(it.words);
    addAll(it.adjectives);
  }
  for (const c of Object.values(w.characters)) {
    addAll(c.words);
    addAll(c.adjectives);
    add(c.name);
  }
  for (const t of Object.values(w.topics)) addAll(t.words);
  addAll(w.game.bodyParts);
  addAll(w.game.everyone);
  for (const r of Object.values(w.rooms)) {
    add(r.name);
    for (const sc of r.scenery ?? []) addAll(sc.words);
  }
  // A plural of a known word is known (`x whales`): resolve reads it as every thing of the singular.
  v = { has: (x: string) => words.has(x) || singularsOf(x).some((one) => words.has(one)) };
  vocabCache.set(w, v);
  return v;
}

const grammarCache = new WeakMap<World, Grammar>();

/** The world's grammar: its own lines (content/grammar.yaml) tried before the standard ones. */
export function grammarOf(w: World): Grammar {
  let g = grammarCache.get(w);
  if (!g) grammarCache.set(w, (g = makeGrammar(w.grammar?.lines ?? [])));
  return g;
}

const namesCache = new WeakMap<World, string[]>();
function characterNames(w: World): string[] {
  let n = namesCache.get(w);
  if (!n) namesCache.set(w, (n = Object.values(w.characters).flatMap((c) => [c.name.toLowerCase(), ...c.words])));
  return n;
}

// Parsing is pure given the world and far slower than a turn (the grammar is tried line by
// line), so a line typed again — in play, and thousands of times by `nanodream check` — is
// parsed once per world. The cached result is frozen, so nothing can alter it.
const PARSE_CACHE_LIMIT = 5000;
const parseCache = new WeakMap<World, Map<string, ReturnType<typeof parse>>>();

export function parseLine(w: World, input: string): ReturnType<typeof parse> {
  let cache = parseCache.get(w);
  if (!cache) parseCache.set(w, (cache = new Map()));
  let r = cache.get(input);
  if (!r) {
    r = deepFreeze(parse(input, vocabulary(w), { characters: characterNames(w), grammar: grammarOf(w) }));
    if (cache.size >= PARSE_CACHE_LIMIT) cache.clear();
    cache.set(input, r);
  }
  return r;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
