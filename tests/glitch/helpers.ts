// Shared inputs and measures for the glitch tests.
import { graphemes } from '../../src/glitch/width.js';
import { lineText, type Line } from '../../src/glitch/index.js';

export const PROSE =
  'The Ice Forest of Meelia glitters under a sky of frozen light. Leo runs ahead, his breath ' +
  'a cloud; Mia calls after him, and the crystal trees answer in chimes. Jaime counts the steps ' +
  'back to the gate, twice, because numbers are the only thing the dream cannot bend.';

export const WIDE = '森の氷 is cold. 🌲🌲 The café (cafe\u0301) by the 氷の森 glows 👩‍👧 softly. ñ = n\u0303.';

export const MEMORIES = ['Goodnight, Leo. Goodnight, Mia.', 'The city spires glow outside the window.'];

/** Fraction of grapheme positions that differ between two layouts of the same text. */
export function alteredFraction(a: Line[], b: Line[]): number {
  let diff = 0;
  let total = 0;
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    const x = graphemes(a[r] ? lineText(a[r]) : '');
    const y = graphemes(b[r] ? lineText(b[r]) : '');
    total += y.length;
    for (let c = 0; c < Math.max(x.length, y.length); c++) if (x[c] !== y[c]) diff++;
  }
  return total === 0 ? 0 : diff / total;
}
