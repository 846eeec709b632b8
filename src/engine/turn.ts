// One line of input: parse it, then for each command resolve its noun phrases in the actor's
// scope (objects.ts) and carry the action out (actions/). Orders run the same actions for the
// one ordered.
import type { Character, Id } from './types.js';
import type { Command, ActionCommand, NounPhrase } from '../parser/index.js';
import { listParts, nounPhraseFromWords } from '../parser/index.js';
import { type Ctx, msg, bareName, theName, capitalise, headReply } from './context.js';
import { runRules, switchPlayer } from './effects.js';
import { perform } from './actions/index.js';
import { answeredUnseen, listenerFor } from './actions/people.js';
import { namesRoom } from './actions/moving.js';
import { resolve, notePronoun, candidateFor } from './resolve.js';
import { allNothing, namedAsTyped, resolveOrAsk, topicAsThing } from './objects.js';
import { matchNounPhrase } from '../parser/index.js';
import { parseLine } from './language.js';
import { answerPending } from './pending.js';
import { meta } from './meta.js';
import { canPerceive, charactersIn, roomOf } from './world-query.js';
import { afterTurn, runScenes } from './scenes.js';

/** Commands still allowed once the story has ended. */
const AFTER_END = new Set(['restart', 'restore', 'quit', 'save', 'saves', 'help', 'about', 'credits', 'score', 'progress', 'recap', 'transcript', 'settings', 'map', 'undo']);

export function runLine(ctx: Ctx, input: string, remember: boolean): void {
  const { s } = ctx;
  if (s.pending && answerPending(ctx, input)) return;
  s.pending = null;
  const { commands } = parseLine(ctx.w, input);
  const first = commands[0];
  const metaVerb = first?.kind === 'meta' ? first.verb : undefined;
  const repeats = metaVerb === 'again' || metaVerb === 'oops' || metaVerb === 'undo';
  const empty = first?.kind === 'error' && first.message === 'parse.empty';
  if (remember && !repeats && !empty) s.lastInput = input;
  // OOPS corrects the line just typed, not one from turns ago (an error below sets it again).
  if (!empty && metaVerb !== 'oops') s.oops = null;
  for (const cmd of commands) {
    const player = s.player;
    ctx.actor = player;
    ctx.tookTime = false;
    const ok = execute(ctx, cmd);
    if (ctx.tookTime) afterTurn(ctx);
    // A story that hands the player to someone else (a scene's switch) ends the line: the rest
    // was typed for the one who was played.
    if (!ok || s.ending || s.pending || (s.player !== player && cmd.kind !== 'switch')) break;
  }
}

/** One parsed command. Returns false when the rest of the line should not run. */
function execute(ctx: Ctx, cmd: Command): boolean {
  const { s } = ctx;
  if (s.ending && !(cmd.kind === 'meta' && AFTER_END.has(cmd.verb))) {
    msg(ctx, 'ended.only_meta');
    return false;
  }
  switch (cmd.kind) {
    case 'error':
      if ((cmd.message === 'parse.unknown_word' || cmd.message === 'parse.unknown_verb') && cmd.params?.word) s.oops = { input: s.lastInput ?? '', word: cmd.params.word };
      if (cmd.message === 'parse.missing_noun' || cmd.message === 'parse.missing_second') {
        s.pending = { kind: 'what', verb: cmd.params?.verb ?? '', slot: cmd.message === 'parse.missing_noun' ? 'dobj' : 'iobj', command: cmd };
      }
      msg(ctx, cmd.message, cmd.message === 'parse.missing_second' ? { ...cmd.params, thing: thingAsTyped(ctx, cmd.params?.noun ?? '') } : shortWord(cmd.params));
      return false;
    case 'switch': {
      const ok = switchTo(ctx, cmd.target);
      // Switching takes no time, but the story may have something to say to the new player.
      if (ok) runScenes(ctx);
      return ok;
    }
    case 'meta':
      return meta(ctx, cmd.verb, cmd.arg);
    case 'action':
      if (cmd.actor) return order(ctx, cmd, cmd.actor);
      if (cmd.verb === 'ask_for' && cmd.dobj) return askFor(ctx, cmd, cmd.dobj);
      return action(ctx, cmd, {});
  }
}

function switchTo(ctx: Ctx, target: string): boolean {
  const { w, s } = ctx;
  const t = target.toLowerCase().trim();
  const ch = Object.values(w.characters).find((c) => c.id === t || c.name.toLowerCase() === t || c.words.includes(t));
  if (!ch) {
    msg(ctx, 'switch.unknown', { name: target });
    return false;
  }
  if (ch.id === s.player) {
    msg(ctx, 'switch.already', { name: ch.name });
    return true;
  }
  if (!s.playable.includes(ch.id)) {
    msg(ctx, 'switch.not_now', { name: ch.name });
    return false;
  }
  switchPlayer(ctx, ch.id);
  return true;
}

/** Objects already settled, by an answer to "which do you mean". */
export interface Preset {
  dobj?: Id[];
  iobj?: Id;
}

/**
 * `enter study`, `enter the kitchen`: words that name a room are going there (or being told one
 * is there already), unless they name a thing here that can be got into.
 */
function enteringIsGoing(ctx: Ctx, cmd: ActionCommand): boolean {
  const np = cmd.dobj;
  if (cmd.verb !== 'enter' || !np || np.pronoun || np.all || !namesRoom(ctx, np.text)) return false;
  const r = resolve(ctx, np);
  return !(r.kind === 'ok' || r.kind === 'ambiguous') || !r.ids.some((id) => ctx.w.items[id]?.verbs?.enter || ctx.w.items[id]?.way);
}

/** Verbs whose object may be something only thought of. */
const FREE_TOPIC = new Set(['imagine', 'remember', 'think', 'shout', 'say']);

/** Resolves the command's objects for ctx.actor and carries the action out on each. */
export function action(ctx: Ctx, given: ActionCommand, preset: Preset): boolean {
  const { w, s } = ctx;
  const cmd = preset.dobj ? given : topicAsThing(ctx, given);
  let dobjs: Id[] | undefined = preset.dobj;
  let iobj: Id | undefined = preset.iobj;
  if (!preset.dobj && !preset.iobj && callsOut(ctx, cmd, addressee(cmd))) return true;
  if (!preset.dobj && enteringIsGoing(ctx, cmd)) return perform(ctx, { verb: 'go_to', topic: cmd.dobj!.text });
  if (!dobjs && cmd.dobj) {
    // Imagining, remembering or thinking of something absent is still a thought about it.
    const free = cmd.topic !== undefined && FREE_TOPIC.has(cmd.verb) && !cmd.dobj.pronoun;
    if (free && resolve(ctx, cmd.dobj).kind !== 'ok') {
      const { dobj: _absent, ...thought } = cmd;
      return action(ctx, thought, preset);
    }
    const r = resolveOrAsk(ctx, cmd, 'dobj', cmd.dobj);
    if (!r) return false;
    dobjs = r;
  }
  if (!iobj && cmd.iobj) {
    const r = resolveOrAsk(ctx, cmd, 'iobj', cmd.iobj, dobjs);
    if (!r) return false;
    iobj = r[0];
  }
  // `take X from Y` is take X, once X is known to be in Y.
  if (cmd.verb === 'take' && iobj && dobjs) {
    const bad = dobjs.find((d) => s.loc[d] !== iobj);
    if (bad) {
      msg(ctx, 'take.not_in', { thing: theName(w, bad), source: theName(w, iobj) });
      return false;
    }
    iobj = undefined;
  }
  // Words to the Specter are Leo's to hear (`heardBy`).
  if (iobj && cmd.verb === 'say') iobj = listenerFor(ctx, iobj);
  if (dobjs && cmd.verb === 'tell') dobjs = dobjs.map((d) => listenerFor(ctx, d));
  const base = { verb: cmd.verb, topic: cmd.topic, direction: cmd.direction, iobj };
  if (!dobjs) return perform(ctx, base);
  if (dobjs.length === 0) {
    allNothing(ctx, cmd.verb);
    return false;
  }
  const many = dobjs.length > 1 || !!cmd.dobj?.all;
  // "it" means the direct object afterwards ("unlock drawer with key. open it"), so it is noted last.
  if (iobj && !iobj.startsWith('@')) notePronoun(ctx, iobj);
  let took = false;
  for (const d of dobjs) {
    const at = ctx.out.length;
    if (!d.startsWith('@') && d !== s.player) notePronoun(ctx, d);
    perform(ctx, { ...base, dobj: d });
    if (many) headReply(ctx, at, capitalise(bareName(w, d)), Object.hasOwn(w.characters, d));
    took ||= ctx.tookTime;
  }
  ctx.tookTime = took;
  return true;
}

/** The person a command speaks to: `tell leo …`, `say … to leo`, `say "Leo, …"`. */
function addressee(cmd: ActionCommand): NounPhrase | undefined {
  switch (cmd.verb) {
    case 'tell': case 'ask': case 'talk': return cmd.dobj;
    case 'say': case 'shout':
      if (cmd.iobj) return cmd.iobj;
      if (cmd.verb === 'say' && cmd.topic) return nounPhraseFromWords(cmd.topic.toLowerCase().split(/[\s,]+/).slice(0, 1)) ?? undefined;
      return undefined;
    default: return undefined;
  }
}

/**
 * Speaking to someone out of reach, from a place where the story answers SHOUT (Leo on the
 * shore far below the seam): the words are shouted to them, as `shout` with all that was typed.
 */
function callsOut(ctx: Ctx, cmd: ActionCommand, person: NounPhrase | undefined): boolean {
  const { w, s } = ctx;
  if (!person || person.pronoun || person.all) return false;
  const room = w.rooms[s.loc[ctx.actor] ?? ''];
  if (!room?.verbs || !Object.hasOwn(room.verbs, 'shout')) return false;
  const others = Object.keys(w.characters).filter((id) => id !== ctx.actor).map((id) => candidateFor(w, id));
  if (matchNounPhrase(person, others).length === 0 || resolve(ctx, person).kind !== 'none') return false;
  const { dobj: _d, iobj: _i, actor: _a, ...rest } = cmd;
  return action(ctx, { ...rest, verb: 'shout', topic: cmd.input }, {});
}

/** A pasted thousand-letter "word" is named by its start, not echoed whole. */
function shortWord(params: Record<string, string> | undefined): Record<string, string> | undefined {
  const word = params?.word;
  return word !== undefined && [...word].length > 40 ? { ...params, word: `${[...word].slice(0, 30).join('')}…` } : params;
}

/** "the key" for a thing, "Jaime" for a person: `ask jaime` asks what to ask Jaime about. */
function thingAsTyped(ctx: Ctx, text: string): string {
  const bare = text.replace(/^(the|a|an|some)\s+/, '');
  const person = Object.values(ctx.w.characters).some((c) => c.name.toLowerCase() === bare || c.words.includes(bare));
  return person ? namedAsTyped(ctx, bare) : `the ${bare}`;
}

/**
 * `ask jaime for the cartridge` is the order `jaime, give me the cartridge`, asked nicely: his
 * `orders.give` rules answer, and without one he says he has nothing of the kind to give.
 * Asking for what the story says is asked about rather than handed over (game.yaml's
 * `askedAbout`: `ask jaime for help with the plan`), when no thing is called that, is asking him
 * about it.
 */
function askFor(ctx: Ctx, cmd: ActionCommand, person: NounPhrase): boolean {
  const wanted = nounPhraseFromWords((cmd.topic ?? '').split(/\s+/).filter(Boolean));
  // The phrase's words come without articles or possessives (noun-phrase.ts); `any help` too.
  const first = wanted?.words.find((x) => x !== 'any');
  if (wanted && first && ctx.w.game.askedAbout?.includes(first) && !namesAnything(ctx, wanted)) return action(ctx, { ...cmd, verb: 'ask' }, {});
  if (!wanted) return action(ctx, cmd, {});
  const give: ActionCommand = { kind: 'action', verb: 'give', input: cmd.input, dobj: wanted, iobj: { text: 'me', words: [], pronoun: 'me' } };
  return order(ctx, give, person, { refusal: 'verb.ask_for.thing' });
}

const everything = new WeakMap<Ctx['w'], ReturnType<typeof candidateFor>[]>();
/** Does the noun phrase name some thing or person of the story, wherever it is? */
function namesAnything(ctx: Ctx, np: NounPhrase): boolean {
  let all = everything.get(ctx.w);
  if (!all) everything.set(ctx.w, (all = [...Object.keys(ctx.w.items), ...Object.keys(ctx.w.characters)].map((id) => candidateFor(ctx.w, id))));
  return np.pronoun !== undefined || np.all === true || matchNounPhrase(np, all).length > 0;
}

/**
 * `mia, take the lamp`: the one ordered answers through her `orders` rules (content). A rule
 * with `obey: true` means she agrees, and the action runs for her, through the same rules.
 */
function order(ctx: Ctx, cmd: ActionCommand, actor: NounPhrase, opts: { refusal?: string } = {}): boolean {
  const { w } = ctx;
  const r = resolve(ctx, actor);
  // Several at once (`tell the children to …`) are ordered each in turn, below.
  const who = r.kind === 'ok' && r.ids.length === 1 ? r.ids[0] : undefined;
  const ch = who !== undefined && Object.hasOwn(w.characters, who) ? w.characters[who] : undefined;
  if (!ch) {
    if (orderEveryone(ctx, cmd, actor, opts)) return true;
    if (orderEach(ctx, cmd, actor, opts)) return true;
    if (callsOut(ctx, cmd, actor)) return true;
    msg(ctx, 'order.nobody', { name: namedAsTyped(ctx, actor.text) });
    return false;
  }
  return orderOne(ctx, cmd, ch, opts);
}

/**
 * `tell the children to go to sleep`, `everyone, sit down`: a word for everyone (game.yaml's
 * `everyone`) orders each person here in turn, and each answers for themselves.
 */
function orderEveryone(ctx: Ctx, cmd: ActionCommand, group: NounPhrase, opts: { refusal?: string }): boolean {
  const { w, s } = ctx;
  const words = w.game.everyone ?? [];
  if (group.pronoun || group.words.length === 0 || !group.words.every((x) => words.includes(x))) return false;
  const people = charactersIn(w, s, roomOf(s, ctx.actor)).filter((id) => id !== ctx.actor && canPerceive(w, s, ctx.actor, id));
  if (people.length === 0) {
    msg(ctx, 'order.nobody_here');
    return true;
  }
  orderEachOf(ctx, cmd, people.flatMap((id) => w.characters[id] ?? []), opts);
  return true;
}

/**
 * `tell leo and jaime to go to sleep`: a list of names orders each in turn, and each answers for
 * themself, as `everyone` does. Only when every name in it is someone the actor can order here.
 */
function orderEach(ctx: Ctx, cmd: ActionCommand, list: NounPhrase, opts: { refusal?: string }): boolean {
  const { w } = ctx;
  if (list.pronoun || !/\band\b|,/.test(list.text)) return false;
  const people: Character[] = [];
  for (const np of listParts(list.text)) {
    const r = np ? resolve(ctx, np) : undefined;
    const id = r?.kind === 'ok' && r.ids.length === 1 ? r.ids[0] : undefined;
    const ch = id !== undefined && Object.hasOwn(w.characters, id) ? w.characters[id] : undefined;
    if (!ch) return false;
    people.push(ch);
  }
  orderEachOf(ctx, cmd, people, opts);
  return true;
}

/** Orders each in turn; each reply is headed by who gave it. */
function orderEachOf(ctx: Ctx, cmd: ActionCommand, people: readonly Character[], opts: { refusal?: string }): void {
  for (const ch of people) {
    const at = ctx.out.length;
    orderOne(ctx, cmd, ch, opts);
    headReply(ctx, at, ch.name, true);
  }
}

function orderOne(ctx: Ctx, cmd: ActionCommand, ch: Character, opts: { refusal?: string }): boolean {
  const { actor: _addressee, ...plain } = cmd;
  if (ch.id === ctx.actor) return action(ctx, plain, {});
  ctx.tookTime = true;
  // `tell leo to take the drawing. x it`: what the order names is "it", obeyed or not.
  if (cmd.dobj && !cmd.dobj.pronoun && !cmd.dobj.all) {
    const r = resolve(ctx, cmd.dobj);
    if (r.kind === 'ok' && r.ids.length === 1 && r.ids[0] !== undefined) notePronoun(ctx, r.ids[0]);
  }
  // An order not heard, refused or only answered stops the rest of the line, as a failure does.
  if (answeredUnseen(ctx, ch, undefined, `${ch.id}.orders.unseen`, 'talk.unseen')) return false;
  const topic = cmd.topic ?? (cmd.direction ? cmd.direction : cmd.dobj?.text);
  let m = runRules(ctx, ch.orders?.[cmd.verb], `${ch.id}.orders.${cmd.verb}`, { topic });
  if (!m.matched) m = runRules(ctx, ch.orders?.default, `${ch.id}.orders.default`, { topic });
  if (!m.matched) {
    msg(ctx, opts.refusal ?? 'order.refuse', { name: ch.name });
    return false;
  }
  if (!m.obey) return false;
  const by = ctx.actor;
  ctx.actor = ch.id;
  ctx.orderedBy = by;
  try {
    action(ctx, plain, {});
  } finally {
    ctx.actor = by;
    ctx.orderedBy = undefined;
  }
  ctx.tookTime = true;
  return true;
}
