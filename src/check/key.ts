// The canonical key of a State for merging: everything that can change what happens next, and
// nothing else (turn, rng, pronouns, pending questions, verbosity, hints, memories, lastInput,
// solved puzzles, and flags, counters, props, places, stability or focus that no live logic
// condition reads: see analyse.ts).
import type { World, State, Id } from '../engine/types.js';
import { relevance, textRelevance, forEachRuleList, type Relevance, type TextRelevance } from './analyse.js';

/**
 * What `stateKey` reads in one act, laid out once: the things whose place counts, the flags,
 * properties and counters that count (sorted, so a key needs no sorting), the once-rules and
 * scenes whose having run counts, and a code for every place, so a place is one character.
 */
interface Keyer {
  rel: Relevance;
  things: Id[];
  flags: Id[];
  props: [Id, string][];
  counters: Id[];
  fired: Map<string, number>;
  visited: Id[];
  seen: Id[];
  /** Parts already spelt (see memo). */
  memo: { [P in 'loc' | 'flags' | 'props' | 'counters' | 'fired' | 'visited' | 'seen']: WeakMap<State[P], string> };
}

const keyers = new WeakMap<Relevance, Keyer>();
const placeCodes = new WeakMap<World, Map<Id, string>>();

/** One character per place (room, character, item or `nowhere`), the same in every thread for one story. */
function placeCode(w: World): Map<Id, string> {
  let m = placeCodes.get(w);
  if (!m) {
    const ids = ['nowhere', ...Object.keys(w.rooms), ...Object.keys(w.characters), ...Object.keys(w.items)].sort();
    m = new Map(ids.map((id, i) => [id, String.fromCharCode(0x100 + i)]));
    placeCodes.set(w, m);
  }
  return m;
}

function keyer(w: World, act: number): Keyer {
  const rel = relevance(w, act);
  let k = keyers.get(rel);
  if (k) return k;
  const fired = new Set<string>(w.scenes.map((sc) => sc.id));
  forEachRuleList(w, (key, rules) => rules.forEach((r, i) => { if (r.once) fired.add(r.id ?? `${key}#${i}`); }));
  k = {
    rel,
    things: [...Object.keys(w.characters), ...Object.keys(w.items).filter((i) => !rel.inert.has(i))].sort(),
    flags: [...rel.flagsRead].sort(),
    props: [...rel.propsRead].sort().map((x) => { const at = x.indexOf(':'); return [x.slice(0, at), x.slice(at + 1)] as [Id, string]; }),
    counters: [...rel.countersRead].sort(),
    fired: new Map([...fired].filter((f) => !rel.firedIgnored.has(f)).sort().map((f, i) => [f, i])),
    visited: [...rel.visitedRooms].sort(),
    seen: [...rel.seenIds].sort(),
    memo: { loc: new WeakMap(), flags: new WeakMap(), props: new WeakMap(), counters: new WeakMap(), fired: new WeakMap(), visited: new WeakMap(), seen: new WeakMap() },
  };
  keyers.set(rel, k);
  return k;
}

const bit = (b: boolean | undefined) => (b ? '1' : '0');

/**
 * A state's part as the key spells it, remembered per part object. The engine copies a part
 * before it changes it and never changes a part a state already has (undo keeps old states), so
 * the successors of one state share most of its parts, and each shared part is spelt once.
 */
function memo<P extends object>(cache: WeakMap<P, string>, part: P, spell: (p: P) => string): string {
  let out = cache.get(part);
  if (out === undefined) cache.set(part, (out = spell(part)));
  return out;
}

function spellLoc(k: Keyer, codes: Map<Id, string>, loc: State['loc']): string {
  let out = '';
  for (const id of k.things) {
    const at = loc[id] ?? 'nowhere';
    out += codes.get(at) ?? `\u0001${at}\u0002`;
  }
  return out;
}

function spellFired(k: Keyer, fired: State['fired']): string {
  const bits = new Array<string>(k.fired.size).fill('0');
  const extra: string[] = [];
  for (const f of fired) {
    const i = k.fired.get(f);
    if (i !== undefined) bits[i] = '1';
    else if (!k.rel.firedIgnored.has(f)) extra.push(f);
  }
  return bits.join('') + (extra.length ? `+${sorted(extra)}` : '');
}

/** Which of `ids` each character has in its list (visited rooms, seen things). */
function spellLists(ids: readonly Id[], lists: Record<Id, Id[]>): string {
  const v: string[] = [];
  for (const c of Object.keys(lists).sort()) v.push(`${c}:${ids.map((r) => bit(lists[c].includes(r))).join('')}`);
  return v.join(';');
}

/**
 * A string that is equal for two states exactly when no live logic condition, rule or standard
 * action can tell them apart (see analyse.ts for what counts as logic). Only ever compared, never
 * read: places are one character each, flags, properties and once-rules one bit each.
 */
export function stateKey(w: World, s: State): string {
  const k = keyer(w, s.act);
  const rel = k.rel;
  const m = k.memo;
  const parts: string[] = [
    s.player,
    s.playable.join(','),
    String(s.act),
    s.ending ?? '-',
    rel.stabilityRead ? String(s.stability) : '',
    rel.focusRead ? String(s.focus) : '',
    memo(m.loc, s.loc, (loc) => spellLoc(k, placeCode(w), loc)),
    memo(m.flags, s.flags, (flags) => { let out = ''; for (const f of k.flags) out += bit(flags[f]); return out; }),
    memo(m.props, s.props, (props) => { let out = ''; for (const [id, p] of k.props) out += bit(props[id]?.includes(p)); return out; }),
    memo(m.counters, s.counters, (counters) => { let out = ''; for (const c of k.counters) out += `${counters[c] ?? 0},`; return out; }),
    memo(m.fired, s.fired, (fired) => spellFired(k, fired)),
  ];
  if (k.visited.length) parts.push(memo(m.visited, s.visited, (v) => spellLists(k.visited, v)));
  if (k.seen.length) parts.push(memo(m.seen, s.seen, (v) => spellLists(k.seen, v)));
  return parts.join('|');
}

const sorted = (xs: readonly string[]) => [...xs].sort().join(',');

/** The character carrying an item (in hand or inside what they carry), or null. */
function holder(w: World, s: State, id: Id): Id | null {
  let at = s.loc[id];
  for (let n = 0; n < 20 && at !== undefined; n++) {
    if (Object.hasOwn(w.characters, at)) return at;
    at = s.loc[at];
  }
  return null;
}

/** Clears what the key ignores, so a merged state's leftovers (a pending question) cannot leak. */
export function normalise(s: State): State {
  s.pending = null;
  s.pronouns = {};
  s.oops = null;
  s.lastInput = null;
  s.memories = [];
  s.hintsTaken = {};
  return s;
}

/**
 * The text-only part of a state (see `TextRelevance`), one string per independent group of
 * tracked variables: two states with the same `stateKey` and the same string for a group cannot
 * be told apart by any scene or hint condition reading that group, nor by what writes it. Empty
 * when nothing is tracked.
 */
export function textKeys(w: World, s: State): string[] {
  const t = textRelevance(w, s.act);
  if (t.empty) return [];
  return t.groups.map((g) => `${g[0]}=${g.map((x) => textValue(w, t, s, x)).join(',')}`);
}

/** One tracked variable's value in a state (a group token of TextRelevance.groups). */
function textValue(w: World, t: TextRelevance, s: State, x: string): string {
  const kind = x[0];
  const id = x.slice(2);
  switch (kind) {
    case 'f': return s.flags[id] ? '1' : '';
    case 'c': return String(s.counters[id] ?? 0);
    case 'p': {
      const [item, prop] = id.split(':');
      return s.props[item]?.includes(prop) ? '1' : '';
    }
    case 'v': return Object.keys(s.visited).sort().filter((c) => s.visited[c].includes(id)).join('+');
    case 's': return Object.keys(s.seen).sort().filter((c) => s.seen[c].includes(id)).join('+');
    case 'S': return String(s.stability);
    case 'F': return String(s.focus);
    case 'i': {
      // An item's place as far as conditions tell: a place they name, who holds it, or elsewhere.
      // (Two states that differ only in which unnamed room it lies in are one: an under-
      // approximation, the search may then miss a text state only one of them leads to.)
      const at = s.loc[id] ?? 'nowhere';
      if (t.itemPlaces.get(id)!.has(at)) return at;
      const by = t.itemHeld.has(id) ? holder(w, s, id) : null;
      return by ? `@${by}` : '-';
    }
    default: return '';
  }
}
