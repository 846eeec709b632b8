// Save slots on disk: atomic writes, listing, loading through migrations and checks, autosave.
// Every outcome is returned as data with a message for the player; nothing here throws or prints.

import { basename, join, resolve } from 'node:path';
import type { State } from '../engine/types.js';
import { SAVE_FORMAT, migrate } from './format.js';
import { type SaveDoc, type SaveSummary, trimUndo } from './doc.js';
import { decodeUndo, encodeUndo } from './undo-delta.js';
import { applyRenames, type Renames } from './renames.js';
import { Journal, JOURNAL_FILE, type JournalEntry } from './journal.js';
import { type FsLike, nodeFs } from './fs-like.js';
import { systemText as say } from '../content/system.js';

export type { FsLike };
import {
  MAX_SAVE_BYTES, type DiskDoc, type WorldIds, checkAgainstWorld, parseJsonSafely, validateDiskDoc, validateState,
} from './validate.js';
import {
  AUTOSAVE, AUTOSAVE_PREVIOUS, RESERVED_SLOTS, checkSlotName, slotFileName, slotFromFileName,
} from './slot-name.js';

export interface StoreDeps {
  now?: () => Date;
  fs?: FsLike;
  pid?: number;
  /** Whether a process still runs (for cleaning temporary files). */
  isAlive?: (pid: number) => boolean;
  /** The story in play: a file naming things it does not have is never written over. */
  world?: StoryIds;
}

export type Result<T = undefined> =
  | { ok: true; value: T; message?: string }
  | { ok: false; message: string; code: FailCode; problem?: string };

/** What the store checks a save against: the story's ids and the ids it has renamed. */
export type StoryIds = WorldIds & { game?: { renamed?: Renames } };

export type FailCode = 'bad-name' | 'reserved' | 'missing' | 'broken' | 'newer' | 'content' | 'io' | 'invalid';

export interface SlotInfo {
  name: string;
  character: string | null;
  characterName: string | null;
  place: string | null;
  placeName: string | null;
  turn: number | null;
  savedAt: string | null;
  ok: boolean;
  problem?: string;
}

export interface Loaded {
  doc: SaveDoc;
  /** The format the file was written in, when it went through migrations. */
  migratedFrom: number | null;
  /** Things worth telling the player that did not stop the load (e.g. shortened undo). */
  notes: string[];
  /** The id of the journal that continues this snapshot (autosaves only). */
  journal: string | null;
}

type ReadOutcome =
  | { ok: true; loaded: Loaded }
  | { ok: false; code: FailCode; problem: string; missing?: string[] };

/** Temporary files older than this are leftovers even if their pid was reused. */
const STALE_TMP_MS = 10 * 60 * 1000;
const TMP_RE = /\.tmp-(\d+)-[0-9a-f]+$/;

function defaultIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** 48 random bits in hex: temporary file names and journal ids. */
const randomHex = (): string => Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0');

/** The words (content/system.yaml) for each error code of the disk's. */
const IO_WORDS: Readonly<Record<string, string>> = {
  ENOSPC: 'io.disk_full',
  EDQUOT: 'io.quota',
  EROFS: 'io.read_only',
  EACCES: 'io.refused',
  EPERM: 'io.refused',
  EIO: 'io.io_error',
  EMFILE: 'io.too_many_files',
  ENFILE: 'io.too_many_files',
  ENOTDIR: 'io.not_a_folder',
  EISDIR: 'io.is_a_folder',
  ENOENT: 'io.missing_folder',
  ENAMETOOLONG: 'io.path_too_long',
  ELOOP: 'io.link_loop',
  EBUSY: 'io.busy',
};

/** Plain words for what the disk said. */
export function describeIoError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code && Object.hasOwn(IO_WORDS, code)) return say(IO_WORDS[code]!);
  if (err instanceof SyntaxError) return say('json.invalid');
  return code ? say('io.system_refused', { code }) : say('io.unknown');
}

/**
 * Node's recursive mkdir says ENOENT when a folder on the way cannot be made (a read-only disk,
 * say): making the first missing folder alone tells the real reason.
 */
export function mkdirCause(fs: { existsSync(p: string): boolean; mkdirSync(p: string): unknown }, dir: string, err: unknown): unknown {
  if ((err as NodeJS.ErrnoException)?.code !== 'ENOENT') return err;
  let first = resolve(dir);
  for (let up = resolve(first, '..'); up !== first && !fs.existsSync(up); up = resolve(up, '..')) first = up;
  try {
    fs.mkdirSync(first);
  } catch (real) {
    return real;
  }
  return err;
}

/** The one thing a player can do about a failed write. */
export function whatToDo(err: unknown): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOSPC':
    case 'EDQUOT': return say('io.fix_space');
    case 'EMFILE':
    case 'ENFILE': return say('io.fix_files');
    case 'EBUSY': return say('io.fix_busy');
    default: return say('io.fix_folder');
  }
}

/** A save's bytes on disk, or why this build could not read them back (then nothing is written). */
function encodeSave(name: string, doc: SaveDoc, extra: { journal?: string }): Result<Buffer> {
  const undo = trimUndo(doc.undo);
  const inputs = doc.undoInputs && doc.undoInputs.length === doc.undo.length ? trimUndo(doc.undoInputs) : undefined;
  const onDisk = {
    format: SAVE_FORMAT,
    gameVersion: doc.gameVersion,
    contentVersion: doc.contentVersion,
    savedAt: doc.savedAt,
    summary: doc.summary,
    state: doc.state,
    undo: encodeUndo(doc.state, undo),
  };
  // Never write what this build could not read back.
  const writable = validateDiskDoc(onDisk);
  if (!writable.ok) {
    return { ok: false, code: 'invalid', message: say('save.not_writable', { name, problem: writable.problem }) };
  }
  // Beside the checked shape (older builds of format 2 ignore them): what each undo step takes
  // back, and the journal continuing an autosave.
  const full = { ...onDisk, ...(inputs ? { undoInputs: inputs } : {}), ...(extra.journal ? { journal: extra.journal } : {}) };
  return { ok: true, value: Buffer.from(JSON.stringify(full) + '\n', 'utf8') };
}

export class SaveStore {
  readonly dir: string;
  private readonly fs: FsLike;
  private readonly now: () => Date;
  private readonly pid: number;
  private readonly isAlive: (pid: number) => boolean;
  private readonly world: StoryIds | undefined;
  /** Slots this store wrote or read whole, so saving over them needs no check first. */
  private readonly known = new Set<string>();
  private readonly journal: Journal;

  constructor(dir: string, deps: StoreDeps = {}) {
    this.dir = resolve(dir);
    this.fs = deps.fs ?? nodeFs;
    this.now = deps.now ?? (() => new Date());
    this.pid = deps.pid ?? process.pid;
    this.isAlive = deps.isAlive ?? defaultIsAlive;
    this.world = deps.world;
    this.journal = new Journal(this.dir, this.fs);
  }

  /** The file a slot lives in (for messages). */
  pathOf(name: string): string {
    return join(this.dir, slotFileName(name));
  }

  has(name: string): boolean {
    const n = checkSlotName(name);
    return n.ok && this.fs.existsSync(this.pathOf(n.name));
  }

  // ------------------------------------------------------------------ writing

  /** Saves to a slot the player named. Refuses bad and reserved names, writing nothing. */
  save(name: string, doc: SaveDoc): Result<{ name: string; file: string }> {
    const n = checkSlotName(name);
    if (!n.ok) return { ok: false, code: 'bad-name', message: n.message };
    if (RESERVED_SLOTS.includes(n.name.toLowerCase())) {
      return { ok: false, code: 'reserved', message: say('save.reserved', { name: n.name }) };
    }
    return this.write(n.name, doc);
  }

  /**
   * Writes the autosave's snapshot and starts a new, empty journal continuing it. The turns
   * after it go to the journal (appendAutosave) until the next snapshot.
   */
  autosave(doc: SaveDoc): Result<{ name: string; file: string }> {
    const id = randomHex();
    this.journal.close();
    const r = this.write(AUTOSAVE, doc, { journal: id });
    if (!r.ok) return r;
    try {
      this.journal.start(id, `${this.pid}-${randomHex()}`);
    } catch {
      // The snapshot holds the game; the next turn writes a snapshot again.
    }
    return r;
  }

  /** Whether turns can go to the journal (a snapshot was written and its journal is open). */
  get journalOpen(): boolean {
    return this.journal.openId !== null;
  }

  /** Turns in the open journal since the last snapshot. */
  get journalLength(): number {
    return this.journal.length;
  }

  /** Appends turns to the autosave's journal: one small write, no sync (see syncAutosave). */
  appendAutosave(entries: readonly JournalEntry[]): Result {
    try {
      this.journal.append(entries);
      return { ok: true, value: undefined };
    } catch (err) {
      return this.writeFailed(AUTOSAVE, err);
    }
  }

  /** Puts the journal's turns on the disk: in the background, or now (`wait`, at exit). */
  syncAutosave(wait = false): void {
    this.journal.sync(wait);
  }

  /** Closes the journal (at exit), syncing what it holds. */
  closeAutosave(): void {
    this.journal.close();
  }

  /** The turns a slot's journal holds after the snapshot with this id (see Loaded.journal). */
  journalAfter(name: string, id: string): JournalEntry[] {
    return this.journal.read(id, this.journalOf(name)) ?? [];
  }

  /** The journal file beside a slot (only the autosave writes one; --new renames it). */
  private journalOf(name: string): string {
    return this.pathOf(name).replace(/\.json$/, '.journal');
  }

  /** For `--new`: keeps the current autosave as `autosave-previous` instead of losing it. */
  rotateAutosave(): Result<{ kept: boolean }> {
    const from = this.pathOf(AUTOSAVE);
    if (!this.fs.existsSync(from)) return { ok: true, value: { kept: false } };
    // A damaged autosave must not replace a good previous one: set it aside under its own name.
    const current = this.read(AUTOSAVE, undefined, false);
    if (!current.ok && (current.code === 'broken' || current.code === 'newer')) {
      const moved = this.setAside(from, current.code);
      if (!moved.ok) return { ok: false, code: 'io', message: say('save.autosave_unmovable', { problem: current.problem, reason: moved.message }) };
      this.known.delete(AUTOSAVE);
      return { ok: true, value: { kept: false }, message: say('save.autosave_set_aside', { problem: current.problem, file: basename(moved.value) }) };
    }
    try {
      // The journal goes along: it holds the turns after the snapshot.
      this.journal.close();
      const journal = this.journalOf(AUTOSAVE);
      if (this.fs.existsSync(journal)) this.fs.renameSync(journal, this.journalOf(AUTOSAVE_PREVIOUS));
      this.fs.renameSync(from, this.pathOf(AUTOSAVE_PREVIOUS));
      this.known.delete(AUTOSAVE);
      this.known.delete(AUTOSAVE_PREVIOUS);
      this.syncDir();
      return { ok: true, value: { kept: true }, message: say('save.autosave_kept', { name: AUTOSAVE_PREVIOUS }) };
    } catch (err) {
      return {
        ok: false, code: 'io',
        message: say('save.autosave_not_kept', { reason: describeIoError(err), name: AUTOSAVE }),
      };
    }
  }

  private write(name: string, doc: SaveDoc, extra: { journal?: string } = {}): Result<{ name: string; file: string }> {
    const encoded = encodeSave(name, doc, extra);
    if (!encoded.ok) return encoded;
    const file = this.pathOf(name);
    const notes: string[] = [];

    try {
      this.fs.mkdirSync(this.dir, { recursive: true });
    } catch (err) {
      return this.writeFailed(name, mkdirCause(this.fs, this.dir, err));
    }
    // A damaged or newer-format file is never written over: set it aside first.
    if (!this.known.has(name) && this.fs.existsSync(file)) {
      const old = this.read(name, this.world, false);
      if (!old.ok && (old.code === 'broken' || old.code === 'newer' || old.code === 'content')) {
        const moved = this.setAside(file, old.code === 'content' ? 'incompatible' : old.code);
        if (!moved.ok) {
          return { ok: false, code: 'io', message: say('save.old_unmovable', { name, reason: moved.message }) };
        }
        notes.push(say('save.old_set_aside', { name, problem: old.problem, file: basename(moved.value) }));
      }
    }

    try {
      this.replaceFile(file, encoded.value);
    } catch (err) {
      return this.writeFailed(name, err);
    }
    this.syncDir();
    this.known.add(name);
    return { ok: true, value: { name, file }, ...(notes.length ? { message: notes.join(' ') } : {}) };
  }

  /** Writes `file` whole or not at all: a new temporary file, synced, renamed over it. Throws what failed. */
  private replaceFile(file: string, data: Buffer): void {
    // The pid and 48 random bits keep runs apart ('wx' refuses a clash rather than share a file).
    const tmp = `${file}.tmp-${this.pid}-${randomHex()}`;
    let fd: number | undefined;
    try {
      fd = this.fs.openSync(tmp, 'wx', 0o644);
      let off = 0;
      while (off < data.length) off += this.fs.writeSync(fd, data, off, data.length - off);
      this.fs.fsyncSync(fd);
      this.fs.closeSync(fd);
      fd = undefined;
      this.fs.renameSync(tmp, file);
    } catch (err) {
      if (fd !== undefined) try { this.fs.closeSync(fd); } catch { /* already failing */ }
      try { this.fs.unlinkSync(tmp); } catch { /* may not exist */ }
      throw err;
    }
  }

  private writeFailed(name: string, err: unknown): Result<never> {
    const had = this.fs.existsSync(this.pathOf(name));
    return {
      ok: false, code: 'io',
      message: say(had ? 'save.failed_kept' : 'save.failed_nothing', { name, dir: this.dir, reason: describeIoError(err), fix: whatToDo(err) }),
    };
  }

  /** Makes the rename durable where the platform allows it; failure here loses nothing. */
  private syncDir(): void {
    let fd: number | undefined;
    try {
      fd = this.fs.openSync(this.dir, 'r');
      this.fs.fsyncSync(fd);
    } catch { /* best effort (not possible on Windows) */ } finally {
      if (fd !== undefined) try { this.fs.closeSync(fd); } catch { /* ignore */ }
    }
  }

  /**
   * Moves a slot's file aside as `<file>.<tag>-<n>` (never written over again); returns the new
   * file's name. For an autosave this version cannot use.
   */
  keepAside(name: string, tag: 'broken' | 'newer' | 'incompatible'): Result<string> {
    const moved = this.setAside(this.pathOf(name), tag);
    if (!moved.ok) return moved;
    if (name === AUTOSAVE) {
      // Its journal goes with it (the turns after its snapshot).
      this.journal.close();
      const j = join(this.dir, JOURNAL_FILE);
      if (this.fs.existsSync(j)) this.setAside(j, tag);
    }
    this.known.delete(name);
    this.syncDir();
    return { ok: true, value: basename(moved.value) };
  }

  /** Renames a file to `<file>.<tag>-<n>` with the first free n. */
  private setAside(file: string, tag: string): Result<string> {
    for (let n = 1; n < 1000; n++) {
      const target = `${file}.${tag}-${n}`;
      if (this.fs.existsSync(target)) continue;
      try {
        this.fs.renameSync(file, target);
        return { ok: true, value: target };
      } catch (err) {
        return { ok: false, code: 'io', message: describeIoError(err) };
      }
    }
    return { ok: false, code: 'io', message: say('save.too_many_aside') };
  }

  // ------------------------------------------------------------------ reading

  /** Loads a slot; with a world, also checks that the rooms and things it names still exist. */
  load(name: string, world?: StoryIds): Result<Loaded> {
    const n = checkSlotName(name);
    if (!n.ok) return { ok: false, code: 'bad-name', message: n.message };
    const r = this.read(n.name, world);
    if (r.ok) return { ok: true, value: r.loaded, ...(r.loaded.notes.length ? { message: r.loaded.notes.join(' ') } : {}) };
    if (r.code === 'missing') return { ok: false, code: 'missing', message: say('save.missing', { name: n.name }) };
    const problem = r.code === 'content' ? say('save.made_for_other_story', { things: r.missing!.join(', ') }) : r.problem;
    return { ok: false, code: r.code, message: say('save.cannot_load', { name: n.name, problem, file: this.pathOf(n.name) }), problem };
  }

  private read(name: string, world?: StoryIds, withUndo = true): ReadOutcome {
    const text = this.readText(this.pathOf(name));
    if (typeof text !== 'string') return text;
    const parsed = parseDoc(text);
    if (!parsed.ok) return parsed;
    const { raw, disk, from } = parsed;
    const renames = world?.game?.renamed;
    const state = applyRenames(disk.state as State, renames);
    if (world) {
      const missing = checkAgainstWorld(world, state);
      if (missing.length) return { ok: false, code: 'content', problem: say('save.content_missing'), missing };
    }
    // The slot table needs no undo history; skipping it keeps listing fast.
    const { undo, notes } = withUndo ? readUndo(disk, name, world) : { undo: [], notes: [] };
    if (from !== SAVE_FORMAT) notes.push(say('save.upgraded', { name }));

    const summary: SaveSummary = { ...disk.summary };
    if (world) {
      summary.characterName = world.characters[state.player]?.name ?? summary.characterName;
      const place = state.loc[state.player];
      if (place && world.rooms[place]) summary.placeName = world.rooms[place]!.name;
    }
    // What each undo step takes back, when the file says so for every step that was kept.
    const rawInputs = raw.undoInputs;
    const inputs = Array.isArray(rawInputs) && rawInputs.length === disk.undo.length && rawInputs.every((x) => typeof x === 'string')
      ? (rawInputs as string[]).slice(rawInputs.length - undo.length)
      : undefined;
    const doc: SaveDoc = {
      format: SAVE_FORMAT,
      gameVersion: disk.gameVersion,
      contentVersion: disk.contentVersion,
      savedAt: disk.savedAt,
      summary,
      state,
      undo: trimUndo(undo),
      ...(inputs ? { undoInputs: trimUndo(inputs) } : {}),
    };
    const journal = raw.journal;
    if (withUndo) this.known.add(name);
    return {
      ok: true,
      loaded: { doc, migratedFrom: from !== SAVE_FORMAT ? from : null, notes, journal: typeof journal === 'string' ? journal : null },
    };
  }

  /** A save file's text, or why it cannot be had: not a file, far too large, missing, unreadable. */
  private readText(file: string): string | Extract<ReadOutcome, { ok: false }> {
    try {
      const st = this.fs.statSync(file);
      if (!st.isFile()) return { ok: false, code: 'broken', problem: say('save.not_a_file') };
      if (st.size > MAX_SAVE_BYTES) return { ok: false, code: 'broken', problem: say('save.too_large', { bytes: st.size }) };
      return this.fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { ok: false, code: 'missing', problem: say('save.no_such') };
      return { ok: false, code: 'io', problem: say('save.unreadable', { reason: describeIoError(err) }) };
    }
  }

  /** Every slot, newest first, damaged ones last with their problem. Removes leftover temporary files. */
  list(): SlotInfo[] {
    let files: string[];
    try {
      files = this.fs.readdirSync(this.dir) as string[];
    } catch {
      return [];
    }
    const out: SlotInfo[] = [];
    for (const f of files) {
      if (TMP_RE.test(f)) { this.cleanTmp(f); continue; }
      const name = slotFromFileName(f);
      if (name === null) continue;
      const r = this.read(name, undefined, false);
      if (r.ok) {
        const s = r.loaded.doc.summary;
        out.push({
          name, character: s.character, characterName: s.characterName, place: s.place, placeName: s.placeName,
          turn: s.turn, savedAt: r.loaded.doc.savedAt, ok: true,
        });
      } else if (r.code !== 'missing') {
        out.push({
          name, character: null, characterName: null, place: null, placeName: null, turn: null, savedAt: null,
          ok: false, problem: r.problem,
        });
      }
    }
    return out.sort((a, b) =>
      a.ok !== b.ok ? (a.ok ? -1 : 1)
        : a.ok && b.ok && a.savedAt !== b.savedAt ? (a.savedAt! < b.savedAt! ? 1 : -1)
          : a.name.localeCompare(b.name));
  }

  private cleanTmp(f: string): void {
    const pid = Number(TMP_RE.exec(f)![1]);
    const full = join(this.dir, f);
    try {
      const age = this.now().getTime() - this.fs.statSync(full).mtimeMs;
      if ((pid !== this.pid && !this.isAlive(pid)) || age > STALE_TMP_MS) this.fs.unlinkSync(full);
    } catch { /* gone already, or not ours to remove */ }
  }

  /** Deletes a slot (the caller asks the player first). */
  delete(name: string): Result {
    const n = checkSlotName(name);
    if (!n.ok) return { ok: false, code: 'bad-name', message: n.message };
    try {
      this.fs.unlinkSync(this.pathOf(n.name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, code: 'missing', message: say('save.missing', { name: n.name }) };
      return { ok: false, code: 'io', message: say('save.not_deleted', { name: n.name, reason: describeIoError(err) }) };
    }
    this.known.delete(n.name);
    this.syncDir();
    return { ok: true, value: undefined, message: say('save.deleted', { name: n.name }) };
  }
}

type Parsed = { ok: true; raw: Record<string, unknown>; disk: DiskDoc; from: number } | Extract<ReadOutcome, { ok: false }>;

/** A save's text as a document of today's format: JSON, an object, upgraded, and of a save's shape. */
function parseDoc(text: string): Parsed {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // editors on Windows add a BOM
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, code: 'broken', problem: parsed.problem };
  const raw = parsed.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, code: 'broken', problem: say('save.not_a_document') };
  }
  const doc = raw as Record<string, unknown>;
  const migrated = migrate(doc);
  if (!migrated.ok) {
    const newer = typeof doc.format === 'number' && doc.format > SAVE_FORMAT;
    return { ok: false, code: newer ? 'newer' : 'broken', problem: migrated.problem };
  }
  const valid = validateDiskDoc(migrated.doc);
  if (!valid.ok) return { ok: false, code: 'broken', problem: valid.problem };
  return { ok: true, raw: doc, disk: valid.doc, from: migrated.from };
}

/** The undo history a save keeps, newest last. A damaged one costs the history, never the game. */
function readUndo(disk: DiskDoc, name: string, world?: StoryIds): { undo: State[]; notes: string[] } {
  const renames = world?.game?.renamed;
  const decoded = decodeUndo(disk.state, disk.undo);
  const undo: State[] = [];
  let lost = decoded.broken;
  for (let i = decoded.undo.length - 1; i >= 0; i--) {
    const s = validateState(decoded.undo[i]);
    const older = s.ok ? applyRenames(s.state, renames) : null;
    if (!older || (world && checkAgainstWorld(world, older).length)) { lost = true; break; }
    undo.unshift(older);
  }
  const notes: string[] = [];
  if (lost) notes.push(undo.length ? say('save.undo_shortened', { count: undo.length, name }) : say('save.undo_lost', { name }));
  return { undo, notes };
}
