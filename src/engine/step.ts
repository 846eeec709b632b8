// The engine's one entry point: step(world, state, input) → { state, events }. Pure.
import type { World, State, StepResult, Id, MetaAction } from './types.js';
import { parse, parseNounPhrase, matchNounPhrase, VERBS } from '../parser/index.js';
import type { Command, ActionCommand, NounPhrase, Vocabulary } from '../parser/index.js';
import { type Ctx, msg, own, ownList, say, bareName, theName, capitalise, listProse } from './context.js';
import { holds, inAct, textOf } from './conditions.js';
import { applyEffects, switchPlayer, score, runRules } from './effects.js';
import { perform, answeredUnseen, type Act } from './actions.js';
import { resolve, notePronoun, candidateFor } from './resolve.js';
import { carries, roomOf, hasProp } from './world-query.js';
import { visibleExits } from './describe.js';

const vocabCache = new WeakMap<World, Vocabulary>();

export function vocabulary(w: World): Vocabulary {
  let v = vocabCache.get(w);
  if (v) return v;
  const words = new Set<string>();
  // Plain loops: this runs once per game, cold, over a couple of thousand words.
  const add = (s: string) => {
    const lower = s.toLowerCase();
    if (!/\s/.test(lower)) {
      if (lower) words.add(lower);
      return;
    }
    for (const x of lower.split(/\s+/)) if (x) words.add(x);
  };
  const addAll = (list: readonly string[] | undefined) => {
    if (list) for (let i = 0; i < list.length; i++) add(list[i]);
  };
  for (const id in w.items) {
    addAll(w.items[id].words);
    addAll(w.items[id].adjectives);
  }
  for (const id in w.characters) {
    const c = w.characters[id];
    addAll(c.words);
    addAll(c.adjectives);
    add(c.name);
  }
  for (const id in w.topics) addAll(w.topics[id].words);
  for (const id in w.rooms) {
    const r = w.rooms[id];
    add(r.name);
    if (r.scenery) for (const sc of r.scenery) addAll(sc.words);
  }
  v = { has: (x: string) => words.has(x) };
  vocabCache.set(w, v);
  return v;
}

const namesCache = new WeakMap<World, string[]>();
function characterNames(w: World): string[] {
  let n = namesCache.get(w);
  if (!n) namesCache.set(w, (n = Object.values(w.characters).flatMap((c) => [c.name.toLowerCase(), ...c.words])));
  return n;
}

// Parsing is pure given the world's vocabulary and far slower than a turn (the grammar is tried
// line by line), so a line typed again — in play, and thousands of times by `nanodream check` —
// is parsed once per world. The cached result is frozen, so nothing can alter it.
const PARSE_CACHE_LIMIT = 5000;
const parseCache = new WeakMap<World, Map<string, ReturnType<typeof parse>>>();

function parseLine(w: World, input: string): ReturnType<typeof parse> {
  let cache = parseCache.get(w);
  if (!cache) parseCache.set(w, (cache = new Map()));
  let r = cache.get(input);
  if (!r) {
    r = deepFreeze(parse(input, vocabulary(w), { characters: characterNames(w) }));
    if (cache.size >= PARSE_CACHE_LIMIT) cache.clear();
    cache.set(input, r);
  }
  return r;
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** The turn's state: a shallow copy whose parts are copied when first changed (see own). */
function clone(s: State): State {
  return {
    ...s,
    pending: s.pending === null ? null : structuredClone(s.pending),
    oops: s.oops === null ? null : { ...s.oops },
  };
}

/** Commands still allowed once the story has ended. */
const AFTER_END = new Set(['restart', 'restore', 'quit', 'save', 'saves', 'help', 'about', 'credits', 'score', 'progress', 'recap', 'transcript', 'settings', 'map', 'undo']);
/** Commands that take no time in the world. */
const FREE_ACTIONS = new Set(['look', 'examine', 'inventory', 'read']);

export function step(w: World, s0: State, input: string): StepResult {
  const s = clone(s0);
  const ctx: Ctx = { w, s, actor: s.player, out: [], tookTime: false, owned: new Set() };
  runLine(ctx, input, true);
  return { state: s, events: ctx.out };
}

function runLine(ctx: Ctx, input: string, remember: boolean): void {
  const { s } = ctx;
  if (s.pending && answerPending(ctx, input)) return;
  s.pending = null;
  const { commands } = parseLine(ctx.w, input);
  const first = commands[0];
  const repeats = first?.kind === 'meta' && (first.verb === 'again' || first.verb === 'oops' || first.verb === 'undo');
  if (remember && !repeats && !(first?.kind === 'error' && first.message === 'parse.empty')) s.lastInput = input;
  for (const cmd of commands) {
    ctx.actor = s.player;
    ctx.tookTime = false;
    const ok = execute(ctx, cmd);
    if (ctx.tookTime) afterTurn(ctx);
    if (!ok || s.ending || s.pending) break;
  }
}

/** One parsed command. Returns false when the rest of the line should not run. */
function execute(ctx: Ctx, cmd: Command): boolean {
  const { s, w } = ctx;
  if (s.ending) {
    const verb = cmd.kind === 'meta' ? cmd.verb : '';
    if (!AFTER_END.has(verb)) {
      msg(ctx, 'ended.only_meta');
      return false;
    }
  }
  switch (cmd.kind) {
    case 'error':
      if ((cmd.message === 'parse.unknown_word' || cmd.message === 'parse.unknown_verb') && cmd.params?.word) s.oops = { input: s.lastInput ?? '', word: cmd.params.word };
      if (cmd.message === 'parse.missing_noun' || cmd.message === 'parse.missing_second') {
        s.pending = { kind: 'what', verb: cmd.params?.verb ?? '', slot: cmd.message === 'parse.missing_noun' ? 'dobj' : 'iobj', command: cmd };
      }
      msg(ctx, cmd.message, cmd.params);
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
      if (cmd.actor) return order(ctx, cmd);
      return action(ctx, cmd, {});
  }
}

function switchTo(ctx: Ctx, target: string): boolean {
  const { w, s } = ctx;
  const t = target.toLowerCase().trim();
  const id = Object.values(w.characters).find((c) => c.id === t || c.name.toLowerCase() === t || c.words.includes(t))?.id;
  if (!id) {
    msg(ctx, 'switch.unknown', { name: target });
    return false;
  }
  if (id === s.player) {
    msg(ctx, 'switch.already', { name: w.characters[id].name });
    return true;
  }
  if (!s.playable.includes(id)) {
    msg(ctx, 'switch.not_now', { name: w.characters[id].name });
    return false;
  }
  switchPlayer(ctx, id);
  return true;
}

interface Preset {
  dobj?: Id[];
  iobj?: Id;
}

/** Verbs whose object may be something only thought of. */
const FREE_TOPIC = new Set(['imagine', 'remember', 'think', 'shout', 'say']);

function action(ctx: Ctx, cmd: ActionCommand, preset: Preset): boolean {
  const { w, s } = ctx;
  let dobjs: Id[] | undefined = preset.dobj;
  let iobj: Id | undefined = preset.iobj;
  if (!dobjs && cmd.dobj) {
    // Imagining, remembering or thinking of something absent is still a thought about it.
    const free = cmd.topic !== undefined && FREE_TOPIC.has(cmd.verb) && !cmd.dobj.pronoun;
    if (free && resolve(ctx, cmd.dobj).kind !== 'ok') {
      return action(ctx, { ...cmd, dobj: undefined }, preset);
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
  const base: Act = { verb: cmd.verb, topic: cmd.topic, direction: cmd.direction, iobj };
  if (!dobjs) {
    perform(ctx, base);
    if (FREE_ACTIONS.has(cmd.verb)) ctx.tookTime = false;
    return true;
  }
  const many = dobjs.length > 1 || !!cmd.dobj?.all;
  if (dobjs.length === 0) {
    msg(ctx, 'all.nothing');
    return false;
  }
  // "it" means the direct object afterwards ("unlock drawer with key. open it"), so it is noted last.
  if (iobj && !iobj.startsWith('@')) notePronoun(ctx, iobj);
  for (const d of dobjs) {
    if (many) ctx.out.push({ type: 'text', text: `${capitalise(bareName(w, d))}:`, style: 'dim', join: true });
    if (!d.startsWith('@') && d !== s.player) notePronoun(ctx, d);
    perform(ctx, { ...base, dobj: d });
  }
  if (FREE_ACTIONS.has(cmd.verb)) ctx.tookTime = false;
  return true;
}

/** Which things `all` may mean for a verb. */
function allPool(ctx: Ctx, verb: string): (id: Id) => boolean {
  const { w, s } = ctx;
  if (verb === 'take') return (id) => !carries(s, ctx.actor, id) && !!w.items[id]?.portable && !Object.keys(w.characters).some((c) => carries(s, c, id));
  // ALL never includes what is worn: "drop all" should not undress anyone.
  if (verb === 'drop' || verb === 'put_in' || verb === 'put_on' || verb === 'give') return (id) => s.loc[id] === ctx.actor && !hasProp(s, id, 'worn');
  return (id) => !w.items[id]?.scenery;
}

function resolveOrAsk(ctx: Ctx, cmd: ActionCommand, slot: 'dobj' | 'iobj', np: NounPhrase, other?: Id[]): Id[] | null {
  const { w } = ctx;
  if (np.all && (slot === 'iobj' || !['take', 'drop', 'put_in', 'put_on', 'give', 'examine'].includes(cmd.verb))) {
    msg(ctx, 'all.not_here', { verb: cmd.verb.replace('_', ' ') });
    return null;
  }
  const r = resolve(ctx, np, { pool: allPool(ctx, cmd.verb) });
  // Taking prefers what is not yet held; dropping and giving prefer what is.
  if (r.kind === 'ambiguous' && ['take', 'drop', 'give', 'put_in', 'put_on', 'wear'].includes(cmd.verb) && slot === 'dobj') {
    const held = r.ids.filter((id) => carries(ctx.s, ctx.actor, id));
    const pick = cmd.verb === 'take' || cmd.verb === 'wear' ? r.ids.filter((id) => !held.includes(id)) : held;
    if (pick.length === 1) return pick;
    if (pick.length > 1) r.ids = pick;
  }
  if (r.kind === 'ok') {
    const ids = slot === 'dobj' && np.all && cmd.iobj && other ? r.ids.filter((x) => !other.includes(x)) : r.ids;
    return ids;
  }
  if (r.kind === 'unknown_pronoun') {
    msg(ctx, 'parse.pronoun_unset', { pronoun: r.pronoun });
    return null;
  }
  if (r.kind === 'none') {
    if (np.all) msg(ctx, 'all.nothing');
    else msg(ctx, 'resolve.not_here', { thing: np.text });
    return null;
  }
  // Ambiguous. Things that are named alike cannot be told apart by an answer either: take the
  // first, as Inform does for indistinguishable objects. Otherwise ask which.
  const names = r.ids.map((id) => theName(w, id));
  if (new Set(names).size < names.length) return [r.ids[0]];
  ctx.s.pending = { kind: 'which', verb: cmd.verb, slot, command: cmd, candidates: r.ids };
  msg(ctx, 'parse.which', { choices: listProse(names, 'or') });
  return null;
}

/** Tries the input as an answer to the pending question; false means it is a new command. */
function answerPending(ctx: Ctx, input: string): boolean {
  const { s, w } = ctx;
  const p = s.pending!;
  const alone = parseLine(w, input).commands[0];
  const looksNew = !alone || alone.kind !== 'error' || alone.message !== 'parse.unknown_verb';
  if (p.kind === 'what') {
    if (looksNew) return false;
    const cmd = p.command as { message: string; params?: Record<string, string> };
    const original = s.lastInput ?? cmd.params?.verb ?? '';
    const template = cmd.params?.answer;
    const joined = template !== undefined ? template.replace('{}', input)
      : cmd.message === 'parse.missing_second' ? `${original} ${cmd.params?.prep ?? ''} ${input}` : `${original} ${input}`;
    s.pending = null;
    runLine(ctx, joined, true);
    return true;
  }
  const np = parseNounPhrase(input);
  if (!np) return false;
  const cands = (p.candidates ?? []).map((id) => candidateFor(w, id));
  const found = matchNounPhrase(np, cands);
  if (found.length !== 1) {
    if (!looksNew) {
      s.pending = null;
      msg(ctx, 'parse.which_failed');
      return true;
    }
    return false;
  }
  const cmd = p.command as ActionCommand;
  s.pending = null;
  ctx.actor = s.player;
  ctx.tookTime = false;
  const preset: Preset = p.slot === 'dobj' ? { dobj: [found[0].id] } : { iobj: found[0].id };
  if (p.slot === 'iobj' && cmd.dobj) {
    const r = resolve(ctx, cmd.dobj);
    if (r.kind === 'ok') preset.dobj = r.ids;
  }
  action(ctx, cmd, preset);
  if (ctx.tookTime) afterTurn(ctx);
  return true;
}

/** `mia, go north`: the named character may obey (content decides), or refuses in character. */
function order(ctx: Ctx, cmd: ActionCommand): boolean {
  const { w } = ctx;
  const r = resolve(ctx, cmd.actor!);
  if (r.kind !== 'ok' || !(r.ids[0] in w.characters)) {
    msg(ctx, 'order.nobody', { name: cmd.actor!.text });
    return false;
  }
  const who = r.ids[0];
  if (who === ctx.actor) return action(ctx, { ...cmd, actor: undefined }, {});
  const ch = w.characters[who];
  ctx.tookTime = true;
  if (answeredUnseen(ctx, ch, undefined, `${who}.orders.unseen`, 'talk.unseen')) return true;
  const topic = cmd.topic ?? (cmd.direction ? cmd.direction : cmd.dobj?.text);
  if (runRules(ctx, ch.orders?.[cmd.verb], `${who}.orders.${cmd.verb}`, { topic }).matched) return true;
  if (runRules(ctx, ch.orders?.default, `${who}.orders.default`, { topic }).matched) return true;
  msg(ctx, 'order.refuse', { name: ch.name });
  return true;
}

function meta(ctx: Ctx, verb: string, arg?: string): boolean {
  const { w, s } = ctx;
  switch (verb) {
    case 'again': {
      if (!s.lastInput) return msg(ctx, 'again.nothing'), false;
      // `z, g` remembers the whole line; replaying it must not run its own `g` again, forever.
      if (ctx.replaying) return false;
      ctx.replaying = true;
      try { runLine(ctx, s.lastInput, false); } finally { ctx.replaying = false; }
      return true;
    }
    case 'oops': {
      if (!s.oops || !arg) return msg(ctx, 'oops.nothing'), false;
      const fixed = s.oops.input.replace(new RegExp(`\\b${s.oops.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'), arg);
      s.oops = null;
      runLine(ctx, fixed, true);
      return true;
    }
    case 'undo':
      msg(ctx, 'undo.alone');
      return false;
    case 'exits': {
      const here = roomOf(s, ctx.actor);
      const ex = visibleExits(ctx, here);
      if (!ex.length) return msg(ctx, 'exits.none'), true;
      const parts = ex.map((d) => {
        const to = w.rooms[here].exits[d]!.to;
        const known = (s.visited[ctx.actor] ?? []).includes(to);
        return known ? `${d} (${w.rooms[to].name})` : d;
      });
      msg(ctx, 'exits.list', { exits: parts.join(', ') });
      return true;
    }
    case 'score':
    case 'progress': {
      const { total, max } = score(ctx);
      const act = w.game.acts.find((a) => a.id === s.act);
      msg(ctx, 'score.report', {
        total,
        max,
        turns: s.turn,
        solved: s.solved.length,
        puzzles: Object.keys(w.puzzles).length,
        act: s.act,
        acts: w.game.acts.length,
        actName: act?.name ?? '',
      });
      return true;
    }
    case 'hint': {
      const h = w.hints.find((x) => holds(w, s, x.if, s.player));
      if (!h) return msg(ctx, 'hint.none'), true;
      const level = Math.min(s.hintsTaken[h.id] ?? 0, h.hints.length - 1);
      own(ctx, 'hintsTaken')[h.id] = level + 1;
      msg(ctx, 'hint.level', { n: level + 1, of: h.hints.length });
      say(ctx, h.hints[level]);
      if (level + 1 < h.hints.length) msg(ctx, 'hint.more');
      return true;
    }
    case 'verbose':
    case 'brief':
    case 'superbrief':
      s.verbosity = verb;
      msg(ctx, `verbosity.${verb}`);
      return true;
    case 'help':
      help(ctx, arg);
      return true;
    case 'about':
    case 'credits':
      say(ctx, w.help[verb] ?? null);
      return true;
    case 'recap':
      recap(ctx);
      return true;
    case 'yes':
    case 'no':
      msg(ctx, 'yesno');
      return true;
    case 'inventory_meta':
      perform(ctx, { verb: 'inventory' });
      ctx.tookTime = false;
      return true;
    default:
      ctx.out.push({ type: 'meta', action: verb as MetaAction, ...(arg ? { arg } : {}) });
      return true;
  }
}

function help(ctx: Ctx, arg?: string): void {
  const { w } = ctx;
  if (!arg) {
    say(ctx, w.help.intro ?? null);
    return;
  }
  const word = arg.toLowerCase().trim();
  const v = VERBS.find((x) => x.id === word) ?? VERBS.find((x) => x.forms.includes(word));
  if (!v) return msg(ctx, 'help.unknown', { word: arg });
  ctx.out.push({ type: 'text', text: v.usage, style: 'emph' });
  say(ctx, w.help[v.id] ?? null);
  if (v.forms.length > 1) msg(ctx, 'help.forms', { forms: v.forms.join(', ') });
}

function recap(ctx: Ctx): void {
  const { w, s } = ctx;
  const act = w.game.acts.find((a) => a.id === s.act);
  msg(ctx, 'recap.where', {
    act: s.act,
    actName: act?.name ?? '',
    name: w.characters[s.player]?.name ?? s.player,
    place: w.rooms[roomOf(s, s.player)]?.name ?? 'nowhere',
    turns: s.turn,
  });
  if (!s.solved.length) msg(ctx, 'recap.nothing_yet');
  else {
    msg(ctx, 'recap.done');
    for (const p of s.solved) ctx.out.push({ type: 'text', text: `- ${w.puzzles[p]?.name ?? p}` });
  }
  const others = s.playable.filter((c) => c !== s.player);
  for (const c of others) msg(ctx, 'recap.other', { name: w.characters[c].name, place: w.rooms[roomOf(s, c)]?.name ?? 'nowhere' });
}

/** After a turn that took time: the clock moves and the story's scenes get their chance. */
function afterTurn(ctx: Ctx): void {
  ctx.s.turn++;
  runScenes(ctx);
}

function runScenes(ctx: Ctx): void {
  const { w, s } = ctx;
  const firedNow = new Set<string>();
  for (let pass = 0; pass < 4; pass++) {
    let any = false;
    // Indexed: a for-of here allocates an iterator result per scene per turn in cold code.
    for (let i = 0; i < w.scenes.length; i++) {
      const sc = w.scenes[i];
      if (s.ending) return;
      if (firedNow.has(sc.id)) continue;
      // A scene of another act cannot fire (holds would say so too, after the fired list).
      if (!inAct(sc.if, s)) continue;
      const once = sc.once !== false;
      if (once && s.fired.includes(sc.id)) continue;
      ctx.actor = s.player;
      if (!holds(w, s, sc.if, s.player)) continue;
      firedNow.add(sc.id);
      if (once) ownList(ctx, 'fired').push(sc.id);
      any = true;
      if (sc.say) say(ctx, textOf(w, s, sc.say, s.player));
      applyEffects(ctx, sc.do);
    }
    if (!any) break;
  }
  ctx.actor = s.player;
}

