// Turns one command's tokens into a Command by trying the grammar lines in order.
import type { ActionCommand, Command, MetaVerb, NounPhrase, Vocabulary } from './types.js';
import type { Token } from './tokenise.js';
import type { CompiledLine, Grammar, Slot } from './grammar.js';
import { nounPhraseFromWords } from './noun-phrase.js';
import { ALL_WORDS, ARTICLES, directionOf, EXCEPT_WORDS, ordinalOf, POSSESSIVES, PREPOSITIONS, pronounOf } from './words.js';

export interface CommandContext {
  vocab: Vocabulary;
  /** Lower-cased character names, each possibly several words. */
  characters: Set<string>;
  grammar: Grammar;
}

type Captures = Partial<Record<Slot, Token[]>>;

export function isVerbWord(grammar: Grammar, word: string): boolean {
  return grammar.verbWords.has(word) || directionOf(word) !== undefined;
}

/** Parses one command; `input` is the lower-cased text of the whole command for `again`. */
export function parseCommand(all: Token[], input: string, ctx: CommandContext, nested = false): Command {
  // `say ""` says nothing: an empty quote is as good as no words.
  const tokens = all.filter((t) => t.kind !== 'quote' || t.raw !== '');
  const head = tokens[0];
  if (head === undefined) return { kind: 'error', message: 'parse.empty' };
  const joined = tokens.map((t) => t.lower).join(' ');
  if (tokens.every((t) => t.kind === 'word') && ctx.characters.has(joined)) {
    return { kind: 'switch', target: joined };
  }

  let fallback: Command | undefined;
  for (const line of linesFor(ctx.grammar, head)) {
    // One level of "tell X to ..." is enough, and nesting would make long lines explode.
    if (nested && line.kind === 'order') continue;
    for (const caps of matchLine(line, tokens)) {
      if (line.double && !plausibleDouble(caps, ctx)) continue;
      if (line.kind === 'switch' && isBadSwitchTarget(line, caps.ARG ?? [], ctx)) continue;
      if (!line.free && onlyGrammarWords(caps, ctx.vocab)) continue;
      const unknown = line.free ? undefined : unknownWord(caps, ctx.vocab);
      if (unknown !== undefined) {
        fallback ??= { kind: 'error', message: 'parse.unknown_word', params: { word: unknown } };
        continue;
      }
      const command = build(line, caps, tokens, input, ctx);
      if (command.kind === 'error' && line.kind === 'order') {
        fallback ??= command;
        continue;
      }
      return command;
    }
  }
  if (fallback) return fallback;

  const missing = missingNoun(ctx.grammar, tokens);
  if (missing) return missing;
  const first = head;
  if (first.kind !== 'word' || !isVerbWord(ctx.grammar, first.lower)) {
    return { kind: 'error', message: 'parse.unknown_verb', params: { word: first.lower } };
  }
  const stray = tokens.slice(1).find((t) => t.kind === 'word' && !knownWord(t.lower, ctx));
  if (stray) return { kind: 'error', message: 'parse.unknown_word', params: { word: stray.lower } };
  return { kind: 'error', message: 'parse.bad_grammar', params: { verb: first.lower } };
}

/**
 * The grammar lines that can match a command starting with this token, in grammar order: those
 * whose first literal includes the word, and those that start with a slot. Trying only these
 * gives the same answer as trying every line, since any other line fails at its first word.
 */
function linesFor(grammar: Grammar, first: Token): readonly CompiledLine[] {
  if (first.kind !== 'word' || !grammar.verbWords.has(first.lower)) return grammar.slotFirst;
  let lines = grammar.byFirstWord.get(first.lower);
  if (!lines) {
    const word = first.lower;
    lines = grammar.lines.filter((l) => { const e = l.elements[0]; return 'lit' in e ? e.lit.has(word) : true; });
    grammar.byFirstWord.set(word, lines);
  }
  return lines;
}

function knownWord(word: string, ctx: CommandContext): boolean {
  const vocab = ctx.vocab;
  return vocab.has(word) || ctx.grammar.words.has(word) || ARTICLES.has(word) || POSSESSIVES.has(word)
    || pronounOf(word) !== undefined || directionOf(word) !== undefined || PREPOSITIONS.has(word) || ALL_WORDS.has(word)
    || EXCEPT_WORDS.has(word) || ordinalOf(word) !== undefined;
}

/** Every way the line's pattern can cover all the tokens, shortest slots first. */
function matchLine(line: CompiledLine, tokens: Token[]): Captures[] {
  const els = line.elements;
  const out: Captures[] = [];
  // Every element takes at least one token.
  if (tokens.length < els.length) return out;
  const caps: Captures = {};
  // Plain recursion filling a list (not a generator): this runs for each line tried, cold.
  const walk = (i: number, j: number): void => {
    if (i === els.length) {
      if (j === tokens.length) out.push({ ...caps });
      return;
    }
    const el = els[i];
    if (el === undefined) return;
    if ('lit' in el) {
      const t = tokens[j];
      if (t && t.kind === 'word' && el.lit.has(t.lower)) walk(i + 1, j + 1);
      return;
    }
    if (el.slot === 'DIR') {
      const t = tokens[j];
      if (t && t.kind === 'word' && directionOf(t.lower)) {
        caps.DIR = [t];
        walk(i + 1, j + 1);
      }
      return;
    }
    const next = els[i + 1];
    // A slot at the end takes the rest; before a literal, it can only end where that literal is.
    const ends: number[] = [];
    if (!next) ends.push(tokens.length);
    else {
      for (let k = j + 1; k <= tokens.length; k++) {
        if ('lit' in next) {
          const t = tokens[k];
          if (t && t.kind === 'word' && next.lit.has(t.lower)) ends.push(k);
        } else ends.push(k);
      }
    }
    for (const k of ends) {
      if (k <= j || k > tokens.length) continue;
      const part = tokens.slice(j, k);
      if ((el.slot === 'NOUN' || el.slot === 'SECOND') && part.some((t) => t.kind === 'quote')) continue;
      caps[el.slot] = part;
      walk(i + 1, k);
    }
    delete caps[el.slot];
  };
  walk(0, 0);
  return out;
}

const words = (ts: Token[]) => ts.filter((t) => t.kind !== 'quote').map((t) => t.lower);
const text = (ts: Token[]) => ts.map((t) => t.lower).join(' ').replace(/ ,/g, ',');
const rawText = (ts: Token[]) => ts.map((t) => t.raw).join(' ').replace(/ ,/g, ',');

function phrase(ts: Token[] | undefined): NounPhrase | undefined {
  const np = ts ? nounPhraseFromWords(words(ts)) : null;
  if (!np || !ts) return undefined;
  // Words are matched without their possessive `'s`, but messages say them as typed.
  if (ts.some((t) => t.kind === 'word' && t.lower.length !== t.raw.length)) {
    np.text = ts.filter((t) => t.kind !== 'quote').map((t) => t.raw.toLowerCase()).join(' ').replace(/ ,/g, ',');
  }
  return np;
}

function unknownWord(caps: Captures, vocab: Vocabulary): string | undefined {
  for (const slot of ['NOUN', 'SECOND'] as const) {
    const np = phrase(caps[slot]);
    if (!np) continue;
    const all = [...np.words, ...(np.except ?? []).flatMap((e) => e.words)];
    const bad = all.find((w) => !vocab.has(w) && !PREPOSITIONS.has(w));
    if (bad !== undefined) return bad;
  }
  return undefined;
}

// "look at" is not "look" at a thing called "at": a noun of nothing but prepositions is no noun.
function onlyGrammarWords(caps: Captures, vocab: Vocabulary): boolean {
  return (['NOUN', 'SECOND'] as const).some((slot) => {
    const np = phrase(caps[slot]);
    return np !== undefined && !np.all && !np.pronoun && np.ordinal === undefined
      && np.words.every((w) => !vocab.has(w) && PREPOSITIONS.has(w));
  });
}

// "give mia the lamp": believe the split only when the recipient is clearly a person.
function plausibleDouble(caps: Captures, ctx: CommandContext): boolean {
  const recipient = words(caps.SECOND ?? []);
  const thing = words(caps.NOUN ?? []);
  if (recipient.length === 0 || thing.length === 0) return false;
  if (recipient.length === 1 && ['him', 'her', 'them', 'me'].includes(recipient[0] ?? '')) return true;
  if (ctx.characters.has(recipient.join(' '))) return true;
  // `give the whale the wisp`: the thing starts with an article and the recipient has none after its own start.
  return ARTICLES.has(thing[0] ?? '') && !recipient.slice(1).some((w) => ARTICLES.has(w));
}

function isBadSwitchTarget(line: CompiledLine, ts: Token[], ctx: CommandContext): boolean {
  if (line.namesOnly) return !ctx.characters.has(text(ts));
  const only = ts.length === 1 ? ts[0]?.lower : undefined;
  return only === 'on' || only === 'off';
}

function build(line: CompiledLine, caps: Captures, tokens: Token[], input: string, ctx: CommandContext): Command {
  switch (line.kind) {
    case 'no_direction':
      return { kind: 'error', message: 'parse.no_direction' };
    case 'switch':
      return { kind: 'switch', target: text(caps.ARG ?? []) };
    case 'meta': {
      const cmd: Command = { kind: 'meta', verb: line.verb as MetaVerb };
      if (caps.ARG) cmd.arg = metaArg(line, caps.ARG);
      return cmd;
    }
    case 'order': {
      const body = caps.ARG ?? [];
      const addressee = phrase(caps.NOUN);
      if (!addressee) return { kind: 'error', message: 'parse.bad_grammar', params: { verb: tokens[0]?.lower ?? '' } };
      return asOrder(parseCommand(body, input, ctx, true), addressee, input, body);
    }
    case 'action':
      break;
  }
  const dobj = phrase(caps.NOUN);
  const empty = emptyPhrase(caps, tokens, dobj);
  if (empty) return empty;
  if (line.missingPrep) {
    return {
      kind: 'error', message: 'parse.missing_second',
      params: { verb: tokens[0]?.lower ?? '', noun: dobj?.text ?? '', prep: line.missingPrep },
    };
  }
  const cmd: ActionCommand = { kind: 'action', verb: line.verb, input };
  if (dobj) cmd.dobj = dobj;
  const iobj = phrase(caps.SECOND);
  if (iobj) cmd.iobj = iobj;
  const dir = caps.DIR?.[0];
  if (dir) cmd.direction = directionOf(dir.lower);
  if (line.direction) cmd.direction = line.direction;
  if (caps.TOPIC) cmd.topic = topicText(caps.TOPIC);
  if (line.topicFromNoun && caps.NOUN) cmd.topic = text(caps.NOUN);
  if (line.verb === 'climb' && !dobj) {
    const dir = tokens[1]?.lower;
    if (dir === 'up' || dir === 'down') cmd.direction = dir;
  }
  return cmd;
}

/**
 * `take the`, `put the in photo`: a slot filled only with articles or possessives names nothing,
 * so it gets the same question as a slot left out, never an action without its object.
 */
function emptyPhrase(caps: Captures, tokens: Token[], dobj: NounPhrase | undefined): Command | undefined {
  const before = (slot: Token[]) => {
    const first = slot[0];
    return first ? tokens.slice(0, tokens.indexOf(first)).map((t) => t.lower) : [];
  };
  const after = (slot: Token[]) => {
    const last = slot.at(-1);
    return last ? tokens.slice(tokens.indexOf(last) + 1).map((t) => t.lower) : [];
  };
  // `answer` is the line the reply to the question is put into, at the `{}`.
  if (caps.NOUN && !dobj) {
    const verb = before(caps.NOUN).join(' ');
    const answer = [verb, '{}', ...after(caps.NOUN)].join(' ');
    return { kind: 'error', message: 'parse.missing_noun', params: { verb: spelledOut(verb), answer } };
  }
  if (caps.SECOND && !phrase(caps.SECOND)) {
    const lead = before(caps.SECOND);
    const prep = lead.pop() ?? '';
    const verb = dobj && caps.NOUN ? before(caps.NOUN).join(' ') : lead.join(' ');
    const answer = [...lead, prep, '{}', ...after(caps.SECOND)].join(' ');
    return { kind: 'error', message: 'parse.missing_second', params: { verb, noun: dobj?.text ?? '', prep, answer } };
  }
  return undefined;
}

/** Free words, lower-cased; words in quotes keep their case, being said (`say "Kirra"`). */
function topicText(ts: Token[]): string {
  return ts.map((t) => (t.kind === 'quote' ? t.raw : t.lower)).join(' ').replace(/ ,/g, ',').trim();
}

function metaArg(line: CompiledLine, ts: Token[]): string {
  if (line.argLower) return text(ts);
  const raw = rawText(ts);
  if (!line.argLowerFirst) return raw;
  const space = raw.indexOf(' ');
  return space < 0 ? raw.toLowerCase() : raw.slice(0, space).toLowerCase() + raw.slice(space);
}

/** `key, lamp and box` → one noun phrase per name (null where a piece names nothing). */
export function listParts(text: string): (NounPhrase | null)[] {
  return text.split(/\s+and\s+|\s*,\s*(?:and\s+)?/).map((p) => p.trim()).filter(Boolean).map((p) => nounPhraseFromWords(p.split(' ')));
}

/**
 * `take key and lamp` → one command per thing, since a NounPhrase names one thing (or all).
 * Each keeps the whole input, so `again` repeats the whole list. A topic holding the list stays one command.
 */
export function expandLists(cmd: Command): Command[] {
  if (cmd.kind !== 'action' || !cmd.dobj || cmd.dobj.all) return [cmd];
  if (!cmd.dobj.words.includes('and') && !cmd.dobj.text.includes(',')) return [cmd];
  // `imagine stairs for mia and jaime`: the list is part of what is imagined, one act.
  if (cmd.topic !== undefined && /\band\b|,/.test(cmd.topic)) return [cmd];
  const phrases = listParts(cmd.dobj.text);
  const whole = phrases.filter((np): np is NounPhrase => np !== null && !np.all);
  if (phrases.length < 2 || whole.length < phrases.length) return [cmd];
  return whole.map((dobj) => ({ ...cmd, dobj }));
}

/** `mia, go north` / `tell mia to go north`: only actions can be ordered. */
export function asOrder(inner: Command, actor: NounPhrase, input: string, body: Token[]): Command {
  if (inner.kind === 'error') return inner;
  if (inner.kind !== 'action') {
    return { kind: 'error', message: 'parse.bad_grammar', params: { verb: body[0]?.lower ?? '' } };
  }
  return { ...inner, actor, input };
}

/** The question repeats the verb as typed, but "What do you want to x?" reads as a typo. */
const spelledOut = (verb: string): string => (verb === 'x' ? 'examine' : verb);

/** `take` alone, `look at` alone: the player stopped where a noun should be. */
function missingNoun(grammar: Grammar, tokens: Token[]): Command | undefined {
  for (const line of grammar.lines) {
    const els = line.elements;
    if (els.length <= tokens.length) continue;
    const ok = tokens.every((t, i) => {
      const el = els[i];
      return el !== undefined && 'lit' in el && t.kind === 'word' && el.lit.has(t.lower);
    });
    const next = els[tokens.length];
    if (ok && next && 'slot' in next && next.slot !== 'DIR') {
      return { kind: 'error', message: 'parse.missing_noun', params: { verb: spelledOut(tokens.map((t) => t.lower).join(' ')) } };
    }
  }
  return undefined;
}
