// The working context of one turn: the world, the state being changed, the events so far,
// and the small helpers every action uses to speak and to name things.
import type { World, State, GameEvent, Id, Style, Text } from './types.js';
import { filled, variantOf, variantText } from './conditions.js';
import { forgetContents, forgetFired } from './world-query.js';

export interface Ctx {
  w: World;
  s: State;
  actor: Id;
  out: GameEvent[];
  /** Set by any action that lets time pass (most of them); meta commands do not. */
  tookTime: boolean;
  /** Parts of `s` this turn has already copied (see own). */
  owned: Set<string>;
  /** Set while `again` replays a line, so an `again` inside that line cannot replay it once more. */
  replaying?: boolean;
  /** While an order is carried out: who gave it, so "me" in `mia, give me the lamp` is the speaker. */
  orderedBy?: Id;
  /** Say which rules answered and which variants were shown (events `rule` and `variant`), for the checker. */
  trace?: boolean;
  /** Leave out room descriptions (the checker's search, where nothing is read): see step. */
  quiet?: boolean;
}

type RecordPart = 'loc' | 'flags' | 'counters' | 'pronouns' | 'hintsTaken' | 'props' | 'visited' | 'seen';
type ListPart = 'playable' | 'fired' | 'solved' | 'memories';

/**
 * A turn starts from a shallow copy of the last state: its parts are still the last state's,
 * which undo keeps and must never change. Every change goes through these, which copy a part
 * the first time the turn changes it; parts a turn leaves alone stay shared (less to copy, to
 * keep for undo and to compare when saving).
 */
export function own<K extends RecordPart>(ctx: Ctx, k: K): State[K] {
  if (!ctx.owned.has(k)) {
    ctx.s[k] = { ...ctx.s[k] };
    ctx.owned.add(k);
  }
  // Every change to a place is `own(ctx, 'loc')[id] = at`, so the index of places goes here.
  if (k === 'loc') forgetContents(ctx.s.loc);
  return ctx.s[k];
}

export function ownList<K extends ListPart>(ctx: Ctx, k: K): State[K] {
  if (!ctx.owned.has(k)) {
    ctx.s[k] = ctx.s[k].slice();
    ctx.owned.add(k);
  }
  // Every change to `fired` is `ownList(ctx, 'fired').push(id)`: its set goes here.
  if (k === 'fired') forgetFired(ctx.s.fired);
  return ctx.s[k];
}

/** One item's props, or one character's visited or seen list, ready to change (made if missing). */
export function ownEntry(ctx: Ctx, k: 'props' | 'visited' | 'seen', id: Id): string[] {
  const part = own(ctx, k);
  const tag = `${k} ${id}`;
  let entry = Object.hasOwn(part, id) ? part[id] : undefined;
  if (!entry || !ctx.owned.has(tag)) {
    entry = entry ? entry.slice() : [];
    part[id] = entry;
    ctx.owned.add(tag);
  }
  return entry;
}

/**
 * A catalogue message. When someone other than the player acts (an order carried out), the
 * message's `.other` form is used if the story has one, with `{actor}` their name.
 */
export function msg(ctx: Ctx, id: string, params?: Record<string, string | number>): void {
  if (ctx.actor !== ctx.s.player && Object.hasOwn(ctx.w.messages, `${id}.other`)) {
    const actor = Object.hasOwn(ctx.w.characters, ctx.actor) ? ctx.w.characters[ctx.actor]?.name ?? ctx.actor : ctx.actor;
    ctx.out.push({ type: 'message', id: `${id}.other`, params: { ...params, actor } });
    return;
  }
  ctx.out.push(params ? { type: 'message', id, params } : { type: 'message', id });
}

/**
 * The variant of a Text that applies now for `actor` (the one acting, by default), with
 * {player} filled in; null when none holds. Traced when the turn is (see Ctx.trace).
 */
export function textIn(ctx: Ctx, t: Text | undefined, actor: Id = ctx.actor): string | null {
  if (t === undefined) return null;
  const i = variantOf(ctx.w, ctx.s, t, actor);
  if (ctx.trace && typeof t !== 'string') ctx.out.push({ type: 'variant', text: t, index: i });
  const raw = variantText(t, i);
  return raw === null ? null : filled(ctx.w, raw, actor);
}

export function say(ctx: Ctx, text: string | null | undefined, style?: Style): void {
  if (text && text.trim()) ctx.out.push(style ? { type: 'text', text: text.trim(), style } : { type: 'text', text: text.trim() });
}

/** A thing's bare name: "brass key", "Mia". Scenery pseudo-items are named by their first word. */
export function bareName(w: World, id: Id): string {
  const named = (Object.hasOwn(w.items, id) && w.items[id]) || (Object.hasOwn(w.characters, id) && w.characters[id])
    || (Object.hasOwn(w.rooms, id) && w.rooms[id]);
  if (named) return named.name;
  if (id.startsWith('@')) return id.split(':')[3] ?? 'that';
  return id;
}

/**
 * A small piece of the story's grammar from the message catalogue (`article.the`: "the {name}"),
 * filled in. The engine composes names and lists with these; the words are the story's.
 */
export function phrase(w: World, id: string, params: Record<string, string>): string {
  const template = Object.hasOwn(w.messages, id) ? w.messages[id] : undefined;
  if (template === undefined) return params.name ?? Object.values(params).join(' ');
  return template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}

/** "the brass key", "Mia", "the cookies". */
export function theName(w: World, id: Id): string {
  const it = w.items[id];
  // Scenery named in a room's text ("the panel") is never a proper name.
  if (!it) return id.startsWith('@') ? phrase(w, 'article.the', { name: bareName(w, id) }) : bareName(w, id);
  return it.proper ? it.name : phrase(w, 'article.the', { name: it.name });
}

/** "a brass key", "an owl", "some cookies", "Mia". */
export function aName(w: World, id: Id): string {
  const it = w.items[id];
  if (!it) return bareName(w, id);
  if (it.proper) return it.name;
  const article = it.plural ? 'article.some' : /^[aeiou]/i.test(it.name) ? 'article.an' : 'article.a';
  return phrase(w, article, { name: it.name });
}

export function capitalise(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** Lists names in prose: "a, b and c" (or "a, b or c"), joined with the story's own words. */
export function listProse(w: World, names: string[], joining: 'and' | 'or' = 'and'): string {
  const and = phrase(w, `list.${joining}`, { name: joining });
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/**
 * One of several replies (`take all`, `tell the children to …`), made since `at` in the events:
 * headed by the name of what it is about ("Glass key: Taken."). A person's reply is headed only
 * when its own words do not already say who answers ("…," says Jaime), so nobody is named twice.
 */
export function headReply(ctx: Ctx, at: number, name: string, person: boolean): void {
  const said = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
  const names = person && ctx.out.slice(at).some((e) => {
    if (e.type === 'text') return said.test(e.text);
    if (e.type !== 'message') return false;
    const template = Object.hasOwn(ctx.w.messages, e.id) ? ctx.w.messages[e.id] ?? '' : '';
    return said.test(template.replace(/\{(\w+)\}/g, (m, k: string) => String(e.params?.[k] ?? m)));
  });
  if (!person || !names) ctx.out.splice(at, 0, { type: 'text', text: `${name}:`, style: 'dim', join: true });
}
