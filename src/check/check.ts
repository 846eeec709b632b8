// `runCheck`: references, then exploration, folded into one report that says what is proven.
import type { World, Id, Ending } from '../engine/types.js';
import { checkReferences } from '../content/references.js';
import { explore, type ExploreOptions, type EngineFailure, type Exploration } from './explore.js';
import { Coverage, type Unreachable } from './coverage.js';
import { exploreParallel } from './parallel.js';
import { replayWitnesses, type Witness } from './witness.js';

export type { Unreachable } from './coverage.js';

export interface CheckOptions extends ExploreOptions {
  /** With `unshown`: recorded playthroughs whose rules and variants count as shown (witness.ts). */
  witnesses?: readonly Witness[];
}

export interface EndingResult {
  id: Id;
  kind: Ending['kind'];
  reached: boolean;
  path: string[];
}

/** The search's own figures, as exploration counted them. */
type SearchFigures = Pick<Exploration, 'states' | 'textStates' | 'expanded' | 'steps' | 'complete' | 'stopReason' | 'elapsedMs'>;

export interface CheckReport extends SearchFigures {
  /** States (keys and text-only states) found per second of search; null when no clock was given. */
  statesPerSecond: number | null;
  /** Threads the search ran on. */
  workers: number;
  ok: boolean;
  rooms: { total: number; reached: Id[]; unreached: Id[] };
  endings: EndingResult[];
  deadEnds: { path: string[]; act: number; room: Id; player: Id }[];
  deadEndCount: number;
  undecided: number;
  references: { errors: string[]; warnings: string[] };
  /** Things defined but never met in play or never used by content. */
  unused: string[];
  /**
   * What no state the search found can show (see coverage.ts). Exact when the search is
   * complete; after an early stop, some of it may only lie beyond where the search stopped.
   */
  unreachable: Unreachable[];
  /**
   * With `unshown`: content rules and text variants no state found shows (see shown.ts). A
   * lead for writers, not part of `ok`: prose reached only through other prose can be listed.
   */
  unshown?: Unreachable[];
  engineFailures: EngineFailure[];
}

export function runCheck(w: World, opts: CheckOptions = {}): CheckReport {
  const coverage = new Coverage(w, opts);
  const x = explore(w, { ...opts, visit: coverage.visit, events: coverage.events, prose: opts.unshown ? coverage.prose : undefined });
  witness(w, opts, coverage);
  return fold(w, x, coverage);
}

/** The witnesses' share of what is shown, after the search (see witness.ts). */
function witness(w: World, opts: CheckOptions, coverage: Coverage): void {
  if (opts.unshown && opts.witnesses?.length) replayWitnesses(w, opts.witnesses, coverage.witness);
}

/** The same check with the search spread over `workers` threads (see parallel.ts). */
export async function runCheckParallel(w: World, opts: CheckOptions & { workers: number; perWorker?: number }): Promise<CheckReport> {
  const coverage = new Coverage(w, opts);
  const x = await exploreParallel(w, { ...opts, coverage });
  witness(w, opts, coverage);
  return fold(w, x, coverage, opts.workers);
}

function fold(w: World, x: Exploration, coverage: Coverage, workers = 1): CheckReport {
  const unshown = coverage.unshown();
  const references = checkReferences(w);
  const allRooms = Object.keys(w.rooms);
  const unreached = allRooms.filter((r) => !x.roomsReached.has(r));
  const endings: EndingResult[] = Object.values(w.endings).map((e) => ({
    id: e.id,
    kind: e.kind,
    reached: x.endings.has(e.id),
    path: x.endings.get(e.id) ?? [],
  }));
  const unused: string[] = [];
  for (const id of Object.keys(w.items)) if (!x.itemsInScope.has(id)) unused.push(`item "${id}" is never within reach of the player`);
  const talkedAbout = new Set<Id>();
  for (const c of Object.values(w.characters)) for (const k of [...Object.keys(c.ask ?? {}), ...Object.keys(c.tell ?? {})]) talkedAbout.add(k);
  for (const t of Object.keys(w.topics)) if (!talkedAbout.has(t)) unused.push(`topic "${t}" has no ask/tell rule`);
  const ok =
    references.errors.length === 0 &&
    unreached.length === 0 &&
    endings.every((e) => e.reached) &&
    x.deadEndCount === 0 &&
    x.engineFailures.length === 0 &&
    x.complete;
  return {
    ok,
    states: x.states,
    textStates: x.textStates,
    statesPerSecond: rate(x),
    workers,
    expanded: x.expanded,
    steps: x.steps,
    complete: x.complete,
    stopReason: x.stopReason,
    elapsedMs: x.elapsedMs,
    rooms: { total: allRooms.length, reached: allRooms.filter((r) => x.roomsReached.has(r)), unreached },
    endings,
    deadEnds: x.deadEnds,
    deadEndCount: x.deadEndCount,
    undecided: x.undecided,
    references,
    unused,
    unreachable: coverage.unreachable(),
    ...(unshown ? { unshown } : {}),
    engineFailures: x.engineFailures.slice(0, 20),
  };
}

function rate(x: Exploration): number | null {
  return x.elapsedMs > 0 ? Math.round(((x.states + x.textStates) * 1000) / x.elapsedMs) : null;
}

/** The machine-readable shape promised in the issue (plus a few extra fields after it). */
export function reportJson(r: CheckReport, sourceOf: (u: Unreachable) => string = (u) => u.field): object {
  return {
    states: r.states,
    rooms: { total: r.rooms.total, unreached: r.rooms.unreached },
    endings: r.endings.map((e) => ({ id: e.id, reached: e.reached, path: e.path })),
    deadEnds: r.deadEnds.map((d) => ({ path: d.path })),
    textStates: r.textStates,
    expanded: r.expanded,
    steps: r.steps,
    statesPerSecond: r.statesPerSecond,
    workers: r.workers,
    ok: r.ok,
    complete: r.complete,
    stopReason: r.stopReason,
    deadEndCount: r.deadEndCount,
    undecided: r.undecided,
    elapsedMs: r.elapsedMs,
    errors: r.references.errors,
    warnings: [...r.references.warnings, ...r.unused],
    engineFailures: r.engineFailures,
    unreachable: r.unreachable.map((u) => ({ kind: u.kind, id: u.id, source: sourceOf(u) })),
    ...(r.unshown ? { unshown: r.unshown.map((u) => ({ kind: u.kind, id: u.id, source: sourceOf(u) })) } : {}),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A short report for people: verdict first, then only what needs attention. */
export function formatReport(r: CheckReport, sourceOf: (u: Unreachable) => string = (u) => u.field): string {
  const lines: string[] = [];
  const secs = (r.elapsedMs / 1000).toFixed(1);
  const rateText = r.statesPerSecond === null ? '' : `, ${r.statesPerSecond.toLocaleString('en')} states/s on ${plural(r.workers, 'thread')}`;
  const textPart = r.textStates ? ` (and ${plural(r.textStates, 'state')} that differ only in what is said)` : '';
  lines.push(`${r.ok ? 'ok' : 'FAILED'}: ${plural(r.states, 'state')}${textPart} explored${r.complete ? '' : ` (stopped early: ${r.stopReason === 'time' ? 'time limit' : 'state limit'})`} in ${secs} s${rateText}.`);
  for (const e of r.references.errors) lines.push(`error: ${e}`);
  lines.push(`rooms: ${r.rooms.reached.length} of ${r.rooms.total} reached${r.rooms.unreached.length ? `; never reached: ${r.rooms.unreached.join(', ')}` : ''}.`);
  lines.push('endings:');
  for (const e of r.endings) {
    lines.push(e.reached ? `  ${e.id} (${e.kind}): ${plural(e.path.length, 'command')}` : `  ${e.id} (${e.kind}): NEVER REACHED`);
  }
  if (r.deadEndCount) {
    lines.push(`dead ends: ${plural(r.deadEndCount, 'state')} from which no ending can be reached. The way in:`);
    for (const d of r.deadEnds) lines.push(`  [act ${d.act}, ${d.player} in ${d.room}] ${d.path.join(' / ') || '(the opening)'}`);
  } else lines.push(r.complete ? 'dead ends: none.' : `dead ends: none among the states fully explored (${r.undecided} undecided).`);
  for (const f of r.engineFailures) lines.push(`engine error on "${f.command}" after ${f.path.join(' / ') || '(the opening)'}: ${f.message}`);
  const warnings = [...r.references.warnings, ...r.unused];
  if (warnings.length) {
    lines.push(`${plural(warnings.length, 'warning')}:`);
    for (const w of warnings.slice(0, 15)) lines.push(`  ${w}`);
    if (warnings.length > 15) lines.push(`  ... and ${warnings.length - 15} more (--json lists them all)`);
  }
  if (r.unreachable.length) {
    lines.push(`never shown${r.complete ? '' : ' in the states searched'}: ${plural(r.unreachable.length, 'piece')} of the story:`);
    for (const u of r.unreachable.slice(0, 15)) lines.push(`  ${u.kind} ${u.id} (${sourceOf(u)})`);
    if (r.unreachable.length > 15) lines.push(`  ... and ${r.unreachable.length - 15} more (--json lists them all)`);
  } else lines.push('never shown: nothing.');
  if (r.unshown?.length) {
    lines.push(`rules and text variants no state found shows (a lead: one reached only through other prose can be listed): ${r.unshown.length}`);
    for (const u of r.unshown.slice(0, 15)) lines.push(`  ${u.kind} ${u.id} (${sourceOf(u)})`);
    if (r.unshown.length > 15) lines.push(`  ... and ${r.unshown.length - 15} more (--json lists them all)`);
  } else if (r.unshown) lines.push('rules and text variants no state found shows: none.');
  return lines.join('\n') + '\n';
}
