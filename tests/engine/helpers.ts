// Plays lines against a content folder through the real host, returning each reply as plain text.
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { GameHost } from '../../src/host/host.js';
import { blocksToText } from '../../src/narrate/index.js';
import type { World } from '../../src/engine/types.js';

export const mini: World = loadContent(join(import.meta.dirname, '../fixtures/mini'));

export function game(world: World = mini, seed = 1) {
  const host = new GameHost({ world, seed, store: null, gameVersion: 'test' });
  const opening = blocksToText(host.start({ kind: 'new' }).blocks);
  return {
    host,
    opening,
    say: (line: string) => blocksToText(host.submit(line).blocks),
    run: (...lines: string[]) => lines.map((l) => blocksToText(host.submit(l).blocks)),
  };
}
