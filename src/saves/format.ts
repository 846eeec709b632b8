// The save document's format version, its change log, and one migration per format change.
// Migrations work on raw parsed JSON (before validation), so each must cope with anything.

import { systemText as say } from '../content/system.js';

/**
 * The save format this build writes.
 *
 * Change log (one line per format; add a migration below for every bump):
 * - 1 (0.1.0, first release): `{ format: 1, version, savedAt: <epoch ms>, state }`.
 *     The state kept item/character places under `where` (now `loc`), had no `hintsTaken`
 *     and no `oops`. No summary, no undo history, no content version.
 * - 2 (0.2.0): `{ format: 2, gameVersion, contentVersion, savedAt: <ISO string>, summary, state, undo }`.
 *     `summary` feeds the slot table without reading the state; `undo` is the undo history,
 *     oldest first, each entry a delta (see undo-delta.ts) that turns the next newer state
 *     (the last one: `state`) back into that older state.
 */
export const SAVE_FORMAT = 2;
/** The oldest format this build can still read through the migrations. */
export const MIN_FORMAT = 1;

export type RawDoc = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** migrations[n] turns a format-n document into a format-(n+1) document. */
export const migrations: Record<number, (doc: RawDoc) => RawDoc> = {
  1: (doc) => {
    const oldState = isObject(doc.state) ? doc.state : {};
    const { where, ...rest } = oldState;
    const state: RawDoc = {
      ...rest,
      loc: where ?? oldState.loc,
      hintsTaken: oldState.hintsTaken ?? {},
      oops: oldState.oops ?? null,
    };
    const player = typeof state.player === 'string' ? state.player : '?';
    const loc = isObject(state.loc) ? state.loc : {};
    const place = typeof loc[player] === 'string' ? (loc[player] as string) : '?';
    const savedAt =
      typeof doc.savedAt === 'number' && Number.isFinite(doc.savedAt)
        ? new Date(doc.savedAt).toISOString()
        : doc.savedAt;
    return {
      format: 2,
      gameVersion: doc.version,
      contentVersion: 'unknown',
      savedAt,
      // Format 1 kept no names; ids stand in until the game saves again.
      summary: { character: player, characterName: player, place, placeName: place, turn: state.turn },
      state,
      undo: [],
    };
  },
};

export type MigrateResult =
  | { ok: true; doc: RawDoc; from: number }
  | { ok: false; problem: string };

/** Brings a parsed document up to SAVE_FORMAT, or says in plain words why it cannot. */
export function migrate(doc: RawDoc): MigrateResult {
  const format = doc.format;
  if (typeof format !== 'number' || !Number.isInteger(format)) {
    return { ok: false, problem: say('format.none') };
  }
  if (format > SAVE_FORMAT) {
    return { ok: false, problem: say('format.newer', { format, min: MIN_FORMAT, max: SAVE_FORMAT }) };
  }
  if (format < MIN_FORMAT) {
    return { ok: false, problem: say('format.older', { format }) };
  }
  let current = doc;
  for (let f = format; f < SAVE_FORMAT; f++) {
    const step = migrations[f];
    if (!step) return { ok: false, problem: say('format.no_upgrade', { format: f }) };
    try {
      current = step(current);
    } catch (err) {
      return { ok: false, problem: say('format.upgrade_failed', { format: f, error: (err as Error).message }) };
    }
  }
  return { ok: true, doc: current, from: format };
}
