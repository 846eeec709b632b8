// The work of one worker thread of the parallel search (parallel.ts): it expands the states it is
// sent through the real engine and answers with their successors. A successor whose state key and
// text-only assignment the worker already knows (the main thread tells it every one it accepts)
// comes back as the known node's number; any other comes back whole (serialised), with its keys,
// for the main thread to accept or find already taken. Coverage, rooms and items in scope are
// noted here and handed back once, at the end.
import { serialize, deserialize } from 'node:v8';
import type { World, State, Id, Rule } from '../engine/types.js';
import { step } from '../engine/step.js';
import { roomOf } from '../engine/world-query.js';
import { stateKey, textKeys, normalise } from './key.js';
import { commandsFor, walks, type GenOptions } from './commands.js';
import { Coverage, type CoverageDump } from './coverage.js';
import { progress } from './explore.js';
import { textTouch, type TextTouch } from './analyse.js';

/** One state to expand: its node, and the state itself (serialised). */
export interface WorkItem {
  node: number;
  state: Uint8Array;
  /** The opening: note what it shows too (every other state is noted when first found). */
  root?: boolean;
  /**
   * Another text-only state of a node already expanded (see parallel.ts): only `step` of the
   * commands its first state tried (`tried`) are stepped, with any command of its own.
   */
  text?: { tried: string[]; step: string[]; same?: boolean };
}

/** A successor already known to the worker: its node. */
export interface KnownSucc { c: string; id: number }
/** A successor the worker has not been told of. */
export interface NewSucc { c: string; key: string; texts: string[]; state: Uint8Array; act: number; ending: Id | null; prog: number }
export type Succ = KnownSucc | NewSucc;

export interface ItemResult {
  steps: number;
  succ: Succ[];
  /**
   * Each command stepped: the successor (index into succ; -1 when the engine failed) and whether
   * the step could touch text-only state (then another text-only state of this node must step it
   * too; otherwise it leads to the same node with the same text-only state).
   */
  cmds: [string, number, boolean][];
  failures: { command: string; message: string }[];
}

/** Verbs of commands that move things (with orders, `mia, take the lamp`). */
const MOVING = new Set(['take', 'get', 'pick', 'drop', 'put', 'give', 'throw', 'insert', 'place', 'leave', 'hand', 'offer']);

/** The rule lists run during a step, among those instrumented by `Expander` (runRules iterates a list with entries()). */
const touched = new Set<unknown[]>();

export interface Finish {
  coverage: CoverageDump;
  rooms: Id[];
  items: Id[];
}

export class Expander {
  private readonly known = new Map<string, { id: number; texts: Set<string> }>();

  private readonly coverage: Coverage;
  private readonly rooms = new Set<Id>();
  private readonly items = new Set<Id>();
  private readonly roomCount: number;
  private readonly itemCount: number;
  private readonly moves = new Map<TextTouch, Map<string, boolean>>();

  /** Options for every step: traced when the unshown content is wanted (see shown.ts). */
  private readonly trace: { trace?: boolean; quiet?: boolean };

  constructor(private readonly w: World, private readonly gen: GenOptions, unshown = false) {
    this.coverage = new Coverage(w, { unshown });
    this.trace = { trace: unshown, quiet: !unshown };
    this.roomCount = Object.keys(w.rooms).length;
    this.itemCount = Object.keys(w.items).length;
    // This thread's own copy of the world: its lists that write text-only state (in some act) say when they run.
    const maxAct = Math.max(...w.game.acts.map((a) => a.id), 1);
    const lists = new Set<Rule[]>();
    for (let a = 0; a <= maxAct; a++) for (const l of textTouch(w, a).lists) lists.add(l);
    for (const rules of lists) {
      Object.defineProperty(rules, 'entries', {
        value: function entries(this: unknown[]) {
          touched.add(this);
          return Array.prototype.entries.call(this);
        },
        configurable: true,
      });
    }
  }

  /** Nodes and text-only values the main thread has accepted: `[key, texts, node]`. */
  learn(known: readonly [string, string[], number][]): void {
    for (const [k, ts, id] of known) {
      const e = this.known.get(k);
      if (e) for (const t of ts) e.texts.add(t);
      else this.known.set(k, { id, texts: new Set(ts) });
    }
  }

  expand(item: WorkItem): ItemResult {
    const w = this.w;
    const s = deserialize(item.state) as State;
    const out: ItemResult = { steps: 0, succ: [], cmds: [], failures: [] };
    if (item.root) this.note(s);
    if (s.ending) return out;
    const sent = new Map<string, number>();
    const commands = this.commandsToTry(item, s);
    const textBefore = textKeys(w, s).join('|');
    const touch = textTouch(w, s.act);
    for (const c of commands) {
      out.steps++;
      let r;
      touched.clear();
      try {
        r = step(w, s, c, this.trace);
      } catch (e) {
        out.failures.push({ command: c, message: (e as Error)?.message ?? String(e) });
        out.cmds.push([c, -1, true]);
        continue;
      }
      for (const ev of r.events) if (ev.type === 'moved') this.rooms.add(ev.to);
      this.coverage.events(r.events);
      const n = normalise(r.state);
      const key = stateKey(w, n);
      const texts = textKeys(w, n);
      const text = texts.join('|');
      let listRan = false;
      for (const l of touched) if (touch.lists.has(l as Rule[])) listRan = true;
      const sensitive = touch.scenesRead || listRan || n.act !== s.act || text !== textBefore ||
        r.events.some((e) => e.type === 'scene' && touch.writerScenes.has(e.id)) ||
        this.movesTracked(c, touch);
      const both = `${key}\u0000${text}`;
      const at = sent.get(both);
      if (at !== undefined) {
        out.cmds.push([c, at, sensitive]);
        continue;
      }
      sent.set(both, out.succ.length);
      out.cmds.push([c, out.succ.length, sensitive]);
      const k = this.known.get(key);
      if (k && texts.every((t) => k.texts.has(t))) {
        out.succ.push({ c, id: k.id });
        continue;
      }
      this.note(n);
      out.succ.push({ c, key, texts, state: serialize(n), act: n.act, ending: n.ending ?? null, prog: progress(w, n) });
    }
    this.noteItemsInScope(s);
    if (this.rooms.size < this.roomCount) this.coverageWalks(s);
    if (this.trace.trace && !item.text) this.coverage.prose(s, commands);
    return out;
  }

  /**
   * The commands to step from the item's state: the generator's, or for another text-only state
   * of a node already expanded, those of `text.step` and the ones its first state did not try
   * (only `text.step` when `text.same`).
   */
  private commandsToTry(item: WorkItem, s: State): string[] {
    if (item.text?.same) return item.text.step;
    const commands = commandsFor(this.w, s, this.gen);
    if (!item.text) return commands;
    const tried = new Set(item.text.tried);
    const must = new Set(item.text.step);
    return commands.filter((c) => must.has(c) || !tried.has(c));
  }

  /** Could this command move a tracked item (see TextTouch.itemWords)? Asked of every step: remembered per command and act. */
  private movesTracked(c: string, touch: TextTouch): boolean {
    let byCommand = this.moves.get(touch);
    if (!byCommand) this.moves.set(touch, (byCommand = new Map()));
    let answer = byCommand.get(c);
    if (answer === undefined) {
      const words = c.toLowerCase().split(/[^\p{L}\p{N}'-]+/u);
      answer = (c.includes(',') || MOVING.has(words[0])) && words.some((word) => touch.itemWords.has(word));
      byCommand.set(c, answer);
    }
    return answer;
  }

  finish(): Finish {
    return { coverage: this.coverage.dump(), rooms: [...this.rooms], items: [...this.items] };
  }

  /** What a state found shows (see Coverage), and where it stands. */
  private note(s: State): void {
    this.coverage.visit(s);
    for (const c of s.playable.length ? s.playable : [s.player]) this.rooms.add(roomOf(s, c));
    this.rooms.add(roomOf(s, s.player));
  }

  private noteItemsInScope(s: State): void {
    if (this.items.size === this.itemCount) return;
    const here = roomOf(s, s.player);
    for (const id in s.loc) if (!this.items.has(id) && id in this.w.items && roomOf(s, id) === here) this.items.add(id);
  }

  /** As explore.ts's coverageWalks: walk for real to rooms not yet seen, adding nothing to the graph. */
  private coverageWalks(s: State): void {
    for (const c of walks(this.w, s, s.player, true, (room) => !this.rooms.has(room))) {
      let r;
      try {
        r = step(this.w, s, c, this.trace);
      } catch {
        continue;
      }
      for (const ev of r.events) if (ev.type === 'moved') this.rooms.add(ev.to);
      this.coverage.visit(r.state);
      this.coverage.events(r.events);
      this.noteItemsInScope(r.state);
      if (this.rooms.size >= this.roomCount) break;
    }
  }
}
