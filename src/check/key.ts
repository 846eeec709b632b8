// The canonical key of a State for merging: everything that can change what happens next, and
// nothing else (turn, rng, pronouns, pending questions, verbosity, hints, memories, lastInput,
// solved puzzles, and flags, counters, stability or focus that no condition ever reads).
import type { World, State, Id } from '../engine/types.js';
import { relevance } from './analyse.js';

const idsCache = new WeakMap<World, Id[]>();

function thingIds(w: World): Id[] {
  let ids = idsCache.get(w);
  if (!ids) {
    const inert = relevance(w).inert;
    ids = [...Object.keys(w.characters), ...Object.keys(w.items).filter((i) => !inert.has(i))].sort();
    idsCache.set(w, ids);
  }
  return ids;
}

const sorted = (xs: readonly string[]) => [...xs].sort().join(',');

/**
 * A string that is equal for two states exactly when no content condition, rule or standard
 * action can tell them apart. `visited`/`seen` keep only the entries conditions ask about.
 */
export function stateKey(w: World, s: State): string {
  const rel = relevance(w);
  const parts: string[] = [
    s.player,
    s.playable.join(','),
    String(s.act),
    s.ending ?? '-',
    rel.stabilityRead ? String(s.stability) : '',
    rel.focusRead ? String(s.focus) : '',
  ];
  const loc: string[] = [];
  for (const id of thingIds(w)) loc.push(s.loc[id] ?? 'nowhere');
  for (const id of Object.keys(s.loc)) if (!(id in w.items) && !(id in w.characters)) loc.push(`${id}=${s.loc[id]}`);
  parts.push(loc.join(','));
  const props: string[] = [];
  for (const id of Object.keys(s.props).sort()) if (s.props[id].length && !rel.inert.has(id)) props.push(`${id}:${sorted(s.props[id])}`);
  parts.push(props.join(';'));
  parts.push(sorted(Object.keys(s.flags).filter((f) => s.flags[f] && rel.flagsRead.has(f))));
  parts.push(
    Object.keys(s.counters)
      .sort()
      .filter((k) => s.counters[k] && rel.countersRead.has(k))
      .map((k) => `${k}=${s.counters[k]}`)
      .join(','),
  );
  // Solved puzzles only keep score; no condition reads them.
  parts.push(sorted(s.fired));
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
