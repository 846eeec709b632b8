// Starts the built game: loads dist/core.cjs and runs the command line with the process's
// streams. On Node 22.1 and later, Node's own compile cache (module.enableCompileCache) keeps
// the compiled code between runs; on Node 20 the game runs uncached.
//
// This is the process edge (it looks at the environment, handles signals and the output pipe);
// the game itself (dist/core.cjs) is the CommonJS bundle of src/cli/main.ts, and the interactive
// screen (ink) is a separate ES module bundle it asks for through `io.loadUi`.
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { join } from 'node:path';
import type { Io } from './play.js';
import { systemText as say } from '../content/system.js';

type Main = (argv: string[], io: Io) => Promise<number>;
type UiModule = typeof import('../ui/run.js');
const UI_BUNDLE = './ui/run.js';

export interface StartOptions {
  argv: string[];
}

/** dist/core.cjs's `main`, with a plain require. */
export function loadCore(): Main {
  const file = join(import.meta.dirname, 'core.cjs');
  let core: { main?: Main };
  try {
    core = createRequire(file)(file) as { main?: Main };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') {
      throw new Error(say('cli.not_built'));
    }
    throw e;
  }
  if (typeof core.main !== 'function') throw new Error(say('cli.no_main'));
  return core.main;
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

/** Ctrl+Z for a screen whose terminal is raw: the whole process group stops, so `npm start` does too. */
function suspend(resumed: () => void): boolean {
  if (process.platform === 'win32') return false;
  process.once('SIGCONT', resumed);
  process.kill(0, 'SIGTSTP');
  return true;
}

export async function start(o: StartOptions): Promise<void> {
  const main = loadCore();
  // A closed pipe (`nanodream | head`) is not an error worth a trace; the autosave runs on exit.
  // Any other write error (a full disk, `> /dev/full`; a failing one) ends the run with one line
  // on stderr and status 1; the autosave is written first, by the exit handlers.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    const why = e.code === 'ENOSPC' ? say('io.disk_full') : e.code === 'EIO' ? say('cli.output_io_error') : say('io.system_refused', { code: e.code ?? say('cli.unknown_error') });
    try {
      process.stderr.write(`nanodream: ${say('cli.output_failed', { reason: why })}\n`);
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
    onShutdown,
    suspend,
  });
}
