// Counts what the story holds: rooms, puzzles, examinable objects, words of prose, endings.
// Run: npx tsx src/tools/count.ts [CONTENT_DIR] (prints a table, then JSON on the last line).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadContent } from '../content/load.js';
import type { World } from '../engine/types.js';

/** Words in every string value of a YAML document (keys, ids and conditions are not prose). */
function proseWords(node: unknown, key = ''): number {
  if (typeof node === 'string') {
    if (/^(id|if|words|adjectives|to|door|key|location|region|with|topic|kind|pronoun|move|set|clear|solve|ending|switchTo|moveTo|setProp|clearProp|prop|count|visibleTo|player|here|flag|notFlag|has|notHas)$/.test(key)) return 0;
    return node.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
  }
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + proseWords(x, key), 0);
  if (node && typeof node === 'object') {
    return Object.entries(node).reduce((n, [k, v]) => (k === 'if' || k === 'words' || k === 'adjectives' ? n : n + proseWords(v, k)), 0);
  }
  return 0;
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
    .reduce((n, f) => n + proseWords(parse(readFileSync(f, 'utf8'))), 0);
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
