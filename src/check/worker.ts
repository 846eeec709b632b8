// A worker thread of the parallel search: see expander.ts for what it does, parallel.ts for how
// it is driven. Messages: `{ known, items }` -> `{ results }`; `{ finish: true }` -> `{ finish }`.
import { parentPort, workerData } from 'node:worker_threads';
import type { World } from '../engine/types.js';
import { Expander, type WorkItem } from './expander.js';
import type { GenOptions } from './commands.js';

const { world, gen, unshown } = workerData as { world: World; gen: GenOptions; unshown?: boolean };
const ex = new Expander(world, gen, unshown);

parentPort!.on('message', (m: { known?: [string, string[], number][]; items?: WorkItem[]; finish?: boolean }) => {
  if (m.finish) {
    parentPort!.postMessage({ finish: ex.finish() });
    return;
  }
  ex.learn(m.known ?? []);
  parentPort!.postMessage({ results: (m.items ?? []).map((i) => ex.expand(i)) });
});
