// The glitch as the bytes a player's terminal receives, in each accessibility mode: played from
// the start into act 3 (where the simulation fails) through the built CLI.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlaythrough } from '../playthroughs/format.js';
import { makeTemp } from '../temp.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/nanodream.cjs');
let script = '';

beforeAll(() => {
  // The balance walkthrough up to the moment the glitch begins, then a look at the torn world.
  const p = parsePlaythrough(readFileSync(join(root, 'tests/playthroughs/ending-balance.txt'), 'utf8'));
  const upTo = p.steps.findIndex((s) => s.expect.some((e) => e.text?.includes('Act 3')));
  expect(upTo).toBeGreaterThan(0);
  const lines = [...p.steps.slice(0, upTo + 1).map((s) => s.command), 'look', 'map'];
  script = join(makeTemp('nd-a11y-'), 'to-act3.txt');
  writeFileSync(script, lines.join('\n') + '\n');
});

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, '--script', script, '--seed', '3', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', TERM: 'xterm-256color', FORCE_COLOR: '1', ...env },
  });
  expect(r.status).toBe(0);
  return r.stdout;
}

const SCRAMBLE = /[\u2580-\u259f\u0370-\u03ff\u0400-\u04ff\u13a0-\u13ff]/; // blocks, Greek, Cyrillic, Cherokee look-alikes
const READABLE = 'Mia and Jaime were right here. Now there is only you.';

describe('glitches, byte for byte', () => {
  it('with colour: scrambled ANSI first, then the readable text, every style closed', () => {
    const out = run([]);
    expect(out).toContain('\u001b[');
    expect(out).toMatch(SCRAMBLE);
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).toContain(READABLE);
    const sgr = out.match(/\u001b\[[0-9;]*m/g)!;
    expect(sgr[sgr.length - 1]).toMatch(/^\u001b\[(0|39|22|49)?m$/);
    expect(out).not.toMatch(/\u001b\[\?25l/); // the cursor is never hidden in line mode
  });
  it('--no-color: not one escape byte, the scramble in characters only', () => {
    const out = run(['--no-color']);
    expect(out).not.toContain('\u001b');
    expect(out).toMatch(SCRAMBLE);
    expect(out).toContain(READABLE);
  });
  it('NO_COLOR and TERM=dumb: not one escape byte', () => {
    expect(run([], { NO_COLOR: '1' })).not.toContain('\u001b');
    expect(run([], { TERM: 'dumb' })).not.toContain('\u001b');
  });
  it('--screen-reader: the glitch described in words, no scrambled characters, no box drawing', () => {
    const out = run(['--screen-reader', '--no-color']);
    expect(out).toMatch(/\[The [^\]]+\]/);
    expect(out).not.toMatch(SCRAMBLE);
    expect(out).not.toMatch(/[\u2500-\u257f]/);
    expect(out).not.toMatch(/\+-{3,}\+/);
    expect(out).toContain(READABLE);
  });
  it('INK_SCREEN_READER=true means the same as --screen-reader', () => {
    expect(run(['--no-color'], { INK_SCREEN_READER: 'true' })).toBe(run(['--screen-reader', '--no-color']));
  });
  it('--reduced-motion: one still frame, then the text; the same seed gives the same bytes', () => {
    const a = run(['--reduced-motion', '--no-color']);
    expect(a).toMatch(SCRAMBLE);
    expect(a).toContain(READABLE);
    expect(run(['--reduced-motion', '--no-color'])).toBe(a);
  });
});
