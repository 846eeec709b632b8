// Memory over a long interactive game: the built game in a real pty (`script`), `look` typed
// 1,000 times in batches of 10 (each batch waits until the screen is quiet), VmRSS read from
// /proc after 10 and after 1,000 turns, and the peak (VmHWM) at the end. Issue 15 asks for RSS
// after 1,000 within 10 MiB of RSS after 10, and a peak of at most 90 MB.
// Run: npm run bench:memory [-- --base DIR] [--turns N]   (DIR: another built checkout)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const base = opt('--base');
const TURNS = Number(opt('--turns') ?? 1000);
/** Milliseconds between commands; 0: batches of 10, each when the screen is quiet. */
const PACE = Number(opt('--pace') ?? 0);
/** With --pace: milliseconds between the keys of a command. */
const KEY_MS = Number(opt('--key-ms') ?? 40);
const here = resolve(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function status(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function measure(root: string): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'nd-mem-'));
  const bin = join(root, 'bin', 'nanodream.cjs');
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  delete env.CI;
  delete env.NODE_EXTRA_CA_CERTS;
  const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${process.execPath} ${bin} --new --seed 1 --home ${home}`, '/dev/null'], { env });
  let last = Date.now();
  let bytes = 0;
  let out = '';
  child.stdout.on('data', (d: Buffer) => { last = Date.now(); bytes += d.length; if (process.env.ND_MEM_DEBUG) out += d; });
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
    await answered(0);
    let after10 = 0;
    for (let t = 0; t < TURNS; t += PACE ? 1 : 10) {
      const since = Date.now();
      if (PACE) {
        // Typed as a person types: key by key, then a pause to read the reply.
        for (const key of 'look\r') {
          child.stdin.write(key);
          await sleep(KEY_MS);
        }
        await sleep(PACE);
      } else {
        child.stdin.write('look\r'.repeat(10));
        await answered(since);
      }
      if (t + (PACE ? 1 : 10) === 10) {
        await answered(since);
        after10 = status(pid).rss;
      }
    }
    await answered(Date.now() - 200);
    const end = status(pid);
    if (process.env.ND_MEM_DEBUG) console.error(out.slice(-1500));
    child.stdin.write('\x03');
    await new Promise((r) => child.on('exit', r));
    return `RSS after 10 turns ${after10.toFixed(1)} MiB, after ${TURNS} ${end.rss.toFixed(1)} MiB (+${(end.rss - after10).toFixed(1)}), peak ${end.hwm.toFixed(1)} MiB; ${(bytes / 1e6).toFixed(1)} MB drawn`;
  } finally {
    child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
}

if (base) console.log(`base: ${await measure(resolve(base))}`);
console.log(`this: ${await measure(here)}`);
