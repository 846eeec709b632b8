// The input line as data: keys in, line and effects out.
import { describe, it, expect } from 'vitest';
import stringWidth from 'string-width';
import { emptyLine, feed, lineValue, visibleWindow, MAX_LINE, type LineState } from '../../src/ui/line-editor.js';

const run = (events: string[], s: LineState = emptyLine()) => {
  const effects = [];
  for (const e of events) {
    const r = feed(s, e);
    s = r.state;
    effects.push(...r.effects);
  }
  return { s, effects };
};

describe('the line editor', () => {
  it('inserts at the cursor and moves by words', () => {
    const { s } = run(['take lamp', '\x1b[1;5D', 'the ']);
    expect(lineValue(s)).toBe('take the lamp');
    expect(s.cursor).toBe(9);
  });

  it('treats CRLF as one Enter and submits each line of a paste in order', () => {
    const { effects } = run(['look\r\nx me\ri\n']);
    expect(effects).toEqual([
      { kind: 'submit', line: 'look' }, { kind: 'submit', line: 'x me' }, { kind: 'submit', line: 'i' },
    ]);
  });

  it('keeps history without empty lines or repeats and restores the draft', () => {
    const { s } = run(['look\r', 'look\r', '\r', 'x me\r', 'dra', '\x1b[A', '\x1b[A', '\x1b[A', '\x1b[B', '\x1b[B']);
    expect(s.history).toEqual(['look', 'x me']);
    expect(lineValue(s)).toBe('dra');
  });

  it('never lets a control character or an escape sequence into the line', () => {
    const { s } = run(['a\x00\x07\x1b\x9b\u2028b', '\x1b[200~', '\x1b]', '\x1b[15~', 'c\t']);
    expect(lineValue(s)).toBe('abc');
  });

  it('stops at 1,000 characters', () => {
    const { s } = run(['x'.repeat(900), 'y'.repeat(300)]);
    expect(s.chars.length).toBe(MAX_LINE);
  });

  it('keeps surrogate pairs whole', () => {
    const { s } = run(['a🌲b', '\x1b[D', '\x7f']);
    expect(lineValue(s)).toBe('ab');
  });

  it('shows a window of a long line that keeps the cursor in view', () => {
    const { s } = run(['0123456789'.repeat(20), '\x01', '\x1b[C'.repeat(1)]);
    const w = visibleWindow(s, 30, stringWidth);
    expect(stringWidth(w.text)).toBeLessThanOrEqual(29);
    expect(w.cursorColumn).toBe(1);
    const end = visibleWindow(run(['\x05'], s).s, 30, stringWidth);
    expect(end.cursorColumn).toBe(29);
    expect(end.text.endsWith('789')).toBe(true);
    const wide = visibleWindow(run(['森'.repeat(50)]).s, 20, stringWidth);
    expect(stringWidth(wide.text)).toBeLessThanOrEqual(19);
  });

  it('reports Ctrl+C, and Ctrl+D only on an empty line', () => {
    expect(run(['ab\x03cd']).effects).toEqual([{ kind: 'interrupt' }]);
    expect(run(['\x04']).effects).toEqual([{ kind: 'eof' }]);
    const r = run(['ab', '\x01', '\x04']);
    expect(r.effects).toEqual([]);
    expect(lineValue(r.s)).toBe('b');
  });
});
