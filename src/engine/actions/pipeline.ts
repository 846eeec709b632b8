// The action pipeline, as in Inform. An action is carried out in four stages:
//
//   1. instead — content rules (`stage: instead`, the default) on the thing, the second thing,
//      the room, then the story (verbs.yaml); the first list with a matching rule replaces the
//      action. A rule with `instead: false` lets the action go on, its text told after it.
//   2. check   — the action's standard check rules, each named (`take.check.portable`), then
//      content rules with `stage: check`. The first that objects stops the action.
//   3. carry out — the standard rules that change the world.
//   4. report  — content rules with `stage: after` replace the standard report when one matches;
//      otherwise the action's standard report rules speak.
//
// Every standard rule has a name, and content/grammar.yaml can turn any of them off (`off:`).
// An action's definition also says which objects it needs (by type: a rule of an action that
// takes a thing is handed an act with a `dobj`), whether it takes time, which things `all`
// means for it, and which of several matching things it prefers.
import type { Id, Direction, Rule, World } from '../types.js';
import { type Ctx, msg, theName, bareName } from '../context.js';
import { runRules } from '../effects.js';
import { roomOf } from '../world-query.js';

interface ActBase {
  verb: string;
  topic?: string;
  direction?: Direction;
}
/** An action with nothing to act on: look, wait, go north. */
export interface BareAct extends ActBase { dobj?: undefined; iobj?: undefined }
/** An action on one thing, maybe with a second: take the key (from the box). */
export interface ThingAct extends ActBase { dobj: Id; iobj?: Id }
/** An action on two things: put the key in the box. */
export interface PairAct extends ActBase { dobj: Id; iobj: Id }
/** An action whose thing is optional: listen, listen to the bell. */
export interface MaybeAct extends ActBase { dobj?: Id; iobj?: Id }
/** What the turn hands the pipeline: objects resolved, not yet checked against the action. */
export type Act = MaybeAct;

export interface Shapes { none: BareAct; one: ThingAct; two: PairAct; maybe: MaybeAct }
export type Objects = keyof Shapes;

/** A named standard rule. A check rule returns true when it stopped the action (it said why). */
export interface StepRule<A> {
  name: string;
  run: (ctx: Ctx, a: A) => boolean | void;
}

export interface ActionDef<K extends Objects = Objects> {
  id: string;
  objects: K;
  /** Takes no time in the story (look, examine). */
  free?: boolean;
  /** The things `all` may mean; without it, `all` is refused for this action. */
  all?: (ctx: Ctx, id: Id) => boolean;
  /** Of several things that match a name, the ones this action prefers (asked about only if still several). */
  prefer?: (ctx: Ctx, id: Id) => boolean;
  check?: StepRule<Shapes[K]>[];
  carryOut?: StepRule<Shapes[K]>[];
  report?: StepRule<Shapes[K]>[];
}

export type AnyAction = { [K in Objects]: ActionDef<K> }[Objects];

export function defineAction<K extends Objects>(def: ActionDef<K>): ActionDef<K> {
  return def;
}

type Stage = 'instead' | 'check' | 'after';

/**
 * Runs the content rules of one stage, most specific first: the thing's, the second thing's,
 * the room's, the story's. The first list with a matching rule decides. Returns whether a rule
 * matched and whether it replaces the action.
 */
export function contentRules(ctx: Ctx, a: Act, stage: Stage): { matched: boolean; instead: boolean } {
  const { w } = ctx;
  const verbsOf = (id?: Id) => (id ? (w.items[id]?.verbs ?? w.characters[id]?.verbs) : undefined);
  const room = w.rooms[roomOf(ctx.s, ctx.actor)];
  const lists: [Rule[] | undefined, string, Id | undefined][] = [];
  if (a.dobj) lists.push([verbsOf(a.dobj)?.[a.verb], `${a.dobj}.${a.verb}`, a.iobj]);
  if (a.iobj) lists.push([verbsOf(a.iobj)?.[a.verb], `${a.iobj}.${a.verb}`, a.dobj]);
  lists.push([room?.verbs?.[a.verb], `${room?.id}.${a.verb}`, a.dobj]);
  lists.push([w.verbs[a.verb], `verbs.${a.verb}`, a.dobj]);
  for (const [rules, key, other] of lists) {
    if (!rules) continue;
    const m = runRules(ctx, rules, key, { with: other, topic: a.topic, stage });
    if (m.matched) return { matched: true, instead: m.instead };
  }
  return { matched: false, instead: false };
}

const offCache = new WeakMap<World, Set<string>>();
function isOff(w: World, name: string): boolean {
  let off = offCache.get(w);
  if (!off) offCache.set(w, (off = new Set(w.grammar?.off ?? [])));
  return off.has(name);
}

/** Runs named rules in order; for checks, stops at the first that stops the action. */
function runSteps<A>(ctx: Ctx, steps: StepRule<A>[] | undefined, a: A, stopping: boolean): boolean {
  for (const r of steps ?? []) {
    if (isOff(ctx.w, r.name)) continue;
    if (r.run(ctx, a) && stopping) return true;
  }
  return false;
}

function runPipeline<K extends Objects>(ctx: Ctx, def: ActionDef<K>, a: Shapes[K], raw: Act): void {
  const mark = ctx.out.length;
  const instead = contentRules(ctx, raw, 'instead');
  if (instead.matched && instead.instead) return;
  // A rule that lets the standard action run is told after it, like Inform's "after" rules.
  const ruleSaid = ctx.out.splice(mark);
  const stopped = runSteps(ctx, def.check, a, true) || contentRules(ctx, raw, 'check').matched;
  if (!stopped) {
    runSteps(ctx, def.carryOut, a, false);
    if (!contentRules(ctx, raw, 'after').matched) runSteps(ctx, def.report, a, false);
  }
  ctx.out.push(...ruleSaid);
}

/** Carries out an action for ctx.actor. Returns false when it lacked an object its definition needs. */
export function perform(ctx: Ctx, a: Act, def: AnyAction = actionFor(ctx.w, a.verb)): boolean {
  ctx.tookTime = !def.free;
  const base = { verb: a.verb, topic: a.topic, direction: a.direction };
  switch (def.objects) {
    case 'none':
      runPipeline(ctx, def, base, a);
      return true;
    case 'maybe':
      runPipeline(ctx, def, a, a);
      return true;
    case 'one':
      if (a.dobj === undefined) return missing(ctx, a);
      runPipeline(ctx, def, { ...base, dobj: a.dobj, iobj: a.iobj }, a);
      return true;
    case 'two':
      if (a.dobj === undefined || a.iobj === undefined) return missing(ctx, a);
      runPipeline(ctx, def, { ...base, dobj: a.dobj, iobj: a.iobj }, a);
      return true;
  }
}

function missing(ctx: Ctx, a: Act): false {
  ctx.tookTime = false;
  msg(ctx, 'parse.missing_noun', { verb: a.verb.replace('_', ' ') });
  return false;
}

/** An action with no standard rules of its own: its reply is `verb.ID.thing` (`.person`, `.self`) or `verb.ID`. */
export function replyOnly(id: string, free = false): ActionDef<'maybe'> {
  return {
    id,
    objects: 'maybe',
    free,
    report: [{
      name: `${id}.report.default`,
      run: (ctx, a) => {
        if (!a.dobj) return msg(ctx, `verb.${a.verb}`, { topic: a.topic ?? '' });
        // FOLLOW ME, KNOCK ON ME: the verb's own answer for the one acting, or the story's.
        if (a.dobj === ctx.actor) return msg(ctx, Object.hasOwn(ctx.w.messages, `verb.${a.verb}.self`) ? `verb.${a.verb}.self` : 'verb.self');
        const person = Object.hasOwn(ctx.w.characters, a.dobj) && Object.hasOwn(ctx.w.messages, `verb.${a.verb}.person`);
        msg(ctx, `verb.${a.verb}.${person ? 'person' : 'thing'}`, { thing: theName(ctx.w, a.dobj), name: bareName(ctx.w, a.dobj) });
      },
    }],
  };
}

const registry = new Map<string, AnyAction>();
const storyActions = new WeakMap<World, Map<string, AnyAction>>();

/** Registers the standard actions (standard.ts does, once). */
export function registerActions(defs: readonly AnyAction[]): void {
  for (const d of defs) registry.set(d.id, d);
}

/** The definition of an action: a standard one, a story's own verb, or a reply-only default. */
export function actionFor(w: World, verb: string): AnyAction {
  const std = registry.get(verb);
  if (std) return std;
  let own = storyActions.get(w);
  if (!own) {
    own = new Map((w.grammar?.verbs ?? []).map((v) => [v.id, replyOnly(v.id, v.free)]));
    storyActions.set(w, own);
  }
  let def = own.get(verb);
  if (!def) own.set(verb, (def = replyOnly(verb)));
  return def;
}

/** Every standard rule's name, for checking `off:` in content/grammar.yaml. */
export function standardRuleNames(): Set<string> {
  const names = new Set<string>();
  for (const d of registry.values()) {
    for (const list of [d.check, d.carryOut, d.report] as (StepRule<unknown>[] | undefined)[]) {
      for (const r of list ?? []) names.add(r.name);
    }
  }
  return names;
}
