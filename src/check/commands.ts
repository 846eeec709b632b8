// The commands worth trying in a state, as the text a player would type, so that the real parser
// runs too: moves, each verb on each thing in scope, switching, dialogue topics and orders.
import type { World, State, Id, Rule, Direction } from '../engine/types.js';
import { DIRECTIONS } from '../engine/types.js';
import { parseNounPhrase, matchNounPhrase, type Candidate } from '../parser/index.js';
import { candidateFor, sceneryCandidates } from '../engine/resolve.js';
import { holds } from '../engine/conditions.js';
import { scope, roomOf, carries, hasProp } from '../engine/world-query.js';
import type { Ctx } from '../engine/context.js';
import { relevance } from './analyse.js';

/** How a two-object verb is typed: `use X on Y`. */
const TWO: Record<string, string> = {
  use: 'on', put_in: 'in', put_on: 'on', give: 'to', show: 'to', throw: 'at', tie: 'to', unlock: 'with', lock: 'with', take: 'from',
};
/** Typed form of a verb id where it differs from the id. */
const TYPED: Record<string, string> = {
  put_in: 'put', put_on: 'put', look_under: 'look under', look_behind: 'look behind', remove: 'take off', talk: 'talk to',
};
/** Verbs whose standard action can change the state; others only matter through content rules. */
const STANDARD = new Set(['take', 'drop', 'open', 'close', 'unlock', 'lock', 'wear', 'remove', 'eat', 'drink', 'light', 'extinguish', 'give', 'put_in', 'put_on', 'examine']);

const typed = (verb: string) => TYPED[verb] ?? verb.replace(/_/g, ' ');
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export interface Namer {
  /** A noun phrase that picks out exactly this thing in the actor's scope, or null. */
  (id: Id): string | null;
}

function namer(w: World, s: State, actor: Id, inScope: Id[]): Namer {
  const ctx: Ctx = { w, s, actor, out: [], tookTime: false };
  const cands: Candidate[] = [...inScope.map((id) => candidateFor(w, id)), ...sceneryCandidates(ctx)];
  const memo = new Map<Id, string | null>();
  return (id) => {
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
    return found;
  };
}

function topicWords(r: Rule): string[] {
  return list(r.topic);
}

/** The word that names a dialogue key: a topic's, a character's or an item's first word. */
function keyWord(w: World, key: Id): string | null {
  return w.topics[key]?.words[0] ?? w.characters[key]?.words[0] ?? w.items[key]?.words[0] ?? null;
}

export interface GenOptions {
  /** Try `go to <room>` for visited rooms that are not next door (default: only when scenes repeat). */
  goTo?: boolean;
}

/** Every command worth trying for the player in this state, deduplicated, in a stable order. */
export function commandsFor(w: World, s: State, opts: GenOptions = {}): string[] {
  if (s.ending) return [];
  const out = new Set<string>();
  const actor = s.player;
  const here = roomOf(s, actor);
  const room = w.rooms[here];
  const inScope = scope(w, s, actor);
  const name = namer(w, s, actor, inScope);
  const items = inScope.filter((id) => id in w.items);
  const people = inScope.filter((id) => id in w.characters);
  const carried = items.filter((id) => carries(s, actor, id));

  // Moves: exits that exist now and are not shut.
  const adjacent = new Set<Id>();
  if (room && s.loc[actor] === here) {
    for (const d of DIRECTIONS) {
      const e = room.exits[d as Direction];
      if (!e) continue;
      if (e.if && !holds(w, s, e.if, actor)) continue;
      if (e.door && !hasProp(s, e.door, 'open')) continue;
      out.add(d);
      adjacent.add(e.to);
    }
  }
  if (opts.goTo ?? relevance(w).clocks) {
    for (const r of s.visited[actor] ?? []) if (r !== here && !adjacent.has(r)) out.add(`go to ${r.replace(/_/g, ' ')}`);
  }
  for (const c of s.playable) if (c !== actor) out.add(`switch to ${w.characters[c].words[0] ?? c}`);
  out.add('wait');

  // Verbs the room or the whole story has rules for apply to any object (or none).
  const ruleVerbs = new Map<string, Rule[]>();
  for (const [v, rs] of [...Object.entries(room?.verbs ?? {}), ...Object.entries(w.verbs)]) ruleVerbs.set(v, [...(ruleVerbs.get(v) ?? []), ...rs]);
  for (const [v, rs] of ruleVerbs) {
    let bare = false;
    for (const r of rs) {
      const tw = topicWords(r);
      if (tw.length) for (const t of tw) out.add(`${typed(v)} ${t}`);
      else if (r.with) {
        const n = name(r.with);
        if (n) out.add(`${typed(v)} ${n}`);
      } else bare = true;
    }
    if (bare) {
      out.add(typed(v));
      // Object verbs need a noun: any thing in scope that has no rule of its own for the verb.
      const any = inScope.find((id) => !(w.items[id]?.verbs ?? w.characters[id]?.verbs)?.[v]);
      const n = any && name(any);
      if (n) out.add(`${typed(v)} ${n}`);
    }
  }

  const withVerb = (v: string, dobj: string, iobj: string) => `${typed(v)} ${dobj} ${TWO[v] ?? 'with'} ${iobj}`;

  const inert = relevance(w).inert;
  for (const id of items) {
    if (inert.has(id)) continue; // where it lies, and what it is, cannot change the story
    const it = w.items[id];
    const n = name(id);
    if (!n) continue;
    const held = carried.includes(id);
    if (!it.scenery || relevance(w).seenIds.has(id)) out.add(`examine ${n}`);
    if (it.portable && !held) out.add(`take ${n}`);
    if (held && s.loc[id] === actor) out.add(`drop ${n}`);
    if (it.openable) out.add(`${hasProp(s, id, 'open') ? 'close' : 'open'} ${n}`);
    if (it.lockable && it.key) {
      const k = carried.includes(it.key) ? name(it.key) : null;
      if (k) out.add(withVerb(hasProp(s, id, 'locked') ? 'unlock' : 'lock', n, k));
    }
    if (it.wearable) out.add(hasProp(s, id, 'worn') && held ? `take off ${n}` : `wear ${n}`);
    if (it.edible) out.add(`eat ${n}`);
    if (it.drinkable) out.add(`drink ${n}`);
    if (it.lightable) out.add(`${hasProp(s, id, 'lit') ? 'extinguish' : 'light'} ${n}`);
    if (it.readable) out.add(`read ${n}`);
    if ((it.container && (!it.openable || hasProp(s, id, 'open'))) || it.supporter) {
      for (const c of carried) {
        const cn = c !== id && s.loc[c] === actor ? name(c) : null;
        if (cn) out.add(`put ${cn} ${it.container ? 'in' : 'on'} ${n}`);
      }
    }
    if (held && s.loc[id] === actor) for (const p of people) {
      const pn = name(p);
      if (pn) out.add(`give ${n} to ${pn}`);
    }
    for (const [v, rs] of Object.entries(it.verbs ?? {})) {
      for (const r of rs) {
        if (r.with) {
          const on = name(r.with);
          if (!on) continue;
          if (v in TWO) {
            out.add(withVerb(v, n, on));
            out.add(withVerb(v, on, n));
          } else out.add(`${typed(v)} ${n}`);
        } else if (topicWords(r).length) for (const t of topicWords(r)) out.add(`${typed(v)} ${t}`);
        else if (v === 'use' || !(v in TWO) || !STANDARD.has(v)) out.add(`${typed(v)} ${n}`);
        else out.add(`${typed(v)} ${n}`);
      }
    }
    // `use X on Y` for anything carried on anything here, when either side has a use rule.
    if (held && s.loc[id] === actor) {
      for (const other of inScope) {
        if (other === id) continue;
        const rs = [...(it.verbs?.use ?? []), ...((w.items[other]?.verbs ?? w.characters[other]?.verbs)?.use ?? []), ...(ruleVerbs.get('use') ?? [])];
        if (!rs.length) continue;
        const on = name(other);
        if (on) out.add(`use ${n} on ${on}`);
      }
    }
  }

  for (const p of people) {
    const ch = w.characters[p];
    const pn = name(p);
    if (!pn) continue;
    for (const key of Object.keys(ch.ask ?? {})) {
      const word = key === 'default' || key === 'unseen' ? null : keyWord(w, key);
      if (word) out.add(`ask ${pn} about ${word}`);
    }
    for (const key of Object.keys(ch.tell ?? {})) {
      const word = key === 'default' || key === 'unseen' ? null : keyWord(w, key);
      if (word) out.add(`tell ${pn} about ${word}`);
    }
    if (ch.talk?.length) out.add(`talk to ${pn}`);
    for (const [v, rs] of Object.entries(ch.verbs ?? {})) {
      for (const r of rs) {
        if (topicWords(r).length) for (const t of topicWords(r)) out.add(`${typed(v)} ${t}`);
        else out.add(`${typed(v)} ${pn}`);
      }
    }
    for (const [v, rs] of Object.entries(ch.orders ?? {})) {
      if (v === 'default') continue;
      for (const r of rs) {
        const tw = topicWords(r);
        if (v === 'go') {
          const dirs = tw.length ? tw : Object.keys(w.rooms[roomOf(s, p)]?.exits ?? {});
          for (const d of dirs) out.add(`${pn}, go ${d}`);
        } else if (tw.length) for (const t of tw) out.add(`${pn}, ${typed(v)} ${t}`);
        else out.add(`${pn}, ${typed(v)}`);
      }
    }
    // Give rules for specific items: offer what is carried.
    for (const key of Object.keys(ch.give ?? {})) {
      if (key === 'default' || !carried.includes(key)) continue;
      const kn = name(key);
      if (kn) out.add(`give ${kn} to ${pn}`);
    }
  }
  return [...out];
}
