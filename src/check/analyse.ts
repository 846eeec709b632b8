// What the story's *logic* can ever read, found once per World and act, so the checker's state
// key keeps exactly what can change what happens next. Conditions that only choose prose (text
// variants, presence lines, exit `blocked`/`say`, hints, rules that neither act nor block a
// state-changing standard action) are left out; so are conditions pinned to an act already over.
import type { World, Condition, Id, Rule, Effect } from '../engine/types.js';

export interface Relevance {
  /** Rooms some live logic condition asks `visited:` about. */
  visitedRooms: Set<Id>;
  /** Items or memories some live logic condition asks `seen:` about. */
  seenIds: Set<Id>;
  /** Scenes that may run more than once (clocks): every turn counts then. */
  clocks: boolean;
  /** Items whose place and properties cannot change what happens (in this act and later). */
  inert: Set<Id>;
  /** Item -> places some live logic condition asks `itemIn:` about. */
  itemInRead: Map<Id, Set<Id>>;
  /** Items some live logic condition asks `notHas:` about. */
  notHasRead: Set<Id>;
  /**
   * Rooms worth stopping in, per character (`*`: anyone): a live rule there acts (room verbs,
   * `onEnter`), or a live logic condition names the room (`here:`, `charIn:`).
   */
  places: Map<Id, Set<Id>>;
  /** Character -> characters a live logic condition asks to share a room with it (`together`). */
  together: Map<Id, Set<Id>>;
  /** Items with live rules of their own that act: where they are is a place worth going to. */
  actingItems: Set<Id>;
  /** Flags and counters some live logic condition reads; others cannot matter. */
  flagsRead: Set<Id>;
  countersRead: Set<Id>;
  stabilityRead: boolean;
  focusRead: boolean;
  /** `item:prop` pairs that matter (read by conditions, or `open`/`locked` the engine reads). */
  propsRead: Set<string>;
  /** `fired` entries known not to matter (once-rules and scenes whose running changes nothing read). */
  firedIgnored: Set<Id>;
  /** Verb rule lists with a live rule that acts: `item:<id>:<verb>`, `room:<id>:<verb>`, `verbs:<verb>`, `char:<id>:<verb>`. */
  logicLists: Set<string>;
  /** Characters whose ask/tell/talk, orders or give rules act: `<id>:converse`, `<id>:orders`, `<id>:give`. */
  logicPeople: Set<string>;
}

/** Effects that change something a condition or the engine can read (not prose, score or glitches). */
const PROSE_EFFECTS = new Set(['say', 'memory', 'glitch', 'solve']);
export const actsOnState = (e: Effect) => !Object.keys(e).every((k) => PROSE_EFFECTS.has(k) || k === 'text' || k === 'by');

/** Standard actions that change the state (the rest only report). */
export const STANDARD_CHANGES = new Set([
  'take', 'drop', 'put_in', 'put_on', 'give', 'throw', 'open', 'close', 'lock', 'unlock', 'wear', 'remove', 'eat', 'drink',
  'light', 'extinguish', 'go', 'go_to', 'examine', 'read',
]);

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The acts a condition allows, from its top-level `act`/`actAtLeast` (null: any act). */
function actsAllowed(c: Condition | undefined): ((a: number) => boolean) | null {
  if (!c || (c.act === undefined && c.actAtLeast === undefined)) return null;
  const acts = c.act === undefined ? null : list(c.act);
  return (a) => (acts === null || acts.includes(a)) && (c.actAtLeast === undefined || a >= c.actAtLeast);
}

/** Whether acts only ever go up: every `act: n` effect sits under a condition pinned below n. */
function actsMonotonic(w: World): boolean {
  const maxAct = Math.max(...w.game.acts.map((a) => a.id), 1);
  const ok = (c: Condition | undefined, effects: Effect[] | undefined) => {
    for (const e of effects ?? []) {
      if (!('act' in e)) continue;
      const allowed = actsAllowed(c);
      if (!allowed) return false;
      for (let a = e.act; a <= maxAct; a++) if (allowed(a)) return false;
    }
    return true;
  };
  let fine = true;
  forEachRuleList(w, (_k, rs) => rs.forEach((r) => (fine &&= ok(r.if, r.do))));
  for (const s of w.scenes) fine &&= ok(s.if, s.do);
  return fine;
}

/**
 * Every rule list with the key `runRules` files its `once` rules under, and the kind of list
 * (which decides whether its conditions matter).
 */
export function forEachRuleList(w: World, f: (onceKey: string, rules: Rule[], group: string) => void): void {
  for (const [v, rs] of Object.entries(w.verbs)) f(`verbs.${v}`, rs, `verbs:${v}`);
  for (const r of Object.values(w.rooms)) {
    for (const [v, rs] of Object.entries(r.verbs ?? {})) f(`${r.id}.${v}`, rs, `room:${r.id}:${v}`);
    if (r.onEnter) f(`${r.id}.onEnter`, r.onEnter, `enter:${r.id}`);
  }
  for (const it of Object.values(w.items)) for (const [v, rs] of Object.entries(it.verbs ?? {})) f(`${it.id}.${v}`, rs, `item:${it.id}:${v}`);
  for (const c of Object.values(w.characters)) {
    for (const [v, rs] of Object.entries(c.verbs ?? {})) f(`${c.id}.${v}`, rs, `char:${c.id}:${v}`);
    if (c.talk) f(`${c.id}.talk`, c.talk, `${c.id}:converse`);
    for (const kind of ['ask', 'tell'] as const) for (const [k, rs] of Object.entries(c[kind] ?? {})) f(`${c.id}.${kind}.${k}`, rs, `${c.id}:converse`);
    for (const [k, rs] of Object.entries(c.orders ?? {})) f(`${c.id}.orders.${k}`, rs, `${c.id}:orders`);
    for (const [k, rs] of Object.entries(c.give ?? {})) f(`${c.id}.give.${k}`, rs, `${c.id}:give`);
  }
}

const cache = new WeakMap<World, Map<number, Relevance>>();
const monotonic = new WeakMap<World, boolean>();

/** What matters from act `act` on (acts only go up, so later acts matter less). */
export function relevance(w: World, act = 0): Relevance {
  let byAct = cache.get(w);
  if (!byAct) {
    cache.set(w, (byAct = new Map()));
    monotonic.set(w, actsMonotonic(w));
  }
  const gate = monotonic.get(w) ? act : 0;
  const hit = byAct.get(gate);
  if (hit) return hit;
  const r = compute(w, gate);
  byAct.set(gate, r);
  return r;
}

function compute(w: World, act: number): Relevance {
  // The sets grow from nothing until stable: whether a standard action matters depends on which
  // items matter, and that depends on which rule lists are read.
  let prev: Relevance = computeOnce(w, act, null);
  for (let i = 0; i < 100; i++) {
    const r = computeOnce(w, act, prev);
    const same = (a: Relevance, b: Relevance) =>
      a.inert.size === b.inert.size && a.seenIds.size === b.seenIds.size && a.logicLists.size === b.logicLists.size &&
      a.logicPeople.size === b.logicPeople.size && a.flagsRead.size === b.flagsRead.size && a.countersRead.size === b.countersRead.size &&
      a.propsRead.size === b.propsRead.size && a.stabilityRead === b.stabilityRead && a.focusRead === b.focusRead &&
      a.firedIgnored.size === b.firedIgnored.size && a.visitedRooms.size === b.visitedRooms.size;
    if (same(r, prev)) return r;
    prev = r;
  }
  throw new Error("nanodream check: the relevance analysis did not settle");
}

function computeOnce(w: World, act: number, prev: Relevance | null): Relevance {
  const maxAct = Math.max(...w.game.acts.map((a) => a.id), 1);
  /** Can this condition still hold in this act or a later one? */
  const live = (c: Condition | undefined) => {
    const allowed = actsAllowed(c);
    if (!allowed || act === 0) return true;
    for (let a = act; a <= maxAct; a++) if (allowed(a)) return true;
    return false;
  };
  const visitedRooms = new Set<Id>();
  const seenIds = new Set<Id>();
  const flagsRead = new Set<Id>();
  const countersRead = new Set<Id>();
  const propsRead = new Set<string>();
  const itemsNamed = new Set<Id>();
  const itemInRead = new Map<Id, Set<Id>>();
  const notHasRead = new Set<Id>();
  let stabilityRead = false;
  let focusRead = false;
  const read = (c: Condition | undefined): void => {
    if (!c) return;
    if (c.visited) visitedRooms.add(c.visited);
    if (c.seen) seenIds.add(c.seen);
    for (const f of [...list(c.flag), ...list(c.notFlag)]) flagsRead.add(f);
    for (const k of Object.keys(c.counterAtLeast ?? {})) countersRead.add(k);
    if (c.stabilityAtLeast !== undefined || c.stabilityBelow !== undefined) stabilityRead = true;
    if (c.focusAtLeast !== undefined || c.focusBelow !== undefined) focusRead = true;
    for (const i of [...list(c.has), ...list(c.notHas), ...Object.keys(c.itemIn ?? {})]) itemsNamed.add(i);
    for (const i of list(c.notHas)) notHasRead.add(i);
    for (const [i, p] of Object.entries(c.itemIn ?? {})) {
      if (!itemInRead.has(i)) itemInRead.set(i, new Set());
      itemInRead.get(i)!.add(p);
    }
    for (const [i, p] of [...Object.entries(c.prop ?? {}), ...Object.entries(c.notProp ?? {})]) {
      itemsNamed.add(i);
      propsRead.add(`${i}:${p}`);
    }
    c.any?.forEach(read);
    read(c.not);
  };

  // Cone of influence: an effect counts only when it changes something that matters (found so
  // far: the sets grow from nothing, round by round, until they are stable). Flags, counters and
  // properties that only decide their own toggling (a night-light switched on and off) never
  // enter. What always matters: endings, acts, who is played and where characters go.
  const writes = (e: Effect): boolean => {
    if ('set' in e) return list(e.set).some((f) => !!prev?.flagsRead.has(f));
    if ('clear' in e) return list(e.clear).some((f) => !!prev?.flagsRead.has(f));
    if ('count' in e) return !!prev?.countersRead.has(e.count);
    if ('move' in e) return e.move in w.characters || (!!prev && !prev.inert.has(e.move));
    if ('setProp' in e) return !!prev?.propsRead.has(`${e.setProp}:${e.prop}`);
    if ('clearProp' in e) return !!prev?.propsRead.has(`${e.clearProp}:${e.prop}`);
    if ('stability' in e || 'setStability' in e) return !!prev?.stabilityRead;
    if ('focus' in e) return !!prev?.focusRead;
    return actsOnState(e);
  };
  const isLogic = (r: Rule) => live(r.if) && !!r.do?.some(writes);
  // A rule list matters when a live rule in it acts, or when it stands in front of a standard
  // action that changes the state (take, open, go, ...): then which rule matches matters.
  const logicLists = new Set<string>();
  const logicPeople = new Set<string>();
  const firedIgnored = new Set<Id>();
  const lists: { key: string; rules: Rule[]; group: string }[] = [];
  forEachRuleList(w, (key, rules, group) => lists.push({ key, rules, group }));
  const groupLogic = new Set<string>();
  // Does the standard action behind this list change something that matters?
  const standardMatters = (group: string): boolean => {
    const parts = group.split(':');
    const verb = parts.at(-1)!;
    if (!STANDARD_CHANGES.has(verb)) return false;
    const seen = prev?.seenIds ?? new Set<Id>();
    if (parts[0] === 'item') {
      const id = parts[1];
      const it = w.items[id];
      if (verb === 'examine' || verb === 'read') return seen.has(id);
      if (!prev || prev.inert.has(id)) return false;
      // Only where the standard action can do something to this kind of thing.
      switch (verb) {
        case 'open': case 'close': return !!it.openable;
        case 'lock': case 'unlock': return !!it.lockable;
        case 'wear': case 'remove': return !!it.wearable;
        case 'eat': return !!it.edible;
        case 'drink': return !!it.drinkable;
        case 'light': case 'extinguish': return !!it.lightable && prev.propsRead.has(`${id}:lit`);
        case 'put_in': case 'put_on': return !!(it.portable || it.container || it.supporter);
        default: return !!it.portable; // take, drop, throw, give
      }
    }
    if (parts[0] === 'room' || parts[0] === 'verbs') return verb === 'examine' || verb === 'read' ? seen.size > 0 : !!prev;
    return parts[0] === 'char' && verb !== 'examine' && verb !== 'read';
  };
  for (const { rules, group } of lists) {
    if (rules.some(isLogic) || standardMatters(group)) groupLogic.add(group);
    if (group.endsWith(':give')) groupLogic.add(group); // giving moves the thing unless a rule stops it
  }
  const withs = new Set<Id>();
  for (const { key, rules, group } of lists) {
    const matters = groupLogic.has(group);
    rules.forEach((r, i) => {
      if (!matters || !live(r.if)) {
        if (r.once) firedIgnored.add(r.id ?? `${key}#${i}`);
        return;
      }
      read(r.if);
      if (r.with) withs.add(r.with);
    });
    if (matters) {
      if (group.startsWith('item:') || group.startsWith('room:') || group.startsWith('verbs:') || group.startsWith('char:') || group.startsWith('enter:')) logicLists.add(group);
      else logicPeople.add(group);
    }
  }
  for (const [c, ch] of Object.entries(w.characters)) {
    read(ch.invisibleTo?.if);
    // Handing a thing over matters for that thing only where a rule for it acts.
    for (const [k, rs] of Object.entries(ch.give ?? {})) if (rs.some(isLogic)) withs.add(k);
    if (logicPeople.has(`${c}:converse`)) for (const k of [...Object.keys(ch.ask ?? {}), ...Object.keys(ch.tell ?? {})]) withs.add(k);
  }
  for (const s of w.scenes) {
    if (live(s.if) && s.do?.some(writes)) read(s.if);
    else firedIgnored.add(s.id);
  }
  const doors = new Set<Id>();
  for (const room of Object.values(w.rooms)) {
    for (const e of Object.values(room.exits)) {
      if (!e) continue;
      if (live(e.if)) read(e.if);
      if (e.door) doors.add(e.door);
    }
  }
  for (const it of Object.values(w.items)) if (live(it.if)) read(it.if);

  // Items whose whereabouts matter: named by live logic, with rules of their own that act, the
  // other object of such rules, doors, keys and locks, and anything that can hold other things.
  const inert = new Set<Id>();
  for (const it of Object.values(w.items)) {
    const ownLogic = Object.keys(it.verbs ?? {}).some((v) => logicLists.has(`item:${it.id}:${v}`) && it.verbs![v].some(isLogic));
    const keyed = !!it.key || Object.values(w.items).some((o) => o.key === it.id);
    if (itemsNamed.has(it.id) || withs.has(it.id) || seenIds.has(it.id) || ownLogic || doors.has(it.id) || keyed || it.container || it.supporter) {
      if (it.openable || doors.has(it.id)) propsRead.add(`${it.id}:open`);
      if (it.lockable) propsRead.add(`${it.id}:locked`);
      continue;
    }
    inert.add(it.id);
  }
  const places = new Map<Id, Set<Id>>();
  const place = (who: Id, room: Id) => {
    if (!places.has(who)) places.set(who, new Set());
    places.get(who)!.add(room);
  };
  const together = new Map<Id, Set<Id>>();
  const hereOf = (c: Condition | undefined, who: Id[]): void => {
    if (!c) return;
    for (const a of c.together ?? []) for (const b of c.together ?? []) if (a !== b) {
      if (!together.has(a)) together.set(a, new Set());
      together.get(a)!.add(b);
    }
    hereOf(c.not, who);
    for (const r of list(c.here)) who.forEach((x) => place(x, r));
    for (const [ch, r] of Object.entries(c.charIn ?? {})) place(ch, r);
    c.any?.forEach((x) => hereOf(x, who));
  };
  const whoMay = (c: Condition | undefined) => (c?.player ? list(c.player) : ['*']);
  for (const room of Object.values(w.rooms)) {
    const rs = [...Object.values(room.verbs ?? {}).flat(), ...(room.onEnter ?? [])];
    for (const r of rs) if (isLogic(r)) whoMay(r.if).forEach((x) => place(x, room.id));
  }
  // Rooms where nothing can happen are not stops: the search sees them with coverage walks
  // (explore.ts), which enter them for real but add nothing to the graph.
  for (const { rules, group } of lists) if (groupLogic.has(group)) for (const r of rules) if (live(r.if)) hereOf(r.if, whoMay(r.if));
  for (const sc of w.scenes) if (live(sc.if) && sc.do?.some(writes)) hereOf(sc.if, whoMay(sc.if));
  const actingItems = new Set<Id>();
  for (const it of Object.values(w.items)) if (Object.values(it.verbs ?? {}).some((rs) => rs.some(isLogic))) actingItems.add(it.id);
  return {
    places,
    together,
    actingItems,
    visitedRooms,
    seenIds,
    clocks: w.scenes.some((s) => s.once === false && live(s.if)),
    inert,
    flagsRead,
    countersRead,
    stabilityRead,
    focusRead,
    propsRead,
    itemInRead,
    notHasRead,
    firedIgnored,
    logicLists,
    logicPeople,
  };
}
