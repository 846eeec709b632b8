// How long the interactive screen animates glitches in each turn of the longest walkthrough:
// the real story played through the screen's model (src/ui/model.ts), keys typed one by one,
// with its timers run by hand and their delays added up. Issue 15 asks for at most 1.5 s a turn.
// Run: npx tsx bench/animation.ts [--base DIR]   (DIR: another checkout, measured the same way)
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { longestWalkthrough } from './walkthrough.js';

const args = process.argv.slice(2);
const base = args.includes('--base') ? args[args.indexOf('--base') + 1] : undefined;
const here = resolve(import.meta.dirname, '..');


async function measure(root: string): Promise<string> {
  const url = (p: string) => pathToFileURL(join(root, p)).href;
  const { loadContent } = await import(url('src/content/load.ts'));
  const { GameHost } = await import(url('src/host/host.ts'));
  const { UiModel } = await import(url('src/ui/model.ts'));
  const world = loadContent(join(root, 'content'));
  const walk = longestWalkthrough(root);
  const host = new GameHost({ world, seed: 1, store: null, gameVersion: 'bench' });
  host.start({ kind: 'new' });
  const pending: Array<{ fn: () => void; ms: number }> = [];
  const timers = {
    set: (fn: () => void, ms: number) => { const t = { fn, ms }; pending.push(t); return t; },
    clear: (t: unknown) => { const i = pending.indexOf(t as never); if (i >= 0) pending.splice(i, 1); },
  };
  const model = new UiModel({
    host, render: { color: false, width: 99, screenReader: false, reducedMotion: false },
    screen: { columns: () => 100, rows: () => 32 }, explicitWidth: false, timers,
  });
  const perTurn: Array<{ command: string; act: number; ms: number }> = [];
  for (const command of walk.commands) {
    for (const c of command) model.input(c);
    model.input('\r');
    let ms = 0;
    while (pending.length) {
      const t = pending.shift()!;
      ms += t.ms;
      t.fn();
    }
    if (ms > 0) perTurn.push({ command, act: host.state.act, ms });
  }
  const worst = perTurn.reduce((a, b) => (b.ms > a.ms ? b : a), { command: '-', act: 0, ms: 0 });
  const act3 = perTurn.filter((t) => t.act === 3).reduce((a, b) => Math.max(a, b.ms), 0);
  const sorted = perTurn.map((t) => t.ms).sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
  return `${walk.name} (${walk.commands.length} commands): ${perTurn.length} turns animate; longest ${worst.ms} ms ("${worst.command}", act ${worst.act}); longest in act 3 ${act3} ms; median ${median} ms`;
}

if (base) console.log(`base: ${await measure(resolve(base))}`);
console.log(`this: ${await measure(here)}`);
