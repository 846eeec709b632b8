// What keeping a turn costs, measured from outside the game, A/B against another build.
// Run: npm run bench:paced -- [--base DIR] [--rounds N] [--walkthrough FILE]
//
// paced: the built game in line mode (`--plain`, a fresh home, autosave on) is typed one command
//   at a time; the time from writing the command to seeing the next prompt is one turn. The
//   longest walkthrough is played whole each round; p50 and p99 are over every turn of all rounds.
// piped: the same walkthrough piped in at once (`nanodream --plain --new < moves`), whole process
//   wall time, median of the rounds.
// With --base, each round runs the other build's bin too (interleaved, same machine load), e.g.
// the pristine checkout: npm run bench:paced -- --base /work/wt/base. Time it with
// `env -u NODE_EXTRA_CA_CERTS` (that variable slows every Node start).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(opt('--rounds') ?? 5);
const base = opt('--base');
const walkDir = join(root, 'tests/playthroughs');
const walk = opt('--walkthrough')
  ?? readdirSync(walkDir).filter((f) => f.endsWith('.txt')).map((f) => join(walkDir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
const commands = readFileSync(walk, 'utf8').split('\n').filter((l) => l.startsWith('>')).map((l) => l.slice(1).trim());

const builds: { name: string; bin: string }[] = [{ name: 'this', bin: join(root, 'bin/nanodream.cjs') }];
if (base) builds.unshift({ name: 'base', bin: join(base, 'bin/nanodream.cjs') });

// Each build keeps its V8 code cache as a player's would (one warm-up run fills it).
const cache = mkdtempSync(join(tmpdir(), 'nd-paced-cache-'));
const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NANODREAM_CACHE_DIR: cache };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NANODREAM_NO_CACHE;

/** Plays the walkthrough a command at a time; returns each turn's milliseconds. */
function paced(bin: string): Promise<number[]> {
  const home = mkdtempSync(join(tmpdir(), 'nd-paced-'));
  const child = spawn(process.execPath, [bin, '--plain', '--new', '--home', home], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const times: number[] = [];
  let seen = '';
  let next = 0;
  let sentAt = 0;
  return new Promise((resolve, reject) => {
    const send = () => {
      if (next >= commands.length) {
        child.stdin.end();
        return;
      }
      sentAt = performance.now();
      child.stdin.write(`${commands[next++]}\n`);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      seen += chunk;
      if (!seen.endsWith('\n> ')) return;
      if (sentAt) times.push(performance.now() - sentAt);
      seen = '';
      send();
    });
    child.on('error', reject);
    child.on('close', () => {
      rmSync(home, { recursive: true, force: true });
      resolve(times);
    });
  });
}

/** The walkthrough piped in at once; the whole run's wall time in ms. */
function piped(bin: string): number {
  const home = mkdtempSync(join(tmpdir(), 'nd-piped-'));
  const input = `${commands.join('\n')}\n`;
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, '--plain', '--new', '--home', home], { env, input, stdio: ['pipe', 'ignore', 'inherit'] });
  const ms = performance.now() - t;
  rmSync(home, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`${bin} exited ${r.status}`);
  return ms;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))]!;
};

for (const b of builds) piped(b.bin);
const turns = new Map<string, number[]>(builds.map((b) => [b.name, []]));
/** The same, without each game's first two turns (cold code, and the new game's first snapshot). */
const steady = new Map<string, number[]>(builds.map((b) => [b.name, []]));
const whole = new Map<string, number[]>(builds.map((b) => [b.name, []]));
for (let r = 0; r < rounds; r++) {
  // Alternate which build goes first, so neither always meets a warmer disk cache.
  const order = r % 2 ? [...builds].reverse() : builds;
  for (const b of order) {
    const t = await paced(b.bin);
    turns.get(b.name)!.push(...t);
    steady.get(b.name)!.push(...t.slice(2));
    whole.get(b.name)!.push(piped(b.bin));
  }
}
rmSync(cache, { recursive: true, force: true });
console.log(`walkthrough ${walk.split('/').pop()}: ${commands.length} commands, ${rounds} rounds`);
for (const b of builds) {
  const t = turns.get(b.name)!;
  console.log(
    `${b.name.padEnd(5)} paced turn (with autosave): p50 ${pct(t, 0.5).toFixed(2)} ms, p90 ${pct(t, 0.9).toFixed(2)} ms, p99 ${pct(t, 0.99).toFixed(2)} ms, max ${pct(t, 1).toFixed(2)} ms (${t.length} turns)`
    + `; after each game's first 2 turns: p50 ${pct(steady.get(b.name)!, 0.5).toFixed(2)} ms, p99 ${pct(steady.get(b.name)!, 0.99).toFixed(2)} ms`
    + `; piped walkthrough: median ${pct(whole.get(b.name)!, 0.5).toFixed(0)} ms`,
  );
}
