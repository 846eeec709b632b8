// The prose check (prose.ts) in a worker thread, run while the parallel search runs: the tagger
// takes seconds, and the search's threads need the main one. workerData `{ world, dir }` -> one
// message, the ProseReport. The thread's file is prose-worker.ts from source; built, a two-line
// dist/prose-worker.cjs calls this from dist/extra.cjs, which holds the tagger already.
import { parentPort, workerData } from 'node:worker_threads';
import type { World } from '../engine/types.js';
import { contentSources } from '../content/sources.js';
import { checkProse } from './prose.js';

export function proseThread(): void {
  const { world, dir } = workerData as { world: World; dir: string };
  parentPort!.postMessage(checkProse(world, contentSources(dir)));
}
