// The thorough fuzz run (npm test runs 10,000 commands; this runs as many as you ask).
// Run: npm run fuzz -- [--commands 200000] [--seed 1] [--every 8] [--walks 200]
// Prints the commands played, the start states, the exceptions by class (each with the
// shortest reproduction: the seed and the lines from a new game) and the time taken.
// Exits 1 if any command threw.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/content/load.js';
import { play } from '../src/engine/index.js';
import { describeReport, fuzz, startStates } from '../tests/fuzz/fuzz.js';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) {
    console.error(`${name} wants a number`);
    process.exit(2);
  }
  return v;
};
const commands = opt('--commands', 200_000);
const seed = opt('--seed', 1);
const every = opt('--every', 8);
const walks = opt('--walks', 200);

const world = loadContent(join(import.meta.dirname, '../content'));
const t0 = performance.now();
const starts = startStates(world, { every, walks, walkLength: 12, seed });
const t1 = performance.now();
const report = fuzz(world, starts, { commands, seed, play });
const t2 = performance.now();
for (const l of describeReport(report)) console.log(l);
console.log(`seed: ${seed}`);
console.log(`time: ${((t1 - t0) / 1000).toFixed(1)} s for the start states, ${((t2 - t1) / 1000).toFixed(1)} s for the commands (${Math.round(report.commands / ((t2 - t1) / 1000))} commands/s)`);
process.exit(report.exceptions === 0 ? 0 : 1);
