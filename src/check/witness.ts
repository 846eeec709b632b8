// Recorded playthroughs as witnesses for `check --unshown`: what they show is shown. The search
// keys states on what can change what happens, and tracks text-only state only where a scene or
// hint condition reads it, so a text chosen by something nothing else reads (the morning after a
// ribbon was carried out of the dream, the orchard with Elara gone over the bridge first) can be
// reached in play and still never be met by the search. A playthrough that shows it settles it: every
// state it passes through is a real one. Witnesses count for rules and text variants only; the
// scenes, hints, puzzles, items and endings the report calls unreachable stay the search's proof.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GameEvent, State, World } from '../engine/types.js';
import { initialState } from '../engine/state.js';
import { step } from '../engine/step.js';

/** A recorded game: its seed and the commands typed. */
export interface Witness {
  name: string;
  seed: number;
  commands: string[];
}

/** A folder of playthroughs that could not be read. */
export class WitnessFolderError extends Error {
  constructor(readonly dir: string, readonly reason: string) {
    super(`${dir}: ${reason}`);
  }
}

/** Every `*.txt` playthrough in each folder, in name order. Throws WitnessFolderError. */
export function readWitnesses(dirs: readonly string[]): Witness[] {
  const out: Witness[] = [];
  for (const d of dirs) {
    try {
      for (const f of readdirSync(d).filter((x) => x.endsWith('.txt')).sort()) out.push(parseWitness(f, readFileSync(join(d, f), 'utf8')));
    } catch (e) {
      throw new WitnessFolderError(d, (e as Error).message);
    }
  }
  return out;
}

/** What a witness replay feeds: the events of each traced step, and each state it reaches. */
export interface WitnessSink {
  events(events: readonly GameEvent[]): void;
  look(s: State): void;
}

/**
 * A playthrough in the walkthrough format (tests/playthroughs/*.txt): `> command` lines, and
 * `# seed: N`; everything else (the replies it expects) is not needed here.
 */
export function parseWitness(name: string, text: string): Witness {
  let seed = 0;
  const commands: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const m = /^#\s*seed:\s*(-?\d+)/.exec(line);
    if (m) seed = Number(m[1]);
    else if (line.startsWith('>')) commands.push(line.slice(1).trim());
  }
  return { name, seed, commands };
}

/**
 * Replays each witness through the engine, traced, and hands what it shows to `sink`. UNDO goes
 * back a state as in play; a command the engine refuses is part of the record and is played too.
 * Returns how many steps were replayed.
 */
export function replayWitnesses(w: World, witnesses: readonly Witness[], sink: WitnessSink): number {
  let steps = 0;
  for (const wt of witnesses) {
    let s = initialState(w, wt.seed);
    const back: State[] = [];
    sink.look(s);
    for (const c of wt.commands) {
      if (/^\s*undo\s*$/i.test(c)) {
        s = back.pop() ?? s;
        continue;
      }
      const r = step(w, s, c, { trace: true });
      steps++;
      back.push(s);
      s = r.state;
      sink.events(r.events);
      sink.look(s);
      if (s.ending) break;
    }
  }
  return steps;
}
