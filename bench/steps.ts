// Engine steps, A/B: the same measurement as `npm run bench`'s "engine step" rows (the longest
// walkthrough played through `step` 30 times, the first 3 rounds warming the JIT), for this
// checkout and another one, in one process, rounds interleaved so both see the same machine.
// Run: npm run bench:steps -- --base DIR [--rounds 30]
//   DIR is another checkout with node_modules (e.g. a git worktree of the commit before a
//   change); each side plays its own content and its own longest walkthrough.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(opt('--rounds') ?? 30);
const base = opt('--base');
const here = resolve(import.meta.dirname, '..');

interface Side {
  name: string;
  run: () => number[];
}

function longest(root: string): string[] {
  const dir = join(root, 'tests', 'playthroughs');
  let best: string[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
    const p = join(dir, f);
    if (!statSync(p).isFile()) continue;
    const cmds = readFileSync(p, 'utf8').split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());
    if (cmds.length > best.length) best = cmds;
  }
  return best;
}

async function side(root: string, name: string): Promise<Side> {
  const url = (p: string) => pathToFileURL(join(root, p)).href;
  const { loadContent } = await import(url('src/content/load.ts'));
  const { step, initialState } = await import(url('src/engine/index.ts'));
  const world = loadContent(join(root, 'content'));
  const commands = longest(root);
  return {
    name: `${name} (${commands.length} commands)`,
    run: () => {
      const times: number[] = [];
      let s = initialState(world, 1);
      for (const c of commands) {
        const t0 = performance.now();
        s = step(world, s, c).state;
        times.push(performance.now() - t0);
      }
      return times;
    },
  };
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};

const sides = [await side(here, 'this checkout')];
if (base) {
  if (!existsSync(join(base, 'node_modules'))) {
    console.error(`${base} has no node_modules; run npm ci there first.`);
    process.exit(2);
  }
  sides.unshift(await side(resolve(base), `base ${base}`));
}
const times = sides.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) {
  sides.forEach((sd, i) => {
    const t = sd.run();
    if (r >= 3) times[i]?.push(...t);
  });
}
for (const [i, sd] of sides.entries()) {
  const t = times[i] ?? [];
  console.log(`${sd.name}: step median ${q(t, 0.5).toFixed(4)} ms, p99 ${q(t, 0.99).toFixed(4)} ms over ${t.length} steps`);
}
if (sides.length === 2) {
  const [a, b] = times;
  console.log(`ratio this/base: median ${(q(b ?? [], 0.5) / q(a ?? [], 0.5)).toFixed(2)}, p99 ${(q(b ?? [], 0.99) / q(a ?? [], 0.99)).toFixed(2)}`);
}
