// What the story holds that no state the search found can show: scenes that never run, hints
// that are never the current one, puzzles never solved, items never within reach, and content
// rules and text variants never shown (see shown.ts).
import type { GameEvent, Id, State, World } from '../engine/types.js';
import { Shown, type Owner } from './shown.js';
import { holds } from '../engine/conditions.js';
import { roomOf, scope } from '../engine/world-query.js';
import { step } from '../engine/step.js';
import { commandsFor } from './commands.js';
import type { WitnessSink } from './witness.js';

export interface Unreachable {
  kind: 'scene' | 'hint' | 'puzzle' | 'item' | 'rule' | 'variant';
  id: string;
  /**
   * The field that keeps it from showing: a scene's or hint's `if`, an item's `location`, a
   * puzzle's `solve`; for a rule or variant, where it is written in its owner (`verbs.take[1]`).
   */
  field: string;
  /** A rule's or variant's room, item, character, scene or ending. */
  owner?: Owner;
}

export interface CoverageDump { fired: Id[]; ran: Id[]; hints: Id[]; solved: Id[]; inReach: Id[]; shown?: string[] }

export class Coverage {
  private readonly fired = new Set<Id>();
  private readonly ranScenes = new Set<Id>();
  private readonly currentHints = new Set<Id>();
  private readonly solved = new Set<Id>();
  private readonly inReach = new Set<Id>();
  /** The views prose has been stepped from (see `prose`). */
  private readonly proseViews = new Set<string>();

  private readonly itemCount: number;
  /** Rules and variants shown, when asked for (`unshown`: slower, see shown.ts). */
  private readonly shown: Shown | null;

  constructor(private readonly w: World, opts: { unshown?: boolean } = {}) {
    this.itemCount = Object.keys(w.items).length;
    this.shown = opts.unshown ? new Shown(w) : null;
  }

  /** Notes the scenes a step ran. */
  readonly events = (events: readonly GameEvent[]): void => {
    this.shown?.events(events);
    for (const e of events) {
      if (e.type === 'scene') this.ranScenes.add(e.id);
      // A puzzle solved on a step into a state the search already has (solved puzzles are not
      // part of the state key: the same deed can score by two ways).
      else if (e.type === 'score') this.solved.add(e.puzzle);
    }
  };

  /** Notes what this state shows. */
  readonly visit = (s: State): void => {
    const w = this.w;
    for (const id of s.fired) this.fired.add(id);
    for (const id of s.solved) this.solved.add(id);
    const hint = w.hints.find((h) => holds(w, s, h.if, s.player));
    if (hint) this.currentHints.add(hint.id);
    this.shown?.look(s);
    // Only the items not yet met are looked for (this runs for every state of the search).
    if (this.inReach.size === this.itemCount) return;
    const here = roomOf(s, s.player);
    for (const id of Object.keys(s.loc)) if (!this.inReach.has(id) && Object.hasOwn(w.items, id) && roomOf(s, id) === here) this.inReach.add(id);
  };

  /**
   * For `--unshown`: prose reached through prose. The search steps only commands that can change
   * what matters, so a text shown only after a command that merely prints, or moves a thing no
   * condition asks about (look behind the photo, then take the slip it showed), was never seen.
   * Where the player's room or a thing in scope still has something not shown, every other
   * command the parser understands is stepped once from `s` (`tried`: those the search stepped),
   * from the first state found with that view (act, player, room and what is in scope); what
   * each step used and what its state shows are noted. Those states are reachable, one command
   * beyond the search, but they are not added to it.
   */
  readonly prose = (s: State, tried: readonly string[]): void => {
    const shown = this.shown;
    if (!shown) return;
    const inScope = scope(this.w, s, s.player);
    if (!shown.openHere(s, inScope)) return;
    const view = `${s.act}|${s.player}|${roomOf(s, s.player)}|${[...inScope].sort().join(',')}`;
    if (this.proseViews.has(view)) return;
    this.proseViews.add(view);
    const done = new Set(tried);
    for (const c of commandsFor(this.w, s, { allCommands: true })) {
      if (done.has(c)) continue;
      let r;
      try {
        r = step(this.w, s, c, { trace: true });
      } catch {
        continue; // an engine failure is the search's to find and report
      }
      this.events(r.events);
      shown.look(r.state);
    }
  };

  /**
   * For `--unshown`: what a recorded playthrough shows (see witness.ts). Only rules and text
   * variants: what the search calls unreachable stays its own finding.
   */
  readonly witness: WitnessSink = {
    events: (events) => this.shown?.events(events),
    look: (s) => this.shown?.look(s),
  };

  /** What has been noted, as plain lists (for a worker thread to hand back). */
  dump(): CoverageDump {
    return { fired: [...this.fired], ran: [...this.ranScenes], hints: [...this.currentHints], solved: [...this.solved], inReach: [...this.inReach], shown: this.shown?.dump() };
  }

  /** Adds what another Coverage noted. */
  merge(d: CoverageDump): void {
    for (const x of d.fired) this.fired.add(x);
    for (const x of d.ran) this.ranScenes.add(x);
    for (const x of d.hints) this.currentHints.add(x);
    for (const x of d.solved) this.solved.add(x);
    for (const x of d.inReach) this.inReach.add(x);
    if (d.shown) this.shown?.merge(d.shown);
  }

  unreachable(): Unreachable[] {
    const w = this.w;
    const out: Unreachable[] = [];
    for (const sc of w.scenes) {
      const ran = this.ranScenes.has(sc.id) || this.fired.has(sc.id);
      if (!ran) out.push({ kind: 'scene', id: sc.id, field: 'if' });
    }
    for (const h of w.hints) if (!this.currentHints.has(h.id)) out.push({ kind: 'hint', id: h.id, field: 'if' });
    for (const id of Object.keys(w.puzzles)) if (!this.solved.has(id)) out.push({ kind: 'puzzle', id, field: 'solve' });
    for (const id of Object.keys(w.items)) if (!this.inReach.has(id)) out.push({ kind: 'item', id, field: 'location' });
    return out;
  }

  /** Content rules and text variants no state found shows, when asked for (else null). */
  unshown(): Unreachable[] | null {
    return this.shown?.unshown() ?? null;
  }
}
