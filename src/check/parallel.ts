// The search of explore.ts spread over worker threads. The main thread keeps the graph, the index
// of state keys and the act-by-act scheduler; workers (expander.ts) run the engine. Work goes out
// in rounds: a round takes the next states the scheduler picks, deals them to the workers in
// turn, waits for every answer, then merges the answers in the order the states were dealt. What
// a round holds depends only on what earlier rounds found, never on which worker answered first,
// so the states, paths and report are the same from run to run (they can differ from the
// one-thread search's in which shortest path is kept, not in what is reachable).
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import type { World, Id, State } from '../engine/types.js';
import { initialState } from '../engine/state.js';
import { normalise, stateKey, textKeys } from './key.js';
import { Scheduler, classify, pathTo, pickDeadEnds, progress, replayState, type ExploreOptions, type Exploration, type EngineFailure } from './explore.js';
import { roomOf } from '../engine/world-query.js';
import type { ItemResult, WorkItem, Finish } from './expander.js';
import type { Coverage } from './coverage.js';

interface PNode {
  parent: number;
  command: string;
  depth: number;
  act: number;
  ending: Id | null;
  next: number[] | null;
  texts: Set<string>;
  /** The text-only values of the state first found (the one expanded with every command). */
  first: string[];
  /** The serialised state, until expanded. */
  state: Uint8Array | null;
  /** States of other text-only values found before the node was expanded, with their textKeys. */
  waiting?: [Uint8Array, string[]][];
  /**
   * The commands its first state tried: the node each led to (-1: the engine failed) and
   * whether the step could touch text-only state (see expander.ts).
   */
  cmds?: [string, number, boolean][];
  /** Dealt to a worker in the round under way. */
  taken?: boolean;
}

/**
 * How a worker thread is started: the bundled file next to this one (dist/check-worker.cjs), or,
 * run from source, the TypeScript through tsx's loader (development and tests).
 */
function workerStart(): { what: string; eval: boolean } {
  const here = import.meta.dirname;
  const built = join(here, 'check-worker.cjs');
  if (existsSync(built)) return { what: built, eval: false };
  const tsx = createRequire(join(here, 'parallel.ts')).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const src = pathToFileURL(join(here, 'worker.ts')).href;
  return {
    what: `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((t) => { t.register(); return import(${JSON.stringify(src)}); });`,
    eval: true,
  };
}

class Pool {
  private readonly workers: Worker[];

  constructor(w: World, n: number, opts: ExploreOptions) {
    const start = workerStart();
    const workerData = { world: w, gen: { allCommands: opts.allCommands } };
    this.workers = Array.from({ length: n }, () => new Worker(start.what, { eval: start.eval, workerData }));
  }

  get size(): number {
    return this.workers.length;
  }

  private ask<T>(i: number, msg: object, pick: (m: Record<string, unknown>) => T | undefined): Promise<T> {
    const wk = this.workers[i];
    return new Promise<T>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        const v = pick(m);
        if (v === undefined) return;
        wk.off('error', onError);
        wk.off('message', onMessage);
        resolve(v);
      };
      const onError = (e: Error) => {
        wk.off('message', onMessage);
        reject(e);
      };
      wk.on('message', onMessage);
      wk.once('error', onError);
      wk.postMessage(msg);
    });
  }

  round(known: [string, string[], number][], items: WorkItem[][]): Promise<ItemResult[][]> {
    return Promise.all(items.map((it, i) => this.ask(i, { known, items: it }, (m) => m.results as ItemResult[] | undefined)));
  }

  finish(): Promise<Finish[]> {
    return Promise.all(this.workers.map((_, i) => this.ask(i, { finish: true }, (m) => m.finish as Finish | undefined)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((wk) => wk.terminate()));
  }
}

export interface ParallelOptions extends ExploreOptions {
  /** Worker threads (at least 1). */
  workers: number;
  /** States dealt to each worker per round. */
  perWorker?: number;
  /** Gets what the workers noted, to add to its own. */
  coverage?: Coverage;
}

export async function exploreParallel(w: World, opts: ParallelOptions): Promise<Exploration> {
  const now = opts.now ?? (() => 0);
  const t0 = now();
  const pool = new Pool(w, Math.max(1, opts.workers), opts);
  try {
    return await search(w, opts, pool, now, t0);
  } finally {
    await pool.close();
  }
}

async function search(w: World, opts: ParallelOptions, pool: Pool, now: () => number, t0: number): Promise<Exploration> {
  const nodes: PNode[] = [];
  const index = new Map<string, number>();
  const endings = new Map<Id, number>();
  const engineFailures: EngineFailure[] = [];
  const textQueue: [number, Uint8Array, string[]][] = [];
  let known: [string, string[], number][] = [];
  let steps = 0;
  let textStates = 0;
  // For NANODREAM_CHECK_DEBUG: how text states' commands went (stepped as sensitive, stepped
  // toward a new value, left to a text state of the same round, followed without a step).
  const dbg = { sens: 0, fresh: 0, dup: 0, skip: 0 };
  const sensBy = new Map<string, number>();
  const sched = new Scheduler((i) => nodes[i].next === null && !nodes[i].taken, opts.checkpoints);
  const s0 = normalise(initialState(w, opts.seed ?? 0));
  const k0 = stateKey(w, s0);
  const t0texts = textKeys(w, s0);
  nodes.push({ parent: -1, command: '', depth: 0, act: s0.act, ending: s0.ending ?? null, next: s0.ending ? [] : null, texts: new Set(t0texts), first: t0texts, state: serialize(s0) });
  index.set(k0, 0);
  known.push([k0, t0texts, 0]);
  const rootRooms = new Set<Id>([roomOf(s0, s0.player), ...s0.playable.map((c) => roomOf(s0, c))]);
  sched.enqueue(0, null, s0.act, () => progress(w, s0 as State));
  let rootSent = false;

  const maxStates = opts.maxStates ?? Infinity;
  const timeLimit = opts.timeLimitMs ?? Infinity;
  const perRound = pool.size * (opts.perWorker ?? 48);
  let stopReason: Exploration['stopReason'] = null;
  for (;;) {
    if (nodes.length >= maxStates) {
      stopReason = 'maxStates';
      break;
    }
    if (now() - t0 > timeLimit) {
      stopReason = 'time';
      break;
    }
    // The round: text-only states of expanded nodes first (as explore.ts does), then the scheduler's picks.
    const dealt: { node: number; text: WorkItem['text']; state: Uint8Array }[] = [];
    // Successors with new text-only values that a text state of this round already steps to.
    const claimed = new Set<string>();
    while (dealt.length < perRound && textQueue.length) {
      const [node, st, texts] = textQueue.pop()!;
      // Another text-only state of an expanded node: a command that cannot touch text-only state
      // leads to the node it led to from the first state, with this state's text: stepped only
      // when that node has not had this text yet.
      const tried: string[] = [];
      const step: string[] = [];
      for (const [c, m, sensitive] of nodes[node].cmds ?? []) {
        tried.push(c);
        if (sensitive || m < 0) {
          step.push(c);
          dbg.sens++;
          if (process.env.NANODREAM_CHECK_DEBUG) sensBy.set(c, (sensBy.get(c) ?? 0) + 1);
        } else if (texts.some((t) => !nodes[m].texts.has(t))) {
          const claim = `${m} ${texts.join('|')}`;
          if (claimed.has(claim)) dbg.dup++;
          else {
            claimed.add(claim);
            step.push(c);
            dbg.fresh++;
          }
        } else dbg.skip++;
      }
      // Where tracked items lie as in the first state, the commands are the first state's (only
      // flags differ, and no command is chosen by a text-only flag).
      const first = nodes[node].first;
      const same = texts.every((t) => !t.startsWith('i:') || first.includes(t));
      dealt.push({ node, text: { tried, step, same }, state: st });
    }
    while (dealt.length < perRound) {
      const i = sched.next();
      if (i === null) break;
      const n = nodes[i];
      n.taken = true;
      dealt.push({ node: i, text: undefined, state: n.state! });
    }
    if (!dealt.length) break;
    // Items go to the workers in turn.
    const items: WorkItem[][] = Array.from({ length: pool.size }, () => []);
    const where: [number, number][] = dealt.map((d, di) => {
      const wi = di % pool.size;
      items[wi].push({ node: d.node, state: d.state, root: !rootSent && d.node === 0 && !d.text, text: d.text });
      return [wi, items[wi].length - 1];
    });
    rootSent = true;
    const results = await pool.round(known, items);
    known = [];
    for (let di = 0; di < dealt.length; di++) {
      const d = dealt[di];
      const head = nodes[d.node];
      const next = new Set<number>(head.next ?? []);
      {
        const [wi, ii] = where[di];
        const r = results[wi][ii];
        steps += r.steps;
        for (const f of r.failures) engineFailures.push({ path: pathTo(nodes, d.node), command: f.command, message: f.message });
        const ids: number[] = [];
        for (const s of r.succ) {
          let j: number;
          if ('id' in s) j = s.id;
          else {
            const seen = index.get(s.key);
            if (seen === undefined) {
              j = nodes.length;
              nodes.push({
                parent: d.node, command: s.c, depth: head.depth + 1, act: s.act, ending: s.ending,
                next: s.ending ? [] : null, texts: new Set(s.texts), first: s.texts, state: s.ending ? null : s.state,
              });
              index.set(s.key, j);
              known.push([s.key, s.texts, j]);
              if (s.ending && !endings.has(s.ending)) endings.set(s.ending, j);
              sched.enqueue(j, head.act, s.act, () => s.prog);
            } else {
              j = seen;
              const n = nodes[j];
              if (s.texts.some((t) => !n.texts.has(t))) {
                for (const t of s.texts) n.texts.add(t);
                known.push([s.key, s.texts, j]);
                textStates++;
                // Expanded (or being expanded this round): a text state of its own; else with the node.
                if (!s.ending) {
                  if (n.next !== null || n.taken) textQueue.push([j, s.state, s.texts]);
                  else (n.waiting ??= []).push([s.state, s.texts]);
                }
              }
            }
          }
          const n = nodes[j];
          if (n.depth > head.depth + 1 && j !== d.node) {
            n.parent = d.node;
            n.command = s.c;
            n.depth = head.depth + 1;
          }
          if (j !== d.node) next.add(j);
          ids.push(j);
        }
        if (!d.text) head.cmds = r.cmds.map(([c, si, sensitive]) => [c, si < 0 ? -1 : ids[si], sensitive]);
      }
      head.next = [...next];
      head.taken = false;
      if (!d.text) {
        head.state = null;
        for (const [st, ts] of head.waiting ?? []) textQueue.push([d.node, st, ts]);
        head.waiting = undefined;
      }
    }
  }
  if (process.env.NANODREAM_CHECK_DEBUG) process.stderr.write(`text states' commands: ${JSON.stringify(dbg)} ${JSON.stringify([...sensBy].sort((a, b) => b[1] - a[1]).slice(0, 25))}\n`);
  if (process.env.NANODREAM_CHECK_DEBUG) {
    const by = new Map<string, number>();
    for (const n of nodes) for (const t of n.texts) by.set(`${n.act} ${t}`, (by.get(`${n.act} ${t}`) ?? 0) + 1);
    process.stderr.write([...by].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v} ${k}\n`).join(''));
  }
  const finish = await pool.finish();
  const roomsReached = new Set<Id>(rootRooms);
  const itemsInScope = new Set<Id>();
  for (const f of finish) {
    for (const r of f.rooms) roomsReached.add(r);
    for (const i of f.items) itemsInScope.add(i);
    opts.coverage?.merge(f.coverage);
  }
  const complete = nodes.every((x) => x.next !== null) && textQueue.length === 0;
  const open = nodes.filter((x) => x.next === null).length;
  const { good, dead, undecided } = classify(nodes);
  const deadEnds = pickDeadEnds(nodes, good, dead, opts.maxDeadEnds ?? 10).map((i) => {
    const s = replayState(w, opts.seed ?? 0, pathTo(nodes, i));
    return { path: pathTo(nodes, i), act: s.act, room: roomOf(s, s.player), player: s.player };
  });
  return {
    states: nodes.length,
    textStates,
    expanded: nodes.length - open,
    steps,
    complete,
    stopReason,
    elapsedMs: now() - t0,
    roomsReached,
    itemsInScope,
    endings: new Map([...endings].map(([id, i]) => [id, pathTo(nodes, i)])),
    deadEnds,
    deadEndCount: dead.length,
    undecided,
    engineFailures,
  };
}
