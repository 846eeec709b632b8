// The commands worth trying in a state, as the text a player would type, so that the real parser
// runs too: moves, each verb on each thing in scope, switching, dialogue topics and orders.
import type { World, State, Id, Rule, Direction } from '../engine/types.js';
import { DIRECTIONS } from '../engine/types.js';
import { parseNounPhrase, matchNounPhrase, type Candidate } from '../parser/index.js';
import { candidateFor, sceneryCandidates } from '../engine/resolve.js';
import { holds, inAct } from '../engine/conditions.js';
import { topicFits } from '../engine/effects.js';
import { scope, roomOf, carries, hasProp, contentsOf, canPerceive, hasFired } from '../engine/world-query.js';
import type { Ctx } from '../engine/context.js';
import { topicId } from '../engine/actions/people.js';
import { parseLine } from '../engine/language.js';
import { actionFor } from '../engine/actions/pipeline.js';
import { relevance, textRelevance, type TextRelevance } from './analyse.js';

/** How a two-object verb is typed: `use X on Y`. */
const TWO: Record<string, string> = {
  use: 'on', put_in: 'in', put_on: 'on', give: 'to', show: 'to', throw: 'at', tie: 'to', unlock: 'with', lock: 'with', take: 'from',
};
/** Typed form of a verb id where it differs from the id. */
const TYPED: Record<string, string> = {
  put_in: 'put', put_on: 'put', look_under: 'look under', look_behind: 'look behind', remove: 'take off', talk: 'talk to',
};

const typed = (verb: string) => TYPED[verb] ?? verb.replace(/_/g, ' ');
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export interface Namer {
  /** A noun phrase that picks out exactly this thing in the actor's scope, or null. */
  (id: Id): string | null;
  /** The things named so far, by the noun phrase that names each. */
  named: ReadonlyMap<string, Id>;
}

const namers = new WeakMap<World, Map<string, Namer>>();
/**
 * Names for the things in scope. What a name picks out depends only on the room (its scenery)
 * and what is in scope, so one namer serves every state with the same room and scope.
 */
function namer(w: World, s: State, actor: Id, inScope: Id[]): Namer {
  let byScope = namers.get(w);
  if (!byScope) namers.set(w, (byScope = new Map()));
  const key = `${roomOf(s, actor)}\u0000${inScope.join('\u0001')}`;
  let n = byScope.get(key);
  if (!n) byScope.set(key, (n = newNamer(w, s, actor, inScope)));
  return n;
}

function newNamer(w: World, s: State, actor: Id, inScope: Id[]): Namer {
  const ctx: Ctx = { w, s, actor, out: [], tookTime: false, owned: new Set() };
  const cands: Candidate[] = [...inScope.map((id) => candidateFor(w, id)), ...sceneryCandidates(ctx)];
  const memo = new Map<Id, string | null>();
  const named = new Map<string, Id>();
  const name = (id: Id): string | null => {
    if (memo.has(id)) return memo.get(id)!;
    const c = candidateFor(w, id);
    const tries: string[] = [];
    for (const word of c.words) {
      tries.push(word);
      for (const adj of c.adjectives) tries.push(`${adj} ${word}`);
      if (c.adjectives.length > 1) tries.push(`${c.adjectives.join(' ')} ${word}`);
    }
    let found: string | null = null;
    for (const t of tries) {
      const np = parseNounPhrase(t);
      if (!np) continue;
      const m = matchNounPhrase(np, cands);
      if (m.length === 1 && m[0].id === id) {
        found = t;
        break;
      }
    }
    memo.set(id, found);
    if (found !== null) named.set(found, id);
    return found;
  };
  return Object.assign(name, { named });
}

/**
 * What placesNow reads that does not change within an act, for one actor: the fixed stops, the
 * people worth meeting (always, or only with something to hand them), and the things worth going
 * to (unless gone or carried).
 */
interface Stops {
  fixed: Id[];
  people: Id[];
  peopleToGive: Id[];
  things: Id[];
}

const stopsCache = new WeakMap<World, Map<string, Stops>>();

function stopsFor(w: World, act: number, actor: Id): Stops {
  let byAct = stopsCache.get(w);
  if (!byAct) stopsCache.set(w, (byAct = new Map()));
  const at = `${act} ${actor}`;
  let st = byAct.get(at);
  if (st) return st;
  const rel = relevance(w, act);
  // Text-only writers add their stops too (a stop is a place in the state key, and so more
  // states): the whale's shore, where the wisp is given back, is a stop for nothing else.
  const text = textRelevance(w, act);
  st = {
    fixed: [...new Set([...(rel.places.get('*') ?? []), ...(rel.places.get(actor) ?? []), ...(text.places.get('*') ?? []), ...(text.places.get(actor) ?? [])])],
    people: [],
    peopleToGive: [],
    things: [],
  };
  // Another character's room, when there is something to do with them that matters: words or
  // orders with effects, a rule of theirs that acts, or something to hand them.
  for (const id of Object.keys(w.characters)) {
    if (id === actor) continue;
    const useful =
      rel.logicPeople.has(`${id}:converse`) || rel.logicPeople.has(`${id}:orders`) ||
      Object.keys(w.characters[id].verbs ?? {}).some((v) => rel.logicLists.has(`char:${id}:${v}`)) || !!rel.together.get(actor)?.has(id);
    if (useful) st.people.push(id);
    else if (rel.logicPeople.has(`${id}:give`)) st.peopleToGive.push(id);
  }
  for (const id of Object.keys(w.items)) {
    const textActs = text.actingItems.has(id);
    if (rel.inert.has(id) && !textActs) continue;
    const it = w.items[id];
    if (it.visibleTo && !it.visibleTo.includes(actor)) continue;
    if (it.portable || rel.actingItems.has(id) || textActs || it.lockable || it.openable) st.things.push(id);
  }
  byAct.set(at, st);
  return st;
}

/** Rooms worth stopping in now for the actor: see `Relevance.places`, plus where things that matter and other characters are. */
function placesNow(w: World, s: State, actor: Id): Set<Id> {
  const st = stopsFor(w, s.act, actor);
  const out = new Set<Id>(st.fixed);
  for (const id of st.people) out.add(roomOf(s, id));
  if (st.peopleToGive.length) {
    const rel = relevance(w, s.act);
    if (contentsOf(w, s, actor).some((id) => !rel.inert.has(id))) for (const id of st.peopleToGive) out.add(roomOf(s, id));
  }
  for (const id of st.things) if (s.loc[id] !== 'nowhere' && !carries(s, actor, id)) out.add(roomOf(s, id));
  return out;
}

/**
 * `north`, or `north. east. up` to walk through rooms with nothing to do in them. With
 * `everyRoom`, a step into each room next door instead (those `wanted` says, if given).
 */
export function walks(w: World, s: State, actor: Id, everyRoom = false, wanted?: (room: Id) => boolean): string[] {
  const here = roomOf(s, actor);
  const stops = everyRoom ? null : placesNow(w, s, actor);
  const prev = new Map<Id, [Id, Direction]>();
  const queue: Id[] = [here];
  const seen = new Set<Id>([here]);
  const out: string[] = [];
  while (queue.length) {
    const r = queue.shift()!;
    const room = w.rooms[r];
    if (!room) continue;
    for (const d of DIRECTIONS) {
      const e = room.exits[d];
      if (!e || seen.has(e.to)) continue;
      // The way beyond the first room is planned on what holds now; the engine walks it for real.
      if (e.if && !holds(w, s, e.if, actor)) continue;
      if (e.door && !hasProp(s, e.door, 'open')) continue;
      seen.add(e.to);
      prev.set(e.to, [r, d]);
      if (stops ? stops.has(e.to) : wanted?.(e.to) !== false) {
        const path: Direction[] = [];
        for (let x = e.to; x !== here; x = prev.get(x)![0]) path.unshift(prev.get(x)![1]);
        out.push(path.join('. '));
      }
      if (stops) queue.push(e.to);
    }
  }
  return out;
}

/** A rule list that always answers by itself: its last rule holds unconditionally and nothing falls through to the standard action. */
function total(rs: Rule[]): boolean {
  const last = rs.at(-1);
  return !!last && !last.if && !last.with && last.topic === undefined && !last.once && rs.every((r) => r.instead !== false);
}

function topicWords(r: Rule): string[] {
  return list(r.topic);
}

const picks = new WeakMap<readonly Rule[], (string | null)[]>();

/**
 * The word typed to reach each rule of a list that has topic words (null for a rule without).
 * Every word of one rule reaches that same rule, so one is enough: the first that no earlier
 * rule of the list also answers, or else its first (it answers once the earlier ones do not hold).
 */
function topicPicks(rs: readonly Rule[]): (string | null)[] {
  let out = picks.get(rs);
  if (!out) {
    out = rs.map((r, i) => {
      const tw = topicWords(r);
      return tw.find((t) => !rs.slice(0, i).some((e) => e.topic !== undefined && topicFits(e, t))) ?? tw[0] ?? null;
    });
    picks.set(rs, out);
  }
  return out;
}

/** The word that names a dialogue key: a topic's, a character's or an item's first word. */
function keyWord(w: World, key: Id): string | null {
  return w.topics[key]?.words[0] ?? w.characters[key]?.words[0] ?? w.items[key]?.words[0] ?? null;
}

export interface GenOptions {
  /**
   * Every command the parser understands on every thing, prose included (default false: only
   * commands that can change what the state key keeps, see analyse.ts).
   */
  allCommands?: boolean;
  /**
   * Also the words to a person, and the orders, that the rule answering them in this state only
   * answers in words (default false: those steps cannot leave the state, so the search leaves
   * them out; the tests try them to show that).
   */
  spokenToo?: boolean;
}

/** What every part of commandsFor looks at: the state, the actor's scope, and what matters now. */
interface Gen {
  w: World;
  s: State;
  actor: Id;
  here: Id;
  inScope: Id[];
  name: Namer;
  people: Id[];
  carried: Id[];
  rel: ReturnType<typeof relevance>;
  /** The text-only state coverage tracks: commands that write it are tried too. */
  text: TextRelevance;
  all: boolean;
  /**
   * Keep what the answering rule only says (GenOptions.spokenToo; always with `all`; and where
   * WAIT is more than the turn passing).
   */
  spoken: boolean;
  /** The commands so far, in the order found. */
  out: Set<string>;
}

const listMatters = (g: Gen, group: string) => g.all || g.rel.logicLists.has(group) || g.text.lists.has(group);
/**
 * Can this rule of a person's list change anything now: its condition allows this act, and it
 * acts (or, in orders, is obeyed)? A list whose rules cannot only says something, or falls through
 * to `default`, which is tried by itself.
 */
const actsNow = (g: Gen, r: Rule) => g.all || (inAct(r.if, g.s) && (!!r.do?.length || !!r.obey));

/** Does one of a person's rule lists matter (`converse:ask.<topic>`, `orders:<verb>`, see Relevance.logicPeople)? */
const personMatters = (g: Gen, id: Id, list: string) =>
  g.all || g.rel.logicPeople.has(`${id}:${list}`) || g.text.lists.has(`${id}:${list}`);
const itemMatters = (g: Gen, id: Id) => g.all || !g.rel.inert.has(id);
const propMatters = (g: Gen, id: Id, p: string) => g.all || g.rel.propsRead.has(`${id}:${p}`);
/** Would `verb` on this item be more than prose: its own rules, the room's or the story's act, or the standard action changes what matters. */
const verbOn = (g: Gen, id: Id, verb: string, standard: boolean) =>
  standard || listMatters(g, `item:${id}:${verb}`) || listMatters(g, `room:${g.here}:${verb}`) || listMatters(g, `verbs:${verb}`);
const withVerb = (v: string, dobj: string, iobj: string) => `${typed(v)} ${dobj} ${TWO[v] ?? 'with'} ${iobj}`;

/**
 * Moves: one command to each place worth stopping in (see `places`), walking the shortest way
 * through exits that exist now and are not shut; rooms passed on the way are still entered.
 * Then switching to each other playable character, and waiting.
 */
function moveCommands(g: Gen): void {
  const { w, s, actor, here } = g;
  if (w.rooms[here] && s.loc[actor] === here) for (const walk of walks(w, s, actor, g.all)) g.out.add(walk);
  for (const c of s.playable) if (c !== actor) g.out.add(`switch to ${w.characters[c].words[0] ?? c}`);
  g.out.add('wait');
}

/** Verbs the room or the whole story has rules for apply to any object (or none); returns those rules by verb. */
function ruleVerbCommands(g: Gen): Map<string, Rule[]> {
  const { w, here } = g;
  const ruleVerbs = new Map<string, Rule[]>();
  for (const [v, rs] of Object.entries(w.rooms[here]?.verbs ?? {})) if (listMatters(g, `room:${here}:${v}`)) ruleVerbs.set(v, [...rs]);
  for (const [v, rs] of Object.entries(w.verbs)) if (listMatters(g, `verbs:${v}`)) ruleVerbs.set(v, [...(ruleVerbs.get(v) ?? []), ...rs]);
  for (const [v, rs] of ruleVerbs) {
    let bare = false;
    const words = topicPicks(rs);
    for (const [i, r] of rs.entries()) {
      const t = words[i];
      if (t !== null) g.out.add(`${typed(v)} ${t}`);
      else if (r.with) {
        const n = g.name(r.with);
        if (n) g.out.add(`${typed(v)} ${n}`);
      } else bare = true;
    }
    if (bare) bareVerbCommands(g, v);
  }
  return ruleVerbs;
}

/** A rule verb with no object, and on something in scope that has no rule of its own for it. */
function bareVerbCommands(g: Gen, v: string): void {
  g.out.add(typed(v));
  // Object verbs need a noun: any thing in scope that has no rule of its own for the verb.
  const any = g.inScope.find((id) => !(g.w.items[id]?.verbs ?? g.w.characters[id]?.verbs)?.[v]);
  const n = any && g.name(any);
  if (n) g.out.add(`${typed(v)} ${n}`);
}

/** The standard actions on one item (named `n`) that matter now. */
function standardItemCommands(g: Gen, id: Id, n: string): void {
  const { w, s, rel, out } = g;
  const it = w.items[id];
  const held = g.carried.includes(id);
  const mine = held && s.loc[id] === g.actor;
  const matters = itemMatters(g, id);
  if (verbOn(g, id, 'examine', g.all || rel.seenIds.has(id))) out.add(`examine ${n}`);
  if (it.readable && verbOn(g, id, 'read', g.all || rel.seenIds.has(id))) out.add(`read ${n}`);
  // A tracked text-only item (see TextRelevance): taking it, and leaving it where a condition asks.
  const textItem = g.text.movable.has(id);
  if (it.portable && !held && verbOn(g, id, 'take', matters || textItem)) out.add(`take ${n}`);
  // Leaving a thing somewhere matters only where a condition asks where it lies or that it is
  // not held (handing it over is `give`): the search's one restriction on the standard verbs.
  const placeRead = g.all || [...(rel.itemInRead.get(id) ?? [])].some((p) => p in w.rooms) || rel.notHasRead.has(id);
  const textPlaceRead = textItem && (!!g.text.itemPlaces.get(id)?.has(g.here) || g.text.itemHeld.has(id));
  if (mine && verbOn(g, id, 'drop', (matters && placeRead) || textPlaceRead)) out.add(`drop ${n}`);
  if (it.openable) {
    const v = hasProp(s, id, 'open') ? 'close' : 'open';
    if (verbOn(g, id, v, propMatters(g, id, 'open'))) out.add(`${v} ${n}`);
  }
  if (it.lockable && it.key) {
    const k = g.carried.includes(it.key) ? g.name(it.key) : null;
    const v = hasProp(s, id, 'locked') ? 'unlock' : 'lock';
    if (k && verbOn(g, id, v, propMatters(g, id, 'locked'))) out.add(withVerb(v, n, k));
  }
  if (it.wearable) {
    const off = hasProp(s, id, 'worn') && held;
    if (verbOn(g, id, off ? 'remove' : 'wear', propMatters(g, id, 'worn') || (!held && matters))) out.add(off ? `take off ${n}` : `wear ${n}`);
  }
  if (it.edible && verbOn(g, id, 'eat', matters)) out.add(`eat ${n}`);
  if (it.drinkable && verbOn(g, id, 'drink', matters)) out.add(`drink ${n}`);
  if (it.lightable) {
    const v = hasProp(s, id, 'lit') ? 'extinguish' : 'light';
    if (verbOn(g, id, v, propMatters(g, id, 'lit'))) out.add(`${v} ${n}`);
  }
}

/** Putting each carried thing in or on this item, where that matters. */
function putCommands(g: Gen, id: Id, n: string): void {
  const it = g.w.items[id];
  if (!((it.container && (!it.openable || hasProp(g.s, id, 'open'))) || it.supporter)) return;
  const v = it.container ? 'put_in' : 'put_on';
  for (const c of g.carried) {
    const into = g.all || !!g.rel.itemInRead.get(c)?.has(id);
    if (c === id || g.s.loc[c] !== g.actor || !(verbOn(g, c, v, into && itemMatters(g, c)) || listMatters(g, `item:${id}:${v}`))) continue;
    const cn = g.name(c);
    if (cn) g.out.add(`put ${cn} ${it.container ? 'in' : 'on'} ${n}`);
  }
}

/** Handing this item (carried by the actor) to each person here. */
function giveCommands(g: Gen, id: Id, n: string): void {
  for (const p of g.people) {
    const pn = g.name(p);
    const textHeld = g.text.itemHeld.has(id);
    if (pn && (itemMatters(g, id) || textHeld || personMatters(g, p, 'give') && g.w.characters[p].give?.[id]) || listMatters(g, `item:${id}:give`)) g.out.add(`give ${n} to ${pn}`);
  }
}

const signatures = new WeakMap<readonly Rule[], string>();
/** A rule list as text, to tell lists that are the same (remembered: asked for every state). */
function signature(rs: readonly Rule[]): string {
  let sig = signatures.get(rs);
  if (sig === undefined) signatures.set(rs, (sig = JSON.stringify(rs)));
  return sig;
}

/** The verbs this item has rules for that matter now. */
function itemRuleCommands(g: Gen, id: Id, n: string): void {
  const sameAs = new Set<string>();
  for (const [v, rs] of Object.entries(g.w.items[id].verbs ?? {})) {
    if (!listMatters(g, `item:${id}:${v}`)) continue;
    // Synonyms (`push`/`turn`/`light` sharing one list that always answers): one is enough.
    const sig = total(rs) ? signature(rs) : null;
    if (sig !== null && !g.all) {
      if (sameAs.has(sig)) continue;
      sameAs.add(sig);
    }
    const words = topicPicks(rs);
    rs.forEach((r, i) => ruleCommands(g, v, r, n, words[i]));
  }
}

/** What one of an item's rules for `v` answers: with its other object, its topic word (see topicPicks), or on the item alone. */
function ruleCommands(g: Gen, v: string, r: Rule, n: string, word: string | null): void {
  if (r.with) {
    const on = g.name(r.with);
    if (!on) return;
    if (v in TWO) {
      g.out.add(withVerb(v, n, on));
      g.out.add(withVerb(v, on, n));
    } else g.out.add(`${typed(v)} ${n}`);
  } else g.out.add(`${typed(v)} ${word ?? n}`);
}

/** `use X on Y` for this carried item on anything here, when either side has a use rule. */
function useCommands(g: Gen, id: Id, n: string, ruleVerbs: Map<string, Rule[]>): void {
  for (const other of g.inScope) {
    if (other === id) continue;
    const otherList = other in g.w.items ? `item:${other}:use` : `char:${other}:use`;
    if (!listMatters(g, `item:${id}:use`) && !listMatters(g, otherList) && !ruleVerbs.get('use')?.length) continue;
    const on = g.name(other);
    if (on) g.out.add(`use ${n} on ${on}`);
  }
}

/** Everything worth doing with one item in scope. */
function itemCommands(g: Gen, id: Id, ruleVerbs: Map<string, Rule[]>): void {
  const n = g.name(id);
  if (!n) return;
  const mine = g.carried.includes(id) && g.s.loc[id] === g.actor;
  standardItemCommands(g, id, n);
  putCommands(g, id, n);
  if (mine) giveCommands(g, id, n);
  itemRuleCommands(g, id, n);
  if (mine) useCommands(g, id, n, ruleVerbs);
}

/** One question or telling worth trying: its words, and whether to ask wordsOnlyNow first. */
interface Asking {
  kind: 'ask' | 'tell';
  word: string;
  /** A topic's own answers, which may only speak in a state (a `default` or `unseen` one is always tried). */
  check: boolean;
}

/**
 * Asking and telling a person (named `pn`) about what they have answers for that matter. Telling
 * about a topic with no `tell` answer of its own is asking (the engine falls back), and a
 * `default` or `unseen` answer is reached with its own topic words or a topic nobody keyed.
 */
function conversationCommands(g: Gen, p: Id, pn: string): void {
  const { askings, talk } = conversationPlan(g, p);
  for (const a of askings) if (!a.check || !wordsOnlyNow(g, p, a.kind, a.word)) g.out.add(`${a.kind} ${pn} about ${a.word}`);
  if (talk) g.out.add(`talk to ${pn}`);
}

const plans = new WeakMap<World, Map<string, { askings: Asking[]; talk: boolean }>>();
/**
 * What conversationCommands tries with a person, as far as the act alone decides (which lists
 * matter, which rules this act allows): worked out once per act and person, unless every command
 * is wanted.
 */
function conversationPlan(g: Gen, p: Id): { askings: Asking[]; talk: boolean } {
  const key = `${g.s.act}:${p}`;
  let byKey = plans.get(g.w);
  if (!byKey) plans.set(g.w, (byKey = new Map()));
  let plan = g.all ? undefined : byKey.get(key);
  if (plan) return plan;
  const { w } = g;
  const ch = w.characters[p];
  const askings: Asking[] = [];
  for (const kind of ['ask', 'tell'] as const) {
    const map = ch[kind] ?? {};
    for (const topic of Object.keys(map)) {
      const word = topic === 'default' || topic === 'unseen' ? null : keyWord(w, topic);
      if (word && personMatters(g, p, `converse:${kind}.${topic}`) && map[topic].some((r) => actsNow(g, r))) askings.push({ kind, word, check: true });
    }
    const spare = Object.values(w.topics).find((t) => !map[t.id])?.words[0];
    for (const fallback of ['default', 'unseen']) {
      if (!map[fallback] || !personMatters(g, p, `converse:${kind}.${fallback}`)) continue;
      for (const r of map[fallback]) {
        if (!actsNow(g, r)) continue;
        const tw = topicWords(r);
        for (const t of tw.length ? tw : spare ? [spare] : []) askings.push({ kind, word: t, check: false });
      }
    }
  }
  plan = { askings, talk: !!ch.talk?.some((r) => actsNow(g, r)) && personMatters(g, p, 'converse:talk') };
  if (!g.all) byKey.set(key, plan);
  return plan;
}

/** A rule that answers, with the key its running is kept under when it is `once`. */
interface Answer {
  r: Rule;
  fired: string;
}

/**
 * A rule that, answering, changes nothing the search keeps: no effects, not obeyed, and, when it
 * runs once, its having run is not kept either (analyse.ts: firedIgnored).
 */
const speaksOnly = (g: Gen, a: Answer) => !a.r.do?.length && !a.r.obey && (!a.r.once || g.rel.firedIgnored.has(a.fired));

/**
 * The rule of a list that would answer now, as runRules picks it: the first of the stage asked
 * for (any, without one) whose `with` is the other thing, whose topic fits `word`, whose
 * condition holds in this state, and which, if once, has not run. Null when none would. With
 * `topicUnknown` (a command whose topic the checker does not know), 'unsure' at the first rule
 * with topic words.
 */
function answerNow(
  g: Gen, rs: readonly Rule[], listKey: string, word: string | undefined,
  o: { stage?: 'instead'; other?: Id; topicUnknown?: boolean } = {},
): Answer | null | 'unsure' {
  for (let i = 0; i < rs.length; i++) {
    const r = rs[i];
    if ((o.stage && (r.stage ?? 'instead') !== o.stage) || (r.with !== undefined && r.with !== o.other)) continue;
    if (r.topic !== undefined) {
      if (o.topicUnknown) return 'unsure';
      if (!topicFits(r, word)) continue;
    }
    const fired = r.id ?? `${listKey}#${i}`;
    if (r.once && hasFired(g.s, fired)) continue;
    if (holds(g.w, g.s, r.if, g.actor)) return { r, fired };
  }
  return null;
}

/** answerNow for a word, where every topic is known. */
const answerTo = (g: Gen, rs: readonly Rule[], listKey: string, word: string | undefined) => answerNow(g, rs, listKey, word) as Answer | null;

/**
 * Would `ask/tell P about WORD` only say something now? Not when the story's or the room's list
 * for the verb matters (their rules run first and could change the state). The person's own list
 * for the verb is read first: when every rule of it replaces the action, the one that answers now
 * decides. Else the standard action answers (see converseSaysOnly). False means: try it.
 */
function wordsOnlyNow(g: Gen, p: Id, kind: 'ask' | 'tell', word: string): boolean {
  if (g.spoken || listMatters(g, `verbs:${kind}`) || listMatters(g, `room:${g.here}:${kind}`)) return false;
  const own = g.w.characters[p].verbs?.[kind];
  if (own) {
    if (!replacesOnly(g, own, kind)) return false;
    const a = answerTo(g, own, `${p}.${kind}`, word);
    if (a) return speaksOnly(g, a);
  }
  return converseSaysOnly(g, p, kind, word);
}

/**
 * The standard ask or tell, played on paper in the state the command starts from, as
 * people.ts's `converse` answers: to someone who cannot perceive the speaker, the `unseen` rules;
 * else the topic's rules (for `tell`, then the `ask` ones), then the `default` ones. True when
 * the rule that answers only speaks, or none answers (a message). Conditions are read in the
 * state the command starts from, which is the state the answer is chosen in when nothing runs
 * before it.
 */
function converseSaysOnly(g: Gen, p: Id, kind: 'ask' | 'tell', word: string): boolean {
  const ch = g.w.characters[p];
  const map = ch[kind];
  const lists: [Rule[] | undefined, string][] = [];
  if (!canPerceive(g.w, g.s, p, g.actor)) lists.push([map?.unseen ?? ch.ask?.unseen, `${p}.${kind}.unseen`]);
  else {
    const ctx: Ctx = { w: g.w, s: g.s, actor: g.actor, out: [], tookTime: false, owned: new Set() };
    const topic = topicId(ctx, word);
    if (topic) {
      lists.push([map?.[topic], `${p}.${kind}.${topic}`]);
      if (kind === 'tell') lists.push([ch.ask?.[topic], `${p}.ask.${topic}`]);
    }
    lists.push([map?.default, `${p}.${kind}.default`]);
  }
  for (const [rs, listKey] of lists) {
    const a = rs && answerTo(g, rs, listKey, word);
    if (a) return speaksOnly(g, a);
  }
  return true;
}

/**
 * A person's own list for a verb is the first the verb's rules are looked for in, and here the
 * rule that answers is all that happens: every rule of it replaces the action (none runs at a
 * later stage or lets the action go on), and neither the room's nor the story's list for the
 * verb matters.
 */
function replacesOnly(g: Gen, rs: readonly Rule[], v: string): boolean {
  return rs.every((r) => (r.stage ?? 'instead') === 'instead' && r.instead !== false) &&
    !listMatters(g, `room:${g.here}:${v}`) && !listMatters(g, `verbs:${v}`);
}

/** Does a rule of the list answer this word now (one must), and only in words? */
function saysOnlyNow(g: Gen, rs: readonly Rule[], listKey: string, word: string | undefined): boolean {
  const a = answerTo(g, rs, listKey, word);
  return !!a && speaksOnly(g, a);
}

/** Orders to a person that matter: `mia, go north`, `mia, take lamp`. */
function orderCommands(g: Gen, p: Id, pn: string): void {
  const ch = g.w.characters[p];
  for (const [v, rs] of Object.entries(ch.orders ?? {})) {
    if (v === 'default' || !personMatters(g, p, `orders:${v}`)) continue;
    const words = topicPicks(rs);
    // An order the rule answering it now only answers in words (refused, or not yet) is left out.
    const wordsOnly = (topic: string | undefined) =>
      !g.spoken && canPerceive(g.w, g.s, p, g.actor) && saysOnlyNow(g, rs, `${p}.orders.${v}`, topic);
    for (const [i, r] of rs.entries()) {
      if (!actsNow(g, r)) continue;
      const tw = topicWords(r);
      if (v === 'go') {
        // Each way is a different place: every one is tried.
        const dirs = tw.length ? tw : Object.keys(g.w.rooms[roomOf(g.s, p)]?.exits ?? {});
        for (const d of dirs) if (!wordsOnly(d)) g.out.add(`${pn}, go ${d}`);
      } else if (!wordsOnly(words[i] ?? undefined)) g.out.add(`${pn}, ${typed(v)}${words[i] === null ? '' : ` ${words[i]}`}`);
    }
  }
}

/** A person's rule with topic words: `tell leo about door`, `say door to leo`, or the verb and word. */
function spokenTo(verb: string, person: string, topic: string): string {
  if (verb === 'tell' || verb === 'ask') return `${verb} ${person} about ${topic}`;
  if (verb === 'say') return `say ${topic} to ${person}`;
  return `${typed(verb)} ${topic}`;
}

/** Everything worth doing with one person in scope. */
function personCommands(g: Gen, p: Id): void {
  const ch = g.w.characters[p];
  const pn = g.name(p);
  if (!pn) return;
  conversationCommands(g, p, pn);
  for (const [v, rs] of Object.entries(ch.verbs ?? {})) {
    if (!listMatters(g, `char:${p}:${v}`)) continue;
    // One word per rule (a list of 60 words is one command, not 60): see topicPicks. Only rules
    // this act allows; with none, the verb alone (what the standard action makes of it).
    const words = topicPicks(rs);
    let any = false;
    const tight = !g.spoken && replacesOnly(g, rs, v);
    for (const [i, t] of words.entries()) {
      if (!g.all && !inAct(rs[i]?.if, g.s)) continue;
      any = true;
      // Only where the person is the command's object: `hug mia`, `tell mia about X`.
      const onlyWords = t === null ? tight && saysOnlyNow(g, rs, `${p}.${v}`, undefined) : (v === 'tell' || v === 'ask') && wordsOnlyNow(g, p, v, t);
      if (onlyWords) continue;
      g.out.add(t === null ? `${typed(v)} ${pn}` : spokenTo(v, pn, t));
    }
    if (!any) g.out.add(`${typed(v)} ${pn}`);
  }
  orderCommands(g, p, pn);
  // Give rules for specific items: offer what is carried.
  for (const key of Object.keys(ch.give ?? {})) {
    if (key === 'default' || !g.carried.includes(key)) continue;
    const kn = g.name(key);
    if (kn) g.out.add(`give ${kn} to ${pn}`);
  }
}

/** Every command worth trying for the player in this state, deduplicated, in a stable order. */
export function commandsFor(w: World, s: State, opts: GenOptions = {}): string[] {
  if (s.ending) return [];
  const actor = s.player;
  const inScope = scope(w, s, actor);
  const items = inScope.filter((id) => id in w.items);
  const g: Gen = {
    w, s, actor, here: roomOf(s, actor), inScope,
    name: namer(w, s, actor, inScope),
    people: inScope.filter((id) => id in w.characters),
    carried: items.filter((id) => carries(s, actor, id)),
    rel: relevance(w, s.act),
    text: textRelevance(w, s.act),
    all: !!opts.allCommands,
    spoken: !!opts.allCommands || !!opts.spokenToo,
    out: new Set<string>(),
  };
  const keepAll = g.spoken;
  // A command answered only in words still lets the turn pass, as WAIT does (moveCommands tries
  // it): so it is left out only where WAIT is nothing but the turn passing (no rule for it here
  // matters).
  if (listMatters(g, `room:${g.here}:wait`) || listMatters(g, 'verbs:wait')) g.spoken = true;
  moveCommands(g);
  const ruleVerbs = ruleVerbCommands(g);
  for (const id of items) itemCommands(g, id, ruleVerbs);
  for (const p of g.people) personCommands(g, p);
  if (g.all) selfCommands(g);
  return keepAll ? [...g.out] : [...g.out].filter((c) => understood(w, c) && (g.spoken || !refusedInWords(g, c)));
}

/**
 * Verbs whose command is more than the action on its thing before the action's rules run: words
 * to someone (which may be called out to them), entering (which may be going), thoughts of
 * something absent, and asking for something (an order).
 */
const NOT_PLAIN = new Set(['tell', 'ask', 'talk', 'say', 'shout', 'enter', 'imagine', 'remember', 'think', 'ask_for', 'go', 'go_to']);

/**
 * Would this line, a verb on one thing (or GIVE to someone), be answered now in words only? First
 * as the action pipeline's `instead` stage runs (pipeline.ts, contentRules): the thing's own list,
 * the second thing's, the room's, then the story's; in each, the first rule of the stage whose
 * condition holds (and, if once, has not run) decides. With none, GIVE's check asks the one given
 * to (see giveRefusedInWords). Then the turn only passes, as WAIT (which the search tries) passes
 * it (see commandsFor).
 */
function refusedInWords(g: Gen, line: string): boolean {
  const cs = parseLine(g.w, line).commands;
  const c = cs.length === 1 ? cs[0] : undefined;
  if (c?.kind !== 'action' || c.actor || c.topic !== undefined || !c.dobj || NOT_PLAIN.has(c.verb)) return false;
  const id = g.name.named.get(c.dobj.text);
  const to = c.iobj && g.name.named.get(c.iobj.text);
  const objects = actionFor(g.w, c.verb).objects;
  const shape = c.verb === 'give' ? !!to : !c.iobj && (objects === 'one' || objects === 'maybe');
  if (id === undefined || !shape) return false;
  const { w } = g;
  const room = w.rooms[g.here];
  const verbsOf = (x: Id) => (Object.hasOwn(w.items, x) ? w.items[x]?.verbs : Object.hasOwn(w.characters, x) ? w.characters[x]?.verbs : undefined);
  const lists: [readonly Rule[] | undefined, string, Id | undefined][] = [[verbsOf(id)?.[c.verb], `${id}.${c.verb}`, to]];
  if (to) lists.push([verbsOf(to)?.[c.verb], `${to}.${c.verb}`, id]);
  lists.push([room?.verbs?.[c.verb], `${room?.id}.${c.verb}`, id], [w.verbs[c.verb], `verbs.${c.verb}`, id]);
  for (const [rs, key, other] of lists) {
    const a = rs && answerNow(g, rs, key, undefined, { stage: 'instead', other, topicUnknown: true });
    if (a === 'unsure') return false;
    if (a) return a.r.instead !== false && speaksOnly(g, a);
  }
  return !!to && giveRefusedInWords(g, id, to);
}

/**
 * GIVE's check of the one given to (things.ts, give.check.recipient), played on paper: someone who
 * cannot perceive the giver answers with their `unseen` rules (or a message); else their rules
 * for the thing, then their `default` ones. True when the rule that answers only speaks, or none
 * of the unseen ones does. False when nobody's rule answers: the thing is handed over.
 */
function giveRefusedInWords(g: Gen, id: Id, to: Id): boolean {
  const ch = Object.hasOwn(g.w.characters, to) ? g.w.characters[to] : undefined;
  if (!ch || to === g.actor || !g.carried.includes(id) || g.s.loc[id] !== g.actor || g.w.grammar?.off?.includes('give.check.recipient')) return false;
  if (!canPerceive(g.w, g.s, to, g.actor)) {
    const a = ch.give?.unseen && answerTo(g, ch.give.unseen, `${to}.give.unseen`, undefined);
    return !a || speaksOnly(g, a);
  }
  for (const [rs, key] of [[ch.give?.[id], `${to}.give.${id}`], [ch.give?.default, `${to}.give.default`]] as const) {
    const a = rs && answerTo(g, rs, key, undefined);
    if (a) return speaksOnly(g, a);
  }
  return false;
}

/**
 * Does the parser make an action of this line? A line it answers with a message (`give band`:
 * "What do you want to give the band to?", `sit chair`) takes no time and changes nothing the
 * state key keeps (a question pending, an OOPS to correct: `normalise` clears both), so the
 * search leaves it out. parseLine keeps each line's parse per world.
 */
function understood(w: World, line: string): boolean {
  return !parseLine(w, line).commands.some((c) => c.kind === 'error');
}

/**
 * For prose (allCommands only): the player's own character, which scope leaves out. `examine me`
 * and each verb the character's own rules answer (`hug me`), whatever the character writes for
 * being the one played.
 */
function selfCommands(g: Gen): void {
  g.out.add('examine me');
  for (const v of Object.keys(g.w.characters[g.actor]?.verbs ?? {})) g.out.add(`${typed(v)} me`);
}
