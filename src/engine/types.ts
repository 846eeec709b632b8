// The shared model: the World (content, read-only), the State (plain JSON, changes every turn)
// and the Events a turn produces (events.ts, exported here too). Every other module speaks in
// these types.

export type Id = string;
import type { Direction } from '../shared/vocabulary.js';
import type { Command } from '../parser/types.js';

export { DIRECTIONS, type Direction } from '../shared/vocabulary.js';
export type { Style, GameEvent, MetaAction, StepResult } from './events.js';

export interface Condition {
  flag?: Id | Id[];            // flags set (truthy)
  notFlag?: Id | Id[];         // flags not set
  player?: Id | Id[];          // the character being played is one of these
  here?: Id | Id[];            // the player is in one of these rooms
  region?: Id | Id[];          // the player's room is in one of these regions
  has?: Id | Id[];             // the player carries these items
  notHas?: Id | Id[];
  itemIn?: Record<Id, Id>;     // item -> where it is (room, character, container, 'nowhere')
  charIn?: Record<Id, Id>;     // character -> room
  together?: Id[];             // these characters share a room
  act?: number | number[];     // the current act
  actAtLeast?: number;
  stabilityBelow?: number;     // 0..100
  stabilityAtLeast?: number;
  focusBelow?: number;         // Leo's focus 0..10
  focusAtLeast?: number;
  counterAtLeast?: Record<Id, number>;
  visited?: Id;                // the player has been to this room
  seen?: Id;                   // the player has examined this item or read this memory
  prop?: Record<Id, string>;   // item -> property that is set ('open', 'locked', 'lit', 'worn', ...)
  notProp?: Record<Id, string>;
  any?: Condition[];
  not?: Condition;
}

export type Effect =
  | { say: string }                                   // prose shown to the player
  | { set: Id | Id[] }
  | { clear: Id | Id[] }
  | { count: Id; by?: number }                        // counter += by (default 1)
  | { move: Id; to: Id }                              // item or character to room/character/container/'nowhere'
  | { moveTo: Id }                                    // the player walks (silently) to a room, then looks
  | { setProp: Id; prop: string }
  | { clearProp: Id; prop: string }
  | { stability: number }                             // relative change
  | { setStability: number }
  | { focus: number }                                 // relative change to Leo's focus
  | { act: number }                                   // begin an act
  | { playable: Id[] }                                // who may be played now
  | { switchTo: Id }                                  // force the player to another character
  | { glitch: number; text?: string }                 // a scripted glitch at an intensity 0..1
  | { solve: Id }                                     // a puzzle is solved (score)
  | { ending: Id }                                    // the story ends here
  | { memory: string };                               // a fragment the glitch may later bleed back

export interface Rule {
  if?: Condition;
  say?: string;
  do?: Effect[];
  /** When true (default for item/verb rules) the standard action does not run after this rule. */
  instead?: boolean;
  /**
   * When the rule runs in the action pipeline: `instead` (default) before any check, replacing
   * the action when it matches; `check` after the standard checks, stopping the action when it
   * matches; `after` once the action is carried out, its text replacing the standard report.
   */
  stage?: 'instead' | 'check' | 'after';
  /** In `orders`: the character agrees, and the ordered action runs for them (after `say`). */
  obey?: boolean;
  once?: boolean;
  id?: Id;
  /** For two-object verbs: the other object's id. */
  with?: Id;
  /** For verbs with free text (say, imagine, remember, think, shout, nudge): one word must appear. */
  topic?: string | string[];
}

export interface Variant {
  if?: Condition;
  text: string;
}
/** Text that may change with the world: a plain string, or variants tried in order. */
export type Text = string | Variant[];

// ---------------------------------------------------------------- world (content)
export interface Exit {
  to: Id;
  door?: Id;                 // an item with open/locked props that must be open
  if?: Condition;            // the exit exists only when this holds
  blocked?: Text;            // said when `if` fails (otherwise the exit is invisible)
  say?: Text;                // said while going through
  hidden?: boolean;          // not listed by `exits`
}

export interface Room {
  id: Id;
  name: string;
  /** Other names a player may call it by, for GO TO. */
  names?: string[];
  region: Id;
  description: Text;
  /** Shorter text for `brief` revisits. */
  brief?: Text;
  exits: Partial<Record<Direction, Exit>>;
  dark?: boolean;
  /** Rules tried when the player enters the room (after the description). */
  onEnter?: Rule[];
  /** Per-verb rules for the room itself (e.g. 'listen', 'smell', 'sleep', 'wait', 'jump'). */
  verbs?: Record<string, Rule[]>;
  /** Words that name scenery mentioned in the description but not worth an item. */
  scenery?: { words: string[]; text: Text }[];
  /** Position for `map` (x, y on a grid, z as floor/layer). */
  map?: { x: number; y: number };
  /** Nouns the text names that deserve no reply of their own here (`check --prose`). */
  unimportant?: string[];
}

export interface Item {
  id: Id;
  name: string;
  words: string[];           // nouns that name it
  adjectives?: string[];
  plural?: boolean;
  proper?: boolean;          // no article
  description: Text;
  location: Id;              // room, character, container item, or 'nowhere'
  portable?: boolean;        // default false for scenery, true otherwise
  scenery?: boolean;         // not listed in room descriptions
  container?: boolean;
  supporter?: boolean;
  openable?: boolean;
  lockable?: boolean;
  key?: Id;                  // item that locks/unlocks it
  wearable?: boolean;
  edible?: boolean;
  drinkable?: boolean;
  lightable?: boolean;
  readable?: Text;           // text shown by `read`
  props?: string[];          // initial props ('open', 'locked', 'lit', ...)
  /** How it appears in a room listing when not yet taken. */
  initial?: Text;
  /** Per-verb rules: verb id -> rules. Verb ids are the parser's canonical verbs. */
  verbs?: Record<string, Rule[]>;
  /** Who can see it (default everyone). */
  visibleTo?: Id[];
  /** Optional condition for being present at all. */
  if?: Condition;
  /** When it holds, a name that fits this and other things means the others (Leo's `bed` is his own). */
  unlikely?: Condition;
  /** Entering, climbing or crossing it is going this way (a bridge over a brook): the exit's own words and rules. */
  way?: Direction;
  /** Words told or said to it are heard by this character, while `if` holds and they are here (the Specter is made of Leo). */
  heardBy?: { character: Id; if?: Condition };
}

export interface Topic { id: Id; words: string[]; name: string }

export interface Character {
  id: Id;
  name: string;
  words: string[];
  adjectives?: string[];
  pronoun: 'he' | 'she' | 'they';
  description: Text;
  location: Id;
  /** How the character appears in a room (who looks decides, through variants). */
  presence?: Text;
  /** Dialogue: topic id -> rules; 'default' catches the rest. */
  ask?: Record<Id, Rule[]>;
  tell?: Record<Id, Rule[]>;
  talk?: Rule[];
  /** Orders (`mia, go north`): verb id -> rules; 'default' refuses in character. */
  orders?: Record<string, Rule[]>;
  /** Rules when something is given to them: item id -> rules, 'default' otherwise. */
  give?: Record<Id, Rule[]>;
  /** Other characters this one cannot perceive, under a condition (Elara in the dream). */
  invisibleTo?: { who: Id[]; if?: Condition };
  verbs?: Record<string, Rule[]>;
}

export interface Scene {
  id: Id;
  if: Condition;
  do?: Effect[];
  say?: Text;
  once?: boolean;            // default true
}

export interface Ending {
  id: Id;
  title: string;
  kind: 'balance' | 'good' | 'bittersweet' | 'lost' | 'failure';
  text: Text;
}

export interface Puzzle { id: Id; name: string; points: number; act: number }

export interface Hint { id: Id; if: Condition; hints: string[] }

/** One act of the story (not an action: those are `Act` in actions/pipeline.ts). */
export interface StoryAct { id: number; name: string; playable: Id[] }

export interface GameInfo {
  title: string;
  version: string;           // content version
  start: { player: Id; act: number; stability: number; focus: number };
  /** The character whose focus, while played, adds to the glitch (Leo). */
  focusCharacter?: Id;
  intro: string;
  acts: StoryAct[];
  /** Generic nouns no room need answer (`check --prose`): "night", "moment". */
  unimportant?: string[];
  /** Words for everyone here at once: `tell the children to go to sleep` orders each of them. */
  everyone?: string[];
  /** Words for parts of a person (hand, shoulder): `mia's hand` is Mia, `hold hand` the one here. */
  bodyParts?: string[];
  /** Greetings (hi, good morning): words said to someone that start with one are answered as TALK TO. */
  greetings?: string[];
  /** What is asked for rather than handed over (help, advice): `ask jaime for help with the plan` is asking him about it. */
  askedAbout?: string[];
  /** Verbs that words said to someone can be (`say "goodnight" to leo` is GOODNIGHT LEO). */
  saidAsVerb?: string[];
  /** Ids renamed since an earlier version of the story (old -> new), for older saves. */
  renamed?: Record<Id, Id>;
}

export interface World {
  game: GameInfo;
  rooms: Record<Id, Room>;
  items: Record<Id, Item>;
  characters: Record<Id, Character>;
  topics: Record<Id, Topic>;
  scenes: Scene[];
  endings: Record<Id, Ending>;
  puzzles: Record<Id, Puzzle>;
  hints: Hint[];
  /** Story-wide rules per verb. */
  verbs: Record<string, Rule[]>;
  /** Message catalogue: id -> template with {placeholders}. Every standard reply lives here. */
  messages: Record<string, string>;
  /** Help texts: verb id -> text; 'intro' for the general guide. */
  help: Record<string, string>;
  /** The story's own grammar (content/grammar.yaml): lines tried before the standard ones. */
  grammar?: StoryGrammar;
}

export interface StoryGrammar {
  /** Each line's pattern (`wind NOUN`, `let go of NOUN`) and the action it makes. */
  lines: { verb: Id; pattern: string }[];
  /** Verbs the story adds: usage for help, and whether they take time. */
  verbs: { id: Id; usage: string; free?: boolean; topicThing?: boolean }[];
  /** Standard rules turned off by name (`take.check.portable`). */
  off: string[];
}

// ---------------------------------------------------------------- state
export type Verbosity = 'verbose' | 'brief' | 'superbrief';

export interface Pending {
  /** The command waiting for an answer, with the slot to fill. */
  kind: 'which' | 'what';
  /** Original command text with a placeholder for the missing noun phrase. */
  verb: string;
  slot: 'dobj' | 'iobj';
  /** The parsed command, kept as data. */
  command: Command;
  candidates?: Id[];
}

export interface State {
  seed: number;
  rng: number;               // the seeded generator's state
  turn: number;
  player: Id;
  playable: Id[];
  act: number;
  /** Where every item and character is: id -> room, character, container item or 'nowhere'. */
  loc: Record<Id, Id>;
  props: Record<Id, string[]>;
  flags: Record<Id, boolean>;
  counters: Record<Id, number>;
  visited: Record<Id, Id[]>;  // character -> rooms visited, in order
  seen: Record<Id, Id[]>;     // character -> items/memories examined
  fired: Id[];                // scenes and once-rules done
  solved: Id[];
  stability: number;          // 0..100, the simulation's health
  focus: number;              // 0..10, Leo's hold on himself
  memories: string[];         // fragments already shown, for glitch bleed-through
  ending: Id | null;
  pronouns: { it?: Id; them?: Id; him?: Id; her?: Id };
  hintsTaken: Record<Id, number>;
  verbosity: Verbosity;
  pending: Pending | null;
  lastInput: string | null;
  /** The last word the parser did not know, for `oops`. */
  oops: { input: string; word: string } | null;
}
