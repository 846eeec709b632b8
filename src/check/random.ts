// Seeded random play through the commands the checker generates: the engine must never throw.
import type { World, State } from '../engine/types.js';
import { step } from '../engine/step.js';
import { initialState } from '../engine/state.js';
import { nextRandom } from '../engine/rng.js';
import { commandsFor } from './commands.js';

export interface RandomOptions {
  seed: number;
  /** Total engine steps across all walks. */
  steps: number;
  /** A walk restarts from the opening after this many commands or at an ending. */
  walkLength?: number;
  /** Every this many commands, type something a player might (a meta command or nonsense). */
  oddEvery?: number;
}

export interface RandomReport {
  steps: number;
  walks: number;
  endings: Record<string, number>;
  failures: { seed: number; path: string[]; message: string }[];
}

const ODD = ['look', 'inventory', 'exits', 'score', 'hint', 'recap', 'again', 'oops lamp', 'undo', 'x', 'take all', 'drop all', 'xyzzy', '', 'go to nowhere', 'it', 'take it', 'wait. wait. look'];

export function randomWalks(w: World, opts: RandomOptions): RandomReport {
  let rng = opts.seed | 0;
  const rand = (n: number) => {
    const r = nextRandom(rng);
    rng = r.rng;
    return Math.floor(r.value * n);
  };
  const walkLength = opts.walkLength ?? 400;
  const oddEvery = opts.oddEvery ?? 7;
  const report: RandomReport = { steps: 0, walks: 0, endings: {}, failures: [] };
  let s: State = initialState(w, opts.seed);
  let path: string[] = [];
  let choices: string[] = [];
  let fresh = true;
  while (report.steps < opts.steps) {
    if (fresh) {
      report.walks++;
      s = initialState(w, opts.seed + report.walks);
      path = [];
      fresh = false;
    }
    // Commands are regenerated only after a change of room or inventory would make them stale;
    // regenerating every step is the simple, honest choice, and cheap next to `step` itself.
    choices = commandsFor(w, s);
    const c = report.steps % oddEvery === oddEvery - 1 || !choices.length ? ODD[rand(ODD.length)] : choices[rand(choices.length)];
    path.push(c);
    report.steps++;
    try {
      s = step(w, s, c).state;
    } catch (e) {
      if (report.failures.length < 20) report.failures.push({ seed: opts.seed + report.walks, path: [...path], message: (e as Error)?.message ?? String(e) });
      fresh = true;
      continue;
    }
    if (s.ending) {
      report.endings[s.ending] = (report.endings[s.ending] ?? 0) + 1;
      fresh = true;
    } else if (path.length >= walkLength) fresh = true;
  }
  return report;
}
