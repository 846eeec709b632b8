// Standard actions between people: talking, asking, telling, saying. The answers are the
// characters' own rules (content); these actions find who is spoken to and what about.
import type { Id, Rule, Character, World } from '../types.js';
import { type Ctx, msg, theName } from '../context.js';
import { runRules, topicFits } from '../effects.js';
import { holds } from '../conditions.js';
import { canPerceive, charactersIn, roomOf, scope } from '../world-query.js';
import { defineAction, perform, type AnyAction, type MaybeAct } from './pipeline.js';
import { parseLine } from '../language.js';

/**
 * Who hears words told or said to `id`: a thing marked `heardBy` passes them to its character
 * while the condition holds and they are here to hear (not the speaker); anyone else, themselves.
 */
export function listenerFor(ctx: Ctx, id: Id): Id {
  const h = ctx.w.items[id]?.heardBy;
  if (!h || h.character === ctx.actor || !holds(ctx.w, ctx.s, h.if, ctx.actor)) return id;
  const here = roomOf(ctx.s, h.character) === roomOf(ctx.s, ctx.actor) && canPerceive(ctx.w, ctx.s, ctx.actor, h.character);
  return here ? h.character : id;
}

/** Who a conversation is with: the named person, or the only one here. */
function conversationPartner(ctx: Ctx, a: MaybeAct): Id | null {
  if (a.dobj) return a.dobj;
  const here = charactersIn(ctx.w, ctx.s, roomOf(ctx.s, ctx.actor)).filter(
    (c) => c !== ctx.actor && canPerceive(ctx.w, ctx.s, ctx.actor, c),
  );
  return here.length === 1 ? (here[0] ?? null) : null;
}

const wordsIn = (list: readonly string[], word: string) => list.some((x) => x.toLowerCase() === word);

const byWord = new WeakMap<World, Map<string, Set<Id>>>();

/** Word (lower case) -> the items it names, in the story's order (asked on every ask and tell). */
function itemsByWord(w: World): Map<string, Set<Id>> {
  let m = byWord.get(w);
  if (!m) {
    m = new Map();
    for (const it of Object.values(w.items)) {
      for (const word of it.words) {
        const k = word.toLowerCase();
        if (!m.has(k)) m.set(k, new Set());
        m.get(k)!.add(it.id);
      }
    }
    byWord.set(w, m);
  }
  return m;
}

/** The topic id for free words: a topic, a character, an item (anywhere), else null. */
export function topicId(ctx: Ctx, words: string): Id | null {
  const ws = words.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
  const last = ws[ws.length - 1];
  if (last === undefined) return null;
  const { w } = ctx;
  const named = topicOrPerson(w, last);
  if (named) return named;
  return itemOrTopic(ctx, ws, last);
}

const topicsByWord = new WeakMap<World, Map<string, Id | null>>();
/** The topic, else the character, a last word names (remembered: asked on every ask and tell). */
function topicOrPerson(w: World, last: string): Id | null {
  let m = topicsByWord.get(w);
  if (!m) topicsByWord.set(w, (m = new Map()));
  let id = m.get(last);
  if (id === undefined) {
    id = Object.values(w.topics).find((t) => wordsIn(t.words, last))?.id ?? Object.values(w.characters).find((c) => wordsIn(c.words, last))?.id ?? null;
    // Words a player types are kept too, so the map is bounded as the parse cache is.
    if (m.size >= 5000) m.clear();
    m.set(last, id);
  }
  return id;
}

/** topicId after topics and people: an item named by the last word, else a topic any word names. */
function itemOrTopic(ctx: Ctx, ws: string[], last: string): Id | null {
  const { w } = ctx;
  // A thing in scope first, then any other (in the story's order).
  const named = itemsByWord(w).get(last);
  if (named) {
    for (const id of scope(w, ctx.s, ctx.actor)) if (named.has(id)) return id;
    return named.values().next().value!;
  }
  for (const t of Object.values(w.topics)) if (t.words.some((x) => ws.includes(x.toLowerCase()))) return t.id;
  return null;
}

/**
 * The character a conversation verb (talk, ask, tell) is aimed at, or null after saying why
 * there is none. Messages are `<verb>.whom`, `<verb>.self` and `<verb>.not_person`.
 */
function partnerOrSay(ctx: Ctx, a: MaybeAct, verb: 'talk' | 'ask'): Character | null {
  const who = conversationPartner(ctx, a);
  if (!who) return msg(ctx, `${verb}.whom`), null;
  if (who === ctx.actor) return msg(ctx, `${verb}.self`), null;
  const ch = Object.hasOwn(ctx.w.characters, who) ? ctx.w.characters[who] : undefined;
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

function converse(kind: 'ask' | 'tell'): AnyAction {
  return defineAction({
    id: kind,
    objects: 'maybe',
    report: [{
      name: `${kind}.report`,
      run: (ctx, a) => {
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
      },
    }],
  });
}

const talk = defineAction({
  id: 'talk',
  objects: 'maybe',
  report: [{
    name: 'talk.report',
    run: (ctx, a) => {
      const ch = partnerOrSay(ctx, a, 'talk');
      if (!ch) return;
      if (answeredUnseen(ctx, ch, ch.ask?.unseen, `${ch.id}.ask.unseen`, 'talk.unseen')) return;
      if (runRules(ctx, ch.talk, `${ch.id}.talk`).matched) return;
      msg(ctx, 'talk.default', { name: ch.name });
    },
  }],
});

/**
 * Words said to someone (`tell leo I love him`, `say hi to jaime`) are answered by what they are
 * about: the person's `tell`, then `ask`, rules for the topic the words name. Failing that, a
 * greeting (game.yaml's `greetings`) is answered as TALK TO is, and anything else as being told
 * something (`tell.default`). False when nothing answered.
 */
function saidTo(ctx: Ctx, ch: Character, text: string): boolean {
  const topic = topicId(ctx, text);
  if (topic && runRules(ctx, ch.tell?.[topic], `${ch.id}.tell.${topic}`, { topic: text }).matched) return true;
  if (topic && runRules(ctx, ch.ask?.[topic], `${ch.id}.ask.${topic}`, { topic: text }).matched) return true;
  const words = text.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
  const greetings = ctx.w.game.greetings ?? [];
  const greeting = words.length === 0 || greetings.includes(words[0] ?? '') || greetings.includes(words.slice(0, 2).join(' '));
  if (greeting) return runRules(ctx, ch.talk, `${ch.id}.talk`).matched;
  return runRules(ctx, ch.tell?.default, `${ch.id}.tell.default`, { topic: text }).matched;
}

/**
 * `say "goodnight" to leo`: words that, with the person's name after them, make one of the
 * story's `saidAsVerb` verbs (game.yaml) are that verb, done to them. True when they were.
 */
function saidAsVerb(ctx: Ctx, text: string, ch: Character): boolean {
  const verbs = ctx.w.game.saidAsVerb;
  const plain = text.toLowerCase().replace(/[^\p{L}\p{N}' -]+/gu, ' ').trim();
  if (!verbs?.length || !plain) return false;
  const [cmd] = parseLine(ctx.w, `${plain} ${ch.name.toLowerCase()}`).commands;
  if (cmd?.kind !== 'action' || !verbs.includes(cmd.verb) || cmd.actor || cmd.iobj) return false;
  return perform(ctx, { verb: cmd.verb, dobj: ch.id });
}

/**
 * `say "the study door will stay open" to leo`, where Leo has TELL rules of their own for those
 * words that hold now (the answers to the Specter): it is telling him, as TELL LEO ABOUT THE
 * STUDY DOOR is. True when it was.
 */
function saidAsTelling(ctx: Ctx, text: string, ch: Character): boolean {
  const rules = ch.verbs?.tell;
  if (!rules?.some((r) => r.topic !== undefined && topicFits(r, text) && holds(ctx.w, ctx.s, r.if, ctx.actor))) return false;
  return perform(ctx, { verb: 'tell', dobj: ch.id, topic: text });
}

/** What is said, as a quoted sentence: its first letter up, and a full stop if it has no closing mark. */
function spoken(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const up = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…"'”’)]$/u.test(up) ? up : `${up}.`;
}

const say = defineAction({
  id: 'say',
  objects: 'maybe',
  report: [{
    name: 'say.report',
    run: (ctx, a) => {
      const { w, s } = ctx;
      const text = a.topic ?? '';
      // Said because somebody asked (`jaime, say hi`): said, and that is all.
      if (ctx.orderedBy) return msg(ctx, 'say.aloud', { text: spoken(text) });
      // Said to someone (`say hi to jaime`), or with one other person here to hear it: they answer
      // as they answer talk. With several people and no one named, nobody takes it as theirs.
      const here = charactersIn(w, s, roomOf(s, ctx.actor)).filter((id) => id !== ctx.actor && canPerceive(w, s, id, ctx.actor));
      const to = a.iobj && Object.hasOwn(w.characters, a.iobj) ? a.iobj : here.length === 1 ? here[0] : undefined;
      const ch = to === undefined ? undefined : w.characters[to];
      if (!ch || to === ctx.actor) return msg(ctx, here.length ? 'say.aloud' : 'say.default', { text: spoken(text) });
      if (saidAsVerb(ctx, text, ch) || saidAsTelling(ctx, text, ch)) return;
      msg(ctx, 'say.to', { text: spoken(text), name: ch.name });
      if (answeredUnseen(ctx, ch, ch.ask?.unseen, `${ch.id}.ask.unseen`, 'talk.unseen')) return;
      if (!saidTo(ctx, ch, text)) msg(ctx, 'say.heard', { name: ch.name });
    },
  }],
});

export const PEOPLE_ACTIONS: readonly AnyAction[] = [talk, converse('ask'), converse('tell'), say];
