// No machinery leaks into what a player reads: every walkthrough's replies and a long random
// play are scanned for ids, `undefined`, `[object Object]`, empty placeholders and stack traces.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { GameHost } from '../../src/host/host.js';
import { blocksToText, narrate } from '../../src/narrate/index.js';
import { initialState, step } from '../../src/engine/index.js';
import { nextRandom } from '../../src/engine/rng.js';
import { commandsFor } from '../../src/check/commands.js';
import { findBadOutput } from '../../src/comforts/scan.js';
import { parsePlaythrough } from '../playthroughs/format.js';

const world = loadContent(join(import.meta.dirname, '../../content'));
const ids = [...Object.keys(world.messages), ...Object.keys(world.rooms), ...Object.keys(world.items)];
const dir = join(import.meta.dirname, '../playthroughs');

describe('what the player reads', () => {
  it('every walkthrough reply is clean', () => {
    const problems: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
      const p = parsePlaythrough(readFileSync(join(dir, f), 'utf8'));
      const host = new GameHost({ world, seed: p.seed, store: null, gameVersion: 'test' });
      problems.push(...findBadOutput(blocksToText(host.start({ kind: 'new' }).blocks), { ids }).map((x) => `${f} opening: ${x}`));
      for (const s of p.steps) {
        problems.push(...findBadOutput(blocksToText(host.submit(s.command).blocks), { ids }).map((x) => `${f} > ${s.command}: ${x}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('random play is clean too', () => {
    const problems: string[] = [];
    let rng = 12345;
    for (let walk = 0; walk < 20; walk++) {
      let s = initialState(world, walk);
      for (let i = 0; i < 150 && !s.ending; i++) {
        const choices = commandsFor(world, s);
        const r = nextRandom(rng);
        rng = r.rng;
        const c = choices[Math.floor(r.value * choices.length)] ?? 'wait';
        const res = step(world, s, c);
        s = res.state;
        const text = blocksToText(narrate(world, res.events));
        problems.push(...findBadOutput(text, { ids }).map((x) => `walk ${walk} > ${c}: ${x}`));
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});
