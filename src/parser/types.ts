// What the parser hands the engine: commands as data, noun phrases still unresolved.
import type { Direction } from '../shared/vocabulary.js';

export interface NounPhrase {
  /** The words as typed (lower-cased, articles kept), for messages: "the small blue shell". */
  text: string;
  /** Words left after articles and ordinals are removed: ["small", "blue", "shell"]. */
  words: string[];
  /** `all`, `everything`, `all the shells` (words then narrow it). */
  all?: boolean;
  /** `all except X and Y` / `all but X`. */
  except?: NounPhrase[];
  /** it / them / him / her / me / myself. */
  pronoun?: 'it' | 'them' | 'him' | 'her' | 'me';
  /** `the second`, `2nd`, `second one`: 1-based. */
  ordinal?: number;
}

export type Command =
  | ActionCommand
  | { kind: 'meta'; verb: MetaVerb; arg?: string }
  | { kind: 'switch'; target: string }
  | { kind: 'error'; message: ParseErrorId; params?: Record<string, string> };

export interface ActionCommand {
  kind: 'action';
  /** Canonical verb id, e.g. 'take', 'put_in', 'ask', 'go'. */
  verb: string;
  dobj?: NounPhrase;
  iobj?: NounPhrase;
  /** For go: the direction. */
  direction?: Direction;
  /** For ask/tell/say/go_to/think about: the raw words after the preposition, or the quoted text. */
  topic?: string;
  /** `mia, go north`: the addressee. */
  actor?: NounPhrase;
  /** The text of this one command as typed (trimmed), used for `again`. */
  input: string;
}

export type MetaVerb =
  | 'undo' | 'again' | 'oops' | 'save' | 'restore' | 'saves' | 'delete' | 'restart' | 'quit'
  | 'help' | 'about' | 'credits' | 'verbose' | 'brief' | 'superbrief' | 'score' | 'progress'
  | 'hint' | 'map' | 'recap' | 'transcript' | 'settings' | 'exits' | 'inventory_meta' | 'yes' | 'no';

export type ParseErrorId =
  | 'parse.empty'            // nothing typed
  | 'parse.unknown_word'     // {word}
  | 'parse.unknown_verb'     // {word}: first word is not a verb we know
  | 'parse.missing_noun'     // {verb}: "What do you want to take?"
  | 'parse.missing_second'   // {verb}{noun}{prep}: "What do you want to put the key in?"
  | 'parse.bad_grammar'      // {verb}: "I only understood you as far as wanting to take."
  | 'parse.too_long'         // the line was cut
  | 'parse.no_direction';    // `go` with nothing after it

export interface ParseResult {
  /** Commands in order; the engine stops the rest of the line at the first one that fails. */
  commands: Command[];
}

/** The words the world knows (item nouns and adjectives, character names, topic words, room names). */
export interface Vocabulary {
  has(word: string): boolean;
}
