// width.ts gives exactly what Intl.Segmenter and string-width give (printable ASCII skips them).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { graphemes, graphemeWidth, sanitise, textWidth } from '../../src/glitch/width.js';
import { dice, mix } from '../../src/glitch/rng.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const segments = (s: string) => [...segmenter.segment(s)].map((x) => x.segment);
/** string-width's answer. */
const oldGraphemeWidth = (g: string) => stringWidth(g);
const oldTextWidth = (s: string) => segments(s).reduce((w, g) => w + oldGraphemeWidth(g), 0);
const oldSanitise = (s: string) =>
  s
    .replace(/\t/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

// Characters near the edges of the fast sets, and the ones that join or vanish.
const TRICKY = [
  'a', 'Z', ' ', '~', '\n', '\r', '\r\n', '\t', '\x00', '\x07', '\x1b', '\x1b[31m', '\x7f', '\x85', '\x9b', '\x9f',
  '\u00a0', '\u00a9', '\u00ad', '\u00ae', 'é', 'ñ', '\u02ff', '\u0300', '\u0301', '\u0336', '\u0337', '\u036f', '\u0370',
  'Ω', 'ж', '\u0482', '\u0483', '\u0489', '\u048a', '\u052f', '\u0530', 'Ꭰ', 'Ꮮ', '\u13f5', '\u13f8', 'ᴢ', '\u1d7f',
  '\u1dc0', '\u2000', '\u200a', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '—', '’', '“', '…', '\u2028', '\u2029',
  '\u202a', '\u202e', '\u202f', '‼', '⁉', '\u205f', '\u2060', '\u2065', '\u2066', '\u206f', '\u2070', '\u20d0', '\u20e3',
  '░', '▒', '█', '─', '┼', '╳', '\u25a0', '\u25aa', '\ufe0e', '\ufe0f', '\ufeff', '\ud800', '\udc00', '\ud83c', '\udf32',
  '森', '氷', '🌲', '👩‍👧', '🏳️‍🌈', '❤️', '#️⃣', '1️⃣', '🇬🇧', '👍🏻', 'ᄀ', 'ᅡ', 'ᆨ', '한', 'क्ष', 'कि', '\u0600', 'ﾊﾟ',
  '\u0e33', '\u0903', '\u3000', '\uff21', '\u{1d400}', '\u{e0067}', 'Leo', 'the ',
];
const tricky = fc.array(fc.constantFrom(...TRICKY), { maxLength: 30 }).map((a) => a.join(''));
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 30 }),
  tricky,
);
const RUNS = { numRuns: 3000 };

describe('graphemes and widths', () => {
  it('graphemes equals Intl.Segmenter for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(graphemes(s)).toEqual(segments(s));
      }),
      RUNS,
    );
  });

  it('graphemeWidth and textWidth equal the string-width answers for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const g of segments(s)) expect(graphemeWidth(g)).toBe(oldGraphemeWidth(g));
        expect(graphemeWidth(s)).toBe(oldGraphemeWidth(s));
        expect(textWidth(s)).toBe(oldTextWidth(s));
      }),
      RUNS,
    );
  });

  it('sanitise equals the plain replace chain for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(sanitise(s)).toBe(oldSanitise(s));
      }),
      RUNS,
    );
  });

  it('graphemeWidth equals string-width for every BMP unit, alone and with combining marks', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const g of [ch, ch + '\u0301', ch + '\u0336\u0337', ch + '\u036f']) {
        if (graphemeWidth(g) !== oldGraphemeWidth(g)) expect([c.toString(16), graphemeWidth(g)]).toEqual([c.toString(16), oldGraphemeWidth(g)]);
      }
    }
  });
});

describe('dice', () => {
  it('is mix(seed, purpose, position) / 2^32', () => {
    const num = fc.oneof(fc.integer(), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double(), fc.constantFrom(0, -0, 2 ** 32, 2 ** 53, -1));
    fc.assert(
      fc.property(num, num, num, (s, p, x) => {
        expect(dice(s, p, x)).toBe(mix(s, p, x) / 4294967296);
      }),
      RUNS,
    );
  });
});
