// Blocks to terminal text for line mode: wrapping, styles (when colour is on) and glitches.
import { paint } from './theme.js';
import wrapAnsi from 'wrap-ansi';
import stripAnsi from 'strip-ansi';
import type { Block, Span } from '../narrate/index.js';
import { plainGlitchOutput, describeGlitch, graphemeWidth } from '../glitch/index.js';

export interface RenderSettings {
  color: boolean;
  width: number;
  screenReader: boolean;
  reducedMotion: boolean;
  /** The width was asked for (--width, or `settings width N`); otherwise it follows the terminal. */
  widthSet?: boolean;
}

function styled(span: Span): string {
  return paint(span.text, { style: span.style });
}

const WRAP = { hard: true, trim: true } as const;

/**
 * Word-wraps plain text with wrap-ansi (hard breaks for long words, trimmed lines).
 *
 * wrap-ansi measures every word with string-width, whose path for anything but printable ASCII
 * (the story's dashes, ellipses, curly quotes) costs about 0.4 ms a paragraph while the code is
 * cold, as it is all through a piped game. So each character that string-width says is one
 * column wide, one UTF-16 unit, stable under NFC and not whitespace stands in as "x" while
 * wrap-ansi wraps; where the lines break depends only on those widths, and every non-space
 * character comes out in order, so the originals go back in their places. Text holding
 * anything else (wide, combining, control, escapes) goes to wrap-ansi as it is.
 */
export function wrapText(text: string, width: number): string {
  if (/^[\n\x20-\x7e]*$/.test(text)) return wrapAnsi(text, width, WRAP);
  let proxy = '';
  for (const ch of text) {
    if (ch === '\n' || (ch >= ' ' && ch <= '~')) proxy += ch;
    else if (oneColumn(ch)) proxy += 'x';
    else return wrapAnsi(text, width, WRAP);
  }
  const wrapped = wrapAnsi(proxy, width, WRAP);
  const originals = text.replace(/[ \n]/g, '');
  let k = 0;
  return wrapped.replace(/[^ \n]/g, () => originals[k++] ?? '');
}

const columns = new Map<string, boolean>();

/**
 * Characters that can share a grapheme cluster with a neighbour, or change under normalisation
 * beside one (UAX 29: Extend, SpacingMark, ZWJ, Prepend, the Hangul jamo and syllables, controls):
 * a superset, since any of them only sends the text to wrap-ansi as it is. An "x" in their place
 * would stand alone where they would have joined (two Hangul vowels are one cluster, for one).
 */
const JOINS = /[\p{M}\p{Grapheme_Extend}\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff]/u;

/** Whether wrap-ansi treats this character exactly as it treats a letter: one column, no more. */
function oneColumn(ch: string): boolean {
  let ok = columns.get(ch);
  if (ok === undefined) {
    ok = ch.length === 1 && !JOINS.test(ch) && graphemeWidth(ch) === 1 && ch.normalize() === ch && ch.trim() === ch;
    columns.set(ch, ok);
  }
  return ok;
}

/**
 * One block as line mode prints it. A glitched block shows one line of damage (or, for a
 * screen reader, one line saying what the damage is like), then its text once; a glitch
 * already shown (`shown`: the same text at the same intensity, as when looking again) is
 * not shown again.
 */
export function renderBlock(b: Block, r: RenderSettings, memories: string[] = [], shown?: Set<string>): string {
  const plain = b.spans.map((s) => s.text).join('');
  // A table keeps its columns: its lines are cut at the width rather than re-wrapped, and it
  // starts on a line of its own (a reply in line mode follows the prompt on its line).
  if (b.pre) return '\n' + plain.split('\n').map((l) => (l.length > r.width ? l.slice(0, r.width) : l)).join('\n');
  if (b.glitch) {
    const key = `${b.glitch.intensity}|${plain}`;
    if (shown?.has(key)) return renderBlock({ spans: b.spans }, r);
    shown?.add(key);
    const clean = renderBlock({ spans: b.spans }, r);
    if (!(b.glitch.intensity > 0)) return clean;
    if (r.screenReader) return `${describeGlitch(b.glitch.intensity)}\n${clean}`;
    // Only the first line is laid out and scrambled: the rest is never shown damaged.
    const first = wrapText(plain, r.width).split('\n')[0] ?? '';
    const damage = plainGlitchOutput([{ text: first }], {
      width: r.width,
      intensity: b.glitch.intensity,
      seed: b.glitch.seed,
      memories,
      color: r.color,
      reducedMotion: r.reducedMotion,
      damageLines: 1,
    }).split('\n')[0] ?? '';
    // Damage so light that the line came out whole would only print the line twice.
    if (stripAnsi(damage).trimEnd() === first.trimEnd()) return clean;
    return `${damage}\n${clean}`;
  }
  if (!r.color) return wrapText(plain, r.width);
  if (b.spans.length === 1) {
    const only = b.spans[0];
    return wrapText(plain, r.width).split('\n').map((l) => styled({ ...only, text: l })).join('\n');
  }
  return wrapAnsi(b.spans.map(styled).join(''), r.width, { hard: true, trim: true });
}

/**
 * A reply as line mode prints it: only its first glitched block shows a line of damage (or says
 * what the damage is like); the rest of the reply is printed clean, so a room in the whirlpool
 * reads once, with one line of damage above it, not one above each paragraph.
 */
export function renderBlocks(blocks: Block[], r: RenderSettings, memories: string[] = [], shown?: Set<string>): string {
  let damaged = false;
  return blocks.map((b) => {
    if (!b.glitch || !(b.glitch.intensity > 0)) return renderBlock(b, r, memories, shown);
    if (damaged) return renderBlock({ spans: b.spans }, r);
    damaged = true;
    return renderBlock(b, r, memories, shown);
  }).join('\n\n');
}
