// Plays every scripted walkthrough in tests/playthroughs/ through the real engine and host.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlaythrough, check } from './format.js';
import { GameHost } from '../../src/host/host.js';
import { blocksToText } from '../../src/narrate/index.js';
import { loadContent } from '../../src/content/load.js';
import { makeOnMeta } from '../../src/comforts/index.js';

const dir = join(import.meta.dirname, '.');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const world = loadContent(join(import.meta.dirname, '../../content'));

describe('scripted playthroughs', () => {
  it('there are walkthroughs to play', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const f of files) {
    it(f, () => {
      const p = parsePlaythrough(readFileSync(join(dir, f), 'utf8'));
      // MAP and the other meta commands are answered as in a `--script` run of the CLI: nothing kept.
      let host!: GameHost;
      const onMeta = makeOnMeta({ world, getState: () => host.state, settings: null, transcript: null, home: null, screenReader: false, width: 80 });
      host = new GameHost({ world, seed: p.seed, store: null, gameVersion: 'test', onMeta });
      const fails: string[] = [];
      fails.push(...check(blocksToText(host.start({ kind: 'new' }).blocks), p.opening, `${f} opening`));
      for (const s of p.steps) {
        const out = host.submit(s.command);
        fails.push(...check(blocksToText(out.blocks), s.expect, `${f} > ${s.command}`));
        if (fails.length) break;
      }
      expect(fails).toEqual([]);
    });
  }
});
