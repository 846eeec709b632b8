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
import type { ItemResult, WorkItem, Finish, NewSucc } from './expander.js';
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
 * How a worker thread is started: the bundled file next to this one (`bundle` in dist/), or, run
 * from source, the TypeScript (`source`, beside this file) through tsx's loader (development and
 * tests).
 */
export function workerStart(bundle = 'check-worker.cjs', source = 'worker.ts'): { what: string; eval: boolean } {
  const here = import.meta.dirname;
  const built = join(here, bundle);
  if (existsSync(built)) return { what: built, eval: false };
  const tsx = createRequire(join(here, 'parallel.ts')).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const src = pathToFileURL(join(here, source)).href;
  return {
    what: `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((t) => { t.register(); return import(${JSON.stringify(src)}); });`,
    eval: true,
  };
}

/**
 * The worker threads. Each answers its messages in the order sent, so several rounds can be under
 * way at once: answers are matched to requests first in, first out.
 */
class Pool {
  private readonly workers: Worker[];
  private readonly waiting: { resolve: (m: Record<string, unknown>) => void; reject: (e: Error) => void }[][];

  constructor(w: World, n: number, opts: ExploreOptions) {
    const start = workerStart();
    const workerData = { world: w, gen: { allCommands: opts.allCommands }, unshown: opts.unshown };
    // A young generation larger than V8's default: a worker makes short-lived states and strings
    // by the million, and fewer, larger scavenges cost less (5-6% of a worker's time, from 7%).
    this.workers = Array.from({ length: n }, () => new Worker(start.what, { eval: start.eval, workerData, resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
    this.waiting = this.workers.map(() => []);
    this.workers.forEach((wk, i) => {
      wk.on('message', (m: Record<string, unknown>) => this.waiting[i].shift()?.resolve(m));
      wk.on('error', (e: Error) => { for (const p of this.waiting[i].splice(0)) p.reject(e); });
    });
  }

  get size(): number {
    return this.workers.length;
  }

  private ask(i: number, msg: object): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      this.waiting[i].push({ resolve, reject });
      this.workers[i].postMessage(msg);
    });
  }

  round(known: [string, string[], number][], items: WorkItem[][]): Promise<ItemResult[][]> {
    return Promise.all(items.map(async (it, i) => (await this.ask(i, { known, items: it })).results as ItemResult[]));
  }

  finish(): Promise<Finish[]> {
    return Promise.all(this.workers.map(async (_, i) => (await this.ask(i, { finish: true })).finish as Finish));
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

/** A round sent to the workers: the states dealt, where each went, and the answers to come. */
interface Round {
  dealt: { node: number; text: WorkItem['text']; state: Uint8Array }[];
  where: [number, number][];
  results: Promise<ItemResult[][]>;
}

/** The main thread's graph: nodes by state key, the scheduler, and the text-only states to expand. */
class Graph {
  readonly nodes: PNode[] = [];
  readonly index = new Map<string, number>();
  readonly endings = new Map<Id, number>();
  readonly engineFailures: EngineFailure[] = [];
  readonly textQueue: [number, Uint8Array, string[]][] = [];
  /** Nodes and text-only values accepted since the workers were last told. */
  known: [string, string[], number][] = [];
  steps = 0;
  textStates = 0;
  rootSent = false;
  // For NANODREAM_CHECK_DEBUG: how text states' commands went (stepped as sensitive, stepped
  // toward a new value, left to a text state of the same round, followed without a step), and
  // the successors that came back whole: how many, their bytes, and how many of them named a
  // node already taken with the same text-only values (sent before the worker was told of it).
  readonly dbg = { sens: 0, fresh: 0, dup: 0, skip: 0, whole: 0, bytes: 0, taken: 0 };
  readonly sensBy = new Map<string, number>();
  readonly sched: Scheduler;

  constructor(private readonly w: World, opts: ParallelOptions, s0: State) {
    this.sched = new Scheduler((i) => this.nodes[i].next === null && !this.nodes[i].taken, opts.checkpoints);
    const k0 = stateKey(w, s0);
    const t0texts = textKeys(w, s0);
    this.nodes.push({ parent: -1, command: '', depth: 0, act: s0.act, ending: s0.ending ?? null, next: s0.ending ? [] : null, texts: new Set(t0texts), first: t0texts, state: serialize(s0) });
    this.index.set(k0, 0);
    this.known.push([k0, t0texts, 0]);
    this.sched.enqueue(0, null, s0.act, () => progress(w, s0));
  }

  /** The next round: text-only states of expanded nodes first (as explore.ts does), then the scheduler's picks. */
  deal(pool: Pool, perRound: number): Round | null {
    const { nodes, dbg } = this;
    const dealt: Round['dealt'] = [];
    // Successors with new text-only values that a text state of this round already steps to.
    const claimed = new Set<string>();
    while (dealt.length < perRound && this.textQueue.length) {
      const [node, st, texts] = this.textQueue.pop()!;
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
          if (process.env.NANODREAM_CHECK_DEBUG) this.sensBy.set(c, (this.sensBy.get(c) ?? 0) + 1);
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
      const i = this.sched.next();
      if (i === null) break;
      const n = nodes[i];
      n.taken = true;
      dealt.push({ node: i, text: undefined, state: n.state! });
    }
    if (!dealt.length) return null;
    // Items go to the workers in turn.
    const items: WorkItem[][] = Array.from({ length: pool.size }, () => []);
    const where: [number, number][] = dealt.map((d, di) => {
      const wi = di % pool.size;
      items[wi].push({ node: d.node, state: d.state, root: !this.rootSent && d.node === 0 && !d.text, text: d.text });
      return [wi, items[wi].length - 1];
    });
    this.rootSent = true;
    const results = pool.round(this.known, items);
    this.known = [];
    return { dealt, where, results };
  }

  /** Takes in a round's answers, in the order its states were dealt. */
  merge(round: Round, results: ItemResult[][]): void {
    for (let di = 0; di < round.dealt.length; di++) {
      const d = round.dealt[di];
      const [wi, ii] = round.where[di];
      this.mergeOne(d.node, !!d.text, results[wi][ii]);
    }
  }

  /** A new successor: its node, queued for expansion. */
  private accept(s: NewSucc, from: number): number {
    const head = this.nodes[from];
    const j = this.nodes.length;
    this.nodes.push({
      parent: from, command: s.c, depth: head.depth + 1, act: s.act, ending: s.ending,
      next: s.ending ? [] : null, texts: new Set(s.texts), first: s.texts, state: s.ending ? null : s.state,
    });
    this.index.set(s.key, j);
    this.known.push([s.key, s.texts, j]);
    if (s.ending && !this.endings.has(s.ending)) this.endings.set(s.ending, j);
    this.sched.enqueue(j, head.act, s.act, () => s.prog);
    return j;
  }

  /** A successor with a known key: a text state of its own when its text-only values are new. */
  private again(s: NewSucc, j: number): void {
    const n = this.nodes[j];
    if (!s.texts.some((t) => !n.texts.has(t))) return;
    for (const t of s.texts) n.texts.add(t);
    this.known.push([s.key, s.texts, j]);
    this.textStates++;
    // Expanded: a text state of its own; else (even if under way in a round not yet taken in)
    // with the node, once its first state's commands are known.
    if (!s.ending) {
      if (n.next !== null) this.textQueue.push([j, s.state, s.texts]);
      else (n.waiting ??= []).push([s.state, s.texts]);
    }
  }

  private mergeOne(node: number, text: boolean, r: ItemResult): void {
    const { nodes } = this;
    const head = nodes[node];
    const next = new Set<number>(head.next ?? []);
    this.steps += r.steps;
    for (const f of r.failures) this.engineFailures.push({ path: pathTo(nodes, node), command: f.command, message: f.message });
    const ids: number[] = [];
    for (const s of r.succ) {
      let j: number;
      if ('id' in s) j = s.id;
      else {
        const seen = this.index.get(s.key);
        this.dbg.whole++;
        this.dbg.bytes += s.state.length;
        if (seen !== undefined && !s.texts.some((t) => !nodes[seen].texts.has(t))) this.dbg.taken++;
        if (seen === undefined) j = this.accept(s, node);
        else this.again(s, (j = seen));
      }
      const n = nodes[j];
      if (n.depth > head.depth + 1 && j !== node) {
        n.parent = node;
        n.command = s.c;
        n.depth = head.depth + 1;
      }
      if (j !== node) next.add(j);
      ids.push(j);
    }
    if (!text) head.cmds = r.cmds.map(([c, si, sensitive]) => [c, si < 0 ? -1 : ids[si], sensitive]);
    head.next = [...next];
    head.taken = false;
    if (!text) {
      head.state = null;
      for (const [st, ts] of head.waiting ?? []) this.textQueue.push([node, st, ts]);
      head.waiting = undefined;
    }
  }
}

/** Rounds kept under way at once: a worker starts the next while the main thread takes in the last. */
const IN_FLIGHT = 2;

async function search(w: World, opts: ParallelOptions, pool: Pool, now: () => number, t0: number): Promise<Exploration> {
  const s0 = normalise(initialState(w, opts.seed ?? 0));
  const g = new Graph(w, opts, s0);
  const { nodes, textQueue } = g;
  const rootRooms = new Set<Id>([roomOf(s0, s0.player), ...s0.playable.map((c) => roomOf(s0, c))]);
  const maxStates = opts.maxStates ?? Infinity;
  const timeLimit = opts.timeLimitMs ?? Infinity;
  const perRound = pool.size * (opts.perWorker ?? 48);
  let stopReason: Exploration['stopReason'] = null;
  const flight: Round[] = [];
  for (;;) {
    if (!stopReason && nodes.length >= maxStates) stopReason = 'maxStates';
    if (!stopReason && now() - t0 > timeLimit) stopReason = 'time';
    // After a stop, the rounds under way are still taken in (their states are real), no new one is dealt.
    while (!stopReason && flight.length < IN_FLIGHT) {
      const r = g.deal(pool, perRound);
      if (!r) break;
      flight.push(r);
    }
    const r = flight.shift();
    if (!r) break;
    g.merge(r, await r.results);
  }
  const { dbg, sensBy, steps, textStates, endings, engineFailures } = g;
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
