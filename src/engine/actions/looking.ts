// Standard actions of looking: look, examine, read, search, inventory. They take no time.
import type { Id } from '../types.js';
import { type Ctx, msg, say, ownEntry, theName, aName, listProse, phrase, textIn } from '../context.js';
import { describeRoom, describeContentsOf } from '../describe.js';
import { carries, contentsOf, hasProp, isPresent } from '../world-query.js';
import { sceneryText } from '../resolve.js';
import { defineAction, replyOnly, type AnyAction, type ThingAct } from './pipeline.js';
import { isChar, isScenery, T } from './things.js';

function examine(ctx: Ctx, a: ThingAct): void {
  const id = a.dobj;
  const { w } = ctx;
  if (isScenery(id)) return say(ctx, sceneryText(ctx, id));
  if (isChar(ctx, id)) {
    const d = textIn(ctx, w.characters[id]?.description);
    if (d) return say(ctx, d);
    return id === ctx.actor ? msg(ctx, 'examine.self') : msg(ctx, 'examine.nothing_special', { thing: theName(w, id) });
  }
  const it = Object.hasOwn(w.items, id) ? w.items[id] : undefined;
  if (!it) return msg(ctx, 'examine.nothing_special', { thing: theName(w, id) });
  const d = textIn(ctx, it.description);
  if (d) say(ctx, d);
  else msg(ctx, 'examine.nothing_special', { thing: theName(w, id) });
  if (it.openable) msg(ctx, hasProp(ctx.s, id, 'open') ? 'examine.is_open' : 'examine.is_closed', { thing: T(ctx, id) });
  if (it.lightable && hasProp(ctx.s, id, 'lit')) msg(ctx, 'examine.is_lit', { thing: T(ctx, id) });
  if (it.container || it.supporter) {
    if (!it.openable || hasProp(ctx.s, id, 'open') || it.supporter) describeContentsOf(ctx, id);
  }
}

/** Examining an item is what `seen` conditions read: the actor has looked at it closely. */
function noteSeen(ctx: Ctx, a: ThingAct): void {
  if (!Object.hasOwn(ctx.w.items, a.dobj)) return;
  if (!(ctx.s.seen[ctx.actor] ?? []).includes(a.dobj)) ownEntry(ctx, 'seen', ctx.actor).push(a.dobj);
}

/** `x leaf` or `look through leaf` just after taking the frost leaf: the one in hand, not the trees it came from. */
const inHand = (ctx: Ctx, id: Id): boolean => carries(ctx.s, ctx.actor, id);

const examineAction = defineAction({
  id: 'examine',
  objects: 'one',
  free: true,
  all: (ctx, id: Id) => !ctx.w.items[id]?.scenery,
  prefer: inHand,
  carryOut: [{ name: 'examine.carry_out.seen', run: noteSeen }],
  report: [{ name: 'examine.report', run: examine }],
});

const read = defineAction({
  id: 'read',
  objects: 'one',
  free: true,
  carryOut: [{ name: 'read.carry_out.seen', run: (ctx, a) => { if (!textIn(ctx, ctx.w.items[a.dobj]?.readable)) noteSeen(ctx, a); } }],
  report: [{
    name: 'read.report',
    run: (ctx, a) => {
      const it = Object.hasOwn(ctx.w.items, a.dobj) ? ctx.w.items[a.dobj] : undefined;
      const r = it ? textIn(ctx, it.readable) : null;
      if (r) return say(ctx, r);
      if (it || isScenery(a.dobj)) return examine(ctx, a);
      msg(ctx, 'read.cannot', { thing: theName(ctx.w, a.dobj) });
    },
  }],
});

const search = defineAction({
  id: 'search',
  objects: 'one',
  free: true,
  prefer: inHand,
  report: [{
    name: 'search.report',
    run: (ctx, a) => {
      const it = ctx.w.items[a.dobj];
      if (it?.container && it.openable && !hasProp(ctx.s, a.dobj, 'open')) return msg(ctx, 'search.closed', { thing: T(ctx, a.dobj) });
      if (it && describeContentsOf(ctx, a.dobj)) return;
      // Looking through or into what holds nothing (a window, the mirrors, a leaf of ice) is looking at it.
      if (isScenery(a.dobj) || (it && !it.container && !it.supporter)) return examine(ctx, a);
      msg(ctx, 'search.nothing', { thing: theName(ctx.w, a.dobj) });
    },
  }],
});

const look = defineAction({
  id: 'look',
  objects: 'none',
  free: true,
  report: [{ name: 'look.report', run: (ctx) => describeRoom(ctx, true) }],
});

const inventory = defineAction({
  id: 'inventory',
  objects: 'none',
  free: true,
  report: [{
    name: 'inventory.report',
    run: (ctx) => {
      const { w, s } = ctx;
      const mine = contentsOf(w, s, ctx.actor).filter((id) => { const it = w.items[id]; return !!it && isPresent(w, s, it, ctx.actor); });
      if (!mine.length) return msg(ctx, 'inventory.empty');
      const names = mine.map((id) => {
        const state = hasProp(s, id, 'worn') ? 'inventory.worn' : hasProp(s, id, 'lit') ? 'inventory.lit' : undefined;
        return state ? phrase(w, state, { name: aName(w, id) }) : aName(w, id);
      });
      msg(ctx, 'inventory.list', { things: listProse(w, names) });
    },
  }],
});

/** LOOK UNDER and LOOK BEHIND: looking, so free like EXAMINE; the story's rules or `verb.ID.thing` answer. */
const lookUnder = replyOnly('look_under', true);
const lookBehind = replyOnly('look_behind', true);

export const LOOKING_ACTIONS: readonly AnyAction[] = [look, examineAction, read, search, lookUnder, lookBehind, inventory];
