// Evaluates content's closed vocabulary of conditions and picks the variant of a Text that holds.
import type { Condition, State, World, Text, Id } from './types.js';
import { roomOf, carries } from './world-query.js';

// Conditions are tested for every scene and rule on every turn, mostly in a short-lived process
// where nothing is optimised: these loops allocate nothing (no closures, arrays or iterators).

/** Whether a one-or-many value includes x. */
function oneOf<T>(v: T | T[], x: T): boolean {
  return Array.isArray(v) ? v.includes(x) : v === x;
}

/** Whether test holds for every one of a one-or-many value (none: true). */
function every<T>(v: T | T[], test: (x: T, s: State, actor: Id) => boolean, s: State, actor: Id): boolean {
  if (!Array.isArray(v)) return test(v, s, actor);
  for (const x of v) if (!test(x, s, actor)) return false;
  return true;
}

/** Whether test holds for some one of a one-or-many value (none: false). */
function some<T>(v: T | T[], test: (x: T, s: State, actor: Id) => boolean, s: State, actor: Id): boolean {
  if (!Array.isArray(v)) return test(v, s, actor);
  for (const x of v) if (test(x, s, actor)) return true;
  return false;
}

/** Whether the condition allows the current act (the cheapest test, and the one most fail). */
export function inAct(c: Condition | undefined, s: State): boolean {
  return c?.act === undefined || oneOf(c.act, s.act);
}

const flagSet = (f: Id, s: State) => !!s.flags[f];
const held = (i: Id, s: State, actor: Id) => carries(s, actor, i);

export function holds(w: World, s: State, c: Condition | undefined, actor: Id = s.player): boolean {
  if (!c) return true;
  // The act first: most scenes and rules belong to one act, so most tests end here.
  if (!inAct(c, s)) return false;
  if (c.flag !== undefined && !every(c.flag, flagSet, s, actor)) return false;
  if (c.notFlag !== undefined && some(c.notFlag, flagSet, s, actor)) return false;
  if (c.player !== undefined && !oneOf(c.player, actor)) return false;
  if (c.here !== undefined && !oneOf(c.here, roomOf(s, actor))) return false;
  if (c.region !== undefined && !oneOf(c.region, w.rooms[roomOf(s, actor)]?.region ?? '')) return false;
  if (c.has !== undefined && !every(c.has, held, s, actor)) return false;
  if (c.notHas !== undefined && some(c.notHas, held, s, actor)) return false;
  if (c.itemIn) for (const [i, where] of Object.entries(c.itemIn)) if ((s.loc[i] ?? 'nowhere') !== where) return false;
  if (c.charIn) for (const [ch, where] of Object.entries(c.charIn)) if (roomOf(s, ch) !== where) return false;
  const [first, ...rest] = c.together ?? [];
  if (first !== undefined) {
    const r = roomOf(s, first);
    for (const other of rest) if (roomOf(s, other) !== r) return false;
  }
  if (c.actAtLeast !== undefined && s.act < c.actAtLeast) return false;
  if (c.stabilityBelow !== undefined && !(s.stability < c.stabilityBelow)) return false;
  if (c.stabilityAtLeast !== undefined && !(s.stability >= c.stabilityAtLeast)) return false;
  if (c.focusBelow !== undefined && !(s.focus < c.focusBelow)) return false;
  if (c.focusAtLeast !== undefined && !(s.focus >= c.focusAtLeast)) return false;
  if (c.counterAtLeast) for (const [k, n] of Object.entries(c.counterAtLeast)) if ((s.counters[k] ?? 0) < n) return false;
  if (c.visited !== undefined && !(s.visited[actor]?.includes(c.visited) ?? false)) return false;
  if (c.seen !== undefined && !(s.seen[actor]?.includes(c.seen) ?? false)) return false;
  if (c.prop) for (const [i, p] of Object.entries(c.prop)) if (!(s.props[i]?.includes(p) ?? false)) return false;
  if (c.notProp) for (const [i, p] of Object.entries(c.notProp)) if (s.props[i]?.includes(p) ?? false) return false;
  if (c.any && !c.any.some((x) => holds(w, s, x, actor))) return false;
  if (c.not && holds(w, s, c.not, actor)) return false;
  return true;
}

/** The text that applies now, with {player} filled in; null when no variant holds. */
export function textOf(w: World, s: State, t: Text | undefined, actor: Id = s.player): string | null {
  if (t === undefined) return null;
  let raw: string | null = null;
  if (typeof t === 'string') raw = t;
  else for (const v of t) if (holds(w, s, v.if, actor)) { raw = v.text; break; }
  if (raw === null) return null;
  return raw.replaceAll('{player}', w.characters[actor]?.name ?? actor).trim();
}

