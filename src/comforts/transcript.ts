// TRANSCRIPT ON/OFF: every command and reply written as plain text to a file in the player's
// folder. Disk access is injected; nothing here throws — problems come back as notes to show.
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import stripAnsi from 'strip-ansi';
import { describeIoError, mkdirCause } from '../saves/store.js';
import { checkSlotName } from '../saves/slot-name.js';
import type { Params } from './say.js';

export interface TranscriptFs {
  /** Creates the folder and its parents; fine if it exists. */
  mkdir(dir: string): void;
  append(file: string, text: string): void;
  exists(file: string): boolean;
}

export const nodeTranscriptFs: TranscriptFs = {
  mkdir: (dir) => void mkdirSync(dir, { recursive: true }),
  append: (file, text) => appendFileSync(file, text, 'utf8'),
  exists: (file) => existsSync(file),
};

/** A message for the player, by catalogue id. */
export interface Note {
  id: string;
  params?: Params;
}

export interface TranscriptDeps {
  fs?: TranscriptFs;
  now?: () => Date;
}

/** Folder for transcripts inside the player's nanodream folder. */
export const transcriptsDir = (home: string): string => join(home, 'transcripts');

const two = (n: number) => String(n).padStart(2, '0');
const dateStamp = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;

/** Text as it may go into a plain file: no escape codes, no control characters but newlines. */
export function plainText(text: string): string {
  return stripAnsi(text).replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

export class Transcript {
  private target: string | null = null;
  private readonly fs: TranscriptFs;
  private readonly now: () => Date;

  constructor(deps: TranscriptDeps = {}) {
    this.fs = deps.fs ?? nodeTranscriptFs;
    this.now = deps.now ?? (() => new Date());
  }

  get active(): boolean {
    return this.target !== null;
  }

  /** The file being written, or null. */
  get file(): string | null {
    return this.target;
  }

  /**
   * Starts writing. `name` is relative to `dir` (the player's transcripts folder) and may not
   * leave it; without a name, `transcript-<date>.txt` (numbered if that exists already).
   * `header` is written first (the game's title and the date, say).
   */
  start(name: string | undefined, dir: string, header?: string): Note {
    if (this.target) return { id: 'transcript.already', params: { file: this.target } };
    const root = resolve(dir);
    const picked = this.pickFile(name, root);
    if ('id' in picked) return picked;
    try {
      this.fs.mkdir(dirname(picked.file));
      const stamp = this.now();
      const when = Number.isNaN(stamp.getTime()) ? undefined : `${dateStamp(stamp)} ${two(stamp.getHours())}:${two(stamp.getMinutes())}`;
      const lines = [header, when].filter((x): x is string => !!x);
      this.fs.append(picked.file, plainText(`${lines.join('\n')}\n\n`));
    } catch (err) {
      const cause = mkdirCause({ existsSync: (f) => this.safeExists(f), mkdirSync: (d) => this.fs.mkdir(d) }, dirname(picked.file), err);
      return { id: 'transcript.failed', params: { file: picked.file, problem: describeIoError(cause) } };
    }
    this.target = picked.file;
    return { id: 'transcript.started', params: { file: picked.file } };
  }

  private pickFile(name: string | undefined, root: string): { file: string } | Note {
    let n = (name ?? '').trim().replace(/^(["'])(.*)\1$/, '$2').trim();
    if (!n) {
      const base = `transcript-${dateStamp(this.now())}`;
      let file = join(root, `${base}.txt`);
      for (let i = 2; i < 1000 && this.safeExists(file); i++) file = join(root, `${base}-${i}.txt`);
      return { file };
    }
    // A transcript is named like a save: letters, digits, spaces, "-" and "_" (and a .txt ending),
    // in the transcripts folder itself. A path is refused as leaving it.
    n = n.replace(/\.txt$/i, '');
    if (/[/\\]/.test(n) || n.startsWith('.')) return { id: 'transcript.outside', params: { name: n, dir: root } };
    const named = checkSlotName(n);
    if (!named.ok) return { id: 'transcript.bad_name', params: { name: n.replace(/[^\p{L}\p{N}\p{P}\p{Zs}]/gu, '').slice(0, 60) } };
    const file = resolve(root, `${named.name}.txt`);
    const rel = relative(root, file);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { id: 'transcript.outside', params: { name: n, dir: root } };
    return { file };
  }

  private safeExists(file: string): boolean {
    try {
      return this.fs.exists(file);
    } catch {
      return false;
    }
  }

  /** Adds one command and its reply. A note comes back only when writing failed (it stops then). */
  record(command: string, reply: string): Note | null {
    if (!this.target) return null;
    const text = plainText(`> ${command.trim()}\n${reply.replace(/\s+$/, '')}\n\n`);
    try {
      this.fs.append(this.target, text);
      return null;
    } catch (err) {
      const file = this.target;
      this.target = null;
      return { id: 'transcript.write_failed', params: { file, problem: describeIoError(err) } };
    }
  }

  /** Stops writing; `footer` is the last line written. */
  stop(footer?: string): Note {
    const file = this.target;
    if (!file) return { id: 'transcript.not_on' };
    this.target = null;
    if (footer) {
      try {
        this.fs.append(file, plainText(`${footer}\n`));
      } catch {
        // The transcript is complete without its last line; the player still gets it.
      }
    }
    return { id: 'transcript.stopped', params: { file } };
  }
}
