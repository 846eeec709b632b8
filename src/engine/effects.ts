// Carries out content's effects and rules: the story's verbs of change.
import type { Effect, Rule, Id } from './types.js';
import { type Ctx, msg, own, ownEntry, ownList, say, textIn } from './context.js';
import { holds } from './conditions.js';
import { hasFired } from './world-query.js';
import { nextRandom } from './rng.js';
import { describeRoom } from './describe.js';

const list = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const MAX_MEMORIES = 40;

export function randomSeed(ctx: Ctx): number {
  const r = nextRandom(ctx.s.rng);
  ctx.s.rng = r.rng;
  return Math.floor(r.value * 2 ** 31);
}

export function moveActor(ctx: Ctx, who: Id, to: Id): void {
  own(ctx, 'loc')[who] = to;
  if (!(ctx.s.visited[who] ?? []).includes(to)) ownEntry(ctx, 'visited', who).push(to);
}

export function beginAct(ctx: Ctx, n: number): void {
  const act = ctx.w.game.acts.find((a) => a.id === n);
  ctx.s.act = n;
  if (act) {
    ctx.s.playable = [...act.playable];
    ctx.out.push({ type: 'act', act: n, name: act.name });
  }
}

export function switchPlayer(ctx: Ctx, to: Id): void {
  const from = ctx.s.player;
  if (from === to) return;
  ctx.s.player = to;
  ctx.actor = to;
  ctx.s.pronouns = {};
  ctx.out.push({ type: 'switched', from, to });
  describeRoom(ctx, true);
}

export function applyEffects(ctx: Ctx, effects: Effect[] | undefined): void {
  for (const e of effects ?? []) applyEffect(ctx, e);
}

function applyEffect(ctx: Ctx, e: Effect): void {
  const s = ctx.s;
  if ('say' in e) say(ctx, e.say.replaceAll('{player}', ctx.w.characters[ctx.actor]?.name ?? ctx.actor));
  else if ('set' in e) for (const f of list(e.set)) own(ctx, 'flags')[f] = true;
  else if ('clear' in e) for (const f of list(e.clear)) delete own(ctx, 'flags')[f];
  else if ('count' in e) own(ctx, 'counters')[e.count] = (s.counters[e.count] ?? 0) + (e.by ?? 1);
  else if ('move' in e) {
    if (e.move in ctx.w.characters) moveActor(ctx, e.move, e.to);
    else own(ctx, 'loc')[e.move] = e.to;
  } else if ('moveTo' in e) {
    const from = ctx.s.loc[ctx.actor] ?? 'nowhere';
    moveActor(ctx, ctx.actor, e.moveTo);
    ctx.out.push({ type: 'moved', actor: ctx.actor, from, to: e.moveTo });
    describeRoom(ctx, true);
  } else if ('setProp' in e) {
    if (!(s.props[e.setProp] ?? []).includes(e.prop)) ownEntry(ctx, 'props', e.setProp).push(e.prop);
  } else if ('clearProp' in e) {
    own(ctx, 'props')[e.clearProp] = (s.props[e.clearProp] ?? []).filter((x) => x !== e.prop);
  } else if ('stability' in e) s.stability = clamp(s.stability + e.stability, 0, 100);
  else if ('setStability' in e) s.stability = clamp(e.setStability, 0, 100);
  else if ('focus' in e) s.focus = clamp(s.focus + e.focus, 0, 10);
  else if ('act' in e) beginAct(ctx, e.act);
  else if ('playable' in e) s.playable = [...e.playable];
  else if ('switchTo' in e) switchPlayer(ctx, e.switchTo);
  else if ('glitch' in e) {
    ctx.out.push({ type: 'glitch', text: (e.text ?? '').trim(), intensity: e.glitch, seed: randomSeed(ctx) });
  } else if ('solve' in e) {
    if (!s.solved.includes(e.solve)) {
      ownList(ctx, 'solved').push(e.solve);
      const p = ctx.w.puzzles[e.solve];
      const { total, max } = score(ctx);
      ctx.out.push({ type: 'score', puzzle: e.solve, points: p?.points ?? 0, total, max });
    }
  } else if ('ending' in e) {
    if (s.ending) return;
    const end = ctx.w.endings[e.ending];
    s.ending = e.ending;
    s.pending = null;
    ctx.out.push({
      type: 'ending',
      id: e.ending,
      title: end?.title ?? e.ending,
      text: (end && textIn(ctx, end.text)) ?? '',
      kind: end?.kind ?? 'good',
      others: Object.keys(ctx.w.endings).length - 1,
    });
  } else if ('memory' in e) {
    const m = e.memory.trim();
    if (m && !s.memories.includes(m)) {
      const memories = ownList(ctx, 'memories');
      memories.push(m);
      if (memories.length > MAX_MEMORIES) memories.shift();
    }
  }
}

export function score(ctx: Pick<Ctx, 'w' | 's'>): { total: number; max: number } {
  let total = 0;
  let max = 0;
  for (const p of Object.values(ctx.w.puzzles)) {
    max += p.points;
    if (ctx.s.solved.includes(p.id)) total += p.points;
  }
  return { total, max };
}

export interface RuleMatch {
  matched: boolean;
  /** The rule replaces the standard action. */
  instead: boolean;
  /** In orders: the character agrees to carry the action out. */
  obey: boolean;
}

const NO_MATCH: RuleMatch = { matched: false, instead: false, obey: false };

/** Free text as rules' topics see it: lower case, and its words. */
interface Said { text: string; words: string[] }

const heard = (topic: string): Said => {
  const text = topic.toLowerCase();
  return { text, words: text.split(/[^\p{L}\p{N}'-]+/u) };
};

/** Whether a rule with topic words answers these words (a rule without any answers all). */
export function topicFits(rule: Rule, topic: string | undefined): boolean {
  return fits(rule, topic === undefined ? undefined : heard(topic));
}

/** A rule's topic words, lower-cased once: single words, and phrases of several. */
const topics = new WeakMap<Rule, { words: Set<string>; phrases: string[] }>();

function topicsOf(rule: Rule): { words: Set<string>; phrases: string[] } {
  let t = topics.get(rule);
  if (!t) {
    const all = list(rule.topic ?? []).map((x) => x.toLowerCase());
    topics.set(rule, (t = { words: new Set(all.filter((x) => !x.includes(' '))), phrases: all.filter((x) => x.includes(' ')) }));
  }
  return t;
}

function fits(rule: Rule, said: Said | undefined): boolean {
  if (rule.topic === undefined) return true;
  if (!said?.text) return false;
  const t = topicsOf(rule);
  for (const word of said.words) if (t.words.has(word)) return true;
  for (const phrase of t.phrases) if (said.text.includes(phrase)) return true;
  return false;
}

/**
 * Tries rules in order; the first whose conditions hold speaks and acts.
 * `key` names the rule list so that `once` rules without an id are remembered.
 */
export function runRules(
  ctx: Ctx,
  rules: Rule[] | undefined,
  key: string,
  opts: { with?: Id; topic?: string; stage?: 'instead' | 'check' | 'after' } = {},
): RuleMatch {
  if (!rules) return NO_MATCH;
  let said: Said | undefined; // the topic's words, split once and only if a rule has topic words
  for (const [i, r] of rules.entries()) {
    if (opts.stage && (r.stage ?? 'instead') !== opts.stage) continue;
    if (r.with !== undefined && r.with !== opts.with) continue;
    if (r.topic !== undefined && !fits(r, opts.topic === undefined ? undefined : (said ??= heard(opts.topic)))) continue;
    const onceKey = r.id ?? `${key}#${i}`;
    if (r.once && hasFired(ctx.s, onceKey)) continue;
    if (!holds(ctx.w, ctx.s, r.if, ctx.actor)) continue;
    if (r.once) ownList(ctx, 'fired').push(onceKey);
    if (ctx.trace) ctx.out.push({ type: 'rule', key: onceKey });
    if (r.say) say(ctx, textIn(ctx, r.say));
    applyEffects(ctx, r.do);
    if (!r.say && !r.do?.length && !r.obey) msg(ctx, 'rule.nothing');
    return { matched: true, instead: r.instead ?? true, obey: r.obey === true };
  }
  return NO_MATCH;
}
