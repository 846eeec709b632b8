import { join } from 'node:path';
import { loadContent } from '../src/content/load.js';
import { explore } from '../src/check/explore.js';
const world = loadContent(process.argv[2] ?? join(import.meta.dirname, '..', 'content'));
const byAct: Record<string, number> = {};
const t0 = Date.now();
const r = explore(world, { now: () => Date.now(), maxStates: Number(process.env.MAX ?? 200000), timeLimitMs: 900000, visit: (s) => { byAct[s.act] = (byAct[s.act] ?? 0) + 1; } });
console.log(JSON.stringify({ states: r.states, complete: r.complete, ms: Date.now() - t0, byAct }));
