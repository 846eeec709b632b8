// Build-time only: the table src/glitch/known-widths.ts stands for in the bundles.
import stringWidth from 'string-width';
import { BLOCKS, BOX_FRAGMENTS, HOMOGLYPHS, OVERLAYS, TEAR_FILLS } from './lookalikes.js';

/** The glitch's own alphabet: every character it can put on a line. */
export const GLITCH_ALPHABET = [...Object.values(HOMOGLYPHS), BLOCKS, BOX_FRAGMENTS, ...TEAR_FILLS].join('');

/** Each glyph of the glitch's alphabet, alone and under each overlay, as the scrambler measures it. */
export function glitchGraphemes(): string[] {
  return [...GLITCH_ALPHABET].flatMap((c) => [c, ...OVERLAYS.map((o) => c + o)]);
}

/**
 * string-width's width of every code point outside printable ASCII in these texts, and of
 * each of these graphemes.
 */
export function widthTable(texts: readonly string[], graphemes: readonly string[] = []): Record<string, number> {
  const table: Record<string, number> = {};
  for (const g of graphemes) table[g] = stringWidth(g);
  for (const text of texts) {
    for (const ch of text) {
      if (ch >= ' ' && ch <= '~') continue;
      if (!(ch in table)) table[ch] = stringWidth(ch);
    }
  }
  return table;
}
