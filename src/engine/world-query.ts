// Questions about where things are and what an actor can see and reach.
import type { State, World, Id, Item } from './types.js';
import { holds } from './conditions.js';

/** The room an item or character is in, following containers and carriers up. */
export function roomOf(s: State, id: Id): Id {
  let at = s.loc[id] ?? 'nowhere';
  for (let depth = 0; depth < 20 && at !== 'nowhere'; depth++) {
    const up = Object.hasOwn(s.loc, at) ? s.loc[at] : undefined;
    if (up === undefined) break;
    at = up;
  }
  return at;
}


export function hasProp(s: State, id: Id, p: string): boolean {
  return (s.props[id] ?? []).includes(p);
}

/** Does the actor carry the item (directly, or inside something carried)? */
export function carries(s: State, actor: Id, item: Id): boolean {
  let at = s.loc[item];
  for (let depth = 0; depth < 20 && at !== undefined; depth++) {
    if (at === actor) return true;
    at = s.loc[at];
  }
  return false;
}

export function isPresent(w: World, s: State, it: Item, viewer: Id): boolean {
  if (s.loc[it.id] === 'nowhere') return false;
  if (it.visibleTo && !it.visibleTo.includes(viewer)) return false;
  if (it.if && !holds(w, s, it.if, viewer)) return false;
  return true;
}

/** Can `viewer` perceive character `other` (Elara is unseen in the dream)? */
export function canPerceive(w: World, s: State, viewer: Id, other: Id): boolean {
  const inv = w.characters[other]?.invisibleTo;
  if (!inv || !inv.who.includes(viewer)) return true;
  return !holds(w, s, inv.if, viewer);
}

/**
 * What lies directly in each place, by `loc` object. A state's parts are never changed once a
 * state has them (context.ts's `own` copies a part before a turn changes it, and forgets its
 * index each time it hands it out for a change), so one pass over `loc` answers every place.
 */
const byPlace = new WeakMap<State['loc'], { w: World; at: Map<Id, Id[]> }>();
const NOTHING: readonly Id[] = Object.freeze([]);

/** The items directly in a place (room, container, supporter or character), in `loc` order. */
export function contentsOf(w: World, s: State, place: Id): readonly Id[] {
  const loc = s.loc;
  let idx = byPlace.get(loc);
  if (idx?.w !== w) {
    const at = new Map<Id, Id[]>();
    const items = w.items;
    // for...in visits a plain object's own keys in Object.keys order, without building the array.
    for (const id in loc) {
      const place = loc[id];
      if (!(id in items) || place === undefined) continue;
      const bucket = at.get(place);
      if (bucket) bucket.push(id);
      else at.set(place, [id]);
    }
    byPlace.set(loc, (idx = { w, at }));
  }
  return idx.at.get(place) ?? NOTHING;
}

const firedSets = new WeakMap<readonly Id[], Set<Id>>();

/** Has this scene or once-rule run? A set per `fired` list, kept as the index of places is. */
export function hasFired(s: State, id: Id): boolean {
  let set = firedSets.get(s.fired);
  if (!set) firedSets.set(s.fired, (set = new Set(s.fired)));
  return set.has(id);
}

/** Called before a `fired` list is changed in place. */
export function forgetFired(fired: readonly Id[]): void {
  firedSets.delete(fired);
}

/** Called before a `loc` is changed in place: its index no longer holds. */
export function forgetContents(loc: State['loc']): void {
  byPlace.delete(loc);
}

export function charactersIn(w: World, s: State, room: Id): Id[] {
  return Object.keys(w.characters).filter((c) => s.loc[c] === room);
}

/** Whether the actor can see inside: a supporter, or a container that is open (or transparent). */
function seeInside(w: World, s: State, id: Id): boolean {
  const it = w.items[id];
  if (!it) return false;
  if (it.supporter) return true;
  return !!it.container && (!it.openable || hasProp(s, id, 'open'));
}

/** Everything the actor can refer to: items around and carried, present characters. */
export function scope(w: World, s: State, actor: Id): Id[] {
  const room = roomOf(s, actor);
  const out: Id[] = [];
  const seen = new Set<Id>();
  const addTree = (place: Id, depth: number) => {
    if (depth > 6) return;
    for (const id of contentsOf(w, s, place)) {
      const it = w.items[id];
      if (seen.has(id) || !it || !isPresent(w, s, it, actor)) continue;
      seen.add(id);
      out.push(id);
      if (seeInside(w, s, id)) addTree(id, depth + 1);
    }
  };
  addTree(actor, 0);
  addTree(room, 0);
  for (const c of charactersIn(w, s, room)) {
    if (c === actor || !canPerceive(w, s, actor, c)) continue;
    out.push(c);
    // What someone wears as part of how they look (a worn scenery item: a scarf) is seen with them.
    for (const id of contentsOf(w, s, c)) {
      const it = w.items[id];
      if (it?.scenery && hasProp(s, id, 'worn') && !seen.has(id) && isPresent(w, s, it, actor)) {
        seen.add(id);
        out.push(id);
      }
    }
  }
  return out;
}
