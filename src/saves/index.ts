// The saves API other modules use: where files live, settings, slots, documents and the slot table.

import { resolveHome, savesDir } from './paths.js';
import { SettingsStore } from './settings.js';
import { SaveStore, type StoreDeps } from './store.js';

export { resolveHome, savesDir, confDefaultDir, PROJECT_NAME } from './paths.js';
export { SettingsStore, DEFAULT_SETTINGS, type Settings, type SetResult } from './settings.js';
export { SaveStore, describeIoError, type FsLike, type StoreDeps, type Result, type FailCode, type SlotInfo, type Loaded } from './store.js';
export { makeSaveDoc, trimUndo, type SaveDoc, type SaveSummary, type MakeSaveDocInput } from './doc.js';
export { SAVE_FORMAT, MIN_FORMAT, migrations, migrate } from './format.js';
export { checkAgainstWorld, parseJsonSafely, stateSchema, type WorldIds } from './validate.js';
export { checkSlotName, AUTOSAVE, AUTOSAVE_PREVIOUS, RESERVED_SLOTS, SLOT_NAME_MAX } from './slot-name.js';
export { type JournalEntry, JOURNAL_FILE } from './journal.js';
export { formatSlotTable, formatSavedAt } from './table.js';
export { appendTurnLog, LOG_FILE, type TurnFailure } from './turn-log.js';

/** Opens the saves and settings for a run: `--home` first, then NANODREAM_HOME, then conf's folder. */
export function openSaves(opts: { home?: string; env: NodeJS.ProcessEnv; deps?: StoreDeps }) {
  const home = resolveHome({ home: opts.home, env: opts.env });
  return { home, settings: new SettingsStore(home), store: new SaveStore(savesDir(home), opts.deps) };
}
export { lockHome, homeLocked, LOCK_DIR, type LockResult } from './lock.js';
