// Memory over a long interactive game: the built game in a real pty (`script`), `look` typed
// 1,000 times in batches of 10 (each batch waits until the screen is quiet), VmRSS read from
// /proc after 10 and after 1,000 turns, and the peak (VmHWM) at the end. Issue 15 asks for RSS
// after 1,000 within 10 MiB of RSS after 10, and a peak of at most 90 MB. `npm run bench` runs
// the same measurement (bench/run.ts imports measureMemory).
// Run: npm run bench:memory [-- --base DIR] [--turns N] [--pace MS [--key-ms MS]] [--node PATH]
//   --base DIR: another built checkout, measured first in the same run.
//   --pace MS: typed as a person types, key by key (--key-ms apart, 40 by default), MS after each
//   command, instead of in batches.
//   --node PATH: the Node that runs the game (this one by default).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface MemoryFigures {
  turns: number;
  /** VmRSS after the first 10 turns, MiB. */
  after10: number;
  /** VmRSS after all the turns, MiB. */
  afterAll: number;
  /** VmHWM at the end, MiB. */
  peak: number;
  /** Bytes the game wrote to the terminal. */
  bytes: number;
}

export interface MemoryOptions {
  turns?: number;
  /** Milliseconds between commands; 0: batches of 10, each when the screen is quiet. */
  pace?: number;
  /** With pace: milliseconds between the keys of a command. */
  keyMs?: number;
  /** The Node that runs the game. */
  node?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function status(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

/** Plays `look` `turns` times in a built checkout's interactive screen and reads its memory. */
export async function measureMemory(root: string, o: MemoryOptions = {}): Promise<MemoryFigures> {
  const turns = o.turns ?? 1000;
  const pace = o.pace ?? 0;
  const keyMs = o.keyMs ?? 40;
  const node = o.node ?? process.execPath;
  const home = mkdtempSync(join(tmpdir(), 'nd-mem-'));
  const bin = join(root, 'bin', 'nanodream.cjs');
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  delete env.NODE_EXTRA_CA_CERTS;
  const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${node} ${bin} --new --seed 1 --home ${home}`, '/dev/null'], { env });
  let last = Date.now();
  let bytes = 0;
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    last = Date.now();
    bytes += d.length;
    // Only the start is searched (for ink's first frame); the rest is counted.
    if (out.length < 200_000) out += d.toString('utf8');
  });
  /** Waits for output after `since` (the screen answered), then for 150 ms without any. */
  const answered = async (since: number) => {
    const until = Date.now() + 10_000;
    while (last <= since && Date.now() < until) await sleep(10);
    while (Date.now() - last < 150) await sleep(20);
  };
  try {
    let pid = 0;
    for (let i = 0; i < 100 && !pid; i++) {
      await sleep(50);
      pid = Number(spawnSync('pgrep', ['-f', '--', `nanodream.cjs --new --seed 1 --home ${home}`], { encoding: 'utf8' }).stdout.split('\n').find((p) => p && Number(p) !== child.pid && !spawnSync('ps', ['-o', 'comm=', '-p', p], { encoding: 'utf8' }).stdout.includes('script')) ?? 0);
    }
    if (!pid) throw new Error('the game did not start');
    // The opening is drawn before ink loads; ink's first frame follows the erase of that prompt
    // (src/ui/run.ts). Turns typed earlier would wait for ink, and "after 10" would be read
    // before ink and React were even loaded.
    const until = Date.now() + 15_000;
    for (;;) {
      const erase = out.indexOf('\x1b[2K\x1b[1A');
      if (erase >= 0 && /\n>/.test(out.slice(erase))) break;
      if (Date.now() > until) throw new Error(`ink did not start; output:\n${out.slice(-1000)}`);
      await sleep(20);
    }
    await answered(0);
    let after10 = NaN;
    const step = pace ? 1 : 10;
    for (let t = 0; t < turns; t += step) {
      const since = Date.now();
      if (pace) {
        // Typed as a person types: key by key, then a pause to read the reply.
        for (const key of 'look\r') {
          child.stdin.write(key);
          await sleep(keyMs);
        }
        await sleep(pace);
      } else {
        child.stdin.write('look\r'.repeat(10));
        await answered(since);
      }
      if (t + step === 10) {
        await answered(since);
        after10 = status(pid).rss;
      }
    }
    await answered(Date.now() - 200);
    const end = status(pid);
    child.stdin.write('\x03');
    await new Promise((r) => child.on('exit', r));
    return { turns, after10, afterAll: end.rss, peak: end.hwm, bytes };
  } finally {
    child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
}

export function describeMemory(m: MemoryFigures): string {
  return `RSS after 10 turns ${m.after10.toFixed(1)} MiB, after ${m.turns} ${m.afterAll.toFixed(1)} MiB (${m.afterAll >= m.after10 ? '+' : ''}${(m.afterAll - m.after10).toFixed(1)}), peak ${m.peak.toFixed(1)} MiB; ${(m.bytes / 1e6).toFixed(1)} MB drawn`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const base = opt('--base');
  const o: MemoryOptions = { turns: Number(opt('--turns') ?? 1000), pace: Number(opt('--pace') ?? 0), keyMs: Number(opt('--key-ms') ?? 40), node: opt('--node') };
  const here = resolve(import.meta.dirname, '..');
  if (base) console.log(`base: ${describeMemory(await measureMemory(resolve(base), o))}`);
  console.log(`this: ${describeMemory(await measureMemory(here, o))}`);
}
