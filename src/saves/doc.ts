// The save document in memory: the state, its undo history and what the slot table shows.

import type { Id, State } from '../engine/types.js';
import { SAVE_FORMAT } from './format.js';

/** Undo entries kept in memory and in saves (the issue asks for at least 100). */
import { UNDO_DEPTH } from '../engine/index.js';

export interface SaveSummary {
  character: Id;
  characterName: string;
  place: Id;
  placeName: string;
  turn: number;
}

export interface SaveDoc {
  format: number;
  gameVersion: string;
  contentVersion: string;
  /** ISO 8601. */
  savedAt: string;
  summary: SaveSummary;
  state: State;
  /** Earlier states, oldest first; `undo` pops the last one. */
  undo: State[];
  /** For each undo state, the input that left it (what undoing it takes back). */
  undoInputs?: string[];
}

/** Keeps the newest `limit` undo states (oldest first, like the input). */
export function trimUndo<T>(undo: readonly T[], limit = UNDO_DEPTH): T[] {
  return undo.length > limit ? undo.slice(undo.length - limit) : [...undo];
}

export interface MakeSaveDocInput {
  state: State;
  undo: readonly State[];
  undoInputs?: readonly string[];
  gameVersion: string;
  contentVersion: string;
  /** Display names; ids stand in when absent. */
  characterName?: string;
  placeName?: string;
  now?: () => Date;
}

export function makeSaveDoc(input: MakeSaveDocInput): SaveDoc {
  const { state } = input;
  const place = state.loc[state.player] ?? 'nowhere';
  return {
    format: SAVE_FORMAT,
    gameVersion: input.gameVersion,
    contentVersion: input.contentVersion,
    savedAt: (input.now ?? (() => new Date()))().toISOString(),
    summary: {
      character: state.player,
      characterName: input.characterName ?? state.player,
      place,
      placeName: input.placeName ?? place,
      turn: state.turn,
    },
    state,
    undo: trimUndo(input.undo),
    ...(input.undoInputs && input.undoInputs.length === input.undo.length ? { undoInputs: trimUndo(input.undoInputs) } : {}),
  };
}
