// Cleans a raw input line so no terminal escape or control character can reach a command.

/** Lines are cut to this many characters; the cut command becomes `parse.too_long`. */
export const MAX_LINE = 1000;
// Bounds the work done on absurd input (a pasted file) before the real cut.
const HARD_CAP = 20_000;

const ANSI_CSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?/g;
const ANSI_OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
const ANSI_OTHER = /\u001b[ -~]?/g;
const SPACE_LIKE = /[\t\n\r\v\f\u0085\u2028\u2029]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidirectional overrides and the BOM can make a later echo of the input lie about its order.
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface CleanLine {
  /** The cleaned line, original case kept (save names need it). */
  text: string;
  /** True when the line was longer than MAX_LINE and was cut. */
  cut: boolean;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Everything cleanLine removes or folds, in order (exported for the test that pins the fast path). */
export function scrub(text: string): string {
  return text
    .replace(ANSI_OSC, '')
    .replace(ANSI_CSI, '')
    .replace(ANSI_OTHER, '')
    .replace(SPACE_LIKE, ' ')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(LONE_SURROGATE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function cleanLine(raw: string): CleanLine {
  let text = String(raw ?? '').slice(0, HARD_CAP);
  // Typed commands are nearly always printable ASCII, where only runs of spaces can need work.
  text = PRINTABLE_ASCII.test(text) ? text.replace(/ {2,}/g, ' ').trim() : scrub(text);
  let cut = false;
  if (text.length > MAX_LINE) {
    cut = true;
    text = text.slice(0, MAX_LINE).replace(LONE_SURROGATE, '').trimEnd();
  }
  return { text, cut };
}
