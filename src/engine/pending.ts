// Answers to the game's own questions: "What do you want to take?" and "Which do you mean, …?".
import { parseNounPhrase, matchNounPhrase } from '../parser/index.js';
import { type Ctx, msg } from './context.js';
import { resolve, candidateFor } from './resolve.js';
import { parseLine } from './language.js';
import { action, runLine, type Preset } from './turn.js';
import { afterTurn } from './scenes.js';

/** Tries the input as an answer to the pending question; false means it is a new command. */
export function answerPending(ctx: Ctx, input: string): boolean {
  const { s, w } = ctx;
  const p = s.pending;
  if (!p) return false;
  const alone = parseLine(w, input).commands[0];
  const looksNew = !alone || alone.kind !== 'error' || alone.message !== 'parse.unknown_verb';
  if (p.kind === 'what') {
    if (looksNew) return false;
    const cmd = p.command;
    if (cmd.kind !== 'error') return false;
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
  const chosen = found.length === 1 ? found[0] : undefined;
  if (!chosen) {
    if (!looksNew) {
      s.pending = null;
      msg(ctx, 'parse.which_failed');
      return true;
    }
    return false;
  }
  const cmd = p.command;
  s.pending = null;
  if (cmd.kind !== 'action') return false;
  ctx.actor = s.player;
  ctx.tookTime = false;
  const preset: Preset = p.slot === 'dobj' ? { dobj: [chosen.id] } : { iobj: chosen.id };
  if (p.slot === 'iobj' && cmd.dobj) {
    const r = resolve(ctx, cmd.dobj);
    if (r.kind === 'ok') preset.dobj = r.ids;
  }
  action(ctx, cmd, preset);
  if (ctx.tookTime) afterTurn(ctx);
  return true;
}
