// A turn shares the parts of the state it does not change with the state before it (which undo
// keeps). These play the walkthroughs and long random games with every earlier state frozen: a
// turn that wrote into a shared part instead of its own copy would throw here.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { initialState, step, type State } from '../../src/engine/index.js';
import { commandsFor } from '../../src/check/commands.js';
import { parsePlaythrough } from '../playthroughs/format.js';

const world = loadContent(join(import.meta.dirname, '../../content'));
const walkDir = join(import.meta.dirname, '../playthroughs');

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Steps from a frozen state, and checks the turn said and did what it does from a private copy. */
function frozenStep(s: State, command: string): State {
  const free = step(world, structuredClone(s) as State, command);
  const r = step(world, deepFreeze(s), command);
  expect(r.events).toEqual(free.events);
  expect(r.state).toEqual(free.state);
  return r.state;
}

describe('turns never change the state they start from', () => {
  for (const f of readdirSync(walkDir).filter((n) => n.endsWith('.txt')).sort()) {
    it(`walkthrough ${f}`, () => {
      const p = parsePlaythrough(readFileSync(join(walkDir, f), 'utf8'));
      let s = initialState(world, p.seed);
      const kept: State[] = [];
      const copies: State[] = [];
      for (const c of p.steps) {
        kept.push(s);
        copies.push(structuredClone(s) as State);
        s = frozenStep(s, c.command);
      }
      // Every state a turn started from is still what it was before the turn, value for value
      // (undo keeps these; a write through a shared part would show here).
      expect(kept).toEqual(copies);
    });
  }

  it('random games, choosing among the commands the checker would try', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let game = 0; game < 4; game++) {
      let s = initialState(world, game);
      for (let turn = 0; turn < 150 && !s.ending; turn++) {
        const options = [...commandsFor(world, s, { allCommands: turn % 3 === 0 }), 'undo', 'again', 'i', 'take all', 'drop all'];
        s = frozenStep(s, options[rand(options.length)]!);
      }
    }
  });
});
