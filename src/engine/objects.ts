// The objects of an action command: its noun phrases turned into ids in the actor's scope, with
// the action's own preferences and the story's `unlikely` narrowing several candidates, or the
// question "which do you mean" asked when they still cannot be told apart.
import type { Id } from './types.js';
import type { ActionCommand, NounPhrase } from '../parser/index.js';
import { nounPhraseFromWords } from '../parser/index.js';
import { type Ctx, msg, theName, listProse } from './context.js';
import { actionFor } from './actions/index.js';
import { resolve, answerHeld, notePronoun } from './resolve.js';
import { holds } from './conditions.js';

/**
 * The ids a noun phrase of `cmd` means for ctx.actor, in the slot given (`other`: ids a direct
 * object's `all` leaves out); null when a message was given or a question asked instead.
 */
export function resolveOrAsk(ctx: Ctx, cmd: ActionCommand, slot: 'dobj' | 'iobj', np: NounPhrase, other?: Id[]): Id[] | null {
  const { w } = ctx;
  const def = actionFor(w, cmd.verb);
  if (np.all && (slot === 'iobj' || !def.all)) {
    msg(ctx, 'all.not_here', { verb: cmd.verb.replace('_', ' ') });
    return null;
  }
  const pool = def.all;
  // Acting on a thing reaches for it, even in someone else's hands; looking (which takes no time) does not see it there.
  const r = resolve(ctx, np, { pool: pool ? (id) => pool(ctx, id) : undefined, held: !def.free });
  // Of several things with the name, the action's preference decides when it can.
  if (r.kind === 'ambiguous' && slot === 'dobj' && def.prefer) {
    const prefer = def.prefer;
    const pick = r.ids.filter((id) => prefer(ctx, id));
    if (pick.length === 1) return pick;
    if (pick.length > 1) r.ids = pick;
  }
  // Then the story's own word: things `unlikely` for this actor give way to the rest.
  if (r.kind === 'ambiguous') {
    const likely = r.ids.filter((id) => {
      const unlikely = w.items[id]?.unlikely;
      return !(unlikely && holds(w, ctx.s, unlikely, ctx.actor));
    });
    if (likely.length === 1) return likely;
    if (likely.length > 1) r.ids = likely;
  }
  if (r.kind === 'ok') {
    return slot === 'dobj' && np.all && cmd.iobj && other ? r.ids.filter((x) => !other.includes(x)) : r.ids;
  }
  if (r.kind === 'unknown_pronoun') {
    msg(ctx, 'parse.pronoun_unset', { pronoun: r.pronoun });
    return null;
  }
  if (r.kind === 'held') {
    answerHeld(ctx, cmd.verb, r.id, r.holder);
    return null;
  }
  if (r.kind === 'gone') {
    msg(ctx, 'resolve.gone', { thing: theName(w, r.id), pronoun: np.pronoun ?? 'it' });
    return null;
  }
  if (r.kind === 'none') {
    if (np.all) allNothing(ctx, cmd.verb);
    else {
      // `touch leo's thread`: "You can't see Leo's thread here", not "any Leo's thread".
      const thing = namedAsTyped(ctx, np.text);
      msg(ctx, /['\u2019]s /.test(thing) ? 'resolve.not_here_owned' : 'resolve.not_here', { thing });
    }
    return null;
  }
  // Ambiguous. Things that are named alike cannot be told apart by an answer either: take the
  // first, as Inform does for indistinguishable objects. Otherwise ask which.
  const names = r.ids.map((id) => theName(w, id));
  const first = r.ids[0];
  if (new Set(names).size < names.length && first !== undefined) return [first];
  ctx.s.pending = { kind: 'which', verb: cmd.verb, slot, command: cmd, candidates: r.ids };
  msg(ctx, 'parse.which', { choices: listProse(w, names, 'or') });
  return null;
}

/** `take all` with nothing to take: said for the action when the story has words for it. */
export function allNothing(ctx: Ctx, verb: string): void {
  const id = `all.nothing.${verb}`;
  msg(ctx, Object.hasOwn(ctx.w.messages, id) ? id : 'all.nothing');
}

/** The words as typed, with the story's proper names capitalised: "any Leo", not "any leo". */
export function namedAsTyped(ctx: Ctx, text: string): string {
  const names = new Map<string, string>();
  for (const c of Object.values(ctx.w.characters)) for (const part of c.name.split(/\s+/)) names.set(part.toLowerCase(), part);
  const named = (word: string) => {
    const owner = /^(.*)(['\u2019]s)$/.exec(word);
    return owner ? `${names.get(owner[1] ?? '') ?? owner[1]}${owner[2]}` : names.get(word) ?? word;
  };
  // `hold leo's hand` with Leo elsewhere: "any Leo", not "any Leo's"; `x my scarf`: "any scarf".
  return text.replace(/^(the|a|an|some|my|your|his|her|its|our|their)\s+/, '').replace(/['\u2019]s$/, '').split(' ').map(named).join(' ');
}

/**
 * `draw route` by the map: for a story verb marked `topicThing`, free words that name one thing
 * here with a rule for that verb mean that thing (the words are kept as the topic too). Free
 * words that name one thing here make it "it" in any case: `make tea. put honey in it`.
 */
export function topicAsThing(ctx: Ctx, cmd: ActionCommand): ActionCommand {
  const { w } = ctx;
  if (cmd.dobj || !cmd.topic) return cmd;
  const np = nounPhraseFromWords(cmd.topic.split(/\s+/));
  if (!np || np.all || np.pronoun) return cmd;
  const r = resolve(ctx, np);
  const [id] = r.kind === 'ok' && r.ids.length === 1 ? r.ids : [];
  if (id === undefined || !Object.hasOwn(w.items, id)) return cmd;
  notePronoun(ctx, id);
  return w.grammar?.verbs.some((v) => v.id === cmd.verb && v.topicThing) && w.items[id]?.verbs?.[cmd.verb] ? { ...cmd, dobj: np } : cmd;
}
