// Properties over arbitrary text, intensities, seeds and widths.
import { styleLeftOpen } from './sgr.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {
  layoutGlitch, renderLines, lineText, glitchSpans, plainGlitchOutput, glitchFrames, readableLayout,
} from '../../src/glitch/index.js';

const pieces = fc.constantFrom('森', '氷', '🌲', '👩‍👧', 'e\u0301', '\u0301', ' ', '  ', '\n', '\t', '\x1b[31m', '\x07', '\u202e', 'Leo', 'Meelia', '-', '.', '\ud800');
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join('')),
);
const spans = fc.array(fc.record({ text, style: fc.option(fc.constantFrom('plain', 'room', 'emph', 'dim', 'speech', 'glitch', 'nope'), { nil: undefined }) }), { maxLength: 4 });
const intensity = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-1, 2, NaN, Infinity));
const seed = fc.oneof(fc.integer(), fc.double());
const width = fc.oneof(fc.integer({ min: 1, max: 220 }), fc.constantFrom(20, 40, 80, 200));
const memories = fc.array(text, { maxLength: 3 });

describe('glitch properties', () => {
  it('never throws, never overflows, always closes its styles, never leaks escapes', () => {
    fc.assert(
      fc.property(spans, intensity, seed, width, memories, (s, i, sd, w, m) => {
        const lines = layoutGlitch(s, { intensity: i, seed: sd, width: w, memories: m });
        for (const l of lines) expect(stringWidth(lineText(l))).toBeLessThanOrEqual(w);
        const colored = renderLines(lines, { color: true });
        for (const row of colored.split('\n')) {
          expect(styleLeftOpen(row)).toBe(false);
          expect(stringWidth(row)).toBeLessThanOrEqual(w);
        }
        expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
        expect(renderLines(lines, { color: false })).not.toContain('\x1b');
        expect(lines.length).toBe(readableLayout(s, w).length);
        const plain = plainGlitchOutput(s, { intensity: i, seed: sd, width: w, memories: m, color: false });
        expect(plain).not.toMatch(/[\x1b\x9b]/);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and leaves text untouched at intensity 0', () => {
    fc.assert(
      fc.property(spans, seed, width, (s, sd, w) => {
        expect(layoutGlitch(s, { intensity: 0.7, seed: sd, width: w })).toEqual(layoutGlitch(s, { intensity: 0.7, seed: sd, width: w }));
        const same = glitchSpans(s, { intensity: 0, seed: sd });
        const clean = (t: string) => t.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '');
        if (s.every((x) => clean(x.text) === x.text && !/[\t\r\ud800-\udfff]/.test(x.text))) {
          expect(same).toEqual(s.filter((x) => x.text.length > 0).map((x) => (x.style === undefined ? { text: x.text } : x)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('animations end on the readable layout within 1.5 s', () => {
    fc.assert(
      fc.property(spans, intensity, seed, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 4000 }), (s, i, sd, w, d) => {
        const anim = glitchFrames(s, { intensity: i, seed: sd, width: w, durationMs: d });
        expect(anim.frames.at(-1)).toEqual(readableLayout(s, w));
        expect(anim.delayMs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1500);
      }),
      { numRuns: 100 },
    );
  });
});
