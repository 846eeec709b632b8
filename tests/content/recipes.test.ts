// Walks the recipes in content/README.md ("Recipes for the story's parts") on a copy of the small
// test story: each block is merged into the file its comment names (maps merged, lists appended),
// in order, so later recipes build on earlier ones; then the story must load, and the commands
// must get the replies the comment expects. A recipe that drifts from the engine fails here.
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { loadContent } from '../../src/content/load.js';
import { game } from '../engine/helpers.js';
import { makeTemp } from '../temp.js';

interface Recipe { name: string; file: string; play: string[]; expect: string[]; yaml: string }

const README = join(import.meta.dirname, '../../content/README.md');
const FIXTURE = join(import.meta.dirname, '../fixtures/mini');

function recipes(): Recipe[] {
  const text = readFileSync(README, 'utf8');
  const out: Recipe[] = [];
  for (const m of text.matchAll(/<!-- recipe: (.*?) -->\s*```yaml\n([\s\S]*?)```/g)) {
    const fields = new Map<string, string>();
    const [name, ...rest] = m[1]!.split(' | ');
    for (const f of rest) {
      const at = f.indexOf(':');
      fields.set(f.slice(0, at).trim(), f.slice(at + 1).trim());
    }
    const list = (k: string) => (fields.get(k) ?? '').split(';').map((x) => x.trim()).filter(Boolean);
    out.push({ name: name!.trim(), file: fields.get('file')!, play: list('play'), expect: list('expect'), yaml: m[2]! });
  }
  return out;
}

/** Maps merged key by key, lists appended, anything else replaced. */
function merge(into: unknown, add: unknown): unknown {
  if (Array.isArray(into) && Array.isArray(add)) return [...into, ...add];
  if (into && add && typeof into === 'object' && typeof add === 'object' && !Array.isArray(into) && !Array.isArray(add)) {
    const out: Record<string, unknown> = { ...(into as Record<string, unknown>) };
    for (const [k, v] of Object.entries(add as Record<string, unknown>)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return add;
}

describe('the recipes in content/README.md', () => {
  const all = recipes();
  let dir = '';
  beforeAll(() => {
    dir = makeTemp('nd-recipes-');
    cpSync(FIXTURE, dir, { recursive: true });
  });

  it('are there: room, item, puzzle and hint, verb and ability, scene, ending', () => {
    const names = all.map((r) => r.name);
    for (const n of ['room', 'item', 'puzzle', 'puzzle-rule', 'hint', 'ability-verb', 'ability-rules', 'scene', 'ending', 'ending-scene']) expect(names).toContain(n);
  });

  // One test per recipe, in the README's order; each builds on the ones before it.
  for (const r of all) {
    it(`${r.name}: ${r.file}${r.play.length ? ` — ${r.play.join(', ')}` : ''}`, () => {
      const file = join(dir, r.file);
      const before = existsSync(file) ? parse(readFileSync(file, 'utf8')) : undefined;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, stringify(before === undefined ? parse(r.yaml) : merge(before, parse(r.yaml))));
      const world = loadContent(dir);
      if (!r.play.length) return;
      const g = game(world);
      const replies = g.run(...r.play).join('\n');
      for (const e of r.expect) expect(replies, `after ${r.play.join(', ')}`).toContain(e);
    });
  }
});
