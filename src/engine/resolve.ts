// Turns the parser's noun phrases into ids in the actor's scope: pronouns, `all`, ambiguity.
import type { Id, Room, World } from './types.js';
import type { NounPhrase, Candidate } from '../parser/index.js';
import { matchNounPhrase, singularsOf } from '../parser/index.js';
import { type Ctx, own, msg, theName, textIn } from './context.js';
import { scope, roomOf, canPerceive, contentsOf, isPresent } from './world-query.js';

export type Resolution =
  | { kind: 'ok'; ids: Id[] }
  | { kind: 'none' }
  | { kind: 'unknown_pronoun'; pronoun: string }
  /** The pronoun's thing is known but not here. */
  | { kind: 'gone'; id: Id }
  | { kind: 'ambiguous'; ids: Id[] }
  /** Seen in someone's hands here, out of the actor's reach: `x lantern` while Leo carries it. */
  | { kind: 'held'; id: Id; holder: Id };

const candidateCache = new WeakMap<World, Map<Id, Candidate>>();

export function candidateFor(w: World, id: Id): Candidate {
  let cache = candidateCache.get(w);
  if (!cache) candidateCache.set(w, (cache = new Map()));
  let c = cache.get(id);
  if (!c) {
    const it = w.items[id];
    const ch = w.characters[id];
    const words = (it?.words ?? ch?.words ?? []).map((x) => x.toLowerCase());
    const adjectives = (it?.adjectives ?? ch?.adjectives ?? []).map((x) => x.toLowerCase());
    // A word of several (`sleeping bag`) is its last word, with the others before it as adjectives.
    for (const x of words.filter((x) => x.includes(' '))) {
      const parts = x.split(/\s+/);
      words.push(parts.pop() ?? x);
      adjectives.push(...parts);
    }
    c = { id, words, adjectives, name: it?.name ?? ch?.name ?? id };
    // The parser reads `mia's` as `mia`: an adjective written `mia's` is whose the thing is.
    const owners = adjectives.filter((x) => x.endsWith("'s")).map((x) => x.slice(0, -2));
    if (owners.length) c.owners = owners;
    cache.set(id, c);
  }
  return c;
}

/** `x doors` where the story names each door `door`: a plural the things do not name means all of them (or the one). */
function plural(np: NounPhrase, cands: Candidate[]): Resolution | undefined {
  const forms = singularsOf(np.words[np.words.length - 1] ?? '');
  // `boxes` is box unless something here is called `boxe`; `glasses`, glass.
  const one = forms.find((f) => cands.some((c) => c.words.includes(f))) ?? forms.at(-1);
  if (one === undefined) return undefined;
  const found = matchNounPhrase({ ...np, words: [...np.words.slice(0, -1), one] }, cands);
  return found.length > 0 ? { kind: 'ok', ids: found.map((c) => c.id) } : undefined;
}

/**
 * `mia's hand`, `my shoulder`, `hold hand`: a phrase ending in a part of a person (game.yaml's
 * `bodyParts`) that nothing here answers to means the person: the one named, yourself for `my`,
 * else the one other person here you can see (none seen: nobody).
 */
function personByPart(ctx: Ctx, np: NounPhrase, inScope: Id[]): Resolution {
  const { w } = ctx;
  const part = np.words[np.words.length - 1];
  if (part === undefined || !w.game.bodyParts?.includes(part)) return { kind: 'none' };
  const owner = np.words.slice(0, -1);
  if (owner.length > 0) return resolve(ctx, { text: owner.join(' '), words: owner });
  if (np.text.split(' ').some((x) => x === 'my')) return { kind: 'ok', ids: [ctx.orderedBy ?? ctx.actor] };
  const people = inScope.filter((id) => id !== ctx.actor && Object.hasOwn(w.characters, id) && canPerceive(w, ctx.s, ctx.actor, id));
  if (people.length === 0) return { kind: 'none' };
  return people.length === 1 ? { kind: 'ok', ids: people } : { kind: 'ambiguous', ids: people };
}

/**
 * `hug the children`, `talk to everyone`: a phrase of nothing but words for everyone (game.yaml's
 * `everyone`) that nothing here answers to means each other person here the actor can see.
 */
function everyoneHere(ctx: Ctx, np: NounPhrase, inScope: Id[]): Resolution | undefined {
  const { w } = ctx;
  const words = w.game.everyone ?? [];
  if (np.words.length === 0 || !np.words.every((x) => words.includes(x))) return undefined;
  const people = inScope.filter((id) => id !== ctx.actor && Object.hasOwn(w.characters, id) && canPerceive(w, ctx.s, ctx.actor, id));
  return people.length > 0 ? { kind: 'ok', ids: people } : undefined;
}

const sceneryCache = new WeakMap<Room, readonly Candidate[]>();

/** Scenery entries of the actor's room, as pseudo-items `@scenery:<room>:<index>:<word>` (made once per room). */
export function sceneryCandidates(ctx: Ctx): readonly Candidate[] {
  const room = ctx.w.rooms[roomOf(ctx.s, ctx.actor)];
  if (!room?.scenery) return [];
  let out = sceneryCache.get(room);
  if (!out) {
    out = room.scenery.map((sc, i) => {
      const name = sc.words[0] ?? 'that';
      return { id: `@scenery:${room.id}:${i}:${name}`, words: sc.words.map((x) => x.toLowerCase()), adjectives: [], name };
    });
    sceneryCache.set(room, out);
  }
  return out;
}

export function sceneryText(ctx: Ctx, id: Id): string | null {
  const [, roomId = '', idx] = id.split(':');
  const sc = ctx.w.rooms[roomId]?.scenery?.[Number(idx)];
  return sc ? textIn(ctx, sc.text) : null;
}

export function pronounFor(w: World, id: Id): 'it' | 'them' | 'him' | 'her' {
  const ch = w.characters[id];
  if (ch) return ch.pronoun === 'he' ? 'him' : ch.pronoun === 'she' ? 'her' : 'them';
  return w.items[id]?.plural ? 'them' : 'it';
}

export function notePronoun(ctx: Ctx, id: Id): void {
  if (id.startsWith('@')) {
    own(ctx, 'pronouns').it = id;
    return;
  }
  own(ctx, 'pronouns')[pronounFor(ctx.w, id)] = id;
  if (pronounFor(ctx.w, id) === 'them' && !(id in ctx.w.characters)) own(ctx, 'pronouns').it = id;
}

/**
 * What the people here have in their hands (or wear), out of the actor's reach and not looked
 * at (what others carry is theirs, and may be hidden), but there to reach for: named only when
 * nothing in reach answers to the phrase by its noun (`nudge lantern` while Leo holds the paper
 * lantern is his lantern, not the lantern moths that merely share the word).
 */
function heldHere(ctx: Ctx, np: NounPhrase, inScope: Id[], found: Candidate[]): Resolution | undefined {
  const { w, s } = ctx;
  const byNoun = (c: Candidate) => np.words.some((x) => c.words.includes(x));
  // Reaching into someone's hands needs the thing's own name (`lantern`), not a loose word for it (`light`).
  const last = np.words[np.words.length - 1] ?? '';
  const byName = (c: Candidate) => c.name.toLowerCase().split(/\s+/).includes(last);
  if (np.all || np.pronoun || found.some(byNoun)) return undefined;
  for (const holder of inScope) {
    if (!Object.hasOwn(w.characters, holder)) continue;
    const cands = contentsOf(w, s, holder)
      .filter((id) => { const it = w.items[id]; return it !== undefined && !inScope.includes(id) && isPresent(w, s, it, ctx.actor); })
      .map((id) => candidateFor(w, id));
    const [first] = matchNounPhrase(np, cands).filter((c) => byNoun(c) && byName(c));
    if (first) return { kind: 'held', id: first.id, holder };
  }
  return undefined;
}

/**
 * Resolves a noun phrase. `pool` narrows `all` (e.g. only things you could take);
 * `restrict` limits what may be meant at all (e.g. a pending question's candidates).
 */
export function resolve(ctx: Ctx, np: NounPhrase, opts: { pool?: (id: Id) => boolean; restrict?: Id[]; held?: boolean } = {}): Resolution {
  const inScope = scope(ctx.w, ctx.s, ctx.actor);
  if (np.pronoun) {
    if (np.pronoun === 'me') return { kind: 'ok', ids: [ctx.orderedBy ?? ctx.actor] };
    const id = ctx.s.pronouns[np.pronoun] ?? (np.pronoun === 'them' ? ctx.s.pronouns.it : undefined);
    if (!id) return { kind: 'unknown_pronoun', pronoun: np.pronoun };
    if (!inScope.includes(id) && !sceneryCandidates(ctx).some((c) => c.id === id)) return { kind: 'gone', id };
    return { kind: 'ok', ids: [id] };
  }
  let ids = opts.restrict ?? inScope;
  if (np.all) ids = ids.filter((id) => id in ctx.w.items && (!opts.pool || opts.pool(id)));
  const cands = ids.map((id) => candidateFor(ctx.w, id));
  if (!np.all && !opts.restrict) cands.push(...sceneryCandidates(ctx));
  // "me", "myself" and the actor's own name mean the actor.
  const last = np.words[np.words.length - 1];
  if (!np.all && last !== undefined && candidateFor(ctx.w, ctx.actor).words.includes(last)) {
    const self = matchNounPhrase(np, [candidateFor(ctx.w, ctx.actor)]);
    if (self.length) return { kind: 'ok', ids: [ctx.actor] };
  }
  const matched = matchNounPhrase(np, cands);
  const held = opts.held && !opts.restrict ? heldHere(ctx, np, inScope, matched) : undefined;
  if (held) return held;
  const found = matched.map((c) => c.id);
  if (np.all) return found.length ? { kind: 'ok', ids: found } : { kind: 'none' };
  if (found.length === 0) return opts.restrict ? { kind: 'none' } : plural(np, cands) ?? everyoneHere(ctx, np, inScope) ?? personByPart(ctx, np, inScope);
  if (found.length === 1) return { kind: 'ok', ids: found };
  return { kind: 'ambiguous', ids: found };
}

/**
 * A thing in the hands of someone here, reached for (`held`): the reply says who has it
 * (`held.VERB`, else `held.default`). Nothing changes: the thing is not the actor's to act on.
 */
export function answerHeld(ctx: Ctx, verb: string, id: Id, holder: Id): void {
  const { w } = ctx;
  const params = { name: w.characters[holder]?.name ?? holder, thing: theName(w, id) };
  msg(ctx, Object.hasOwn(w.messages, `held.${verb}`) ? `held.${verb}` : 'held.default', params);
}
