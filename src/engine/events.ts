// The Events a turn produces, and what a step returns. Exported through types.ts with the rest
// of the shared model.
import type { Direction } from '../shared/vocabulary.js';
import type { Ending, Id, State, Variant } from './types.js';

export type Style = 'plain' | 'title' | 'room' | 'emph' | 'dim' | 'error' | 'speech' | 'system' | 'glitch' | 'ending';

export type GameEvent =
  | { type: 'text'; text: string; style?: Style; /** The next paragraph continues on this line. */ join?: boolean }
  | { type: 'message'; id: string; params?: Record<string, string | number> }
  | { type: 'room'; room: Id; name: string; description: string | null; exits: Direction[]; intensity: number }
  | { type: 'moved'; actor: Id; from: Id; to: Id }
  | { type: 'switched'; from: Id; to: Id }
  | { type: 'glitch'; text: string; intensity: number; seed: number }
  | { type: 'score'; puzzle: Id; points: number; total: number; max: number }
  | { type: 'act'; act: number; name: string }
  | { type: 'ending'; id: Id; title: string; text: string; kind: Ending['kind']; others: number }
  | { type: 'undone'; command: string | null }
  | { type: 'meta'; action: MetaAction; arg?: string }
  /** A scene ran (nothing to show: for the checker, which notes what the story can show). */
  | { type: 'scene'; id: Id }
  /** Only in a traced step (see Ctx.trace): a rule answered; `key` as its `once` is kept. */
  | { type: 'rule'; key: string }
  /** Only in a traced step: a Text with variants was read, and the variant that applied (-1: none). */
  | { type: 'variant'; text: Variant[]; index: number };

/** Requests the engine cannot carry out itself (disk, terminal, process): front ends do them. */
export type MetaAction =
  | 'save' | 'restore' | 'saves' | 'delete' | 'restart' | 'quit'
  | 'transcript-on' | 'transcript-off' | 'settings' | 'map' | 'help';

export interface StepResult {
  state: State;
  events: GameEvent[];
}
