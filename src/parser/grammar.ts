// The grammar lines, Inform-style: a pattern of literal words and slots mapped to a verb id.
// Lines are tried in order and the first that fits (with known words) wins, so specific
// lines ("take off X") come before general ones ("take X").
import type { MetaVerb } from './types.js';

/**
 * Slots: NOUN → dobj, SECOND → iobj, TOPIC → raw words or quoted text, DIR → one direction,
 * ARG → raw words (case kept) for meta args, switch targets and the body of `tell X to ...`.
 */
export type Slot = 'NOUN' | 'SECOND' | 'TOPIC' | 'DIR' | 'ARG';

export type LineKind = 'action' | 'meta' | 'switch' | 'order' | 'no_direction';

export interface GrammarLine {
  pattern: string;
  verb: string;
  kind: LineKind;
  /** The line only says what is missing: `put key` → "What do you want to put the key in?". */
  missingPrep?: string;
  /** Nouns are imagined, so not checked against the world's vocabulary. */
  free?: boolean;
  /** Also copy the dobj's words into `topic` (imagine). */
  topicFromNoun?: boolean;
  /** `give mia the lamp`: two noun slots side by side need a plausible split. */
  double?: boolean;
  /** Meta arg: keep the first word lower-cased and the rest as typed (transcript on FILE). */
  argLowerFirst?: boolean;
  /** Meta arg lower-cased entirely (help VERB, oops WORD). */
  argLower?: boolean;
  /** Fixed direction for lines like `enter` alone. */
  direction?: 'in' | 'out' | 'up' | 'down';
  /** A switch line that reads only a character's name (`play mia`, not `play music box`). */
  namesOnly?: boolean;
}

const a = (verb: string, ...patterns: string[]): GrammarLine[] =>
  patterns.map((pattern) => ({ pattern, verb, kind: 'action' as const }));
const m = (verb: MetaVerb, ...patterns: string[]): GrammarLine[] =>
  patterns.map((pattern) => ({ pattern, verb, kind: 'meta' as const }));
const withOpts = (lines: GrammarLine[], opts: Partial<GrammarLine>): GrammarLine[] =>
  lines.map((l) => ({ ...l, ...opts }));

const GO = 'go|walk|run|head';

export const GRAMMAR: GrammarLine[] = [
  // Movement.
  ...a('go', 'DIR', `${GO} DIR`),
  ...a('enter', `${GO}|get into|inside NOUN`, 'get in NOUN', 'enter NOUN'),
  ...withOpts(a('go', 'enter'), { direction: 'in' }),
  ...withOpts(a('go', 'get out', 'exit', 'leave'), { direction: 'out' }),
  ...a('climb', `${GO} up|down NOUN`),
  ...a('go_to', `${GO} to|towards|toward TOPIC`, 'goto TOPIC', `${GO} TOPIC`),
  { pattern: GO, verb: 'go', kind: 'no_direction' },
  ...m('exits', 'exits', 'where can i go', 'which way', 'which way now'),

  // Looking.
  ...a('look', 'look|l', 'look|l around', 'where am i'),
  ...a('search', 'look|l in|inside|into|through NOUN', 'search NOUN'),
  ...a('look_under', 'look|l under|beneath|underneath NOUN'),
  ...a('look_behind', 'look|l behind NOUN'),
  ...a('examine', 'look|l at NOUN', 'examine|x|check|inspect|describe NOUN', 'look|l NOUN'),
  ...a('read', 'read NOUN'),
  ...a('inventory', 'inventory|i|inv'),

  // Taking and dropping.
  ...a('take', 'remove NOUN from SECOND'),
  ...a('remove', 'take off NOUN', 'take NOUN off', 'remove|doff NOUN'),
  ...a('take', 'take|get|grab NOUN from|off SECOND', 'take|get|grab NOUN out of SECOND',
    'pick up NOUN', 'pick NOUN up', 'take|get|grab|carry NOUN'),
  ...a('drop', 'put|set down NOUN', 'put|set NOUN down', 'drop|discard NOUN'),
  ...a('extinguish', 'put out NOUN', 'put NOUN out', 'blow out NOUN', 'blow NOUN out',
    'turn|switch off NOUN', 'turn|switch NOUN off', 'extinguish|douse|snuff NOUN'),
  ...a('wear', 'put on NOUN', 'wear|don NOUN'),
  ...a('put_in', 'put|place|insert|set|drop NOUN in|into|inside SECOND'),
  ...a('put_on', 'put|place|set|drop NOUN on|onto SECOND'),
  ...a('wear', 'put NOUN on'),
  ...withOpts(a('put_in', 'put|place|insert NOUN'), { missingPrep: 'in' }),

  // Giving and showing.
  ...a('give', 'give|offer|hand NOUN to SECOND'),
  ...withOpts(a('give', 'give|offer|hand SECOND NOUN'), { double: true }),
  ...withOpts(a('give', 'give|offer|hand NOUN'), { missingPrep: 'to' }),
  ...a('show', 'show NOUN to SECOND'),
  ...withOpts(a('show', 'show SECOND NOUN'), { double: true }),
  ...withOpts(a('show', 'show NOUN'), { missingPrep: 'to' }),
  ...a('throw', 'throw|toss NOUN at|to|into SECOND', 'throw|toss NOUN'),

  // Manipulating things.
  ...a('unlock', 'unlock NOUN with SECOND', 'open NOUN with SECOND', 'unlock NOUN'),
  ...a('lock', 'lock NOUN with SECOND', 'lock NOUN'),
  ...a('open', 'open NOUN'),
  ...a('close', 'close|shut NOUN'),
  ...a('use', 'use NOUN on|with SECOND', 'use NOUN'),
  ...a('push', 'push|press|shove|ring NOUN'),
  ...a('pull', 'pull|tug NOUN'),
  ...a('light', 'turn|switch on NOUN', 'turn|switch NOUN on', 'light NOUN with SECOND', 'light NOUN'),
  ...a('turn', 'turn|rotate|twist NOUN'),
  ...a('eat', 'eat NOUN'),
  ...a('drink', 'drink|sip from NOUN', 'drink NOUN'),
  ...a('fill', 'fill NOUN with|from SECOND', 'fill NOUN'),
  ...a('pour', 'pour NOUN in|into|on|onto|over SECOND', 'pour NOUN'),
  ...a('tie', 'tie|attach|fasten NOUN to SECOND'),
  ...withOpts(a('tie', 'tie|attach|fasten NOUN'), { missingPrep: 'to' }),
  ...a('break', 'break|smash|shatter NOUN with SECOND', 'break|smash|shatter NOUN'),
  ...a('attack', 'attack|hit|kill|fight|punch|kick|strike NOUN with SECOND', 'attack|hit|kill|fight|punch|kick|strike NOUN'),
  ...a('dig', 'dig', 'dig in|with NOUN', 'dig NOUN'),
  ...a('climb', 'climb up|down', 'climb up|down|over|on|onto|into NOUN', 'climb NOUN'),

  // Senses and the body.
  ...a('wait', 'wait|z|stay|remain', 'wait|stay|remain here|there|behind|put'),
  ...a('listen', 'listen', 'listen to NOUN'),
  ...a('smell', 'smell|sniff', 'smell|sniff NOUN'),
  ...a('touch', 'touch|feel|rub|tap|pat|stroke', 'touch|feel|rub|tap|pat|stroke NOUN'),
  ...a('sleep', 'sleep'),
  ...a('wake', 'wake|awake|awaken up', 'wake|awake|awaken', 'wake|awake|awaken up NOUN', 'wake|awake|awaken NOUN up', 'wake|awake|awaken NOUN'),
  ...a('sit', 'sit', 'sit down', 'sit down on|in NOUN', 'sit on|in|at NOUN'),
  ...a('stand', 'stand', 'stand up', 'get up'),
  ...a('lie', 'lie|lay', 'lie|lay down', 'lie|lay down on|in NOUN', 'lie|lay on|in NOUN'),
  ...a('jump', 'jump|hop', 'jump|hop over|on|onto|into|off NOUN'),
  ...a('pray', 'pray'),
  ...a('dance', 'dance'),
  ...a('hide', 'hide', 'hide in|under|behind NOUN'),
  ...a('sing', 'sing', 'sing TOPIC'),

  // People.
  ...a('talk', 'talk|speak to|with NOUN', 'greet NOUN'),
  { pattern: 'ask|tell|order NOUN to ARG', verb: 'order', kind: 'order' },
  ...a('ask', 'ask NOUN about TOPIC', 'ask about TOPIC'),
  ...a('tell', 'tell NOUN about TOPIC'),
  // `tell leo it's all right`: what is told is said to them.
  ...a('say', 'tell SECOND TOPIC'),
  ...withOpts(a('ask', 'ask NOUN'), { missingPrep: 'about' }),
  ...withOpts(a('tell', 'tell NOUN'), { missingPrep: 'about' }),
  ...a('say', 'say|answer|reply TOPIC to SECOND', 'say|answer|reply to SECOND TOPIC', 'say|answer|reply TOPIC'),
  ...a('shout', 'shout|call|yell|scream', 'shout|call|yell|scream to|at SECOND', 'shout|call|yell|scream TOPIC'),
  ...a('hug', 'hug|embrace|cuddle NOUN'),
  ...a('comfort', 'comfort|reassure|soothe|console NOUN'),
  ...a('kiss', 'kiss NOUN'),
  ...a('nudge', 'nudge|poke|prod NOUN'),

  // The dreaming mind.
  ...a('think', 'think|ponder about|of|on TOPIC', 'think|ponder'),
  ...a('remember', 'remember|recall', 'remember|recall TOPIC'),
  ...withOpts(a('imagine', 'imagine|picture|envision|visualise|visualize|conjure NOUN', 'dream|conjure up NOUN'), { free: true, topicFromNoun: true }),
  ...a('focus', 'focus|concentrate', 'focus|concentrate on TOPIC'),
  ...a('magic', 'xyzzy|plugh'),

  // Switching character.
  ...['switch to ARG', 'play as ARG', 'become ARG', 'switch ARG'].map(
    (pattern): GrammarLine => ({ pattern, verb: 'switch', kind: 'switch' })),
  ...['be ARG', 'play ARG'].map(
    (pattern): GrammarLine => ({ pattern, verb: 'switch', kind: 'switch', namesOnly: true })),

  // Out of the story.
  ...m('undo', 'undo'),
  ...m('again', 'again|g'),
  ...m('oops', 'oops'),
  ...withOpts(m('oops', 'oops ARG'), { argLower: true }),
  ...m('save', 'save', 'save ARG'),
  ...m('restore', 'restore|load', 'restore|load ARG'),
  ...m('saves', 'saves'),
  ...m('delete', 'delete ARG'),
  ...m('restart', 'restart'),
  ...m('quit', 'quit|q'),
  ...m('help', 'help'),
  ...withOpts(m('help', 'help ARG'), { argLower: true }),
  ...m('about', 'about', 'version'),
  ...m('credits', 'credits'),
  ...m('verbose', 'verbose'),
  ...m('brief', 'brief'),
  ...m('superbrief', 'superbrief'),
  ...m('score', 'score', 'full score', 'fullscore', 'full'),
  ...m('progress', 'progress'),
  ...m('hint', 'hint|hints'),
  ...m('map', 'map'),
  ...m('recap', 'recap|journal'),
  ...m('transcript', 'transcript'),
  ...withOpts(m('transcript', 'transcript ARG'), { argLowerFirst: true }),
  ...m('settings', 'settings'),
  ...withOpts(m('settings', 'settings ARG'), { argLowerFirst: true }),
  ...m('yes', 'yes|y'),
  ...m('no', 'no'),
];

export type PatternElement = { lit: Set<string> } | { slot: Slot };

export interface CompiledLine extends GrammarLine {
  elements: [PatternElement, ...PatternElement[]];
}

const SLOTS = new Set<string>(['NOUN', 'SECOND', 'TOPIC', 'DIR', 'ARG']);

/** Why a pattern cannot be a grammar line, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  const parts = pattern.trim().split(/\s+/);
  if (!parts[0]) return 'is empty';
  if (SLOTS.has(parts[0])) return 'must start with a word, not a slot';
  const seen = new Set<string>();
  for (const p of parts) {
    if (SLOTS.has(p)) {
      if (seen.has(p)) return `names ${p} twice`;
      seen.add(p);
    } else if (!/^[a-z'-]+(\|[a-z'-]+)*$/.test(p)) return `has "${p}", which is neither a lower-case word (or words joined by |) nor NOUN, SECOND or TOPIC`;
  }
  if (seen.has('ARG') || seen.has('DIR')) return 'may use only NOUN, SECOND and TOPIC';
  return undefined;
}

/** What a player types for a pattern: its words up to the first slot, each in its first spelling (`look|search for NOUN`: "look for"). */
export function typedForm(pattern: string): string {
  const words: string[] = [];
  for (const part of pattern.trim().split(/\s+/)) {
    if (SLOTS.has(part)) break;
    words.push(part.split('|')[0] ?? part);
  }
  return words.join(' ');
}

export function compile(line: GrammarLine): CompiledLine {
  const parts = line.pattern.trim().split(/\s+/);
  const elements = parts.map((part): PatternElement =>
    SLOTS.has(part) ? { slot: part as Slot } : { lit: new Set(part.split('|')) });
  const [first, ...rest] = elements;
  if (!first) throw new Error(`empty grammar line for ${line.verb}`);
  return { ...line, elements: [first, ...rest] };
}

/**
 * A grammar: the lines in the order they are tried, and what the parser derives from them.
 * The standard grammar is below; a story's content can add lines (new verbs, synonyms and
 * phrasal forms), which are tried first, so `pull the plug on NOUN` beats `pull NOUN`.
 */
export interface Grammar {
  readonly lines: readonly CompiledLine[];
  /** Every word that can start a command; used to tell verbs from addressees and unknown verbs. */
  readonly verbWords: ReadonlySet<string>;
  /** Every literal word in the grammar; such words are never reported as unknown. */
  readonly words: ReadonlySet<string>;
  /** Lines that start with a slot, tried for any first word. */
  readonly slotFirst: readonly CompiledLine[];
  /** Lines that can match a command starting with a word, filled in as words are met. */
  readonly byFirstWord: Map<string, CompiledLine[]>;
  /** Every action id some line produces (meta verbs excluded). */
  readonly actions: ReadonlySet<string>;
}

export function makeGrammar(extra: readonly { verb: string; pattern: string }[] = []): Grammar {
  const own = extra.map((l): GrammarLine => ({ pattern: l.pattern, verb: l.verb, kind: 'action' }));
  // `play mia` switches even when the story adds `play NOUN`: lines that read only a
  // character's name stay in front.
  const names = GRAMMAR.filter((l) => l.namesOnly);
  const lines = [...names, ...own, ...GRAMMAR.filter((l) => !l.namesOnly)].map(compile);
  const litsOf = (e: PatternElement) => ('lit' in e ? [...e.lit] : []);
  return {
    lines,
    verbWords: new Set(lines.flatMap((l) => litsOf(l.elements[0]))),
    words: new Set(lines.flatMap((l) => l.elements.flatMap(litsOf))),
    slotFirst: lines.filter((l) => !('lit' in l.elements[0])),
    byFirstWord: new Map(),
    actions: new Set(lines.filter((l) => l.kind === 'action').map((l) => l.verb)),
  };
}

export const STANDARD_GRAMMAR: Grammar = makeGrammar();
