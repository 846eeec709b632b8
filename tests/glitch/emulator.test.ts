// Feeds the real bytes into a headless xterm and reads back what the screen shows.
import { describe, expect, it } from 'vitest';
import xterm from '@xterm/headless';
import {
  glitchFrames, renderLines, readableLayout, lineText, plainGlitchOutput, runPreview,
} from '../../src/glitch/index.js';
import { PROSE, WIDE, MEMORIES } from './helpers.js';

const { Terminal } = xterm;
type Term = InstanceType<typeof Terminal>;

function write(term: Term, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

/** The SGR state the terminal would use for the next character: write a probe and read its cell. */
async function probeAttributes(term: Term) {
  await write(term, 'Z');
  const buf = term.buffer.active;
  const cell = buf.getLine(buf.baseY + buf.cursorY)!.getCell(buf.cursorX - 1)!;
  expect(cell.getChars()).toBe('Z');
  return {
    fgDefault: cell.isFgDefault(),
    bgDefault: cell.isBgDefault(),
    bold: cell.isBold(),
    dim: cell.isDim(),
    italic: cell.isItalic(),
    inverse: cell.isInverse(),
    underline: cell.isUnderline(),
  };
}

const DEFAULTS = { fgDefault: true, bgDefault: true, bold: 0, dim: 0, italic: 0, inverse: 0, underline: 0 };

function screenRows(term: Term, count: number): string[] {
  const buf = term.buffer.active;
  const rows: string[] = [];
  const end = buf.baseY + buf.cursorY; // the probe's row, below the text
  for (let y = end - count; y < end; y++) rows.push(buf.getLine(y)!.translateToString(true));
  return rows;
}

function cursorHidden(term: Term): boolean {
  // Not public API; we never hide the cursor, and this checks the emulator agrees.
  const core = (term as unknown as { _core?: { coreService?: { isCursorHidden?: boolean } } })._core;
  return core?.coreService?.isCursorHidden ?? false;
}

describe.each([20, 40, 80, 200])('in a %i-column terminal', (cols) => {
  for (const [name, text] of [['prose', PROSE], ['wide and combining', WIDE]] as const) {
    it(`every frame of ${name} leaves default attributes and the readable text on screen`, async () => {
      for (const intensity of [0.3, 0.9]) {
        const term = new Terminal({ cols, rows: 60, allowProposedApi: true, convertEol: true, scrollback: 2000 });
        const anim = glitchFrames(text, { intensity, seed: cols + intensity * 10, width: cols, memories: MEMORIES });
        for (const frame of anim.frames) {
          const out = renderLines(frame, { color: true });
          expect(out).not.toContain('\x1b[?25l');
          await write(term, out + '\n');
        }
        const readable = readableLayout(text, cols);
        await write(term, renderLines(readable, { color: true }) + '\n');
        expect(cursorHidden(term)).toBe(false);
        // Each readable row occupies exactly one screen row: nothing wrapped, nothing overflowed.
        expect(screenRows(term, readable.length)).toEqual(readable.map((l) => lineText(l).trimEnd()));
        expect(await probeAttributes(term)).toEqual(DEFAULTS);
        term.dispose();
      }
    });
  }

  it('plain output and the preview leave the terminal as they found it', async () => {
    for (const out of [
      plainGlitchOutput(PROSE, { intensity: 0.95, seed: 5, width: cols, memories: MEMORIES, color: true }),
      runPreview({ text: PROSE, memories: MEMORIES, intensity: 0.8, seed: 2, width: cols, frames: true, color: true }),
    ]) {
      const term = new Terminal({ cols, rows: 40, allowProposedApi: true, convertEol: true, scrollback: 5000 });
      await write(term, out);
      expect(cursorHidden(term)).toBe(false);
      expect(await probeAttributes(term)).toEqual(DEFAULTS);
      term.dispose();
    }
  });

  it('each glitched row fits on one screen row', async () => {
    for (let seed = 0; seed < 5; seed++) {
      const anim = glitchFrames(WIDE + ' ' + PROSE, { intensity: 1, seed, width: cols, memories: [WIDE] });
      for (const frame of anim.frames) {
        const term = new Terminal({ cols, rows: frame.length + 2, allowProposedApi: true, convertEol: true });
        for (const line of frame) {
          await write(term, renderLines([line], { color: true }) + '\n');
        }
        // The cursor moved down exactly one row per line: no row wrapped onto a second.
        expect(term.buffer.active.baseY + term.buffer.active.cursorY).toBe(frame.length);
        term.dispose();
      }
    }
  });
});
