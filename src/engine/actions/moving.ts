// Standard actions of moving: going in a direction, and `go to PLACE` along known ways.
import type { Id, Direction, Exit } from '../types.js';
import { DIRECTIONS } from '../types.js';
import { type Ctx, msg, say, theName, listProse, textIn } from '../context.js';
import { holds } from '../conditions.js';
import { runRules, moveActor } from '../effects.js';
import { describeRoom } from '../describe.js';
import { hasProp, roomOf } from '../world-query.js';
import { defineAction, replyOnly, type AnyAction } from './pipeline.js';
import { T } from './things.js';

/** Why the actor cannot go that way (said), or the room the way leads to. */
function wayOut(ctx: Ctx, dir: Direction): Id | null {
  const { w, s } = ctx;
  const here = roomOf(s, ctx.actor);
  if (s.loc[ctx.actor] !== here) {
    msg(ctx, 'go.inside', { thing: theName(w, s.loc[ctx.actor] ?? '') });
    return null;
  }
  const exit = w.rooms[here]?.exits[dir];
  if (!exit) {
    msg(ctx, 'go.no_exit');
    return null;
  }
  if (exit.if && !holds(w, s, exit.if, ctx.actor)) {
    const b = textIn(ctx, exit.blocked);
    if (b) say(ctx, b);
    else msg(ctx, 'go.no_exit');
    return null;
  }
  if (exit.door && !hasProp(s, exit.door, 'open')) {
    msg(ctx, hasProp(s, exit.door, 'locked') ? 'go.door_locked' : 'go.door_closed', { door: T(ctx, exit.door) });
    return null;
  }
  return exit.to;
}

/**
 * Goes one way: says what stops it, or walks through (the exit's words) into the next room.
 * `passing` walks on without describing the room (the rooms on the way of a `go to`).
 */
export function go(ctx: Ctx, dir: Direction, passing = false): boolean {
  const to = wayOut(ctx, dir);
  if (to === null) return false;
  const through = textIn(ctx, ctx.w.rooms[roomOf(ctx.s, ctx.actor)]?.exits[dir]?.say);
  if (through && !passing) say(ctx, through);
  enterRoom(ctx, to, passing);
  return true;
}

/** The actor arrives: the player is shown the room; someone ordered to go is seen leaving. */
export function enterRoom(ctx: Ctx, to: Id, passing = false): void {
  const from = roomOf(ctx.s, ctx.actor);
  const revisit = (ctx.s.visited[ctx.actor] ?? []).includes(to);
  moveActor(ctx, ctx.actor, to);
  ctx.out.push({ type: 'moved', actor: ctx.actor, from, to });
  if (ctx.actor !== ctx.s.player) return;
  if (!passing) describeRoom(ctx, false, revisit);
  runRules(ctx, ctx.w.rooms[to]?.onEnter, `${to}.onEnter`);
}

const goAction = defineAction({
  id: 'go',
  objects: 'none',
  report: [{
    name: 'go.report',
    run: (ctx, a) => {
      if (!a.direction) return msg(ctx, 'parse.no_direction');
      if (ctx.actor === ctx.s.player) return void go(ctx, a.direction);
      const to = wayOut(ctx, a.direction);
      if (to === null) return;
      msg(ctx, 'go.other', { actor: ctx.w.characters[ctx.actor]?.name ?? ctx.actor, direction: a.direction });
      enterRoom(ctx, to);
    },
  }],
});

const article = /^(the|a|an)\s+/;

/**
 * Whether words name a room: its name or id, or a part of its name. Possessives are dropped on
 * both sides (the parser reads `mia's` as `mia`); `my room` is the room named for the one
 * walking (Mia's Room, for Mia). Null when there are no words to go by.
 */
function roomMatcher(ctx: Ctx, topic: string, wholeWords = false): ((id: Id) => boolean) | null {
  const { w } = ctx;
  const plain = (x: string) => x.toLowerCase().replace(article, '').replace(/['\u2019]s\b/g, '').trim();
  const typed = plain(topic);
  const own = /^my /.test(typed) ? `${plain(w.characters[ctx.actor]?.name ?? '')} ${typed.slice(3)}` : null;
  const words = own ?? typed;
  if (!words) return null;
  const fits = (n: string) => n === words || (wholeWords ? ` ${n.replace(/[^a-z0-9]+/g, ' ')} `.includes(` ${words} `) : n.includes(words));
  return (id: Id) => {
    const room = w.rooms[id];
    return fits(plain(room?.name ?? '')) || (room?.names ?? []).some((n) => plain(n) === words) || id.replaceAll('_', ' ') === words;
  };
}

/** Whether the words name some room of the story, as whole words (for `enter study`: going there). */
export function namesRoom(ctx: Ctx, topic: string): boolean {
  const named = roomMatcher(ctx, topic, true);
  return !!named && Object.keys(ctx.w.rooms).some(named);
}

/**
 * The rooms one knows the way to: where one has been, one's own home (the region one starts in:
 * Mia knows the way to her room), and the rooms the ways out of here are seen to lead to.
 */
function knownRooms(ctx: Ctx): Id[] {
  const { w, s } = ctx;
  const homeRegion = w.rooms[w.characters[ctx.actor]?.location ?? '']?.region;
  const seenWays = Object.values(w.rooms[roomOf(s, ctx.actor)]?.exits ?? {})
    .filter((e) => e && !e.hidden && (!e.if || e.blocked !== undefined || holds(w, s, e.if, ctx.actor))).map((e) => e!.to);
  const home = Object.values(w.rooms).filter((r) => r.region === homeRegion).map((r) => r.id);
  return [...new Set([...(s.visited[ctx.actor] ?? []), ...home, ...seenWays])];
}

/**
 * `go to <room>`: a walk through known rooms along open ways. Of the rooms the words name, one
 * that can be reached is chosen (in the morning `Leo's room` is the bedroom along the hall, not
 * the night before's); when only one shut way is in the way, the walk goes up to it and that way
 * says why it is shut.
 */
function goTo(ctx: Ctx, topic: string): void {
  const { w, s } = ctx;
  const known = knownRooms(ctx);
  const named = roomMatcher(ctx, topic);
  const start = roomOf(s, ctx.actor);
  // The room one stands in, when the words name it too (`kitchen` in the Upside-Down Kitchen).
  const candidates = named ? (named(start) ? [start] : known.filter((id) => w.rooms[id] && named(id))) : [];
  const open = candidates.map((id) => [id, route(ctx, start, id, known, true)] as const).find(([, p]) => p);
  const shut = open ?? candidates.map((id) => [id, route(ctx, start, id, known, false)] as const).find(([, p]) => p);
  const target = shut?.[0] ?? candidates[0];
  // A walk that goes nowhere takes no time.
  const nowhere = (id: string, params?: Record<string, string>) => {
    ctx.tookTime = false;
    msg(ctx, id, params);
  };
  if (!target) {
    const any = !!named && Object.values(w.rooms).some((r) => named(r.id));
    return nowhere(any ? 'goto.unvisited' : 'goto.unknown', { place: topic });
  }
  if (target === start) return nowhere('goto.already');
  const path = shut?.[1];
  // A way with more than one shut way on it is no way at all: walking up to the first would be futile.
  if (!path || shutOn(ctx, path).length > 1) return nowhere('goto.no_path', { place: w.rooms[target]?.name ?? target });
  walk(ctx, path, w.rooms[target]?.name ?? target);
}

/** The steps of a walk from here whose ways are shut now. */
function shutOn(ctx: Ctx, path: Direction[]): number[] {
  return path.flatMap((d, i) => (wayOpen(ctx, ctx.w.rooms[roomAlong(ctx, path, i)]?.exits[d]) ? [] : [i]));
}

/** Walks a way: the rooms on it go by in one line, the last is described in full; a way that is shut says why, where it stops. */
function walk(ctx: Ctx, path: Direction[], place: string): void {
  const { w, s } = ctx;
  // The walk stops where a way is shut: that far it is a walk, and the shut way says why.
  const stop = shutOn(ctx, path)[0] ?? -1;
  const end = stop < 0 ? path.length : stop;
  // Stopped at the first step, the walk went nowhere and takes no time.
  if (stop === 0) ctx.tookTime = false;
  const passed: string[] = [];
  for (const [i, d] of path.slice(0, end).entries()) {
    const last = i === end - 1;
    if (last && passed.length) msg(ctx, 'goto.passing', { rooms: listProse(w, passed), place });
    if (!go(ctx, d, !last)) return;
    if (!last) passed.push(w.rooms[roomOf(s, ctx.actor)]?.name ?? '');
  }
  if (stop >= 0) go(ctx, path[stop]!);
}

/** The room a walk from here along `path` is in before its step `i`. */
function roomAlong(ctx: Ctx, path: Direction[], i: number): Id {
  let r = roomOf(ctx.s, ctx.actor);
  for (const d of path.slice(0, i)) r = ctx.w.rooms[r]?.exits[d]?.to ?? r;
  return r;
}

/** Whether a way can be taken now (its condition holds and its door is open). */
function wayOpen(ctx: Ctx, e: Exit | undefined): boolean {
  if (!e) return false;
  return (!e.if || holds(ctx.w, ctx.s, e.if, ctx.actor)) && (!e.door || hasProp(ctx.s, e.door, 'open'));
}

/**
 * The shortest way from one room to another through known rooms, or null: only along ways that
 * are open now, or (`openOnly` false) along any a player has been shown, shut or not.
 */
function route(ctx: Ctx, start: Id, target: Id, visited: readonly Id[], openOnly: boolean): Direction[] | null {
  const { w } = ctx;
  const prev = new Map<Id, [Id, Direction]>();
  const queue: Id[] = [start];
  const seen = new Set([start]);
  for (let r = queue.shift(); r !== undefined && !seen.has(target); r = queue.shift()) {
    for (const [d, e] of Object.entries(w.rooms[r]?.exits ?? {})) {
      if (!e || seen.has(e.to) || !visited.includes(e.to)) continue;
      if (openOnly ? !wayOpen(ctx, e) : e.hidden || (e.if && e.blocked === undefined && !holds(w, ctx.s, e.if, ctx.actor))) continue;
      seen.add(e.to);
      prev.set(e.to, [r, d as Direction]);
      queue.push(e.to);
    }
  }
  if (!seen.has(target)) return null;
  const path: Direction[] = [];
  for (let step = prev.get(target); step; step = prev.get(step[0])) path.unshift(step[1]);
  return path;
}

const goToAction = defineAction({
  id: 'go_to',
  objects: 'none',
  report: [{ name: 'go_to.report', run: (ctx, a) => goTo(ctx, a.topic ?? '') }],
});

/**
 * A thing that is a way (`way: north`, Leo's bridge): entering or climbing it goes that way; with
 * `doors`, so does the door of a way out of here (as going that way, shut or not). Whether it did.
 */
function goesBy(ctx: Ctx, id: Id | undefined, doors = false): boolean {
  if (id === undefined || ctx.actor !== ctx.s.player) return false;
  const exits = doors ? ctx.w.rooms[roomOf(ctx.s, ctx.actor)]?.exits ?? {} : {};
  const way = ctx.w.items[id]?.way ?? DIRECTIONS.find((d) => exits[d]?.door === id);
  if (!way) return false;
  go(ctx, way);
  return true;
}

/**
 * `enter the bridge`, `cross it`, `go through the door`: a thing that is a way is gone along, a
 * door is gone through; anything else, the default reply.
 */
const enterDefault = replyOnly('enter').report ?? [];
const enterAction = defineAction({
  id: 'enter',
  objects: 'maybe',
  report: [{
    name: 'enter.report',
    run: (ctx, a) => {
      if (!goesBy(ctx, a.dobj, true)) for (const r of enterDefault) r.run(ctx, a);
    },
  }],
});

/**
 * `climb up`, `climb the stair`: where a way leads up (or down, if asked), climbing takes it,
 * as does climbing a thing that is a way. Anything else is its default reply (a thing's own
 * `climb` rules answer before this).
 */
const climbAction = defineAction({
  id: 'climb',
  objects: 'maybe',
  report: [{
    name: 'climb.report',
    run: (ctx, a) => {
      if (goesBy(ctx, a.dobj)) return;
      const exits = ctx.w.rooms[roomOf(ctx.s, ctx.actor)]?.exits ?? {};
      const dir: Direction | undefined = a.direction === 'up' || a.direction === 'down' ? a.direction : exits.up ? 'up' : undefined;
      if (dir && exits[dir] && ctx.actor === ctx.s.player) return void go(ctx, dir);
      if (a.dobj) return msg(ctx, 'verb.climb.thing', { thing: theName(ctx.w, a.dobj) });
      msg(ctx, 'verb.climb');
    },
  }],
});

export const MOVING_ACTIONS: readonly AnyAction[] = [goAction, goToAction, climbAction, enterAction];
