// Breadth-first search through the real engine's `step`: states merged by their canonical key,
// parent pointers for shortest command paths, and reverse reachability for dead ends.
import type { World, State, Id, GameEvent } from '../engine/types.js';
import { step } from '../engine/step.js';
import { initialState } from '../engine/state.js';
import { roomOf } from '../engine/world-query.js';
import { stateKey, normalise } from './key.js';
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
}

interface Node {
  parent: number;
  command: string;
  depth: number;
  state: State | null;
  /** Successor node indices; null until expanded. */
  next: number[] | null;
}

export interface EngineFailure {
  path: string[];
  command: string;
  message: string;
}

export interface Exploration {
  states: number;
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

export function explore(w: World, opts: ExploreOptions = {}): Exploration {
  const now = opts.now ?? (() => 0);
  const t0 = now();
  const maxStates = opts.maxStates ?? Infinity;
  const timeLimit = opts.timeLimitMs ?? Infinity;
  const nodes: Node[] = [];
  const index = new Map<string, number>();
  const roomsReached = new Set<Id>();
  const itemsInScope = new Set<Id>();
  const endings = new Map<Id, number>();
  const engineFailures: EngineFailure[] = [];
  let steps = 0;
  const roomCount = Object.keys(w.rooms).length;

  const add = (s: State, parent: number, command: string, depth: number): number => {
    normalise(s);
    const k = stateKey(w, s);
    const seen = index.get(k);
    if (seen !== undefined) return seen;
    const i = nodes.length;
    nodes.push({ parent, command, depth, state: s, next: s.ending ? [] : null }); // endings are final
    index.set(k, i);
    opts.visit?.(s);
    for (const c of s.playable.length ? s.playable : [s.player]) roomsReached.add(roomOf(s, c));
    roomsReached.add(roomOf(s, s.player));
    if (s.ending && !endings.has(s.ending)) endings.set(s.ending, i);
    return i;
  };
  const pathTo = (i: number): string[] => {
    const p: string[] = [];
    for (let j = i; j > 0; j = nodes[j].parent) p.push(nodes[j].command);
    return p.reverse();
  };

  // Scheduling. Acts are checkpoints: each act is searched breadth-first from the states that
  // open it (shortest paths within the act), the latest act first. When an act's breadth-first
  // layers find no way on within `probeAfter` expansions, a best-first probe (most progress
  // first: act, puzzles, flags and properties that matter) expands states of that act until one
  // opens the next act or ends the story. Every expansion, whichever order chose it, adds the
  // same real edges to one graph, so what is proven below does not depend on the order.
  const cp = opts.checkpoints;
  const probeAfter = cp?.probeAfter ?? 1500;
  interface Window { bfs: number[]; head: number; expanded: number; entries: number; heap: [number, number][]; onward: boolean }
  const windows = new Map<number, Window>();
  const win = (act: number) => {
    let q = windows.get(act);
    if (!q) windows.set(act, (q = { bfs: [], head: 0, expanded: 0, entries: 0, heap: [], onward: false }));
    return q;
  };
  const enqueue = (i: number, fromAct: number | null) => {
    const st = nodes[i].state!;
    if (nodes[i].next !== null) return;
    const q = win(cp ? st.act : 0);
    if (cp && fromAct !== null && st.act !== fromAct) {
      win(fromAct).onward = true;
      if (q.entries >= (cp.entriesPerAct ?? Infinity)) return; // left open: undecided
      q.entries++;
    }
    q.bfs.push(i);
    if (cp) heapPush(q.heap, [-progress(w, st), i]);
  };
  const nextNode = (): number | null => {
    // Fair shares: the act with the fewest expansions so far goes next (the latest on ties), so
    // a large act cannot starve the others, and a branch found late in one act still gets on.
    const acts = [...windows.keys()].sort((a, b) => windows.get(a)!.expanded - windows.get(b)!.expanded || b - a);
    for (const a of acts) {
      const q = windows.get(a)!;
      if (cp?.statesPerAct !== undefined && q.expanded >= cp.statesPerAct) continue;
      // Stuck in this act: probe best-first for a way on.
      // Once a way on is found, probing goes on every other turn: other ways on (other branches
      // of the story, other endings) may lie deeper than breadth-first search reaches in time.
      if (cp && q.expanded >= probeAfter && (!q.onward || (q.expanded & 1) === 1)) {
        while (q.heap.length) {
          const [, i] = heapPop(q.heap);
          if (nodes[i].next === null) return (q.expanded++, i);
        }
      }
      while (q.head < q.bfs.length) {
        const i = q.bfs[q.head++];
        if (nodes[i].next === null) return (q.expanded++, i);
      }
    }
    return null;
  };

  enqueue(add(initialState(w, opts.seed ?? 0), -1, '', 0), null);
  let stopReason: Exploration['stopReason'] = null;
  let expandedCount = 0;
  for (;;) {
    if (nodes.length >= maxStates) {
      stopReason = 'maxStates';
      break;
    }
    if ((expandedCount & 63) === 0 && now() - t0 > timeLimit) {
      stopReason = 'time';
      break;
    }
    const head = nextNode();
    if (head === null) break;
    expandedCount++;
    const node = nodes[head];
    const s = node.state!;
    const next = new Set<number>();
    if (!s.ending) {
      for (const c of commandsFor(w, s, opts)) {
        steps++;
        let r;
        try {
          r = step(w, s, c);
        } catch (e) {
          engineFailures.push({ path: pathTo(head), command: c, message: (e as Error)?.message ?? String(e) });
          continue;
        }
        for (const ev of r.events) if (ev.type === 'moved') roomsReached.add(ev.to);
        opts.events?.(r.events);
        const before = nodes.length;
        const j = add(r.state, head, c, node.depth + 1);
        if (j === before) enqueue(j, s.act);
        else if (nodes[j].depth > node.depth + 1) {
          // Found again by a shorter way (a probe found it first): keep the shorter path.
          nodes[j].parent = head;
          nodes[j].command = c;
          nodes[j].depth = node.depth + 1;
        }
        if (j !== head) next.add(j);
      }
      for (const id of Object.keys(s.loc)) if (id in w.items && roomOf(s, id) === roomOf(s, s.player)) itemsInScope.add(id);
      // Coverage walks: rooms where nothing can happen are not stops, so while some room is still
      // unseen, walk there for real from here (the engine must really enter it) and note it. The
      // state reached is not added: nothing in it can differ from this one but the position.
      if (roomsReached.size < roomCount) {
        for (const c of walks(w, s, s.player, true)) {
          let r;
          try {
            r = step(w, s, c);
          } catch {
            continue; // an engine failure is found and reported by the search itself
          }
          for (const ev of r.events) if (ev.type === 'moved') roomsReached.add(ev.to);
          opts.visit?.(r.state);
          opts.events?.(r.events);
          const there = roomOf(r.state, r.state.player);
          for (const id of Object.keys(r.state.loc)) if (id in w.items && roomOf(r.state, id) === there) itemsInScope.add(id);
          if (roomsReached.size >= roomCount) break;
        }
      }
    }
    node.next = [...next];
    if (!s.ending) node.state = null; // expanded: only the path and the edges are needed now
  }
  if (process.env.NANODREAM_CHECK_DEBUG) {
    for (const [a, q] of windows) process.stderr.write(`act ${a}: expanded ${q.expanded}, queued ${q.bfs.length - q.head}, entries ${q.entries}, onward ${q.onward}\n`);
  }
  const complete = nodes.every((x) => x.next !== null);

  // Which states can still reach an ending, and which might through states not yet expanded.
  const n = nodes.length;
  const rev: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) for (const j of nodes[i].next ?? []) rev[j].push(i);
  const mark = (seeds: number[]): Uint8Array => {
    const m = new Uint8Array(n);
    const q = [...seeds];
    for (const x of q) m[x] = 1;
    while (q.length) {
      const x = q.pop()!;
      for (const y of rev[x]) if (!m[y]) (m[y] = 1), q.push(y);
    }
    return m;
  };
  const endingNodes: number[] = [];
  const openNodes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (nodes[i].next === null) openNodes.push(i);
    else if (nodes[i].state?.ending) endingNodes.push(i);
  }
  const good = mark(endingNodes);
  const maybe = mark(openNodes);
  const dead: number[] = [];
  let undecided = 0;
  for (let i = 0; i < n; i++) {
    if (good[i]) continue;
    if (maybe[i]) undecided++;
    else dead.push(i);
  }
  // Report the shallowest dead end behind each distinct "last step into the dead region".
  const entries = dead.filter((i) => i > 0 && good[nodes[i].parent]);
  const byCommand = new Map<string, number>();
  for (const i of entries) if (!byCommand.has(nodes[i].command)) byCommand.set(nodes[i].command, i);
  const first = new Set(byCommand.values());
  const picked = [...first, ...entries.filter((i) => !first.has(i))]
    .slice(0, opts.maxDeadEnds ?? 10)
    .sort((a, b) => nodes[a].depth - nodes[b].depth || a - b);
  if (dead.includes(0)) picked.unshift(0);

  const deadEnds = picked.map((i) => {
    const s = replayState(w, opts.seed ?? 0, pathTo(i));
    return { path: pathTo(i), act: s.act, room: roomOf(s, s.player), player: s.player };
  });
  return {
    states: n,
    expanded: n - openNodes.length,
    steps,
    complete,
    stopReason,
    elapsedMs: now() - t0,
    roomsReached,
    itemsInScope,
    endings: new Map([...endings].map(([id, i]) => [id, pathTo(i)])),
    deadEnds,
    deadEndCount: dead.length,
    undecided,
    engineFailures,
  };
}

/** How far along the story a state is, for the best-first probe: act, then puzzles, then what matters. */
function progress(w: World, s: State): number {
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
