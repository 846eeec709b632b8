// Plays generated commands through the real engine (`play`, so undo is in) from many start
// states: every few moves along each scripted walkthrough, and the ends of random walks.
// Any exception is a failure, grouped by its message, with the shortest reproduction kept.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { World } from '../../src/engine/types.js';
import { newSession, play, type Session } from '../../src/engine/index.js';
import { parsePlaythrough } from '../playthroughs/format.js';
import { line, seeded, wordsOf, type Rand, type Words } from './generate.js';

export interface Start {
  name: string;
  /** The commands that lead here from a new game with `seed`. */
  path: string[];
  seed: number;
  session: Session;
}

export interface Failure {
  message: string;
  start: string;
  seed: number;
  /** From a new game with `seed`: the path to the start state, then the lines that threw. */
  lines: string[];
  stack: string;
}

export interface FuzzReport {
  commands: number;
  starts: number;
  exceptions: number;
  classes: Map<string, { count: number; example: Failure }>;
}

const WALKTHROUGHS = join(import.meta.dirname, '../playthroughs');

/** Start states every `every` moves along each walkthrough, then the ends of `walks` random walks. */
export function startStates(w: World, opts: { every: number; walks: number; walkLength: number; seed: number }): Start[] {
  const out: Start[] = [];
  for (const f of readdirSync(WALKTHROUGHS).filter((x) => x.endsWith('.txt')).sort()) {
    const p = parsePlaythrough(readFileSync(join(WALKTHROUGHS, f), 'utf8'));
    let session = newSession(w, p.seed);
    const path: string[] = [];
    out.push({ name: `${f}@0`, path: [], seed: p.seed, session });
    p.steps.forEach((s, i) => {
      session = play(w, session, s.command).session;
      path.push(s.command);
      if ((i + 1) % opts.every === 0) out.push({ name: `${f}@${i + 1}`, path: [...path], seed: p.seed, session });
    });
  }
  // Random walks from each walkthrough start: states no script reaches. A walk that throws is
  // not a start state; its exception is found again by the fuzzing itself.
  const ws = wordsOf(w);
  const r = seeded(opts.seed ^ 0x5eed);
  const bases = out.slice();
  for (let k = 0; k < opts.walks; k++) {
    const base = bases[Math.floor(r() * bases.length)]!;
    let session = base.session;
    const path = [...base.path];
    try {
      for (let i = 0; i < opts.walkLength; i++) {
        const l = line(r, ws);
        session = play(w, session, l).session;
        path.push(l);
      }
      out.push({ name: `walk ${k} from ${base.name}`, path, seed: base.seed, session });
    } catch { /* counted by the fuzz run */ }
  }
  return out;
}

/** Plays `commands` lines in short bursts from random start states. */
export function fuzz(w: World, starts: Start[], opts: { commands: number; seed: number; burst?: number; play?: typeof play }): FuzzReport {
  const turn = opts.play ?? play;
  const ws: Words = wordsOf(w);
  const r: Rand = seeded(opts.seed);
  const report: FuzzReport = { commands: 0, starts: starts.length, exceptions: 0, classes: new Map() };
  const burst = opts.burst ?? 6;
  while (report.commands < opts.commands) {
    const start = starts[Math.floor(r() * starts.length)]!;
    let session = start.session;
    const played: string[] = [];
    const n = Math.min(1 + Math.floor(r() * burst), opts.commands - report.commands);
    for (let i = 0; i < n; i++) {
      const l = line(r, ws);
      played.push(l);
      report.commands++;
      try {
        session = turn(w, session, l).session;
      } catch (e) {
        report.exceptions++;
        const err = e as Error;
        const key = classify(err);
        const failure: Failure = {
          message: String(err?.message ?? err), start: start.name, seed: start.seed,
          lines: [...start.path, ...played], stack: String(err?.stack ?? ''),
        };
        const seen = report.classes.get(key);
        if (!seen) report.classes.set(key, { count: 1, example: failure });
        else {
          seen.count++;
          if (failure.lines.length < seen.example.lines.length) seen.example = failure;
        }
        break;
      }
    }
  }
  return report;
}

/** One class per message and throwing place: numbers and quoted words vary within a class. */
function classify(e: Error): string {
  const msg = String(e?.message ?? e).replace(/"[^"]*"|'[^']*'/g, '…').replace(/\d+/g, 'N');
  const at = /\n\s+at ([^\n]*)/.exec(String(e?.stack ?? ''))?.[1]?.replace(/:\d+:\d+\)?$/, '') ?? '';
  return `${e?.name ?? 'Error'}: ${msg} @ ${at}`;
}

export function describeReport(rep: FuzzReport): string[] {
  const out = [`commands: ${rep.commands}`, `start states: ${rep.starts}`, `exceptions: ${rep.exceptions} in ${rep.classes.size} classes`];
  for (const [key, { count, example }] of rep.classes) {
    out.push(``, `${count} × ${key}`, `  from ${example.start} (seed ${example.seed}); the lines after the start:`);
    const tail = example.lines.slice(-8);
    for (const l of tail) out.push(`  > ${JSON.stringify(l).slice(1, -1).slice(0, 160)}`);
  }
  return out;
}
