// Commands outside the story: again, oops, exits, score, hint, help, recap and the like. Those
// the engine cannot carry out (save, restore, quit, …) become `meta` events for the host.
import type { MetaAction } from './types.js';
import { typedForm, VERBS } from '../parser/index.js';
import { type Ctx, msg, own, say } from './context.js';
import { holds } from './conditions.js';
import { score } from './effects.js';
import { perform } from './actions/index.js';
import { roomOf } from './world-query.js';
import { visibleExits } from './describe.js';
import { runLine } from './turn.js';

export function meta(ctx: Ctx, verb: string, arg?: string): boolean {
  switch (verb) {
    case 'again':
      return again(ctx);
    case 'oops':
      return oops(ctx, arg);
    case 'undo':
      msg(ctx, 'undo.alone');
      return false;
    case 'exits':
      exits(ctx);
      return true;
    case 'score':
    case 'progress':
      report(ctx);
      return true;
    case 'hint':
      hint(ctx);
      return true;
    case 'verbose':
    case 'brief':
    case 'superbrief':
      ctx.s.verbosity = verb;
      msg(ctx, `verbosity.${verb}`);
      return true;
    case 'help':
      help(ctx, arg);
      return true;
    case 'about':
    case 'credits':
      say(ctx, ctx.w.help[verb] ?? null);
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

function again(ctx: Ctx): boolean {
  const last = ctx.s.lastInput;
  if (!last) return msg(ctx, 'again.nothing'), false;
  // `z, g` remembers the whole line; replaying it must not run its own `g` again, forever.
  if (ctx.replaying) return false;
  ctx.replaying = true;
  try {
    runLine(ctx, last, false);
  } finally {
    ctx.replaying = false;
  }
  return true;
}

/** `oops WORD` puts WORD where the unknown word was, and runs the line again. */
function oops(ctx: Ctx, arg: string | undefined): boolean {
  const o = ctx.s.oops;
  if (!o || !arg) return msg(ctx, 'oops.nothing'), false;
  // Word edges by letters of any script, so `oops` mends "wölf" as well as "wolf".
  const escaped = o.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const fixed = o.input.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'), arg);
  ctx.s.oops = null;
  runLine(ctx, fixed, true);
  return true;
}

function exits(ctx: Ctx): void {
  const { w, s } = ctx;
  const here = roomOf(s, ctx.actor);
  const ex = visibleExits(ctx, here);
  if (!ex.length) return msg(ctx, 'exits.none');
  const parts = ex.map((d) => {
    const to = w.rooms[here]?.exits[d]?.to;
    const known = to !== undefined && (s.visited[ctx.actor] ?? []).includes(to);
    return known ? `${d} (${w.rooms[to]?.name ?? to})` : d;
  });
  msg(ctx, 'exits.list', { exits: parts.join(', ') });
}

function report(ctx: Ctx): void {
  const { w, s } = ctx;
  const { total, max } = score(ctx);
  const act = w.game.acts.find((a) => a.id === s.act);
  msg(ctx, 'score.report', {
    total, max, turns: s.turn, solved: s.solved.length, puzzles: Object.keys(w.puzzles).length,
    act: s.act, acts: w.game.acts.length, actName: act?.name ?? '',
  });
}

function hint(ctx: Ctx): void {
  const { w, s } = ctx;
  const h = w.hints.find((x) => holds(w, s, x.if, s.player));
  if (!h) return msg(ctx, 'hint.none');
  const level = Math.min(s.hintsTaken[h.id] ?? 0, h.hints.length - 1);
  own(ctx, 'hintsTaken')[h.id] = level + 1;
  msg(ctx, 'hint.level', { n: level + 1, of: h.hints.length });
  say(ctx, h.hints[level]);
  if (level + 1 < h.hints.length) msg(ctx, 'hint.more');
}

/** The verbs help knows: the standard table and the story's own (content/grammar.yaml). */
function verbInfo(ctx: Ctx, word: string): { id: string; usage: string; forms: string[] } | undefined {
  const std = VERBS.find((x) => x.id === word) ?? VERBS.find((x) => x.forms.includes(word));
  if (std) return std;
  const g = ctx.w.grammar;
  if (!g) return undefined;
  const formsOf = (id: string) => [...new Set(g.lines.filter((l) => l.verb === id).map((l) => typedForm(l.pattern) || id))];
  // Several verbs may start with the word (SET FIRE TO is burn's): the one whose usage starts
  // with it is the one asked about (SET THING TO …).
  const starts = (form: string) => form === word || form.startsWith(`${word} `);
  const starting = g.verbs.filter((v) => formsOf(v.id).some(starts));
  const own = g.verbs.find((v) => v.id === word) ?? starting.find((v) => v.usage.split(' ')[0] === word.split(' ')[0]) ?? starting[0];
  return own ? { id: own.id, usage: own.usage, forms: formsOf(own.id) } : undefined;
}

function help(ctx: Ctx, arg?: string): void {
  const { w } = ctx;
  if (!arg) return say(ctx, w.help.intro ?? null);
  const v = verbInfo(ctx, arg.toLowerCase().trim());
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
  for (const c of s.playable.filter((x) => x !== s.player)) {
    msg(ctx, 'recap.other', { name: w.characters[c]?.name ?? c, place: w.rooms[roomOf(s, c)]?.name ?? 'nowhere' });
  }
}
