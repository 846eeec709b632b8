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
  };
  keyers.set(rel, k);
  return k;
}

const bit = (b: boolean | undefined) => (b ? '1' : '0');

/**
 * A string that is equal for two states exactly when no live logic condition, rule or standard
 * action can tell them apart (see analyse.ts for what counts as logic). Only ever compared, never
 * read: places are one character each, flags, properties and once-rules one bit each.
 */
export function stateKey(w: World, s: State): string {
  const k = keyer(w, s.act);
  const rel = k.rel;
  const codes = placeCode(w);
  let loc = '';
  for (const id of k.things) {
    const at = s.loc[id] ?? 'nowhere';
    loc += codes.get(at) ?? `\u0001${at}\u0002`;
  }
  let flags = '';
  for (const f of k.flags) flags += bit(s.flags[f]);
  let props = '';
  for (const [id, p] of k.props) props += bit(s.props[id]?.includes(p));
  let counters = '';
  for (const c of k.counters) counters += `${s.counters[c] ?? 0},`;
  const fired = new Array<string>(k.fired.size).fill('0');
  const extra: string[] = [];
  for (const f of s.fired) {
    const i = k.fired.get(f);
    if (i !== undefined) fired[i] = '1';
    else if (!rel.firedIgnored.has(f)) extra.push(f);
  }
  const parts: string[] = [
    s.player,
    s.playable.join(','),
    String(s.act),
    s.ending ?? '-',
    rel.stabilityRead ? String(s.stability) : '',
    rel.focusRead ? String(s.focus) : '',
    loc,
    flags,
    props,
    counters,
    fired.join('') + (extra.length ? `+${sorted(extra)}` : ''),
  ];
  if (k.visited.length) {
    const v: string[] = [];
    for (const c of Object.keys(s.visited).sort()) v.push(`${c}:${k.visited.map((r) => bit(s.visited[c].includes(r))).join('')}`);
    parts.push(v.join(';'));
  }
  if (k.seen.length) {
    const v: string[] = [];
    for (const c of Object.keys(s.seen).sort()) v.push(`${c}:${k.seen.map((r) => bit(s.seen[c].includes(r))).join('')}`);
    parts.push(v.join(';'));
  }
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
