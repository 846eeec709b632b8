// Plays lines against a content folder through the real host, returning each reply as plain text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
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

/** The commands of a walkthrough in tests/playthroughs (its `> ` lines). */
export function walkthrough(file: string): string[] {
  return readFileSync(join(import.meta.dirname, '../playthroughs', file), 'utf8')
    .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());
}

/** A game of `world` played through `lines` up to (not including) the `nth` occurrence of `cmd`. */
export function gameBefore(world: World, lines: readonly string[], cmd: string, nth = 1) {
  let n = -1;
  for (let i = 0, k = 0; i < lines.length; i++) if (lines[i] === cmd && ++k === nth) { n = i; break; }
  expect(n, cmd).toBeGreaterThan(0);
  const g = game(world);
  g.run(...lines.slice(0, n));
  return g;
}

let realStory: World | undefined;

/** The real story in content/, loaded once per test file. */
export function story(): World {
  realStory ??= loadContent(join(import.meta.dirname, '../..', 'content'));
  return realStory;
}

/** `before(cmd, nth)`: a game of the real story played through a walkthrough up to its nth `cmd`. */
export function playedTo(file = 'ending-balance.txt'): (cmd: string, nth?: number) => ReturnType<typeof game> {
  const walk = walkthrough(file);
  return (cmd, nth = 1) => gameBefore(story(), walk, cmd, nth);
}
