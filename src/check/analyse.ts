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
  /**
   * People's rule lists that matter, each list by itself (`<id>:converse:talk`,
   * `<id>:converse:ask.<topic>`, `<id>:converse:tell.<topic>`, `<id>:orders:<verb>`) and the
   * character as a whole (`<id>:converse`, `<id>:orders`, `<id>:give`).
   */
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
    if (c.talk) f(`${c.id}.talk`, c.talk, `${c.id}:converse:talk`);
    for (const kind of ['ask', 'tell'] as const) for (const [k, rs] of Object.entries(c[kind] ?? {})) f(`${c.id}.${kind}.${k}`, rs, `${c.id}:converse:${kind}.${k}`);
    for (const [k, rs] of Object.entries(c.orders ?? {})) f(`${c.id}.orders.${k}`, rs, `${c.id}:orders:${k}`);
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

/** What live logic conditions read, gathered as they are found. */
interface Reads {
  visitedRooms: Set<Id>;
  seenIds: Set<Id>;
  flagsRead: Set<Id>;
  countersRead: Set<Id>;
  propsRead: Set<string>;
  /** Items a condition names (`has`, `notHas`, `itemIn`, `prop`, `notProp`). */
  itemsNamed: Set<Id>;
  itemInRead: Map<Id, Set<Id>>;
  notHasRead: Set<Id>;
  /** Items some condition asks `has:` about. */
  hasRead: Set<Id>;
  stabilityRead: boolean;
  focusRead: boolean;
}

const noReads = (): Reads => ({
  visitedRooms: new Set(), seenIds: new Set(), flagsRead: new Set(), countersRead: new Set(), propsRead: new Set(),
  itemsNamed: new Set(), itemInRead: new Map(), notHasRead: new Set(), hasRead: new Set(), stabilityRead: false, focusRead: false,
});

/** Notes everything a condition reads, through `any` and `not`. */
function readCondition(r: Reads, c: Condition | undefined): void {
  if (!c) return;
  if (c.visited) r.visitedRooms.add(c.visited);
  if (c.seen) r.seenIds.add(c.seen);
  for (const f of [...list(c.flag), ...list(c.notFlag)]) r.flagsRead.add(f);
  for (const k of Object.keys(c.counterAtLeast ?? {})) r.countersRead.add(k);
  if (c.stabilityAtLeast !== undefined || c.stabilityBelow !== undefined) r.stabilityRead = true;
  if (c.focusAtLeast !== undefined || c.focusBelow !== undefined) r.focusRead = true;
  for (const i of [...list(c.has), ...list(c.notHas), ...Object.keys(c.itemIn ?? {})]) r.itemsNamed.add(i);
  for (const i of list(c.notHas)) r.notHasRead.add(i);
  for (const i of list(c.has)) r.hasRead.add(i);
  for (const [i, p] of Object.entries(c.itemIn ?? {})) {
    if (!r.itemInRead.has(i)) r.itemInRead.set(i, new Set());
    r.itemInRead.get(i)!.add(p);
  }
  for (const [i, p] of [...Object.entries(c.prop ?? {}), ...Object.entries(c.notProp ?? {})]) {
    r.itemsNamed.add(i);
    r.propsRead.add(`${i}:${p}`);
  }
  c.any?.forEach((x) => readCondition(r, x));
  readCondition(r, c.not);
}

/** Can a condition still hold in act `act` or a later one? (Any act counts for act 0.) */
function liveFrom(w: World, act: number): (c: Condition | undefined) => boolean {
  const maxAct = Math.max(...w.game.acts.map((a) => a.id), 1);
  return (c) => {
    const allowed = actsAllowed(c);
    if (!allowed || act === 0) return true;
    for (let a = act; a <= maxAct; a++) if (allowed(a)) return true;
    return false;
  };
}

/**
 * Cone of influence: an effect counts only when it changes something that matters (found so
 * far: the sets grow from nothing, round by round, until they are stable). Flags, counters and
 * properties that only decide their own toggling (a night-light switched on and off) never
 * enter. What always matters: endings, acts, who is played and where characters go.
 */
function effectMatters(w: World, prev: Relevance | null, e: Effect): boolean {
  if ('set' in e) return list(e.set).some((f) => !!prev?.flagsRead.has(f));
  if ('clear' in e) return list(e.clear).some((f) => !!prev?.flagsRead.has(f));
  if ('count' in e) return !!prev?.countersRead.has(e.count);
  if ('move' in e) return e.move in w.characters || (!!prev && !prev.inert.has(e.move));
  if ('setProp' in e) return !!prev?.propsRead.has(`${e.setProp}:${e.prop}`);
  if ('clearProp' in e) return !!prev?.propsRead.has(`${e.clearProp}:${e.prop}`);
  if ('stability' in e || 'setStability' in e) return !!prev?.stabilityRead;
  if ('focus' in e) return !!prev?.focusRead;
  return actsOnState(e);
}

/** Whether the standard action `verb` can do something that matters to this item. */
function itemStandardMatters(w: World, prev: Relevance | null, id: Id, verb: string): boolean {
  const it = w.items[id];
  if (verb === 'examine' || verb === 'read') return !!prev?.seenIds.has(id);
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

/** Does the standard action behind this rule list change something that matters? */
function standardMatters(w: World, prev: Relevance | null, group: string): boolean {
  const parts = group.split(':');
  const verb = parts.at(-1)!;
  if (!STANDARD_CHANGES.has(verb)) return false;
  if (parts[0] === 'item') return itemStandardMatters(w, prev, parts[1], verb);
  const seen = prev?.seenIds ?? new Set<Id>();
  if (parts[0] === 'room' || parts[0] === 'verbs') return verb === 'examine' || verb === 'read' ? seen.size > 0 : !!prev;
  return parts[0] === 'char' && verb !== 'examine' && verb !== 'read';
}

type RuleList = { key: string; rules: Rule[]; group: string };

/** What reading the rule lists finds besides the conditions. */
interface ListFindings {
  /** The other objects (`with`) of live rules in lists that matter. */
  withs: Set<Id>;
  logicLists: Set<string>;
  logicPeople: Set<string>;
  firedIgnored: Set<Id>;
}

/**
 * Reads the conditions of the live rules in the lists that matter, and sorts those lists into
 * verb lists and people's; once-rules of lists that do not matter are ignored when fired.
 */
function readRuleLists(lists: readonly RuleList[], groupLogic: ReadonlySet<string>, live: (c: Condition | undefined) => boolean, reads: Reads): ListFindings {
  const found: ListFindings = { withs: new Set(), logicLists: new Set(), logicPeople: new Set(), firedIgnored: new Set() };
  for (const { key, rules, group } of lists) {
    const matters = groupLogic.has(group);
    rules.forEach((r, i) => {
      if (!matters || !live(r.if)) {
        if (r.once) found.firedIgnored.add(r.id ?? `${key}#${i}`);
        return;
      }
      readCondition(reads, r.if);
      if (r.with) found.withs.add(r.with);
    });
    if (!matters) continue;
    if (/^(item|room|verbs|char|enter):/.test(group)) found.logicLists.add(group);
    else found.logicPeople.add(group).add(group.split(':', 2).join(':'));
  }
  return found;
}

/** Who someone can be seen by, and what handing things over or talking to them can be about. */
function readPeople(w: World, isLogic: (r: Rule) => boolean, found: ListFindings, reads: Reads): void {
  for (const [c, ch] of Object.entries(w.characters)) {
    readCondition(reads, ch.invisibleTo?.if);
    // Handing a thing over matters for that thing only where a rule for it acts.
    for (const [k, rs] of Object.entries(ch.give ?? {})) if (rs.some(isLogic)) found.withs.add(k);
    // What talking is about matters only for the topics whose answers act.
    for (const kind of ['ask', 'tell'] as const) for (const k of Object.keys(ch[kind] ?? {})) if (found.logicPeople.has(`${c}:converse:${kind}.${k}`)) found.withs.add(k);
  }
}

/** Reads the live conditions on exits; returns the doors. */
function readExits(w: World, live: (c: Condition | undefined) => boolean, reads: Reads): Set<Id> {
  const doors = new Set<Id>();
  for (const room of Object.values(w.rooms)) {
    for (const e of Object.values(room.exits)) {
      if (!e) continue;
      if (live(e.if)) readCondition(reads, e.if);
      if (e.door) doors.add(e.door);
    }
  }
  return doors;
}

/**
 * Items whose whereabouts do not matter. The ones that do: named by live logic, with rules of
 * their own that act, the other object of such rules, doors, keys and locks, and anything that
 * can hold other things (their `open` and `locked` are then read too).
 */
function inertItems(w: World, reads: Reads, found: ListFindings, doors: ReadonlySet<Id>, isLogic: (r: Rule) => boolean): Set<Id> {
  const inert = new Set<Id>();
  for (const it of Object.values(w.items)) {
    const ownLogic = Object.keys(it.verbs ?? {}).some((v) => found.logicLists.has(`item:${it.id}:${v}`) && it.verbs![v].some(isLogic));
    const keyed = !!it.key || Object.values(w.items).some((o) => o.key === it.id);
    if (reads.itemsNamed.has(it.id) || found.withs.has(it.id) || reads.seenIds.has(it.id) || ownLogic || doors.has(it.id) || keyed || it.container || it.supporter) {
      if (it.openable || doors.has(it.id)) reads.propsRead.add(`${it.id}:open`);
      if (it.lockable) reads.propsRead.add(`${it.id}:locked`);
      continue;
    }
    inert.add(it.id);
  }
  return inert;
}

/** Rooms worth stopping in per character, and who logic asks to share a room (see Relevance). */
class Places {
  readonly places = new Map<Id, Set<Id>>();
  readonly together = new Map<Id, Set<Id>>();

  place(who: Id, room: Id): void {
    if (!this.places.has(who)) this.places.set(who, new Set());
    this.places.get(who)!.add(room);
  }

  /** The rooms a condition names (`here`, `charIn`) for those it may hold for, and its `together`. */
  read(c: Condition | undefined, who: Id[]): void {
    if (!c) return;
    for (const a of c.together ?? []) for (const b of c.together ?? []) if (a !== b) {
      if (!this.together.has(a)) this.together.set(a, new Set());
      this.together.get(a)!.add(b);
    }
    this.read(c.not, who);
    for (const r of list(c.here)) who.forEach((x) => this.place(x, r));
    for (const [ch, r] of Object.entries(c.charIn ?? {})) this.place(ch, r);
    c.any?.forEach((x) => this.read(x, who));
  }
}

const whoMay = (c: Condition | undefined) => (c?.player ? list(c.player) : ['*']);

function placesOf(
  w: World, lists: readonly RuleList[], groupLogic: ReadonlySet<string>, live: (c: Condition | undefined) => boolean,
  isLogic: (r: Rule) => boolean, sceneActs: (s: World['scenes'][number]) => boolean,
): Places {
  const p = new Places();
  for (const room of Object.values(w.rooms)) {
    const rs = [...Object.values(room.verbs ?? {}).flat(), ...(room.onEnter ?? [])];
    for (const r of rs) if (isLogic(r)) whoMay(r.if).forEach((x) => p.place(x, room.id));
  }
  // Rooms where nothing can happen are not stops: the search sees them with coverage walks
  // (explore.ts), which enter them for real but add nothing to the graph.
  for (const { rules, group } of lists) if (groupLogic.has(group)) for (const r of rules) if (live(r.if)) p.read(r.if, whoMay(r.if));
  for (const sc of w.scenes) if (sceneActs(sc)) p.read(sc.if, whoMay(sc.if));
  return p;
}

function computeOnce(w: World, act: number, prev: Relevance | null): Relevance {
  const live = liveFrom(w, act);
  const writes = (e: Effect) => effectMatters(w, prev, e);
  const isLogic = (r: Rule) => live(r.if) && !!r.do?.some(writes);
  const sceneActs = (s: World['scenes'][number]) => live(s.if) && !!s.do?.some(writes);
  const reads = noReads();
  // A rule list matters when a live rule in it acts, or when it stands in front of a standard
  // action that changes the state (take, open, go, ...): then which rule matches matters.
  const lists: RuleList[] = [];
  forEachRuleList(w, (key, rules, group) => lists.push({ key, rules, group }));
  const groupLogic = new Set<string>();
  for (const { rules, group } of lists) {
    if (rules.some(isLogic) || standardMatters(w, prev, group)) groupLogic.add(group);
    if (group.endsWith(':give')) groupLogic.add(group); // giving moves the thing unless a rule stops it
    // An order obeyed is the standard action, carried out by the one ordered.
    if (group.split(':')[1] === 'orders' && rules.some((r) => r.obey && live(r.if))) groupLogic.add(group);
  }
  const found = readRuleLists(lists, groupLogic, live, reads);
  readPeople(w, isLogic, found, reads);
  for (const s of w.scenes) {
    if (sceneActs(s)) readCondition(reads, s.if);
    else found.firedIgnored.add(s.id);
  }
  const doors = readExits(w, live, reads);
  for (const it of Object.values(w.items)) if (live(it.if)) readCondition(reads, it.if);
  const inert = inertItems(w, reads, found, doors, isLogic);
  const { places, together } = placesOf(w, lists, groupLogic, live, isLogic, sceneActs);
  const actingItems = new Set<Id>();
  for (const it of Object.values(w.items)) if (Object.values(it.verbs ?? {}).some((rs) => rs.some(isLogic))) actingItems.add(it.id);
  return {
    places,
    together,
    actingItems,
    visitedRooms: reads.visitedRooms,
    seenIds: reads.seenIds,
    clocks: w.scenes.some((s) => s.once === false && live(s.if)),
    inert,
    flagsRead: reads.flagsRead,
    countersRead: reads.countersRead,
    stabilityRead: reads.stabilityRead,
    focusRead: reads.focusRead,
    propsRead: reads.propsRead,
    itemInRead: reads.itemInRead,
    notHasRead: reads.notHasRead,
    firedIgnored: found.firedIgnored,
    logicLists: found.logicLists,
    logicPeople: found.logicPeople,
  };
}

/**
 * What the checker's coverage looks at beyond the state key: the flags, item places, properties,
 * counters, rooms visited, things seen, stability, focus and once-rules that a live scene or hint
 * condition reads but no logic does ("text-only": they choose what is said, never what can
 * happen), closed under what writes them: a scene or rule that sets a tracked flag (moves a
 * tracked item, ...) has its condition, and those of the rules before it in its list, tracked too.
 * The search keys its graph on `stateKey` and, within each key, expands one real state per
 * distinct assignment of these (see explore.ts), so coverage sees every assignment play reaches.
 */
export interface TextRelevance {
  flags: Id[];
  /**
   * Items whose place is tracked (inert items read by text conditions or moved by text writers),
   * as far as conditions tell places apart: the places `itemIn` names, who holds it when `has`
   * or `notHas` asks, and "elsewhere" (see textKey).
   */
  items: Id[];
  /** Tracked item -> the places text conditions name for it. */
  itemPlaces: Map<Id, Set<Id>>;
  /** Tracked items a text condition asks whether someone holds. */
  itemHeld: Set<Id>;
  props: string[];
  counters: Id[];
  visitedRooms: Id[];
  seenIds: Id[];
  stability: boolean;
  focus: boolean;
  /**
   * Once-rules and once-scenes whose having run decides a tracked write. Not tracked (empty): a
   * once-rule that already ran in one state and not in another with the same keys may then hide
   * a text-only state from the search (an under-approximation: nothing unreachable is ever
   * called reachable, since every state the search expands is a real one).
   */
  fired: Id[];
  /**
   * The tracked variables (`f:flag`, `i:item`, `p:item:prop`, `c:counter`, `v:room`, `s:id`,
   * `S` stability, `F` focus) in independent groups: no condition that coverage looks at, nor a
   * writer's condition and what it writes, spans two groups. Each group is tracked on its own
   * (see textKeys), so independent choices add up instead of multiplying.
   */
  groups: string[][];
  /** Rule lists (groups as in `Relevance.logicLists`/`logicPeople`) with a live rule that writes something tracked. */
  lists: Set<string>;
  /** Items tracked that a standard action can move (take, drop, give, put). */
  movable: Set<Id>;
  /** Rooms worth stopping in for text writers: as `Relevance.places`. */
  places: Map<Id, Set<Id>>;
  /** Items with a text-writing rule list of their own. */
  actingItems: Set<Id>;
  /** Nothing is tracked: the search is the plain keyed search. */
  empty: boolean;
}

const textCache = new WeakMap<World, Map<number, TextRelevance>>();

/** The text-only state coverage reads from act `act` on (see TextRelevance). */
export function textRelevance(w: World, act = 0): TextRelevance {
  let byAct = textCache.get(w);
  if (!byAct) textCache.set(w, (byAct = new Map()));
  relevance(w, act); // settles `monotonic`
  const gate = monotonic.get(w) ? act : 0;
  let t = byAct.get(gate);
  if (!t) byAct.set(gate, (t = noText ? { ...computeText(w, gate), ...NOTHING_TRACKED } as TextRelevance : computeText(w, gate)));
  return t;
}

/** NANODREAM_CHECK_NO_TEXT=1 (for comparing searches): nothing text-only is tracked. Read once: this runs for every step. */
const noText = Boolean(process.env.NANODREAM_CHECK_NO_TEXT);
const NOTHING_TRACKED: Partial<TextRelevance> = { flags: [], items: [], props: [], counters: [], visitedRooms: [], seenIds: [], stability: false, focus: false, groups: [], lists: new Set(), movable: new Set(), itemHeld: new Set(), empty: true };

type Live = (c: Condition | undefined) => boolean;

/** Whether a condition's acts allow act `act` itself (any act for act 0), unlike liveFrom's later acts too. */
const liveIn = (act: number): Live => (c) => act === 0 || (actsAllowed(c)?.(act) ?? true);

/** The text-only state of act `act` (see TextRelevance): what is read, its groups, and its writers' stops. */
function computeText(w: World, act: number): TextRelevance {
  const rel = relevance(w, act);
  const live = liveFrom(w, act);
  const ruleLists: RuleList[] = [];
  forEachRuleList(w, (key, rules, group) => ruleLists.push({ key, rules, group }));
  const found = readText(w, rel, live, ruleLists);
  const { reads, lists } = found;
  const t: Tracked = {
    ...writable(w, rel, found),
    visited: new Set([...reads.visitedRooms].filter((r) => !rel.visitedRooms.has(r))),
    seen: new Set([...reads.seenIds].filter((r) => !rel.seenIds.has(r))),
  };
  const stops = textStops(act, t, ruleLists, lists);
  const out: TextRelevance = {
    flags: [...t.flags].sort(),
    items: [...t.items].sort(),
    itemPlaces: new Map([...t.items].map((i) => [i, reads.itemInRead.get(i) ?? new Set<Id>()])),
    itemHeld: new Set([...t.items].filter((i) => reads.hasRead.has(i) || reads.notHasRead.has(i))),
    props: [...t.props].sort(),
    counters: [...t.counters].sort(),
    visitedRooms: [...t.visited].sort(),
    seenIds: [...t.seen].sort(),
    stability: t.stability,
    focus: t.focus,
    fired: [],
    groups: textGroups(w, live, ruleLists, lists, t),
    lists: stops.lists,
    movable: new Set([...t.items].filter((i) => w.items[i].portable)),
    places: stops.places,
    actingItems: stops.actingItems,
    empty: false,
  };
  out.empty = !out.flags.length && !out.items.length && !out.props.length && !out.counters.length && !out.visitedRooms.length &&
    !out.seenIds.length && !out.stability && !out.focus && !out.fired.length;
  return out;
}

/** What live scenes, hints and the lists of rules that write text-only state read (see readText). */
interface TextReads {
  reads: Reads;
  /** Items a writer moves that the logic leaves inert: what it brings within reach is coverage. */
  moved: Set<Id>;
  /** Rule lists with a live rule that writes something tracked. */
  lists: Set<string>;
}

/** What is read so far that no logic reads: the text-only state a writer can change. */
function writable(w: World, rel: Relevance, { reads, moved }: TextReads): Writable {
  return {
    flags: new Set([...reads.flagsRead].filter((f) => !rel.flagsRead.has(f))),
    items: new Set([...reads.itemsNamed, ...moved].filter((i) => i in w.items && rel.inert.has(i))),
    props: new Set([...reads.propsRead].filter((p) => !rel.propsRead.has(p))),
    counters: new Set([...reads.countersRead].filter((c) => !rel.countersRead.has(c))),
    stability: reads.stabilityRead && !rel.stabilityRead,
    focus: reads.focusRead && !rel.focusRead,
  };
}

/**
 * What live scenes and hints read, closed under what writes it: a scene or rule that writes
 * something tracked has its condition, and those of the rules before it in its list, read too.
 * Rounds run until nothing grows.
 */
function readText(w: World, rel: Relevance, live: Live, ruleLists: readonly RuleList[]): TextReads {
  const found: TextReads = { reads: noReads(), moved: new Set(), lists: new Set() };
  const r = found.reads;
  for (const s of w.scenes) if (live(s.if)) readCondition(r, s.if);
  for (const h of w.hints) if (live(h.if)) readCondition(r, h.if);
  // Things that start out of play and that a live rule or scene brings in (Leo's drawing, found
  // under his pillow): where they are is tracked, or the search would never try what brings them
  // within reach (an item never within reach is reported, see coverage.ts).
  const bringsIn = (effects: Effect[] | undefined) => {
    for (const e of effects ?? []) if ('move' in e && e.to !== 'nowhere' && w.items[e.move]?.location === 'nowhere') found.moved.add(e.move);
  };
  for (const s of w.scenes) if (live(s.if)) bringsIn(s.do);
  for (const { rules } of ruleLists) for (const rule of rules) if (live(rule.if)) bringsIn(rule.do);
  const size = () => r.flagsRead.size + r.itemsNamed.size + found.moved.size + r.propsRead.size + r.countersRead.size +
    r.visitedRooms.size + r.seenIds.size + found.lists.size + Number(r.stabilityRead) + Number(r.focusRead);
  for (let before = -1; before !== size(); ) {
    before = size();
    readWriters(w, rel, live, ruleLists, found);
  }
  return found;
}

/** One round of readText: the writers of what is tracked as the round starts. */
function readWriters(w: World, rel: Relevance, live: Live, ruleLists: readonly RuleList[], found: TextReads): void {
  const t = writable(w, rel, found);
  const writes = (e: Effect) => writesTracked(t, e);
  // A writer's other moves are tracked too: what it brings within reach is coverage.
  const noteMoves = (effects: Effect[] | undefined) => {
    for (const e of effects ?? []) if ('move' in e && e.move in w.items && rel.inert.has(e.move)) found.moved.add(e.move);
  };
  for (const s of w.scenes) if (live(s.if) && s.do?.some(writes)) noteMoves(s.do);
  for (const { rules, group } of ruleLists) {
    let last = -1;
    rules.forEach((r, i) => { if (live(r.if) && r.do?.some(writes)) last = i; });
    if (last < 0) continue;
    found.lists.add(group);
    for (const r of rules.slice(0, last + 1)) {
      if (!live(r.if)) continue;
      readCondition(found.reads, r.if);
      if (r.do?.some(writes)) noteMoves(r.do);
    }
  }
}

/**
 * Commands and stops, for the writers that can act in this very act (live-from would add act 5's
 * words with Mia to every earlier act): the lists among `lists` with such a writer, the places
 * their rules name, and the items they belong to. Writes to stability and focus do not count here.
 */
function textStops(act: number, t: Writable, ruleLists: readonly RuleList[], lists: ReadonlySet<string>): Pick<TextRelevance, 'lists' | 'places' | 'actingItems'> {
  const now = liveIn(act);
  const commandWrites: Writable = { ...t, stability: false, focus: false };
  const writesNow = (r: Rule) => now(r.if) && !!r.do?.some((e) => writesTracked(commandWrites, e));
  const p = new Places();
  const listsNow = new Set<string>();
  for (const { rules, group } of ruleLists) {
    if (!lists.has(group) || !rules.some(writesNow)) continue;
    listsNow.add(group);
    const [kind, id] = group.split(':');
    for (const r of rules) {
      if (!now(r.if)) continue;
      p.read(r.if, whoMay(r.if));
      if (kind === 'room' || kind === 'enter') whoMay(r.if).forEach((x) => p.place(x, id));
    }
  }
  const actingItems = new Set<Id>();
  for (const g of listsNow) if (g.startsWith('item:')) actingItems.add(g.split(':')[1]);
  return { lists: listsNow, places: p.places, actingItems };
}

/** The text-only variables, as sets (see TextRelevance). */
interface Tracked {
  flags: Set<Id>; items: Set<Id>; props: Set<string>; counters: Set<Id>; visited: Set<Id>; seen: Set<Id>; stability: boolean; focus: boolean;
}

/** The tracked variables an effect can write (rooms visited and things seen are not written). */
type Writable = Omit<Tracked, 'visited' | 'seen'>;

/** The tracked variables a condition reads, as group tokens (see TextRelevance.groups). */
function trackedReads(t: Tracked, c: Condition | undefined): string[] {
  if (!c) return [];
  const r = noReads();
  readCondition(r, c);
  return [
    ...[...r.flagsRead].filter((f) => t.flags.has(f)).map((f) => `f:${f}`),
    ...[...r.itemsNamed].filter((i) => t.items.has(i)).map((i) => `i:${i}`),
    ...[...r.propsRead].filter((p) => t.props.has(p)).map((p) => `p:${p}`),
    ...[...r.countersRead].filter((k) => t.counters.has(k)).map((k) => `c:${k}`),
    ...[...r.visitedRooms].filter((v) => t.visited.has(v)).map((v) => `v:${v}`),
    ...[...r.seenIds].filter((v) => t.seen.has(v)).map((v) => `s:${v}`),
    ...(r.stabilityRead && t.stability ? ['S'] : []),
    ...(r.focusRead && t.focus ? ['F'] : []),
  ];
}

/** The tracked variables one effect writes, as group tokens. */
function effectWrites(t: Writable, e: Effect): string[] {
  if ('set' in e) return list(e.set).filter((f) => t.flags.has(f)).map((f) => `f:${f}`);
  if ('clear' in e) return list(e.clear).filter((f) => t.flags.has(f)).map((f) => `f:${f}`);
  if ('count' in e) return t.counters.has(e.count) ? [`c:${e.count}`] : [];
  if ('move' in e) return t.items.has(e.move) ? [`i:${e.move}`] : [];
  if ('setProp' in e) return t.props.has(`${e.setProp}:${e.prop}`) ? [`p:${e.setProp}:${e.prop}`] : [];
  if ('clearProp' in e) return t.props.has(`${e.clearProp}:${e.prop}`) ? [`p:${e.clearProp}:${e.prop}`] : [];
  if ('stability' in e || 'setStability' in e) return t.stability ? ['S'] : [];
  if ('focus' in e) return t.focus ? ['F'] : [];
  return [];
}

/** Whether an effect writes something tracked. */
const writesTracked = (t: Writable, e: Effect): boolean => effectWrites(t, e).length > 0;

/** The tracked variables effects write, as group tokens. */
const trackedWrites = (t: Writable, effects: Effect[] | undefined): string[] => (effects ?? []).flatMap((e) => effectWrites(t, e));

/** Union-find over the tracked variables: read together by one condition, or read and written by one writer. */
function textGroups(w: World, live: Live, ruleLists: readonly RuleList[], lists: ReadonlySet<string>, t: Tracked): string[][] {
  const all = [
    ...[...t.flags].map((f) => `f:${f}`), ...[...t.items].map((i) => `i:${i}`), ...[...t.props].map((p) => `p:${p}`),
    ...[...t.counters].map((k) => `c:${k}`), ...[...t.visited].map((v) => `v:${v}`), ...[...t.seen].map((v) => `s:${v}`),
    ...(t.stability ? ['S'] : []), ...(t.focus ? ['F'] : []),
  ].sort();
  const up = new Map(all.map((x) => [x, x]));
  const find = (x: string): string => (up.get(x) === x ? x : find(up.get(x)!));
  const join = (xs: string[]) => {
    for (const x of xs.slice(1)) {
      const a = find(xs[0]), b = find(x);
      if (a !== b) up.set(a < b ? b : a, a < b ? a : b);
    }
  };
  for (const s of w.scenes) if (live(s.if)) join([...trackedReads(t, s.if), ...trackedWrites(t, s.do)]);
  for (const h of w.hints) if (live(h.if)) join(trackedReads(t, h.if));
  for (const { rules, group } of ruleLists) {
    if (!lists.has(group)) continue;
    // A list with a writer: which of its rules answers decides the write, so all it reads and writes go together.
    let last = -1;
    rules.forEach((r, i) => { if (live(r.if) && trackedWrites(t, r.do).length) last = i; });
    const xs: string[] = [];
    rules.slice(0, last + 1).forEach((r) => { if (live(r.if)) xs.push(...trackedReads(t, r.if), ...trackedWrites(t, r.do)); });
    join(xs);
  }
  const byRoot = new Map<string, string[]>();
  for (const x of all) {
    const r = find(x);
    if (!byRoot.has(r)) byRoot.set(r, []);
    byRoot.get(r)!.push(x);
  }
  return [...byRoot.values()];
}

/** Everything tracked as text-only in any act (see TextRelevance), for telling which steps can touch it. */
export interface TextTouch {
  /**
   * Rule lists that write something tracked. (A list that only reads it can still change which
   * later list answers; a step misjudged so is only ever skipped toward a text-only state already
   * found, so the search may miss a text state, never invent one.)
   */
  lists: Set<Rule[]>;
  /** Scenes that write something tracked. */
  writerScenes: Set<Id>;
  /** Some scene that writes something tracked also reads it: every step may then change it. */
  scenesRead: boolean;
  /** Words that name a tracked item: a command that moves things (take, drop, give, put, throw, orders) with one of them may move it. */
  itemWords: Set<string>;
}

const touchCache = new WeakMap<World, Map<number, TextTouch>>();

/** What can touch the text-only state of act `act` (see TextTouch). */
export function textTouch(w: World, act: number): TextTouch {
  let byAct = touchCache.get(w);
  if (!byAct) touchCache.set(w, (byAct = new Map()));
  const hit = byAct.get(act);
  if (hit) return hit;
  const tr = textRelevance(w, act);
  const t: Tracked = {
    flags: new Set(tr.flags), items: new Set(tr.items), props: new Set(tr.props), counters: new Set(tr.counters),
    visited: new Set(), seen: new Set(), stability: tr.stability, focus: tr.focus,
  };
  const now = liveIn(act);
  const writes = (e: Effect) => writesTracked(t, e);
  // Whether a condition reads a tracked flag, item, property, counter, stability or focus.
  const reads = (c: Condition | undefined) => trackedReads(t, c).length > 0;
  const lists = new Set<Rule[]>();
  forEachRuleList(w, (_k, rules) => {
    if (rules.some((r) => now(r.if) && r.do?.some(writes))) lists.add(rules);
  });
  const writerScenes = new Set<Id>();
  let scenesRead = false;
  for (const s of w.scenes) {
    if (!now(s.if) || !s.do?.some(writes)) continue;
    writerScenes.add(s.id);
    if (reads(s.if)) scenesRead = true;
  }
  const itemWords = new Set<string>();
  for (const i of t.items) for (const word of w.items[i].words) itemWords.add(word.toLowerCase());
  const out = { lists, writerScenes, scenesRead, itemWords };
  byAct.set(act, out);
  return out;
}
