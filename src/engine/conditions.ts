// Evaluates content's closed vocabulary of conditions and picks the variant of a Text that holds.
import type { Condition, State, World, Text, Id } from './types.js';
import { roomOf, carries } from './world-query.js';

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function holds(w: World, s: State, c: Condition | undefined, actor: Id = s.player): boolean {
  if (!c) return true;
  if (c.flag !== undefined && !list(c.flag).every((f) => s.flags[f])) return false;
  if (c.notFlag !== undefined && list(c.notFlag).some((f) => s.flags[f])) return false;
  if (c.player !== undefined && !list(c.player).includes(actor)) return false;
  if (c.here !== undefined && !list(c.here).includes(roomOf(s, actor))) return false;
  if (c.region !== undefined && !list(c.region).includes(w.rooms[roomOf(s, actor)]?.region ?? '')) return false;
  if (c.has !== undefined && !list(c.has).every((i) => carries(s, actor, i))) return false;
  if (c.notHas !== undefined && list(c.notHas).some((i) => carries(s, actor, i))) return false;
  if (c.itemIn) for (const [i, p] of Object.entries(c.itemIn)) if ((s.loc[i] ?? 'nowhere') !== p) return false;
  if (c.charIn) for (const [ch, p] of Object.entries(c.charIn)) if (roomOf(s, ch) !== p) return false;
  if (c.together && c.together.length) {
    const r = roomOf(s, c.together[0]);
    if (!c.together.every((ch) => roomOf(s, ch) === r)) return false;
  }
  if (c.act !== undefined && !list(c.act).includes(s.act)) return false;
  if (c.actAtLeast !== undefined && s.act < c.actAtLeast) return false;
  if (c.stabilityBelow !== undefined && !(s.stability < c.stabilityBelow)) return false;
  if (c.stabilityAtLeast !== undefined && !(s.stability >= c.stabilityAtLeast)) return false;
  if (c.focusBelow !== undefined && !(s.focus < c.focusBelow)) return false;
  if (c.focusAtLeast !== undefined && !(s.focus >= c.focusAtLeast)) return false;
  if (c.counterAtLeast) for (const [k, n] of Object.entries(c.counterAtLeast)) if ((s.counters[k] ?? 0) < n) return false;
  if (c.visited !== undefined && !(s.visited[actor] ?? []).includes(c.visited)) return false;
  if (c.seen !== undefined && !(s.seen[actor] ?? []).includes(c.seen)) return false;
  if (c.prop) for (const [i, p] of Object.entries(c.prop)) if (!(s.props[i] ?? []).includes(p)) return false;
  if (c.notProp) for (const [i, p] of Object.entries(c.notProp)) if ((s.props[i] ?? []).includes(p)) return false;
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

