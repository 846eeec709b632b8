// A worker thread that runs the prose check (prose.ts) while the parallel search runs: the tagger
// takes seconds, and the search's threads need the main one. workerData `{ world, dir }` ->
// one message, the ProseReport.
import { parentPort, workerData } from 'node:worker_threads';
import type { World } from '../engine/types.js';
import { contentSources } from '../content/sources.js';
import { checkProse } from './prose.js';

const { world, dir } = workerData as { world: World; dir: string };
parentPort!.postMessage(checkProse(world, contentSources(dir)));
