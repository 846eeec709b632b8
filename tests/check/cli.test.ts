// `checkCommand`, the function behind `nanodream check`: exit codes and the two outputs.
import { afterAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { checkCommand } from '../../src/check/index.js';
import { TINY, mutated, cleanup } from './helpers.js';

afterAll(cleanup);

function sink() {
  let text = '';
  const stream = new Writable({ write: (c, _e, cb) => ((text += String(c)), cb()) });
  return { stream, text: () => text };
}

async function run(flags: Parameters<typeof checkCommand>[0]) {
  const out = sink();
  const err = sink();
  const code = await checkCommand(flags, { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

describe('checkCommand', () => {
  it('exits 0 with a short report when the story can be finished', async () => {
    const r = await run({ contentDir: TINY, json: false });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok: /);
  });

  it('--json prints the documented shape', async () => {
    const r = await run({ contentDir: TINY, json: true });
    const j = JSON.parse(r.out);
    expect(Object.keys(j).slice(0, 4)).toEqual(['states', 'rooms', 'endings', 'deadEnds']);
    expect(j.endings.every((e: { reached: boolean; path: string[] }) => e.reached && e.path.length > 0)).toBe(true);
  });

  it('exits 1 with the way into a dead end', async () => {
    const dir = mutated(TINY, 'rooms/house.yaml', (t) => t.replace('      description: A small brass key.', '      description: A small brass key.\n      edible: true'));
    const r = await run({ contentDir: dir, json: false });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/dead ends: .*\n.*east \/ eat key/);
  });

  it('exits 2 naming the file when the content does not load', async () => {
    const dir = mutated(TINY, 'rooms/house.yaml', (t) => t.replace('    east: garden', '    east: gardenn'));
    const r = await run({ contentDir: dir, json: false });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/gardenn/);
  });
});
