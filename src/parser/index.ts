// The parser's front door: a line of input becomes a list of commands, as data.
import type { Command, NounPhrase, ParseResult, Vocabulary } from './types.js';
import { cleanLine } from './normalise.js';
import { tokenise } from './tokenise.js';
import { splitSegments } from './split.js';
import { asOrder, expandLists, isVerbWord, parseCommand, type CommandContext } from './parse-command.js';
import { nounPhraseFromWords } from './noun-phrase.js';
import { STANDARD_GRAMMAR, type Grammar } from './grammar.js';

export interface ParseOptions {
  /** Character names; a bare name on its own switches to that character. */
  characters?: string[];
  /** The grammar to parse with: the standard one, or one with a story's own lines added. */
  grammar?: Grammar;
}

/**
 * Parses a line into commands.
 *
 * Choices worth knowing:
 * - Everything is lower-cased except meta args that name things on disk or settings values
 *   (save/restore/delete NAME, transcript FILE, settings KEY VALUE); quotes around them are dropped.
 * - `n` is north, so `no` alone is the meta no; `y` is yes.
 * - `take key and lamp` / `take key, lamp` become one command per thing (each keeps the whole
 *   input, so `again` repeats the list); only `all except ...` keeps a list inside one phrase.
 * - `give mia the lamp` (two objects, no preposition) is read only when the recipient is a
 *   pronoun, a supplied character name, or the thing starts with an article.
 * - `go WORDS` that are not a direction is `go_to`; `inventory` is the action, never `inventory_meta`.
 * - A full stop inside a word (`notes.txt`) does not split commands. Several commands split on `.`, `;`, `!`, `?`, `then` and commas.
 * A line over MAX_LINE characters is cut: the commands before the cut stand, and the last one
 * (which the cut may have broken mid-word) is replaced by `parse.too_long`, so the engine runs
 * what was whole and then says the line was too long.
 */
const NO_NAMES: string[] = [];
const namesCache = new WeakMap<readonly string[], { characters: Set<string>; nameWords: Set<string> }>();

/** The names, cleaned and lower-cased, and every word in them; worked out once per list. */
function namesOf(names: readonly string[]): { characters: Set<string>; nameWords: Set<string> } {
  let found = namesCache.get(names);
  if (!found) {
    const characters = new Set(names.map((c) => cleanLine(c).text.toLowerCase()).filter(Boolean));
    found = { characters, nameWords: new Set([...characters].flatMap((c) => c.split(' '))) };
    namesCache.set(names, found);
  }
  return found;
}

export function parse(input: string, vocab: Vocabulary, options: ParseOptions = {}): ParseResult {
  const { text, cut } = cleanLine(input);
  const { characters, nameWords } = namesOf(options.characters ?? NO_NAMES);
  // A save name is taken whole, dots and slashes included, so `save ../x` is refused by name
  // rather than split into commands.
  const slot = /^\s*(save|restore|load|delete)\s+(\S.*?)\s*$/i.exec(text);
  const [, slotVerb = '', slotName = ''] = slot ?? [];
  if (slot && /^\.|[/\\]/.test(slotName)) {
    const verb = slotVerb.toLowerCase() === 'load' ? 'restore' : (slotVerb.toLowerCase() as 'save' | 'restore' | 'delete');
    return { commands: [{ kind: 'meta', verb, arg: slotName.replace(/^["']|["']$/g, '') }] };
  }
  const grammar = options.grammar ?? STANDARD_GRAMMAR;
  const ctx: CommandContext = { vocab, characters, grammar };
  const segments = splitSegments(tokenise(text), {
    isVerbWord: (w) => isVerbWord(grammar, w),
    isNameWord: (w) => vocab.has(w) || nameWords.has(w),
  });
  if (segments.length === 0) {
    return { commands: [{ kind: 'error', message: cut ? 'parse.too_long' : 'parse.empty' }] };
  }
  // `tell jaime to go west and strike the chime`: what follows an order after a bare `and` is
  // said to the same one (after `then`, a comma or a full stop, the player acts again).
  let ordered: NounPhrase | undefined;
  const commands: Command[] = segments.flatMap((seg, i) => {
    // The last piece of a cut line may be cut mid-word; it is replaced, not parsed.
    if (cut && i === segments.length - 1) return [{ kind: 'error', message: 'parse.too_long' } as const];
    const input = text.slice(seg.start, seg.end).toLowerCase();
    const command = parseCommand(seg.tokens, input, ctx);
    const onward = seg.joined ? ordered : undefined;
    ordered = undefined;
    if (!seg.actor) {
      const whole = onward && command.kind === 'action' && !command.actor ? asOrder(command, onward, input, seg.tokens) : command;
      if (whole.kind === 'action' && whole.actor) ordered = whole.actor;
      return expandLists(whole);
    }
    const actor = nounPhraseFromWords(seg.actor.map((t) => t.lower));
    // `jaime, "hi"`: words in quotes, spoken to someone, are said to them.
    const [only] = seg.tokens;
    if (actor && only?.kind === 'quote' && seg.tokens.length === 1 && only.raw) {
      return [{ kind: 'action', verb: 'say', topic: only.raw, iobj: actor, input } as const];
    }
    // An addressee of only articles ("the, go north") names nobody: the command stands alone.
    if (actor) ordered = actor;
    return expandLists(actor ? asOrder(command, actor, input, seg.tokens) : command);
  });
  return { commands };
}

export { parseNounPhrase, nounPhraseFromWords } from './noun-phrase.js';
export { listParts } from './parse-command.js';
export { matchNounPhrase, describeChoices, singularsOf, type Candidate } from './match.js';
export { VERBS, type VerbInfo } from './verbs.js';
export { makeGrammar, patternProblem, typedForm, STANDARD_GRAMMAR, type Grammar, type GrammarLine } from './grammar.js';
export { MAX_LINE } from './normalise.js';
export type * from './types.js';
