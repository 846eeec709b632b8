// Looking: the room as the current character sees it, its contents, who is here, the way out.
import type { Direction, Id } from './types.js';
import { DIRECTIONS } from './types.js';
import { type Ctx, msg, say, aName, theName, listProse, phrase, textIn } from './context.js';
import { holds } from './conditions.js';
import { contentsOf, charactersIn, canPerceive, isPresent, roomOf, hasProp } from './world-query.js';
import { glitchIntensity } from './intensity.js';

const VERTICAL: readonly Direction[] = ['up', 'down', 'in', 'out'];

/** The ways out, each listed once: a compass word that only aliases up/down/in/out to the same room is left out. */
export function visibleExits(ctx: Ctx, room: Id): Direction[] {
  const r = ctx.w.rooms[room];
  if (!r) return [];
  const shown = DIRECTIONS.filter((d) => {
    const e = r.exits[d];
    if (!e || e.hidden) return false;
    return !e.if || holds(ctx.w, ctx.s, e.if, ctx.actor) || e.blocked !== undefined;
  });
  const realTo = new Set(shown.filter((d) => VERTICAL.includes(d)).map((d) => r.exits[d]?.to));
  return shown.filter((d) => VERTICAL.includes(d) || !realTo.has(r.exits[d]?.to));
}

/** Describes the actor's room. `full` forces the long description whatever the verbosity. */
export function describeRoom(ctx: Ctx, full: boolean, revisit = false): void {
  if (ctx.quiet) return;
  const { w, s } = ctx;
  const roomId = roomOf(s, ctx.actor);
  const room = w.rooms[roomId];
  if (!room) {
    msg(ctx, 'look.nowhere');
    return;
  }
  let description: string | null = textIn(ctx, room.description);
  if (!full && revisit) {
    if (s.verbosity === 'superbrief') description = null;
    else if (s.verbosity === 'brief') description = room.brief ? textIn(ctx, room.brief) : null;
  }
  ctx.out.push({
    type: 'room',
    room: roomId,
    name: room.name,
    description,
    exits: visibleExits(ctx, roomId),
    intensity: glitchIntensity(w, s),
  });
  listContents(ctx, roomId);
}

function listContents(ctx: Ctx, roomId: Id): void {
  const { w, s } = ctx;
  const plain: string[] = [];
  for (const id of contentsOf(w, s, roomId)) {
    const it = w.items[id];
    if (!it || !isPresent(w, s, it, ctx.actor) || it.scenery) continue;
    const taken = hasProp(s, id, 'handled');
    const initial = !taken ? textIn(ctx, it.initial) : null;
    if (initial) say(ctx, initial);
    else plain.push(aName(w, id) + insideNote(ctx, id));
  }
  if (plain.length) msg(ctx, 'look.you_see', { things: listProse(w, plain) });
  for (const c of charactersIn(w, s, roomId)) {
    if (c === ctx.actor || !canPerceive(w, s, ctx.actor, c)) continue;
    const ch = w.characters[c];
    if (!ch) continue;
    const presence = textIn(ctx, ch.presence);
    if (presence) say(ctx, presence);
    else msg(ctx, 'look.char_here', { name: ch.name });
  }
}

/** " (in which is a key)" for open containers with something visible inside. */
function insideNote(ctx: Ctx, id: Id): string {
  const it = ctx.w.items[id];
  if (!it || (!it.container && !it.supporter)) return '';
  if (it.container && it.openable && !hasProp(ctx.s, id, 'open')) return '';
  const inside = contentsOf(ctx.w, ctx.s, id).filter((x) => visible(ctx, x));
  if (!inside.length) return '';
  const id2 = `look.${it.supporter ? 'on' : 'in'}_which.${inside.length > 1 ? 'many' : 'one'}`;
  return phrase(ctx.w, id2, { name: '', things: listProse(ctx.w, inside.map((x) => aName(ctx.w, x))) });
}

/** An item the actor can see (present, and not hidden from them). */
function visible(ctx: Ctx, id: Id): boolean {
  const it = ctx.w.items[id];
  return !!it && isPresent(ctx.w, ctx.s, it, ctx.actor);
}

export function describeContentsOf(ctx: Ctx, id: Id): boolean {
  const inside = contentsOf(ctx.w, ctx.s, id).filter((x) => visible(ctx, x));
  const it = ctx.w.items[id];
  if (!inside.length || !it) return false;
  msg(ctx, it.supporter ? 'examine.on_it' : 'examine.in_it', {
    thing: theName(ctx.w, id),
    things: listProse(ctx.w, inside.map((x) => aName(ctx.w, x))),
  });
  return true;
}
