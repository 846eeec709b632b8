// The game's real output (the built CLI, in colour, into act 3's glitch) fed into a headless
// terminal at 20, 40, 80 and 200 columns: no line overflows, the attributes end at their
// defaults, and the settled screen shows the readable text.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import { parsePlaythrough } from '../playthroughs/format.js';
import { makeTemp } from '../temp.js';

const { Terminal } = xterm;
type Term = InstanceType<typeof Terminal>;
const root = join(import.meta.dirname, '../..');
let script = '';

beforeAll(() => {
  const p = parsePlaythrough(readFileSync(join(root, 'tests/playthroughs/ending-balance.txt'), 'utf8'));
  const upTo = p.steps.findIndex((s) => s.expect.some((e) => e.text?.includes('Act 3')));
  script = join(makeTemp('nd-emu-'), 'to-act3.txt');
  writeFileSync(script, [...p.steps.slice(0, upTo + 1).map((s) => s.command), 'look', 's', 'look'].join('\n') + '\n');
});

const write = (t: Term, d: string) => new Promise<void>((r) => t.write(d, r));

describe.each([20, 40, 80, 200])('the game in a %i-column terminal', (cols) => {
  it('keeps every line inside the width, closes every style, and settles on readable text', async () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/nanodream.cjs'), '--script', script, '--seed', '5', '--width', String(cols)], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '', TERM: 'xterm-256color' },
    });
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain('\u001b[');
    // Echoed commands are the player's own words; everything the game writes fits the width.
    for (const line of out.split('\n').filter((l) => !l.startsWith('> '))) expect(stringWidth(stripAnsi(line)), line).toBeLessThanOrEqual(cols);

    const term = new Terminal({ cols, rows: 50, allowProposedApi: true, convertEol: true, scrollback: 100_000 });
    await write(term, out);
    await write(term, 'Z');
    const buf = term.buffer.active;
    const cell = buf.getLine(buf.baseY + buf.cursorY)!.getCell(buf.cursorX - 1)!;
    expect(cell.getChars()).toBe('Z');
    expect({ fg: cell.isFgDefault(), bg: cell.isBgDefault(), bold: cell.isBold(), dim: cell.isDim(), inverse: cell.isInverse(), underline: cell.isUnderline() })
      .toEqual({ fg: true, bg: true, bold: 0, dim: 0, inverse: 0, underline: 0 });
    // The screen's last rows hold the readable text of the last look, not scramble.
    const rows: string[] = [];
    for (let y = 0; y <= buf.baseY + buf.cursorY; y++) rows.push(buf.getLine(y)!.translateToString(true));
    const screen = rows.join(' ').replace(/\s+/g, ' ');
    expect(screen).toContain('The Corridor of Memories');
    expect(screen).toMatch(/A corridor, long and narrow/);
  });
});
