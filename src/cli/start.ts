// Starts the built game: loads dist/core.cjs with V8's code cache and runs the command line.
//
// Most of a short run (a piped walkthrough, `--help`) is V8 compiling functions it will run once.
// V8 can hand back what it compiled (`createCachedData`, taken at exit so it includes every
// function the run used) and take it again next time, so the second and later runs skip the
// compiling. The cache is one file per build, Node version and set of V8 flags, in the player's
// cache folder; it is only ever an optimisation: missing, stale, damaged or unwritable, the game
// runs the same from source. NANODREAM_NO_CACHE=1 turns it off, NANODREAM_CACHE_DIR moves it.
//
// This is the process edge (it reads and writes files, looks at the environment); the game
// itself (dist/core.cjs) is the CommonJS bundle of src/cli/main.ts, and the interactive screen
// (ink) is a separate ES module bundle it asks for through `io.loadUi`.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants, homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { Io } from './play.js';

type Main = (argv: string[], io: Io) => Promise<number>;
type UiModule = typeof import('../ui/run.js');
const UI_BUNDLE = './ui/run.js';

/** The folder for the code cache, or null when caching is off. */
export function cacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string | null {
  if (env.NANODREAM_NO_CACHE && env.NANODREAM_NO_CACHE !== '0') return null;
  if (env.NANODREAM_CACHE_DIR) return env.NANODREAM_CACHE_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'nanodream', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'nanodream');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'nanodream');
}

/** The build id the build wrote on the bundle's first line (`// nanodream-build <id>`). */
export function buildId(source: string): string | null {
  return /^\/\/ nanodream-build ([0-9a-f]{8,64})\n/.exec(source)?.[1] ?? null;
}

/** The cache file's name: the build, the Node version and the V8 flag set all change the code. */
export function cacheName(id: string, flags: string, version = process.version, arch = process.arch): string {
  return `core-${id}-${version}-${arch}-${flags}.v8`;
}

// The header: this text, the data's length, its crc32, and the turns played by the run that
// wrote it (a run that played more turns compiled more of the game, see loadCore).
const MAGIC = 'nanodream-v8-2\n';
const HEAD = MAGIC.length + 12;
/** A cache made by a run of this many turns holds nearly all of the game's code. */
export const ENOUGH_TURNS = 50;

export interface CacheFile {
  data: Buffer;
  /** Turns played by the run that wrote it. */
  turns: number;
}

/** crc32, when this Node has it (20.15 and later): a damaged file must never reach V8. */
function crcOf(require: NodeJS.Require): ((b: Uint8Array) => number) | null {
  const zlib = require('node:zlib') as { crc32?: (b: Uint8Array) => number };
  return typeof zlib.crc32 === 'function' ? zlib.crc32 : null;
}

/** The V8 data in a cache file; 'damaged' when the file is not one we wrote, intact. */
export function readCache(file: string, crc32: (b: Uint8Array) => number): CacheFile | 'missing' | 'damaged' {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return 'missing';
  }
  if (buf.length <= HEAD || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) return 'damaged';
  const length = buf.readUInt32LE(MAGIC.length);
  const sum = buf.readUInt32LE(MAGIC.length + 4);
  const turns = buf.readUInt32LE(MAGIC.length + 8);
  const data = buf.subarray(HEAD);
  if (data.length !== length || crc32(data) !== sum) return 'damaged';
  return { data, turns };
}

/** Cache files not rewritten for this long are removed when another is written. */
export const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * Writes a cache file whole or not at all (a temporary file renamed into place), and removes
 * files left by builds or Node versions unused for a month (other installs of the game may still
 * use theirs: each keeps its own file). Failures are ignored: the cache is only a speed-up.
 */
export function writeCache(dir: string, name: string, file: CacheFile, crc32: (b: Uint8Array) => number, now = Date.now()): boolean {
  const { data } = file;
  const tmp = join(dir, `${name}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const head = Buffer.alloc(HEAD);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(data.length, MAGIC.length);
    head.writeUInt32LE(crc32(data), MAGIC.length + 4);
    head.writeUInt32LE(Math.min(file.turns, 0xffffffff), MAGIC.length + 8);
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, head);
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(dir, name));
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // There was no folder to leave it in.
    }
    return false;
  }
  try {
    for (const f of readdirSync(dir)) {
      if (f === name || !f.startsWith('core-')) continue;
      const file = join(dir, f);
      // A temporary file is only ever that old when its writer died.
      const limit = f.endsWith('.tmp') ? 3600 * 1000 : STALE_MS;
      if (now - statSync(file).mtimeMs > limit) rmSync(file, { force: true });
    }
  } catch {
    // Leftovers cost only disk space.
  }
  return true;
}

export interface StartOptions {
  /** Which V8 flags the launcher set (they are part of what the cached code depends on). */
  flags: string;
  argv: string[];
}

/**
 * Loads dist/core.cjs (through the cache when it can) and returns its `main`. `turns()` says at
 * exit how many turns the run played: a cache is written when there was none (or V8 refused it),
 * and written again when this run played more turns than the one that wrote it, until one of
 * ENOUGH_TURNS has (so a first run that only asked for --help does not leave a thin cache).
 */
export function loadCore(env: NodeJS.ProcessEnv, flags: string, turns: () => number = () => 0): Main {
  const file = join(import.meta.dirname, 'core.cjs');
  const require = createRequire(file);
  // The build writes pure ASCII: read as latin1, it becomes a one-byte string with no decoding.
  let source: string;
  try {
    source = readFileSync(file, 'latin1');
  } catch {
    throw new Error('the game is not built (dist/core.cjs is missing): run `npm install` or `npm run build` in its folder');
  }
  const id = buildId(source);
  const dir = id ? cacheDir(env) : null;
  const crc32 = dir ? crcOf(require) : null;
  const name = id ? cacheName(id, flags) : '';
  const found = dir && crc32 ? readCache(join(dir, name), crc32) : 'off';
  const cached = typeof found === 'string' ? undefined : found;
  // The file is one function expression (the build wraps the CommonJS code in it).
  const script = new Script(source, { filename: file, cachedData: cached?.data });
  if (dir && crc32) {
    const stale = !cached || script.cachedDataRejected;
    // Taken at exit, the cache holds every function this run compiled.
    process.once('exit', () => {
      const played = turns();
      if (!stale && (cached.turns >= ENOUGH_TURNS || played <= cached.turns)) return;
      try {
        const wrote = writeCache(dir, name, { data: script.createCachedData(), turns: played }, crc32);
        if (wrote && env.NANODREAM_DEBUG_CACHE) process.stderr.write(`nanodream: code cache written after ${played} turns\n`);
      } catch {
        // Nothing to lose.
      }
    });
  }
  if (env.NANODREAM_DEBUG_CACHE) {
    process.stderr.write(`nanodream: code cache ${typeof found === 'string' ? found : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
  }
  const module = { exports: {} as { main?: Main } };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, require, module, file, import.meta.dirname);
  if (typeof module.exports.main !== 'function') throw new Error('dist/core.cjs has no main: run `npm run build`.');
  return module.exports.main;
}

/** Signals that end a run: each still lets the autosave finish first (`exit` handlers run). */
const ENDING_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGPIPE'] as const;

/**
 * Runs `fn` before the process ends, whether it exits, its output pipe closes, or one of
 * ENDING_SIGNALS arrives (128 + the signal's number is the exit code, as a shell reports it).
 */
function onShutdown(fn: () => void): void {
  process.once('exit', () => {
    try {
      fn();
    } catch {
      // Exiting anyway; the journal already holds every turn that was answered.
    }
  });
  // Once per process, whoever else listens (proper-lockfile's signal-exit does, to drop its lock
  // in its own exit handler, and it re-raises the signal when it is the only listener).
  if (signalsHandled) return;
  signalsHandled = true;
  for (const sig of ENDING_SIGNALS) process.on(sig, () => process.exit(128 + (constants.signals[sig] ?? 0)));
}
let signalsHandled = false;

export async function start(o: StartOptions): Promise<void> {
  let turns = 0;
  const main = loadCore(process.env, o.flags, () => turns);
  // A closed pipe (`nanodream | head`) is not an error worth a trace; the autosave runs on exit.
  // Any other write error (a full disk, `> /dev/full`; a failing one) ends the run with one line
  // on stderr and status 1; the autosave is written first, by the exit handlers.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    const why = e.code === 'ENOSPC' ? 'the disk is full' : e.code === 'EIO' ? 'the device reported an input/output error' : `the system refused it (${e.code ?? 'unknown error'})`;
    try {
      process.stderr.write(`nanodream: the game's output could not be written: ${why}. Your game is saved; run nanodream again to continue.\n`);
    } catch { /* nowhere left to say it */ }
    process.exit(1);
  });
  process.exitCode = await main(o.argv, {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    now: () => new Date(),
    // Beside this file in dist/ (a name in a variable: the source tree has no such file).
    loadUi: () => import(UI_BUNDLE) as Promise<UiModule>,
    onTurn: () => {
      turns++;
    },
    onShutdown,
  });
}
