// Breadth-first search through the real engine's `step`: states merged by their canonical key,
// parent pointers for shortest command paths, and reverse reachability for dead ends.
import type { World, State, Id, GameEvent } from '../engine/types.js';
import { step } from '../engine/step.js';
import { initialState } from '../engine/state.js';
import { roomOf } from '../engine/world-query.js';
import { stateKey, textKeys, normalise } from './key.js';
import { commandsFor, walks, type GenOptions } from './commands.js';
import { relevance } from './analyse.js';

export interface ExploreOptions extends GenOptions {
  seed?: number;
  /** Stop expanding after this many distinct states (the search is then incomplete). */
  maxStates?: number;
  /** Stop after this long, measured with `now`. */
  timeLimitMs?: number;
  now?: () => number;
  /** How many dead ends to report with their paths (distinct last commands first). */
  maxDeadEnds?: number;
  /**
   * Acts as checkpoints: search act by act (all of act 1's queue before act 2's), keep at most
   * `entriesPerAct` distinct states that open each later act (the first found: shortest paths),
   * and give each act at most `statesPerAct` expansions. States beyond these are left
   * unexpanded and count as undecided, never as dead ends.
   */
  checkpoints?: { entriesPerAct?: number; statesPerAct?: number; probeAfter?: number };
  /** Called once with each distinct state the search finds (for coverage). */
  visit?: (s: State) => void;
  /** Called with the events of every step the search takes (for coverage). */
  events?: (events: readonly GameEvent[]) => void;
  /** Called with each node's state and the commands stepped from it (for coverage: see Coverage.prose). */
  prose?: (s: State, tried: readonly string[]) => void;
  /** Trace the steps (rules answered, variants shown) and look around in every state: see shown.ts. */
  unshown?: boolean;
}

export interface Node {
  parent: number;
  command: string;
  depth: number;
  state: State | null;
  /** The ending the state has reached (endings are final). */
  ending: Id | null;
  /** Successor node indices; null until expanded. */
  next: number[] | null;
  /** States of other text-only assignments found before the node was expanded. */
  waiting?: State[];
  /** The text-only values (`textKeys`, per group) found for this state key; a state with a new one is expanded. */
  texts: Set<string>;
}

export interface EngineFailure {
  path: string[];
  command: string;
  message: string;
}

export interface Exploration {
  states: number;
  /** States expanded beyond each key's first for another text-only assignment (see TextRelevance). */
  textStates: number;
  expanded: number;
  steps: number;
  complete: boolean;
  stopReason: 'maxStates' | 'time' | null;
  elapsedMs: number;
  roomsReached: Set<Id>;
  itemsInScope: Set<Id>;
  endings: Map<Id, string[]>;
  deadEnds: { path: string[]; act: number; room: Id; player: Id }[];
  deadEndCount: number;
  /** States from which an ending might still be reachable through unexpanded states. */
  undecided: number;
  engineFailures: EngineFailure[];
}

/** The search's graph and what it has found on the way. */
interface Graph {
  /** Options for every step: traced when the unshown content is wanted. */
  trace: { trace?: boolean; quiet?: boolean };
  w: World;
  opts: ExploreOptions;
  nodes: Node[];
  /** Canonical state key -> node index. */
  index: Map<string, number>;
  roomsReached: Set<Id>;
  itemsInScope: Set<Id>;
  /** Ending id -> the first node that reached it. */
  endings: Map<Id, number>;
  engineFailures: EngineFailure[];
  steps: number;
  /**
   * Real states of nodes already expanded, with a text-only assignment their node had not had:
   * expanded in turn (before the scheduler's next node), so coverage sees what they show.
   */
  textQueue: [number, State][];
  /** States expanded for a text-only assignment beyond their node's first. */
  textStates: number;
}

/** The node of a state: the one already found with the same key, or a new one. */
function addState(g: Graph, s: State, parent: number, command: string, depth: number): number {
  normalise(s);
  const k = stateKey(g.w, s);
  const ts = textKeys(g.w, s);
  const seen = g.index.get(k);
  if (seen !== undefined) {
    const node = g.nodes[seen];
    if (ts.some((t) => !node.texts.has(t))) {
      // The same state for what can happen, another for what is said: expanded too (once the
      // node's first state is), so that coverage sees it and what it leads to.
      for (const t of ts) node.texts.add(t);
      g.opts.visit?.(s);
      g.textStates++;
      if (s.ending) noteRooms(g, s);
      else if (node.next !== null) g.textQueue.push([seen, s]);
      else (node.waiting ??= []).push(s);
    }
    return seen;
  }
  const i = g.nodes.length;
  g.nodes.push({ parent, command, depth, state: s, ending: s.ending ?? null, next: s.ending ? [] : null, texts: new Set(ts) }); // endings are final
  g.index.set(k, i);
  g.opts.visit?.(s);
  noteRooms(g, s);
  if (s.ending && !g.endings.has(s.ending)) g.endings.set(s.ending, i);
  return i;
}

function noteRooms(g: Graph, s: State): void {
  for (const c of s.playable.length ? s.playable : [s.player]) g.roomsReached.add(roomOf(s, c));
  g.roomsReached.add(roomOf(s, s.player));
}

/** The commands from the opening to a node. */
export function pathTo(nodes: readonly Pick<Node, 'parent' | 'command'>[], i: number): string[] {
  const p: string[] = [];
  for (let j = i; j > 0; j = nodes[j].parent) p.push(nodes[j].command);
  return p.reverse();
}

/** The items in the player's room in a state. */
function noteItemsInScope(g: Graph, s: State): void {
  const here = roomOf(s, s.player);
  for (const id in s.loc) if (!g.itemsInScope.has(id) && id in g.w.items && roomOf(s, id) === here) g.itemsInScope.add(id);
}

/** One act's share of the search: its breadth-first queue and its best-first probe. */
interface Window { bfs: number[]; head: number; expanded: number; entries: number; heap: [number, number][]; onward: boolean }

/**
 * Scheduling. Acts are checkpoints: each act is searched breadth-first from the states that
 * open it (shortest paths within the act), the latest act first. When an act's breadth-first
 * layers find no way on within `probeAfter` expansions, a best-first probe (most progress
 * first: act, puzzles, flags and properties that matter) expands states of that act until one
 * opens the next act or ends the story. Every expansion, whichever order chose it, adds the
 * same real edges to one graph, so what is proven below does not depend on the order.
 */
export class Scheduler {
  private readonly windows = new Map<number, Window>();
  private readonly probeAfter: number;

  /** `open(i)`: node i still waits to be expanded (and is not being expanded). */
  constructor(
    private readonly open: (i: number) => boolean,
    private readonly cp: ExploreOptions['checkpoints'],
  ) {
    this.probeAfter = cp?.probeAfter ?? 1500;
  }

  get checkpoints(): boolean {
    return !!this.cp;
  }

  private win(act: number): Window {
    let q = this.windows.get(act);
    if (!q) this.windows.set(act, (q = { bfs: [], head: 0, expanded: 0, entries: 0, heap: [], onward: false }));
    return q;
  }

  /** Queues node i, of act `act`, found from a state of act `fromAct` (null for the opening); `prog`: see progress. */
  enqueue(i: number, fromAct: number | null, act: number, prog: () => number): void {
    const cp = this.cp;
    if (!this.open(i)) return;
    const q = this.win(cp ? act : 0);
    if (cp && fromAct !== null && act !== fromAct) {
      this.win(fromAct).onward = true;
      if (q.entries >= (cp.entriesPerAct ?? Infinity)) return; // left open: undecided
      q.entries++;
    }
    q.bfs.push(i);
    if (cp) heapPush(q.heap, [-prog(), i]);
  }

  /** The next node to expand, or null when every queue is spent. */
  next(): number | null {
    // Fair shares: the act with the fewest expansions so far goes next (the latest on ties), so
    // a large act cannot starve the others, and a branch found late in one act still gets on.
    const acts = [...this.windows.keys()].sort((a, b) => this.windows.get(a)!.expanded - this.windows.get(b)!.expanded || b - a);
    for (const a of acts) {
      const q = this.windows.get(a)!;
      if (this.cp?.statesPerAct !== undefined && q.expanded >= this.cp.statesPerAct) continue;
      const i = this.probe(q) ?? this.breadthFirst(q);
      if (i !== null) return i;
    }
    return null;
  }

  /**
   * Stuck in this act: probe best-first for a way on. Once a way on is found, probing goes on
   * every other turn: other ways on (other branches of the story, other endings) may lie deeper
   * than breadth-first search reaches in time.
   */
  private probe(q: Window): number | null {
    if (!this.cp || q.expanded < this.probeAfter || (q.onward && (q.expanded & 1) !== 1)) return null;
    while (q.heap.length) {
      const [, i] = heapPop(q.heap);
      if (this.open(i)) return (q.expanded++, i);
    }
    return null;
  }

  private breadthFirst(q: Window): number | null {
    while (q.head < q.bfs.length) {
      const i = q.bfs[q.head++];
      if (this.open(i)) return (q.expanded++, i);
    }
    return null;
  }

  /** For NANODREAM_CHECK_DEBUG: how each act's share went. */
  report(): string {
    return [...this.windows].map(([a, q]) => `act ${a}: expanded ${q.expanded}, queued ${q.bfs.length - q.head}, entries ${q.entries}, onward ${q.onward}\n`).join('');
  }
}

/** Steps every command from a node's state: new states are queued, edges returned. Returns the commands. */
function stepCommands(g: Graph, sched: Scheduler, head: number, s: State, next: Set<number>): string[] {
  const node = g.nodes[head];
  const commands = commandsFor(g.w, s, g.opts);
  for (const c of commands) {
    g.steps++;
    let r;
    try {
      r = step(g.w, s, c, g.trace);
    } catch (e) {
      g.engineFailures.push({ path: pathTo(g.nodes, head), command: c, message: (e as Error)?.message ?? String(e) });
      continue;
    }
    for (const ev of r.events) if (ev.type === 'moved') g.roomsReached.add(ev.to);
    g.opts.events?.(r.events);
    const before = g.nodes.length;
    const j = addState(g, r.state, head, c, node.depth + 1);
    if (j === before) sched.enqueue(j, s.act, r.state.act, () => progress(g.w, r.state));
    else if (g.nodes[j].depth > node.depth + 1) {
      // Found again by a shorter way (a probe found it first): keep the shorter path.
      g.nodes[j].parent = head;
      g.nodes[j].command = c;
      g.nodes[j].depth = node.depth + 1;
    }
    if (j !== head) next.add(j);
  }
  return commands;
}

/**
 * Coverage walks: rooms where nothing can happen are not stops, so while some room is still
 * unseen, walk there for real from here (the engine must really enter it) and note it. The
 * state reached is not added: nothing in it can differ from this one but the position.
 */
function coverageWalks(g: Graph, s: State, roomCount: number): void {
  for (const c of walks(g.w, s, s.player, true, (room) => !g.roomsReached.has(room))) {
    let r;
    try {
      r = step(g.w, s, c, g.trace);
    } catch {
      continue; // an engine failure is found and reported by the search itself
    }
    for (const ev of r.events) if (ev.type === 'moved') g.roomsReached.add(ev.to);
    g.opts.visit?.(r.state);
    g.opts.events?.(r.events);
    noteItemsInScope(g, r.state);
    if (g.roomsReached.size >= roomCount) break;
  }
}

/** Expands one node: its successors, the items in scope, and walks to rooms not yet seen. */
function expand(g: Graph, sched: Scheduler, head: number, roomCount: number): void {
  const node = g.nodes[head];
  const s = node.state!;
  const next = new Set<number>();
  // Its other text-only states, those found before and those its own steps find (a self-loop
  // that only changes what is said), are expanded with it.
  const todo = [s];
  for (let x = todo.shift(); x; x = todo.shift()) {
    if (!x.ending) {
      const tried = stepCommands(g, sched, head, x, next);
      if (x === s) g.opts.prose?.(x, tried);
      noteItemsInScope(g, x);
      if (g.roomsReached.size < roomCount) coverageWalks(g, x, roomCount);
    }
    todo.push(...(node.waiting ?? []));
    node.waiting = undefined;
  }
  node.next = [...next];
  if (!s.ending) node.state = null; // expanded: only the path and the edges are needed now
}

/** Expands a state of another text-only assignment of a node already expanded: its edges join the node's. */
function expandText(g: Graph, sched: Scheduler, head: number, s: State, roomCount: number): void {
  const node = g.nodes[head];
  const next = new Set(node.next);
  const before = next.size;
  stepCommands(g, sched, head, s, next);
  noteItemsInScope(g, s);
  if (g.roomsReached.size < roomCount) coverageWalks(g, s, roomCount);
  if (next.size !== before) node.next = [...next];
}

/** Expands nodes until the queues are spent or a limit is reached (then says which). */
function search(g: Graph, sched: Scheduler, now: () => number, t0: number): Exploration['stopReason'] {
  const maxStates = g.opts.maxStates ?? Infinity;
  const timeLimit = g.opts.timeLimitMs ?? Infinity;
  const roomCount = Object.keys(g.w.rooms).length;
  for (let expandedCount = 0; ; expandedCount++) {
    if (g.nodes.length >= maxStates) return 'maxStates';
    if ((expandedCount & 63) === 0 && now() - t0 > timeLimit) return 'time';
    const text = g.textQueue.pop();
    if (text) {
      expandText(g, sched, text[0], text[1], roomCount);
      continue;
    }
    const head = sched.next();
    if (head === null) return null;
    expand(g, sched, head, roomCount);
  }
}

/** The nodes from which any of `seeds` can be reached, along the graph's edges. */
export function reaching(rev: readonly number[][], seeds: readonly number[]): Uint8Array {
  const m = new Uint8Array(rev.length);
  const q = [...seeds];
  for (const x of q) m[x] = 1;
  while (q.length) {
    const x = q.pop()!;
    for (const y of rev[x]) if (!m[y]) (m[y] = 1), q.push(y);
  }
  return m;
}

/** Which states can still reach an ending, which might through states not yet expanded, and which cannot. */
export function classify(nodes: readonly Pick<Node, 'next' | 'ending'>[]): { good: Uint8Array; dead: number[]; undecided: number; open: number } {
  const n = nodes.length;
  const rev: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) for (const j of nodes[i].next ?? []) rev[j].push(i);
  const endingNodes: number[] = [];
  const openNodes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (nodes[i].next === null) openNodes.push(i);
    else if (nodes[i].ending) endingNodes.push(i);
  }
  const good = reaching(rev, endingNodes);
  const maybe = reaching(rev, openNodes);
  const dead: number[] = [];
  let undecided = 0;
  for (let i = 0; i < n; i++) {
    if (good[i]) continue;
    if (maybe[i]) undecided++;
    else dead.push(i);
  }
  return { good, dead, undecided, open: openNodes.length };
}

/** The shallowest dead end behind each distinct "last step into the dead region", up to `max`. */
export function pickDeadEnds(nodes: readonly Pick<Node, 'parent' | 'command' | 'depth'>[], good: Uint8Array, dead: readonly number[], max: number): number[] {
  const entries = dead.filter((i) => i > 0 && good[nodes[i].parent]);
  const byCommand = new Map<string, number>();
  for (const i of entries) if (!byCommand.has(nodes[i].command)) byCommand.set(nodes[i].command, i);
  const first = new Set(byCommand.values());
  const picked = [...first, ...entries.filter((i) => !first.has(i))]
    .slice(0, max)
    .sort((a, b) => nodes[a].depth - nodes[b].depth || a - b);
  if (dead.includes(0)) picked.unshift(0);
  return picked;
}

export function explore(w: World, opts: ExploreOptions = {}): Exploration {
  const now = opts.now ?? (() => 0);
  const t0 = now();
  const g: Graph = {
    w, opts, nodes: [], index: new Map(), roomsReached: new Set(), itemsInScope: new Set(), endings: new Map(), engineFailures: [], steps: 0,
    textQueue: [], textStates: 0, trace: { trace: !!opts.unshown, quiet: !opts.unshown },
  };
  const sched = new Scheduler((i) => g.nodes[i].next === null, opts.checkpoints);
  const s0 = initialState(w, opts.seed ?? 0);
  sched.enqueue(addState(g, s0, -1, '', 0), null, s0.act, () => progress(w, s0));
  const stopReason = search(g, sched, now, t0);
  if (process.env.NANODREAM_CHECK_DEBUG) process.stderr.write(sched.report());
  const { nodes } = g;
  const complete = nodes.every((x) => x.next !== null) && g.textQueue.length === 0;
  const { good, dead, undecided, open } = classify(nodes);
  const deadEnds = pickDeadEnds(nodes, good, dead, opts.maxDeadEnds ?? 10).map((i) => {
    const s = replayState(w, opts.seed ?? 0, pathTo(nodes, i));
    return { path: pathTo(nodes, i), act: s.act, room: roomOf(s, s.player), player: s.player };
  });
  return {
    states: nodes.length,
    textStates: g.textStates,
    expanded: nodes.length - open,
    steps: g.steps,
    complete,
    stopReason,
    elapsedMs: now() - t0,
    roomsReached: g.roomsReached,
    itemsInScope: g.itemsInScope,
    endings: new Map([...g.endings].map(([id, i]) => [id, pathTo(nodes, i)])),
    deadEnds,
    deadEndCount: dead.length,
    undecided,
    engineFailures: g.engineFailures,
  };
}

/** How far along the story a state is, for the best-first probe: act, then puzzles, then what matters. */
export function progress(w: World, s: State): number {
  const rel = relevance(w, s.act);
  let n = s.act * 1_000_000 + s.solved.length * 1000;
  for (const f in s.flags) if (s.flags[f] && rel.flagsRead.has(f)) n += 10;
  for (const id in s.props) for (const p of s.props[id]) if (rel.propsRead.has(`${id}:${p}`)) n += 1;
  return n;
}

function heapPush(h: [number, number][], x: [number, number]): void {
  h.push(x);
  for (let i = h.length - 1; i > 0; ) {
    const p = (i - 1) >> 1;
    if (h[p][0] < x[0] || (h[p][0] === x[0] && h[p][1] <= x[1])) break;
    h[i] = h[p];
    h[p] = x;
    i = p;
  }
}

function heapPop(h: [number, number][]): [number, number] {
  const top = h[0];
  const last = h.pop()!;
  if (h.length) {
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      const less = (a: number, b: number) => h[a][0] < h[b][0] || (h[a][0] === h[b][0] && h[a][1] < h[b][1]);
      if (l < h.length && less(l, m)) m = l;
      if (r < h.length && less(r, m)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
  return top;
}

/** Plays a command path from the opening through the real engine. */
export function replayState(w: World, seed: number, path: string[]): State {
  let s = initialState(w, seed);
  for (const c of path) s = step(w, s, c).state;
  return s;
}
