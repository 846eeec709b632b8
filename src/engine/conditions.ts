// Evaluates content's closed vocabulary of conditions and picks the variant of a Text that holds.
import type { Condition, State, World, Text, Id } from './types.js';
import { roomOf, carries } from './world-query.js';

// Conditions are tested for every scene and rule on every turn: each is made once into the tests
// of the parts it has (see compile), and the tests allocate nothing.

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

/** One part of a condition, as a test. */
type Test = (w: World, s: State, actor: Id) => boolean;

/**
 * A condition as the list of tests for the parts it has, made once per condition: a condition
 * names two or three of its twenty-odd parts, and each turn tests hundreds of conditions.
 */
const compiled = new WeakMap<Condition, Test[]>();

function compile(c: Condition): Test[] {
  const t: Test[] = [];
  const { flag, notFlag, player, here, region, has, notHas, itemIn, charIn, together, actAtLeast, counterAtLeast, visited, seen, prop, notProp, any, not } = c;
  if (flag !== undefined) t.push((_w, s, a) => every(flag, flagSet, s, a));
  if (notFlag !== undefined) t.push((_w, s, a) => !some(notFlag, flagSet, s, a));
  if (player !== undefined) t.push((_w, _s, a) => oneOf(player, a));
  if (here !== undefined) t.push((_w, s, a) => oneOf(here, roomOf(s, a)));
  if (region !== undefined) t.push((w, s, a) => oneOf(region, w.rooms[roomOf(s, a)]?.region ?? ''));
  if (has !== undefined) t.push((_w, s, a) => every(has, held, s, a));
  if (notHas !== undefined) t.push((_w, s, a) => !some(notHas, held, s, a));
  if (itemIn) for (const [i, where] of Object.entries(itemIn)) t.push((_w, s) => (s.loc[i] ?? 'nowhere') === where);
  if (charIn) for (const [ch, where] of Object.entries(charIn)) t.push((_w, s) => roomOf(s, ch) === where);
  const first = together?.[0];
  if (together !== undefined && first !== undefined) t.push((_w, s) => together.every((x) => roomOf(s, x) === roomOf(s, first)));
  if (actAtLeast !== undefined) t.push((_w, s) => s.act >= actAtLeast);
  const { stabilityBelow: sb, stabilityAtLeast: sa, focusBelow: fb, focusAtLeast: fa } = c;
  if (sb !== undefined) t.push((_w, s) => s.stability < sb);
  if (sa !== undefined) t.push((_w, s) => s.stability >= sa);
  if (fb !== undefined) t.push((_w, s) => s.focus < fb);
  if (fa !== undefined) t.push((_w, s) => s.focus >= fa);
  if (counterAtLeast) for (const [k, n] of Object.entries(counterAtLeast)) t.push((_w, s) => (s.counters[k] ?? 0) >= n);
  if (visited !== undefined) t.push((_w, s, a) => s.visited[a]?.includes(visited) ?? false);
  if (seen !== undefined) t.push((_w, s, a) => s.seen[a]?.includes(seen) ?? false);
  if (prop) for (const [i, p] of Object.entries(prop)) t.push((_w, s) => s.props[i]?.includes(p) ?? false);
  if (notProp) for (const [i, p] of Object.entries(notProp)) t.push((_w, s) => !(s.props[i]?.includes(p) ?? false));
  if (any) t.push((w, s, a) => any.some((x) => holds(w, s, x, a)));
  if (not) t.push((w, s, a) => !holds(w, s, not, a));
  return t;
}

export function holds(w: World, s: State, c: Condition | undefined, actor: Id = s.player): boolean {
  if (!c) return true;
  // The act first: most scenes and rules belong to one act, so most tests end here.
  if (!inAct(c, s)) return false;
  let tests = compiled.get(c);
  if (!tests) compiled.set(c, (tests = compile(c)));
  for (const test of tests) if (!test(w, s, actor)) return false;
  return true;
}

/** Which variant of a Text applies now: its index, or -1 when none holds (a plain string: 0). */
export function variantOf(w: World, s: State, t: Text, actor: Id = s.player): number {
  if (typeof t === 'string') return 0;
  return t.findIndex((v) => holds(w, s, v.if, actor));
}

/** The raw text of variant `i` of a Text (see variantOf), or null for -1. */
export function variantText(t: Text, i: number): string | null {
  if (typeof t === 'string') return i < 0 ? null : t;
  return t[i]?.text ?? null;
}

/** The text that applies now, with {player} filled in; null when no variant holds. */
export function textOf(w: World, s: State, t: Text | undefined, actor: Id = s.player): string | null {
  if (t === undefined) return null;
  const raw = variantText(t, variantOf(w, s, t, actor));
  return raw === null ? null : filled(w, raw, actor);
}

/** A text with {player} filled in. */
export function filled(w: World, raw: string, actor: Id): string {
  return raw.replaceAll('{player}', w.characters[actor]?.name ?? actor).trim();
}

