// Grapheme segmentation and terminal width: the one place that decides how many columns text takes.
//
// Intl.Segmenter and string-width are exact but slow when cold, and a short piped game runs
// nearly all of this code cold. So text made only of "simple" units (below) is split and
// measured by hand, giving the same answers; anything else goes to Intl.Segmenter and
// string-width. tests/glitch/width.test.ts checks the sets below against both, exhaustively.
// (string-width stays a static import: wrap-ansi loads it into the line-mode front end anyway.)
import stringWidth from 'string-width';

/**
 * UTF-16 units that are each a whole grapheme cluster whatever their neighbours from this same
 * set: Latin, Greek, Cyrillic (not its combining marks), Cherokee, phonetic letters, general
 * punctuation (not ZWNJ or ZWJ), box drawing and blocks, and LF (CR is left out: CR LF is one
 * grapheme). None is a combining mark, joiner, variation selector, surrogate or Hangul jamo.
 * Matches whole texts made only of them. Exported for tests.
 */
export const SINGLES = /^[\n\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u13a0-\u13f5\u1d00-\u1d7f\u2000-\u200b\u200e-\u206f\u2500-\u259f]*$/;

/**
 * Graphemes string-width counts as exactly one column: one unit of SINGLES except LF, the
 * soft hyphen, zero-width and bidi format characters and invisible operators (0 columns), and
 * the emoji ©, ®, ‼ and ⁉ (2 columns); optionally followed by combining diacritical marks
 * (U+0300-U+036F), which string-width counts as nothing. Exported for tests.
 */
export const NARROW = /^[\x20-\x7e\xa0-\xa8\xaa-\xac\xaf-\u02ff\u0370-\u0482\u048a-\u052f\u13a0-\u13f5\u1d00-\u1d7f\u2000-\u200a\u2010-\u2029\u202f-\u203b\u203d-\u2048\u204a-\u205f\u2500-\u259f][\u0300-\u036f]*$/;

let segmenter: Intl.Segmenter | undefined;
const widthCache = new Map<string, number>();

/** Columns one grapheme cluster occupies (0, 1 or 2), cached. */
export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
  }
  if (NARROW.test(g)) return 1;
  let w = widthCache.get(g);
  if (w === undefined) {
    w = Math.min(2, stringWidth(g));
    if (widthCache.size < 4096) widthCache.set(g, w);
  }
  return w;
}

export function graphemes(text: string): string[] {
  if (SINGLES.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const g of graphemes(text)) w += graphemeWidth(g);
  return w;
}

// C0 (except \n, \t), DEL, C1, and bidi overrides/isolates: none may reach a terminal from text.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Anything sanitise would change: a tab, CR, an UNSAFE character, or any surrogate. */
const NEEDS_CLEANING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** Removes bytes that could act on a terminal; tabs become a space. Newlines are kept. */
export function sanitise(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/\t/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE, '')
    .replace(LONE_SURROGATE, '\ufffd');
}
