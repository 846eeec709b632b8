// The canonical key of a State for merging: everything that can change what happens next, and
// nothing else (turn, rng, pronouns, pending questions, verbosity, hints, memories, lastInput,
// solved puzzles, and flags, counters, props, places, stability or focus that no live logic
// condition reads: see analyse.ts).
import type { World, State, Id } from '../engine/types.js';
import { relevance, textRelevance, type TextRelevance } from './analyse.js';

const idsCache = new WeakMap<World, Map<number, Id[]>>();

function thingIds(w: World, act: number): Id[] {
  let m = idsCache.get(w);
  if (!m) idsCache.set(w, (m = new Map()));
  let ids = m.get(act);
  if (!ids) {
    const inert = relevance(w, act).inert;
    ids = [...Object.keys(w.characters), ...Object.keys(w.items).filter((i) => !inert.has(i))].sort();
    m.set(act, ids);
  }
  return ids;
}

const sorted = (xs: readonly string[]) => [...xs].sort().join(',');

/**
 * A string that is equal for two states exactly when no live logic condition, rule or standard
 * action can tell them apart (see analyse.ts for what counts as logic).
 */
export function stateKey(w: World, s: State): string {
  const rel = relevance(w, s.act);
  const parts: string[] = [
    s.player,
    s.playable.join(','),
    String(s.act),
    s.ending ?? '-',
    rel.stabilityRead ? String(s.stability) : '',
    rel.focusRead ? String(s.focus) : '',
  ];
  const loc: string[] = [];
  for (const id of thingIds(w, s.act)) loc.push(s.loc[id] ?? 'nowhere');
  parts.push(loc.join(','));
  const props: string[] = [];
  for (const id in s.props) for (const p of s.props[id]) if (rel.propsRead.has(`${id}:${p}`)) props.push(`${id}:${p}`);
  parts.push(sorted(props));
  const flags: string[] = [];
  for (const f in s.flags) if (s.flags[f] && rel.flagsRead.has(f)) flags.push(f);
  parts.push(sorted(flags));
  const counters: string[] = [];
  for (const k in s.counters) if (s.counters[k] && rel.countersRead.has(k)) counters.push(`${k}=${s.counters[k]}`);
  parts.push(sorted(counters));
  parts.push(sorted(s.fired.filter((f) => !rel.firedIgnored.has(f))));
  if (rel.visitedRooms.size) {
    const v: string[] = [];
    for (const c of Object.keys(s.visited).sort()) v.push(`${c}:${sorted(s.visited[c].filter((r) => rel.visitedRooms.has(r)))}`);
    parts.push(v.join(';'));
  }
  if (rel.seenIds.size) {
    const v: string[] = [];
    for (const c of Object.keys(s.seen).sort()) v.push(`${c}:${sorted(s.seen[c].filter((r) => rel.seenIds.has(r)))}`);
    parts.push(v.join(';'));
  }
  return parts.join('|');
}

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
