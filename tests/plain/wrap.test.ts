// Line-mode wrapping: wrapText stands one-column characters in for letters while wrap-ansi
// wraps, and must give exactly wrap-ansi's bytes for any text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import wrapAnsi from 'wrap-ansi';
import { wrapText } from '../../src/render/text.js';

const wrap = (s: string, w: number) => wrapAnsi(s, w, { hard: true, trim: true });

// The story's typography, and characters that are wide, combining, spaces or controls.
const TRICKY = [
  'a', 'b', 'Z', ' ', ' ', ' ', '.', '\n', '—', '–', '…', 'é', '°', '“', '”', '’', 'ñ', 'Ω', 'ж', '\u00a0', '\u00ad',
  '\u0301', '\u200b', '\u200d', '\u2028', '\t', '\r', '\x1b[31m', '森', '🌲', '👩‍👧', 'ᄀ', '\u1161', '\u3000', '\ufeff',
  'e\u0301', '\ud800', '©', '‼',
];

describe('wrapText', () => {
  it('gives wrap-ansi\'s bytes for any text built of the story\'s characters and tricky ones', () => {
    const text = fc.array(fc.constantFrom(...TRICKY), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 30 }), (s, w) => {
      expect(wrapText(s, w)).toBe(wrap(s, w));
    }), { numRuns: 3000 });
  });

  it('keeps together what wrap-ansi keeps together: clusters of characters one column wide alone', () => {
    // Two Hangul vowel jamo are one cluster; a spacing mark joins the letter before it.
    for (const s of ['\u1161\u1161', '\u1100\u1161', 'a\u0903b', '\u0b92\u0bd7', 'x\u0600y', '\u1b05\u1b35'.repeat(3)]) {
      for (const w of [1, 2, 3]) expect(wrapText(s, w), JSON.stringify([s, w])).toBe(wrap(s, w));
    }
  });

  it('gives wrap-ansi\'s bytes for any string at all', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (s, w) => {
      expect(wrapText(s, w)).toBe(wrap(s, w));
    }), { numRuns: 2000 });
  });

  it('gives wrap-ansi\'s bytes for story-like paragraphs at usual widths', () => {
    const word = fc.stringMatching(/^[A-Za-z’é]{1,12}[,.;…]?$/);
    const para = fc.array(fc.oneof(word, word, word, fc.constant('—'), fc.constant('“so”')), { minLength: 1, maxLength: 120 })
      .map((ws) => ws.join(' ').replace(/ — /g, '—'));
    fc.assert(fc.property(para, fc.integer({ min: 19, max: 199 }), (s, w) => {
      expect(wrapText(s, w)).toBe(wrap(s, w));
    }), { numRuns: 1000 });
  });
});
