// Counts what the story holds: rooms, puzzles, examinable objects, words of prose, endings.
// Run: npx tsx src/tools/count.ts [CONTENT_DIR] (prints a table, then JSON on the last line).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, visit, isScalar } from 'yaml';
import { loadContent } from '../content/load.js';
import type { World } from '../engine/types.js';

// Keys whose values are ids, words for the parser or logic, not prose.
const NOT_PROSE = new Set(['id', 'words', 'adjectives', 'to', 'door', 'key', 'location', 'region', 'with', 'topic', 'kind',
  'pronoun', 'move', 'set', 'clear', 'solve', 'ending', 'switchTo', 'moveTo', 'setProp', 'clearProp', 'prop', 'count',
  'visibleTo', 'player', 'here', 'flag', 'notFlag', 'has', 'notHas', 'who', 'if', 'version', 'playable']);

/**
 * Words in the prose of one YAML file: string values only, each written once (an alias that
 * repeats a passage is not counted again), skipping ids, parser words and conditions.
 */
function proseWords(src: string): number {
  let n = 0;
  visit(parseDocument(src), {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (NOT_PROSE.has(key)) return visit.SKIP;
      return undefined;
    },
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return;
      n += node.value.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
    },
  });
  return n;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return f.endsWith('.yaml') ? [p] : [];
  });
}

export interface StoryCounts {
  rooms: number;
  puzzles: number;
  examinable: number;
  items: number;
  scenery: number;
  words: number;
  endings: number;
  characters: number;
  topics: number;
}

export function countStory(dir: string, world: World = loadContent(dir)): StoryCounts {
  const scenery = Object.values(world.rooms).reduce((n, r) => n + (r.scenery?.length ?? 0), 0);
  const items = Object.keys(world.items).length;
  const words = yamlFiles(dir)
    .filter((f) => !f.endsWith('messages.yaml') && !f.endsWith('help.yaml'))
    .reduce((n, f) => n + proseWords(readFileSync(f, 'utf8')), 0);
  return {
    rooms: Object.keys(world.rooms).length,
    puzzles: Object.keys(world.puzzles).length,
    examinable: items + scenery,
    items,
    scenery,
    words,
    endings: Object.keys(world.endings).length,
    characters: Object.keys(world.characters).length,
    topics: Object.keys(world.topics).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(import.meta.dirname, '../../content');
  const c = countStory(dir);
  for (const [k, v] of Object.entries(c)) console.log(`${k.padEnd(12)} ${v}`);
  console.log(JSON.stringify(c));
}
