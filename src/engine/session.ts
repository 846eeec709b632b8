// A game in play: the current state plus the undo history. Pure, like step.
import type { World, State, GameEvent } from './types.js';
import { step } from './step.js';
import { initialState } from './state.js';

/** How many earlier states undo keeps (the saves keep the same bound). */
export const UNDO_DEPTH = 150;

export interface Session {
  state: State;
  /** Earlier states, oldest first, each with the input that left it. */
  undo: { state: State; input: string }[];
}

export function newSession(w: World, seed: number): Session {
  return { state: initialState(w, seed), undo: [] };
}

/** The input as undo names it: printable text only (no escape sequences or control characters). */
export function printableInput(s: string): string {
  return s.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]?|[\x00-\x1f\x7f-\x9f]/g, '').trim().slice(0, 200);
}

const UNDO_WORDS = /^\s*(undo|u n d o)\s*[.!]?\s*$/i;
const REPEAT_WORDS = /^\s*(again|g|oops)\b/i;

/** Plays one line: `undo` on its own goes back a turn; everything else goes through step. */
export function play(w: World, session: Session, input: string): { session: Session; events: GameEvent[] } {
  if (UNDO_WORDS.test(input)) {
    const last = session.undo[session.undo.length - 1];
    if (!last) return { session, events: [{ type: 'message', id: 'undo.nothing' }] };
    return {
      // AGAIN after UNDO plays the undone command again (an undone AGAIN, what it repeated).
      session: { state: { ...last.state, lastInput: REPEAT_WORDS.test(last.input) ? last.state.lastInput : last.input }, undo: session.undo.slice(0, -1) },
      events: [{ type: 'undone', command: last.input }],
    };
  }
  const { state, events } = step(w, session.state, input);
  const changed = state.turn !== session.state.turn || state.player !== session.state.player || state.ending !== session.state.ending;
  const undo = changed ? [...session.undo, { state: session.state, input: printableInput(input) }].slice(-UNDO_DEPTH) : session.undo;
  return { session: { state, undo }, events };
}
