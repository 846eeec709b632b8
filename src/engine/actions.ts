// The standard actions: what each verb does when no content rule takes over.
// Written for any actor (ctx.actor), in Inform's check / carry out / report order.
import type { Id, Direction, Rule, Character } from './types.js';
import { type Ctx, msg, own, ownEntry, say, theName, aName, bareName, capitalise, listProse } from './context.js';
import { textOf, holds } from './conditions.js';
import { runRules, moveActor } from './effects.js';
import { describeRoom, describeContentsOf } from './describe.js';
import { carries, contentsOf, hasProp, roomOf, canPerceive, isPresent, charactersIn, scope } from './world-query.js';
import { sceneryText } from './resolve.js';

export interface Act {
  verb: string;
  dobj?: Id;
  iobj?: Id;
  topic?: string;
  direction?: Direction;
}

type Handler = (ctx: Ctx, a: Act) => void;

const isChar = (ctx: Ctx, id?: Id) => !!id && id in ctx.w.characters;
const isScenery = (id?: Id) => !!id && id.startsWith('@');
const addProp = (ctx: Ctx, id: Id, p: string) => {
  if (!(ctx.s.props[id] ?? []).includes(p)) ownEntry(ctx, 'props', id).push(p);
};
const dropProp = (ctx: Ctx, id: Id, p: string) => {
  own(ctx, 'props')[id] = (ctx.s.props[id] ?? []).filter((x) => x !== p);
};
const T = (ctx: Ctx, id: Id) => capitalise(theName(ctx.w, id));

/** Runs content rules for an action, most specific first. Returns true when a rule replaced it. */
export function contentRules(ctx: Ctx, a: Act): boolean {
  const { w } = ctx;
  const lists: [Rule[] | undefined, string, Id | undefined][] = [];
  const verbsOf = (id?: Id) => (id ? (w.items[id]?.verbs ?? w.characters[id]?.verbs) : undefined);
  if (a.dobj) lists.push([verbsOf(a.dobj)?.[a.verb], `${a.dobj}.${a.verb}`, a.iobj]);
  if (a.iobj) lists.push([verbsOf(a.iobj)?.[a.verb], `${a.iobj}.${a.verb}`, a.dobj]);
  const room = w.rooms[roomOf(ctx.s, ctx.actor)];
  lists.push([room?.verbs?.[a.verb], `${room?.id}.${a.verb}`, a.dobj]);
  lists.push([w.verbs[a.verb], `verbs.${a.verb}`, a.dobj]);
  for (const [rules, key, other] of lists) {
    if (!rules) continue;
    const m = runRules(ctx, rules, key, { with: other, topic: a.topic });
    if (m.matched) return m.instead;
  }
  return false;
}

export function perform(ctx: Ctx, a: Act): void {
  ctx.tookTime = true;
  const mark = ctx.out.length;
  if (contentRules(ctx, a)) return;
  // A rule that lets the standard action run reports after it, like Inform's "after" rules.
  const ruleSaid = ctx.out.splice(mark);
  standard(ctx, a);
  ctx.out.push(...ruleSaid);
}

function standard(ctx: Ctx, a: Act): void {
  const h = HANDLERS[a.verb];
  if (h) h(ctx, a);
  else if (a.dobj) msg(ctx, `verb.${a.verb}.thing`, { thing: theName(ctx.w, a.dobj), name: bareName(ctx.w, a.dobj) });
  else msg(ctx, `verb.${a.verb}`, { topic: a.topic ?? '' });
}

function examine(ctx: Ctx, a: Act): void {
  const id = a.dobj!;
  if (isScenery(id)) return say(ctx, sceneryText(ctx, id));
  if (id === ctx.actor) {
    const d = textOf(ctx.w, ctx.s, ctx.w.characters[id]?.description, ctx.actor);
    return d ? say(ctx, d) : msg(ctx, 'examine.self');
  }
  if (isChar(ctx, id)) return say(ctx, textOf(ctx.w, ctx.s, ctx.w.characters[id].description, ctx.actor));
  const it = ctx.w.items[id];
  if (!(ctx.s.seen[ctx.actor] ?? []).includes(id)) ownEntry(ctx, 'seen', ctx.actor).push(id);
  const d = textOf(ctx.w, ctx.s, it.description, ctx.actor);
  if (d) say(ctx, d);
  else msg(ctx, 'examine.nothing_special', { thing: theName(ctx.w, id) });
  if (it.openable) msg(ctx, hasProp(ctx.s, id, 'open') ? 'examine.is_open' : 'examine.is_closed', { thing: T(ctx, id) });
  if (it.lightable && hasProp(ctx.s, id, 'lit')) msg(ctx, 'examine.is_lit', { thing: T(ctx, id) });
  if (it.container || it.supporter) {
    if (!it.openable || hasProp(ctx.s, id, 'open') || it.supporter) describeContentsOf(ctx, id);
  }
}

function take(ctx: Ctx, a: Act): void {
  const id = a.dobj!;
  const { w, s } = ctx;
  if (id === ctx.actor) return msg(ctx, 'take.self');
  if (isChar(ctx, id)) return msg(ctx, 'take.person', { name: bareName(w, id) });
  if (isScenery(id)) return msg(ctx, 'take.scenery');
  const it = w.items[id];
  if (s.loc[id] === ctx.actor) return msg(ctx, 'take.already', { thing: theName(w, id) });
  const owner = Object.keys(w.characters).find((c) => c !== ctx.actor && carries(s, c, id));
  if (owner) return msg(ctx, 'take.held', { name: w.characters[owner].name, thing: theName(w, id) });
  if (!it.portable) return msg(ctx, it.scenery ? 'take.scenery' : 'take.fixed', { thing: theName(w, id) });
  own(ctx, 'loc')[id] = ctx.actor;
  addProp(ctx, id, 'handled');
  msg(ctx, 'take.ok', { thing: theName(w, id) });
}

function drop(ctx: Ctx, a: Act): void {
  const id = a.dobj!;
  if (!carries(ctx.s, ctx.actor, id)) return msg(ctx, 'drop.not_held', { thing: theName(ctx.w, id) });
  if (hasProp(ctx.s, id, 'worn')) dropProp(ctx, id, 'worn');
  own(ctx, 'loc')[id] = roomOf(ctx.s, ctx.actor);
  msg(ctx, 'drop.ok', { thing: theName(ctx.w, id) });
}

function putInto(on: boolean): Handler {
  return (ctx, a) => {
    const { w, s } = ctx;
    const id = a.dobj!;
    const into = a.iobj!;
    if (!carries(s, ctx.actor, id)) return msg(ctx, 'put.not_held', { thing: theName(w, id) });
    if (id === into) return msg(ctx, 'put.itself');
    const target = w.items[into];
    if (!target || (on ? !target.supporter : !target.container))
      return msg(ctx, on ? 'put.not_supporter' : 'put.not_container', { thing: theName(w, into) });
    if (!on && target.openable && !hasProp(s, into, 'open')) return msg(ctx, 'put.closed', { thing: T(ctx, into) });
    if (hasProp(s, id, 'worn')) dropProp(ctx, id, 'worn');
    own(ctx, 'loc')[id] = into;
    msg(ctx, on ? 'put.on_ok' : 'put.in_ok', { thing: theName(w, id), target: theName(w, into) });
  };
}

function give(ctx: Ctx, a: Act): void {
  const { w, s } = ctx;
  const id = a.dobj!;
  const to = a.iobj!;
  if (!carries(s, ctx.actor, id)) return msg(ctx, 'give.not_held', { thing: theName(w, id) });
  if (to === ctx.actor) return msg(ctx, 'give.self');
  const ch = w.characters[to];
  if (!ch) return msg(ctx, 'give.not_person', { thing: theName(w, to) });
  if (answeredUnseen(ctx, ch, ch.give?.unseen, `${to}.give.unseen`, 'give.unseen')) return;
  if (runRules(ctx, ch.give?.[id], `${to}.give.${id}`).matched) return;
  if (runRules(ctx, ch.give?.default, `${to}.give.default`).matched) return;
  if (hasProp(s, id, 'worn')) dropProp(ctx, id, 'worn');
  own(ctx, 'loc')[id] = to;
  msg(ctx, 'give.ok', { name: ch.name, thing: theName(w, id) });
}

function openClose(open: boolean): Handler {
  return (ctx, a) => {
    const id = a.dobj!;
    const it = ctx.w.items[id];
    if (!it?.openable) return msg(ctx, open ? 'open.cannot' : 'close.cannot', { thing: theName(ctx.w, id) });
    if (open && hasProp(ctx.s, id, 'locked')) return msg(ctx, 'open.locked', { thing: T(ctx, id) });
    if (open === hasProp(ctx.s, id, 'open')) return msg(ctx, open ? 'open.already' : 'close.already', { thing: T(ctx, id) });
    if (open) addProp(ctx, id, 'open');
    else dropProp(ctx, id, 'open');
    msg(ctx, open ? 'open.ok' : 'close.ok', { thing: theName(ctx.w, id) });
    if (open && it.container) describeContentsOf(ctx, id);
  };
}

function lockUnlock(lock: boolean): Handler {
  return (ctx, a) => {
    const { w, s } = ctx;
    const id = a.dobj!;
    const it = w.items[id];
    if (!it?.lockable) return msg(ctx, 'lock.cannot', { thing: theName(w, id) });
    if (lock === hasProp(s, id, 'locked')) return msg(ctx, lock ? 'lock.already' : 'unlock.already', { thing: T(ctx, id) });
    if (lock && hasProp(s, id, 'open')) return msg(ctx, 'lock.open_first', { thing: T(ctx, id) });
    const key = a.iobj ?? (it.key && carries(s, ctx.actor, it.key) ? it.key : undefined);
    if (!key) return msg(ctx, 'unlock.need_key', { thing: theName(w, id) });
    if (!carries(s, ctx.actor, key)) return msg(ctx, 'put.not_held', { thing: theName(w, key) });
    if (key !== it.key) return msg(ctx, 'unlock.wrong_key', { key: theName(w, key), thing: theName(w, id) });
    if (lock) addProp(ctx, id, 'locked');
    else dropProp(ctx, id, 'locked');
    msg(ctx, lock ? 'lock.ok' : 'unlock.ok', { thing: theName(w, id), key: theName(w, key) });
  };
}

function wear(ctx: Ctx, a: Act): void {
  const id = a.dobj!;
  const it = ctx.w.items[id];
  if (!it?.wearable) return msg(ctx, 'wear.cannot', { thing: theName(ctx.w, id) });
  if (hasProp(ctx.s, id, 'worn') && carries(ctx.s, ctx.actor, id)) return msg(ctx, 'wear.already', { thing: theName(ctx.w, id) });
  if (!carries(ctx.s, ctx.actor, id)) {
    if (!it.portable) return msg(ctx, 'take.fixed', { thing: theName(ctx.w, id) });
    own(ctx, 'loc')[id] = ctx.actor;
    addProp(ctx, id, 'handled');
    msg(ctx, 'implicit.take', { thing: theName(ctx.w, id) });
  }
  addProp(ctx, id, 'worn');
  msg(ctx, 'wear.ok', { thing: theName(ctx.w, id) });
}

function remove(ctx: Ctx, a: Act): void {
  const id = a.dobj!;
  if (!hasProp(ctx.s, id, 'worn') || !carries(ctx.s, ctx.actor, id)) return msg(ctx, 'remove.not_worn', { thing: theName(ctx.w, id) });
  dropProp(ctx, id, 'worn');
  msg(ctx, 'remove.ok', { thing: theName(ctx.w, id) });
}

function consume(kind: 'eat' | 'drink'): Handler {
  return (ctx, a) => {
    const id = a.dobj!;
    const it = ctx.w.items[id];
    if (isChar(ctx, id)) return msg(ctx, `${kind}.person`, { name: bareName(ctx.w, id) });
    if (!it || !(kind === 'eat' ? it.edible : it.drinkable)) return msg(ctx, `${kind}.cannot`, { thing: theName(ctx.w, id) });
    if (!carries(ctx.s, ctx.actor, id) && it.portable) {
      own(ctx, 'loc')[id] = ctx.actor;
      msg(ctx, 'implicit.take', { thing: theName(ctx.w, id) });
    }
    own(ctx, 'loc')[id] = 'nowhere';
    msg(ctx, `${kind}.ok`, { thing: theName(ctx.w, id) });
  };
}

function light(on: boolean): Handler {
  return (ctx, a) => {
    const id = a.dobj!;
    const it = ctx.w.items[id];
    if (!it?.lightable) return msg(ctx, on ? 'light.cannot' : 'extinguish.cannot', { thing: theName(ctx.w, id) });
    if (on === hasProp(ctx.s, id, 'lit')) return msg(ctx, on ? 'light.already' : 'extinguish.already', { thing: T(ctx, id) });
    if (on) addProp(ctx, id, 'lit');
    else dropProp(ctx, id, 'lit');
    msg(ctx, on ? 'light.ok' : 'extinguish.ok', { thing: theName(ctx.w, id) });
  };
}

function search(ctx: Ctx, a: Act): void {
  const id = a.dobj!;
  const it = ctx.w.items[id];
  if (it?.container && it.openable && !hasProp(ctx.s, id, 'open')) return msg(ctx, 'search.closed', { thing: T(ctx, id) });
  if (it && describeContentsOf(ctx, id)) return;
  msg(ctx, 'search.nothing', { thing: theName(ctx.w, id) });
}

/** Who a conversation is with: the named person, or the only one here. */
function conversationPartner(ctx: Ctx, a: Act): Id | null {
  if (a.dobj) return a.dobj;
  const here = charactersIn(ctx.w, ctx.s, roomOf(ctx.s, ctx.actor)).filter(
    (c) => c !== ctx.actor && canPerceive(ctx.w, ctx.s, ctx.actor, c),
  );
  return here.length === 1 ? here[0] : null;
}

/** The topic id for free words: a topic, a character, an item (anywhere), else null. */
export function topicId(ctx: Ctx, words: string): Id | null {
  const ws = words.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
  if (!ws.length) return null;
  const last = ws[ws.length - 1];
  for (const t of Object.values(ctx.w.topics)) if (t.words.some((x) => x.toLowerCase() === last)) return t.id;
  for (const c of Object.values(ctx.w.characters)) if (c.words.some((x) => x.toLowerCase() === last)) return c.id;
  const inScope = scope(ctx.w, ctx.s, ctx.actor).filter((id) => id in ctx.w.items);
  const items = [...inScope, ...Object.keys(ctx.w.items).filter((id) => !inScope.includes(id))];
  for (const id of items) if (ctx.w.items[id].words.some((x) => x.toLowerCase() === last)) return id;
  for (const t of Object.values(ctx.w.topics)) if (t.words.some((x) => ws.includes(x.toLowerCase()))) return t.id;
  return null;
}

/**
 * The character a conversation verb (talk, ask, tell) is aimed at, or null after saying why
 * there is none. Messages are `<verb>.whom`, `<verb>.self` and `<verb>.not_person`.
 */
function partnerOrSay(ctx: Ctx, a: Act, verb: 'talk' | 'ask'): Character | null {
  const who = conversationPartner(ctx, a);
  if (!who) return msg(ctx, `${verb}.whom`), null;
  if (who === ctx.actor) return msg(ctx, `${verb}.self`), null;
  const ch = ctx.w.characters[who];
  if (!ch) return msg(ctx, `${verb}.not_person`, { thing: theName(ctx.w, who) }), null;
  return ch;
}

/**
 * When `ch` cannot perceive the actor (Elara in the dream), the content's `unseen` rules answer,
 * else `fallback`. Returns true when the actor was unseen, so the caller stops.
 */
export function answeredUnseen(
  ctx: Ctx,
  ch: Character,
  rules: Rule[] | undefined,
  key: string,
  fallback: string,
  topic?: string,
): boolean {
  if (canPerceive(ctx.w, ctx.s, ch.id, ctx.actor)) return false;
  if (!runRules(ctx, rules, key, { topic }).matched) msg(ctx, fallback, { name: ch.name });
  return true;
}

function converse(kind: 'ask' | 'tell'): Handler {
  return (ctx, a) => {
    const ch = partnerOrSay(ctx, a, 'ask');
    if (!ch) return;
    const who = ch.id;
    const map = kind === 'ask' ? ch.ask : ch.tell;
    if (answeredUnseen(ctx, ch, map?.unseen ?? ch.ask?.unseen, `${who}.${kind}.unseen`, 'talk.unseen', a.topic)) return;
    const topic = a.topic ? topicId(ctx, a.topic) : null;
    if (topic && runRules(ctx, map?.[topic], `${who}.${kind}.${topic}`, { topic: a.topic }).matched) return;
    // Telling someone about a thing draws the same answer as asking, unless content says otherwise.
    if (kind === 'tell' && topic && runRules(ctx, ch.ask?.[topic], `${who}.ask.${topic}`, { topic: a.topic }).matched) return;
    if (runRules(ctx, map?.default, `${who}.${kind}.default`, { topic: a.topic }).matched) return;
    msg(ctx, `${kind}.default`, { name: ch.name, topic: a.topic ?? 'that' });
  };
}

function talk(ctx: Ctx, a: Act): void {
  const ch = partnerOrSay(ctx, a, 'talk');
  if (!ch) return;
  if (answeredUnseen(ctx, ch, ch.ask?.unseen, `${ch.id}.ask.unseen`, 'talk.unseen')) return;
  if (runRules(ctx, ch.talk, `${ch.id}.talk`).matched) return;
  msg(ctx, 'talk.default', { name: ch.name });
}

export function go(ctx: Ctx, dir: Direction): boolean {
  const { w, s } = ctx;
  const here = roomOf(s, ctx.actor);
  const room = w.rooms[here];
  if (s.loc[ctx.actor] !== here) {
    msg(ctx, 'go.inside', { thing: theName(w, s.loc[ctx.actor]) });
    return false;
  }
  const exit = room?.exits[dir];
  if (!exit) {
    msg(ctx, 'go.no_exit');
    return false;
  }
  if (exit.if && !holds(w, s, exit.if, ctx.actor)) {
    const b = textOf(w, s, exit.blocked, ctx.actor);
    if (b) say(ctx, b);
    else msg(ctx, 'go.no_exit');
    return false;
  }
  if (exit.door && !hasProp(s, exit.door, 'open')) {
    msg(ctx, hasProp(s, exit.door, 'locked') ? 'go.door_locked' : 'go.door_closed', { door: T(ctx, exit.door) });
    return false;
  }
  const through = textOf(w, s, exit.say, ctx.actor);
  if (through) say(ctx, through);
  enterRoom(ctx, exit.to);
  return true;
}

export function enterRoom(ctx: Ctx, to: Id): void {
  const from = roomOf(ctx.s, ctx.actor);
  const revisit = (ctx.s.visited[ctx.actor] ?? []).includes(to);
  moveActor(ctx, ctx.actor, to);
  ctx.out.push({ type: 'moved', actor: ctx.actor, from, to });
  describeRoom(ctx, false, revisit);
  runRules(ctx, ctx.w.rooms[to]?.onEnter, `${to}.onEnter`);
}

/** `go to <room>`: a walk through rooms this character has visited, along open exits. */
function goTo(ctx: Ctx, a: Act): void {
  const { w, s } = ctx;
  const words = (a.topic ?? '').toLowerCase().replace(/^(the|a|an)\s+/, '').trim();
  const visited = s.visited[ctx.actor] ?? [];
  const named = (id: Id) => {
    const n = w.rooms[id].name.toLowerCase().replace(/^(the|a|an)\s+/, '');
    return n === words || n.includes(words) || id.replaceAll('_', ' ') === words;
  };
  const target = words ? visited.find((id) => w.rooms[id] && named(id)) : undefined;
  if (!target) {
    const known = Object.values(w.rooms).some((r) => named(r.id));
    return msg(ctx, known ? 'goto.unvisited' : 'goto.unknown', { place: a.topic ?? '' });
  }
  const start = roomOf(s, ctx.actor);
  if (target === start) return msg(ctx, 'goto.already');
  const prev = new Map<Id, [Id, Direction]>();
  const queue: Id[] = [start];
  const seen = new Set([start]);
  while (queue.length && !seen.has(target)) {
    const r = queue.shift()!;
    for (const [d, e] of Object.entries(w.rooms[r]?.exits ?? {})) {
      if (!e || seen.has(e.to) || !visited.includes(e.to)) continue;
      if (e.if && !holds(w, s, e.if, ctx.actor)) continue;
      if (e.door && !hasProp(s, e.door, 'open')) continue;
      seen.add(e.to);
      prev.set(e.to, [r, d as Direction]);
      queue.push(e.to);
    }
  }
  if (!seen.has(target)) return msg(ctx, 'goto.no_path', { place: w.rooms[target].name });
  const path: Direction[] = [];
  for (let r = target; r !== start; r = prev.get(r)![0]) path.unshift(prev.get(r)![1]);
  msg(ctx, 'goto.walk', { place: w.rooms[target].name, steps: path.length });
  for (const d of path) if (!go(ctx, d)) return;
}

function inventory(ctx: Ctx): void {
  const mine = contentsOf(ctx.w, ctx.s, ctx.actor).filter((id) => isPresent(ctx.w, ctx.s, ctx.w.items[id], ctx.actor));
  if (!mine.length) return msg(ctx, 'inventory.empty');
  const names = mine.map((id) => aName(ctx.w, id) + (hasProp(ctx.s, id, 'worn') ? ' (worn)' : '') + (hasProp(ctx.s, id, 'lit') ? ' (lit)' : ''));
  msg(ctx, 'inventory.list', { things: listProse(names) });
}

export const HANDLERS: Record<string, Handler> = {
  look: (ctx) => describeRoom(ctx, true),
  examine,
  read: (ctx, a) => {
    const it = ctx.w.items[a.dobj!];
    const r = it ? textOf(ctx.w, ctx.s, it.readable, ctx.actor) : null;
    if (r) return say(ctx, r);
    if (it || isScenery(a.dobj)) return examine(ctx, a);
    msg(ctx, 'read.cannot', { thing: theName(ctx.w, a.dobj!) });
  },
  inventory,
  take,
  drop,
  put_in: putInto(false),
  put_on: putInto(true),
  give,
  show: (ctx, a) => msg(ctx, 'show.default', { name: bareName(ctx.w, a.iobj ?? ''), thing: theName(ctx.w, a.dobj!) }),
  throw: (ctx, a) => {
    if (!carries(ctx.s, ctx.actor, a.dobj!)) return msg(ctx, 'drop.not_held', { thing: theName(ctx.w, a.dobj!) });
    own(ctx, 'loc')[a.dobj!] = roomOf(ctx.s, ctx.actor);
    msg(ctx, 'throw.default', { thing: theName(ctx.w, a.dobj!) });
  },
  open: openClose(true),
  close: openClose(false),
  lock: lockUnlock(true),
  unlock: lockUnlock(false),
  use: (ctx, a) => msg(ctx, 'use.default', { thing: theName(ctx.w, a.dobj!) }),
  search,
  push: (ctx, a) => msg(ctx, isChar(ctx, a.dobj) ? 'push.person' : 'push.default', { thing: theName(ctx.w, a.dobj!), name: bareName(ctx.w, a.dobj!) }),
  pull: (ctx, a) => msg(ctx, isChar(ctx, a.dobj) ? 'push.person' : 'pull.default', { thing: theName(ctx.w, a.dobj!), name: bareName(ctx.w, a.dobj!) }),
  turn: (ctx, a) => msg(ctx, 'turn.default', { thing: theName(ctx.w, a.dobj!) }),
  wear,
  remove,
  eat: consume('eat'),
  drink: consume('drink'),
  light: light(true),
  extinguish: light(false),
  talk,
  ask: converse('ask'),
  tell: converse('tell'),
  say: (ctx, a) => msg(ctx, 'say.default', { text: a.topic ?? '' }),
  go: (ctx, a) => void go(ctx, a.direction!),
  go_to: goTo,
};
