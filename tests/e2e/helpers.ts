// Runs the built game where players meet it: bin/nanodream.cjs as a child process, and inside a
// real pseudo-terminal through tmux (each test server on its own socket).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll } from 'vitest';
import { makeTemp } from '../temp.js';

/** The package under test; NANODREAM_E2E_ROOT points at another checkout (e.g. a clean build). */
export const ROOT = resolve(process.env.NANODREAM_E2E_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const BIN = join(ROOT, 'bin', 'nanodream.cjs');

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/** Builds dist/ when it is missing, so the tests run the same bundle players get. */
/** Builds the game when a file of the build is missing (npm test builds first, so rarely). */
export function ensureBuilt(): void {
  const made = ['core.cjs', 'start.cjs', 'extra.cjs', 'content.json', 'ui/run.js'];
  if (made.every((f) => existsSync(join(ROOT, 'dist', f)))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}

export function tempHome(): { dir: string; remove: () => void } {
  const dir = makeTemp('nd-e2e-');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 }) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let servers = 0;

/** One tmux server with one window running a bare shell whose prompt is `$ `. */
export class TmuxTerm {
  readonly socket = `nd-test-${process.pid}-${servers++}`;

  constructor(readonly width = 100, readonly height = 30, env: Record<string, string> = {}) {
    const vars = Object.entries({ PS1: '$ ', TERM: 'xterm-256color', ...env }).map(([k, v]) => `${k}=${v}`);
    // No CI variables inside: the game is meant to see an ordinary terminal.
    this.tmux('new-session', '-d', '-x', String(width), '-y', String(height), 'env', '-u', 'CI', '-u', 'CONTINUOUS_INTEGRATION', ...vars,
      'bash', '--norc', '--noprofile');
    this.tmux('set-option', '-g', 'status', 'off');
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Text typed literally, then optionally Enter. */
  type(text: string, enter = true): void {
    this.tmux('send-keys', '-l', text);
    if (enter) this.tmux('send-keys', 'Enter');
  }

  keys(...names: string[]): void {
    this.tmux('send-keys', ...names);
  }

  /** The visible pane; `history` adds the scrollback above it. */
  screen(opts: { escapes?: boolean; join?: boolean; history?: boolean } = {}): string {
    const flags = ['-p', ...(opts.escapes ? ['-e'] : []), ...(opts.join ? ['-J'] : []), ...(opts.history ? ['-S', '-'] : [])];
    return this.tmux('capture-pane', ...flags);
  }

  /** Pane lines without trailing blank rows. */
  lines(opts: { join?: boolean } = {}): string[] {
    const l = this.screen(opts).split('\n').map((x) => x.trimEnd());
    while (l.length && l[l.length - 1] === '') l.pop();
    return l;
  }

  /** Count of scrollback-and-screen lines equal to `line` (trailing spaces ignored). */
  count(line: string): number {
    return this.screen({ history: true }).split('\n').filter((l) => l.trimEnd() === line).length;
  }

  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 8000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let s = '';
    for (;;) {
      s = this.screen();
      if (test(s)) return s;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen shows:\n${s}`);
      await sleep(20);
    }
  }

  /** Waits until the screen stops changing for `quietMs`. */
  async settle(quietMs = 150, timeoutMs = 5000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let last = this.screen();
    let since = Date.now();
    while (Date.now() < until) {
      await sleep(25);
      const s = this.screen();
      if (s !== last) {
        last = s;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) break;
    }
    return last;
  }

  cursorVisible(): boolean {
    return this.tmux('display-message', '-p', '#{cursor_flag}').trim() === '1';
  }

  /** The processes under the pane's shell (the game among them), deepest last. */
  private paneProcesses(): number[] {
    let pids: number[] = [];
    try {
      pids = [Number(this.tmux('display-message', '-p', '#{pane_pid}').trim())];
    } catch {
      return [];
    }
    for (let i = 0; i < pids.length; i++) {
      const r = spawnSync('pgrep', ['-P', String(pids[i])], { encoding: 'utf8' });
      pids.push(...r.stdout.split('\n').filter(Boolean).map(Number));
    }
    return pids.filter((p) => p > 0);
  }

  /**
   * Ends the terminal and waits for the game in it to be gone: a game hung up on saves as it
   * exits, so removing its home before then would race with that save.
   */
  async kill(): Promise<void> {
    const pids = this.paneProcesses();
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
    // A zombie has exited; only its parent's bookkeeping is left.
    const alive = (pid: number) => {
      try {
        return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return false;
      }
    };
    const until = Date.now() + 5000;
    while (pids.some(alive) && Date.now() < until) await sleep(20);
  }
}

/** The last prompt line of the game: `>` alone, as the input line shows it when empty. */
export const promptShown = (s: string): boolean => s.split('\n').some((l) => l.trimEnd() === '>');

/**
 * For a describe block: builds the game once, and gives each test a shell in tmux with a home
 * of its own (`prepare` may fill the home first); after each test the terminal is closed, the
 * game in it has exited, and the home is removed.
 */
export function terminalPerTest() {
  let term: TmuxTerm | null = null;
  let home: ReturnType<typeof tempHome> | null = null;
  beforeAll(() => ensureBuilt(), 240_000);
  afterEach(async () => {
    await term?.kill();
    home?.remove();
    term = null;
    home = null;
  });
  return {
    async shell(width = 100, height = 30, env: Record<string, string> = {}, prepare?: (homeDir: string) => void): Promise<TmuxTerm> {
      home = tempHome();
      prepare?.(home.dir);
      term = new TmuxTerm(width, height, { NANODREAM_HOME: home.dir, ...env });
      await term.waitFor((s) => s.includes('$'), 'the shell prompt');
      return term;
    },
    homeDir: (): string => home!.dir,
  };
}
