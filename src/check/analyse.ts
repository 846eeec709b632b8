// What the content can ever read, found once per World: which `visited`/`seen` entries and which
// state fields conditions look at, so the checker's state key keeps exactly what matters.
import type { World, Condition, Id } from '../engine/types.js';
import { walkWorld } from '../content/references.js';

export interface Relevance {
  /** Rooms some condition asks `visited:` about. */
  visitedRooms: Set<Id>;
  /** Items or memories some condition asks `seen:` about. */
  seenIds: Set<Id>;
  /** Scenes that may run more than once (clocks): every turn counts then. */
  clocks: boolean;
  /**
   * Items nothing refers to: no condition, effect, rule, door, key or dialogue names them, they
   * have no rules of their own and hold nothing. Where they lie cannot change what happens.
   */
  inert: Set<Id>;
  /** Flags and counters some condition reads; others are write-only and cannot matter. */
  flagsRead: Set<Id>;
  countersRead: Set<Id>;
  stabilityRead: boolean;
  focusRead: boolean;
}

const cache = new WeakMap<World, Relevance>();

export function relevance(w: World): Relevance {
  const hit = cache.get(w);
  if (hit) return hit;
  const visitedRooms = new Set<Id>();
  const seenIds = new Set<Id>();
  const flagsRead = new Set<Id>();
  const countersRead = new Set<Id>();
  let stabilityRead = false;
  let focusRead = false;
  const asList = (v: Id | Id[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const visit = (c: Condition) => {
    if (c.visited) visitedRooms.add(c.visited);
    if (c.seen) seenIds.add(c.seen);
    for (const f of [...asList(c.flag), ...asList(c.notFlag)]) flagsRead.add(f);
    for (const k of Object.keys(c.counterAtLeast ?? {})) countersRead.add(k);
    if (c.stabilityAtLeast !== undefined || c.stabilityBelow !== undefined) stabilityRead = true;
    if (c.focusAtLeast !== undefined || c.focusBelow !== undefined) focusRead = true;
  };
  // Every id mentioned anywhere in story logic, found by walking conditions and effects as JSON.
  const named = new Set<Id>();
  const note = (x: unknown): void => {
    if (typeof x === 'string') named.add(x);
    else if (Array.isArray(x)) x.forEach(note);
    else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) (named.add(k), note(v));
  };
  walkWorld(w, { cond: (c) => (visit(c), note(c)), effect: (e) => note(e) });
  const ruleMaps = [w.verbs, ...Object.values(w.rooms).map((r) => r.verbs), ...Object.values(w.items).map((i) => i.verbs)];
  for (const c of Object.values(w.characters)) {
    ruleMaps.push(c.verbs, c.orders, c.ask, c.tell, c.give);
    Object.keys(c.give ?? {}).forEach((k) => named.add(k));
    Object.keys(c.ask ?? {}).forEach((k) => named.add(k));
    Object.keys(c.tell ?? {}).forEach((k) => named.add(k));
  }
  for (const m of ruleMaps) for (const rs of Object.values(m ?? {})) for (const r of rs) if (r.with) named.add(r.with);
  for (const r of Object.values(w.rooms)) for (const e of Object.values(r.exits)) if (e?.door) named.add(e.door);
  for (const it of Object.values(w.items)) if (it.key) named.add(it.key);
  const inert = new Set<Id>();
  for (const it of Object.values(w.items)) {
    if (named.has(it.id) || it.container || it.supporter || it.verbs || it.key || it.lockable) continue;
    inert.add(it.id);
  }
  const r: Relevance = { visitedRooms, seenIds, clocks: w.scenes.some((s) => s.once === false), inert, flagsRead, countersRead, stabilityRead, focusRead };
  cache.set(w, r);
  return r;
}
