// The canonical key of a State for merging: everything that can change what happens next, and
// nothing else (turn, rng, pronouns, pending questions, verbosity, hints, memories, lastInput,
// solved puzzles, and flags, counters, props, places, stability or focus that no live logic
// condition reads: see analyse.ts).
import type { World, State, Id } from '../engine/types.js';
import { relevance, textRelevance } from './analyse.js';

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
 * The text-only part of a state (see `TextRelevance`): equal for two states with the same
 * `stateKey` exactly when no scene or hint condition, nor what writes what they read, can tell
 * them apart. Empty when nothing is tracked.
 */
export function textKey(w: World, s: State): string {
  const t = textRelevance(w, s.act);
  if (t.empty) return '';
  const parts: string[] = [];
  let f = '';
  for (const x of t.flags) if (s.flags[x]) f += `${x},`;
  parts.push(f);
  // An item's place as far as conditions tell: a place they name, who holds it, or elsewhere.
  // (Two states that differ only in which unnamed room it lies in are one: an under-approximation,
  // the search may then miss a text state that only one of them leads to, never invent one.)
  let l = '';
  for (const x of t.items) {
    const at = s.loc[x] ?? 'nowhere';
    if (t.itemPlaces.get(x)!.has(at)) l += `${at},`;
    else {
      const by = t.itemHeld.has(x) ? holder(w, s, x) : null;
      l += by ? `@${by},` : '-,';
    }
  }
  parts.push(l);
  let p = '';
  for (const x of t.props) {
    const [id, prop] = x.split(':');
    if (s.props[id]?.includes(prop)) p += `${x},`;
  }
  parts.push(p);
  parts.push(t.counters.map((k) => s.counters[k] ?? 0).join(','));
  if (t.visitedRooms.length) for (const c of Object.keys(s.visited).sort()) parts.push(`${c}:${t.visitedRooms.filter((r) => s.visited[c].includes(r)).join(',')}`);
  if (t.seenIds.length) for (const c of Object.keys(s.seen).sort()) parts.push(`${c}:${t.seenIds.filter((r) => s.seen[c].includes(r)).join(',')}`);
  parts.push(t.stability ? String(s.stability) : '', t.focus ? String(s.focus) : '');
  parts.push(t.fired.filter((x) => s.fired.includes(x)).join(','));
  return parts.join('|');
}
