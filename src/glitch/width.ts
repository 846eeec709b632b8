// Grapheme segmentation and terminal width: the one place that decides how many columns text
// takes. Intl.Segmenter splits the graphemes and string-width measures them (its answers for the
// story's own characters come from the build, in KNOWN_WIDTHS); printable ASCII, where every
// unit is a grapheme one column wide, needs neither.
import stringWidth from 'string-width';
import { KNOWN_WIDTHS } from './known-widths.js';

const known = new Map(Object.entries(KNOWN_WIDTHS));

const PRINTABLE_ASCII = /^[\n\x20-\x7e]*$/;

let segmenter: Intl.Segmenter | undefined;
const widthCache = new Map<string, number>();

/** Columns one grapheme cluster occupies (string-width: 0, 1, 2, or more with spacing marks), cached. */
export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
  }
  let w = known.get(g) ?? widthCache.get(g);
  if (w === undefined) {
    w = stringWidth(g);
    if (widthCache.size < 4096) widthCache.set(g, w);
  }
  return w;
}

export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split('');
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
