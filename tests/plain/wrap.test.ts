// Line-mode wrapping: the fast paths must give wrap-ansi's bytes wherever they stand in for it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import { NARROW, wrapText } from '../../src/render/text.js';

const ranges: [number, number][] = [[0x20, 0x7e], [0xa1, 0xa8], [0xaa, 0xac], [0xaf, 0xff], [0x2010, 0x2027], [0x2030, 0x203b], [0x203d, 0x2048], [0x204a, 0x205e]];
const narrowChars = ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i)));

describe('wrapText', () => {
  it('treats as narrow only characters that are one column, one unit, NFC-stable and not trimmed', () => {
    for (const c of narrowChars) {
      expect(NARROW.test(c), c).toBe(true);
      expect(stringWidth(c), `U+${c.charCodeAt(0).toString(16)}`).toBe(1);
      expect(c.normalize(), c).toBe(c);
      if (c !== ' ') expect(c.trim(), c).toBe(c);
    }
    for (const c of ['\u00a0', '\u00ad', '\u2028', '\u2029', '\u200b', '\t', '\r', '\u3000', '\u0301', '\u4e00', '\u00a9', '\u00ae', '\u203c', '\u2049']) expect(NARROW.test(c), c).toBe(false);
  });

  it('gives wrap-ansi\'s bytes for text with dashes, ellipses, accents and newlines', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ', ' ', ' ', '.', '—', '–', '…', 'é', '°', '“', '”', '\n', 'Z');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), fc.integer({ min: 1, max: 30 }), (s, w) => {
        const text = /^[\x20-\x7e]*$/.test(s) ? `${s}—` : s;
        expect(wrapText(text, w)).toBe(wrapAnsi(text, w, { hard: true, trim: true }));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives wrap-ansi\'s bytes for story-like paragraphs at usual widths', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}[,.;]?$/);
    const para = fc.array(fc.oneof(word, word, word, fc.constant('—'), fc.constant('…')), { minLength: 1, maxLength: 120 })
      .map((ws) => ws.join(' ').replace(/ — /g, '—'));
    fc.assert(
      fc.property(para, fc.integer({ min: 19, max: 199 }), (s, w) => {
        expect(wrapText(s, w)).toBe(wrapAnsi(s, w, { hard: true, trim: true }));
      }),
      { numRuns: 2000 },
    );
  });
});
