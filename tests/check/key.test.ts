// The state key spells each part of a state once and remembers it by the part object (see
// key.ts's memo): the successors of one state share most of its parts. That is right only while
// nothing changes a part a state already has. Played through the real story's longest
// walkthrough, the key of every state equals the key of a fresh deep copy of it (no part
// remembered), and so does the key of every state the checker's commands lead to from it.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadContent } from '../../src/content/load.js';
import { stateKey, commandsFor } from '../../src/check/index.js';
import { step } from '../../src/engine/step.js';
import { initialState } from '../../src/engine/state.js';
import type { State } from '../../src/engine/types.js';
import { REPO } from './helpers.js';

const world = loadContent(join(REPO, 'content'));
const walkthrough = readFileSync(join(REPO, 'tests/playthroughs/ending-balance.txt'), 'utf8')
  .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2));

describe('the memoised state key', () => {
  it('equals the key of a fresh copy, for every state of a playthrough and every command tried from it', () => {
    let s: State = initialState(world, 0);
    let compared = 0;
    const differs = new Set<string>();
    for (const [n, line] of walkthrough.entries()) {
      const key = stateKey(world, s);
      expect(stateKey(world, structuredClone(s))).toBe(key);
      // Every fifth state: each successor too (they share the parts the command left alone).
      if (n % 5 === 0) {
        for (const c of commandsFor(world, s)) {
          const next = step(world, s, c).state;
          const k = stateKey(world, next);
          expect(stateKey(world, structuredClone(next))).toBe(k);
          if (k !== key) differs.add(c);
          compared++;
        }
        // The parent's key is unchanged by stepping from it.
        expect(stateKey(world, s)).toBe(key);
      }
      s = step(world, s, line).state;
    }
    expect(walkthrough.length).toBeGreaterThan(50);
    expect(compared).toBeGreaterThan(200);
    // Not a key that ignores everything: many commands lead somewhere new.
    expect(differs.size).toBeGreaterThan(20);
  });
});
