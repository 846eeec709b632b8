// The autosave's journal: an append-only file of the turns played since the autosave's snapshot
// was written, so keeping a turn costs one small write instead of re-encoding the whole game.
//
// `autosave.journal` starts with a header naming the snapshot it continues
// (`{"journal":"<id>"}`, the id the snapshot carries), then one line per turn:
// `{"n":<1, 2, …>,"i":"<input>","f":"<fingerprint of the state after the turn>"}`. The engine
// is deterministic, so the input redoes the turn; the fingerprint proves the redo matched.
//
// Durability, as SQLite's WAL with synchronous=NORMAL: a line is written (to the OS) before the
// turn's reply is shown, so it survives the death of the process; it reaches the disk at the next
// sync, which the host asks for at most once a second. A power loss can lose the last second and
// may leave a torn last line, which reading stops at. The snapshot is replaced atomically and a
// new journal is made by rename, so neither is ever half-written. A journal whose id is not the
// snapshot's (the process died between the two) belongs to an older snapshot and is ignored.

import { join } from 'node:path';
import type { FsLike } from './fs-like.js';

export const JOURNAL_FILE = 'autosave.journal';

export interface JournalEntry {
  /** The input, as typed. */
  i: string;
  /** Fingerprint of the state after the turn. */
  f: string;
}

type SyncFs = FsLike & {
  fdatasync?: (fd: number, cb: (err: NodeJS.ErrnoException | null) => void) => void;
};

/** The open journal of one save folder. Only the SaveStore uses it. */
export class Journal {
  private fd: number | null = null;
  private id: string | null = null;
  private count = 0;
  private dirty = false;
  private syncing = false;
  private closeAfterSync: number[] = [];

  constructor(private readonly dir: string, private readonly fs: SyncFs) {}

  get file(): string {
    return join(this.dir, JOURNAL_FILE);
  }

  /** Turns in the open journal. */
  get length(): number {
    return this.fd === null ? 0 : this.count;
  }

  get openId(): string | null {
    return this.fd === null ? null : this.id;
  }

  /**
   * Starts a new journal continuing the snapshot with this id (already on disk): a header-only
   * file renamed into place, then kept open for appending.
   */
  start(id: string, tmpSuffix: string): void {
    this.close();
    const tmp = `${this.file}.tmp-${tmpSuffix}`;
    let fd: number | undefined;
    try {
      fd = this.fs.openSync(tmp, 'wx', 0o644);
      const head = Buffer.from(`${JSON.stringify({ journal: id })}\n`, 'utf8');
      this.fs.writeSync(fd, head, 0, head.length);
      this.fs.closeSync(fd);
      fd = undefined;
      this.fs.renameSync(tmp, this.file);
    } catch (err) {
      if (fd !== undefined) try { this.fs.closeSync(fd); } catch { /* already failing */ }
      try { this.fs.unlinkSync(tmp); } catch { /* may not exist */ }
      throw err;
    }
    this.fd = this.fs.openSync(this.file, 'a');
    this.id = id;
    this.count = 0;
    this.dirty = false;
  }

  /** Appends turns in one write. Throws what the disk said; the caller then writes a snapshot. */
  append(entries: readonly JournalEntry[]): void {
    if (this.fd === null) throw new Error('the journal is not open');
    let text = '';
    for (const e of entries) text += `${JSON.stringify({ n: ++this.count, i: e.i, f: e.f })}\n`;
    const buf = Buffer.from(text, 'utf8');
    let off = 0;
    try {
      while (off < buf.length) off += this.fs.writeSync(this.fd, buf, off, buf.length - off);
    } catch (err) {
      // A torn line ends what can be read: nothing more may be appended after it.
      this.close();
      throw err;
    }
    this.dirty = true;
  }

  /**
   * Puts the appended turns on the disk. `wait` (at exit) syncs now; otherwise the sync runs in
   * the background so no turn waits for the disk.
   */
  sync(wait = false): void {
    const fd = this.fd;
    if (fd === null || !this.dirty) return;
    this.dirty = false;
    const fdatasync = this.fs.fdatasync;
    if (wait || !fdatasync) {
      try { this.fs.fsyncSync(fd); } catch { /* the next snapshot is written with its own sync */ }
      return;
    }
    if (this.syncing) {
      this.dirty = true;
      return;
    }
    this.syncing = true;
    fdatasync(fd, () => {
      this.syncing = false;
      for (const old of this.closeAfterSync.splice(0)) try { this.fs.closeSync(old); } catch { /* ignore */ }
    });
  }

  /** Closes the file (at exit, or when a new snapshot replaces it). */
  close(): void {
    const fd = this.fd;
    this.fd = null;
    if (fd === null) return;
    if (this.dirty) {
      this.dirty = false;
      try { this.fs.fsyncSync(fd); } catch { /* best effort */ }
    }
    // A background sync still uses the descriptor: close it when that ends.
    if (this.syncing) this.closeAfterSync.push(fd);
    else try { this.fs.closeSync(fd); } catch { /* ignore */ }
  }

  /**
   * The turns a journal on disk holds for the snapshot with this id, stopping at the first line
   * that is torn, damaged or out of order; null when there is no journal for that snapshot.
   */
  read(id: string, file = this.file): JournalEntry[] | null {
    let text: string;
    try {
      text = this.fs.readFileSync(file, 'utf8') as string;
    } catch {
      return null;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = text.split('\n');
    let head: unknown;
    try {
      head = JSON.parse(lines[0] ?? '');
    } catch {
      return null;
    }
    if (typeof head !== 'object' || head === null || (head as { journal?: unknown }).journal !== id) return null;
    const out: JournalEntry[] = [];
    // The last piece has no line ending: torn (or empty), never used.
    for (let k = 1; k < lines.length - 1; k++) {
      let e: unknown;
      try {
        e = JSON.parse(lines[k]!);
      } catch {
        break;
      }
      if (typeof e !== 'object' || e === null) break;
      const { n, i, f } = e as { n?: unknown; i?: unknown; f?: unknown };
      if (n !== out.length + 1 || typeof i !== 'string' || typeof f !== 'string') break;
      out.push({ i, f });
    }
    return out;
  }
}
