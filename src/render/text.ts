// Blocks to terminal text for line mode: wrapping, styles (when colour is on) and glitches.
import { paint } from './theme.js';
import wrapAnsi from 'wrap-ansi';
import type { Block, Span } from '../narrate/index.js';
import { plainGlitchOutput, describeGlitch } from '../glitch/index.js';

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

/**
 * Word-wraps plain text. Printable ASCII (nearly all of the story) takes a simple greedy path,
 * since measuring with Intl.Segmenter was most of the start-up time. Text that also holds
 * newlines or narrow non-ASCII punctuation and letters (the story's dashes, ellipses, degrees)
 * goes through a port of wrap-ansi for exactly that case, giving wrap-ansi's bytes without its
 * per-character width measuring; anything else (wide, combining, control) goes to wrap-ansi.
 */
export function wrapText(text: string, width: number): string {
  if (/^[\x20-\x7e]*$/.test(text)) return wrapAscii(text, width);
  if (NARROW.test(text)) return text.split('\n').map((line) => wrapNarrowLine(line, width)).join('\n');
  return wrapAnsi(text, width, { hard: true, trim: true });
}

function wrapAscii(text: string, width: number): string {
  const out: string[] = [];
  let line = '';
  const words = text.split(' ');
  // Indexed: this runs cold in a piped game, where a for-of allocates per word.
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    if (!word) continue;
    while (word.length > width) {
      if (line) out.push(line);
      out.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line || !out.length) out.push(line);
  return out.join('\n');
}

/**
 * Characters that are one column wide in string-width, one UTF-16 unit long, unchanged by NFC,
 * and not whitespace to String#trim (so wrap-ansi's trimming treats them as it treats letters).
 * Latin-1 letters and signs (not NBSP, the soft hyphen, © or ®, which are emoji) and General
 * Punctuation's dashes, quotes, bullets and ellipsis (not ‼ or ⁉). tests/plain/wrap.test.ts checks each against string-width.
 */
export const NARROW = /^[\n\x20-\x7e\u00a1-\u00a8\u00aa-\u00ac\u00af-\u00ff\u2010-\u2027\u2030-\u203b\u203d-\u2048\u204a-\u205e]*$/;

/** wrap-ansi's `exec` with { hard: true, trim: true } for one line of NARROW text, no escapes. */
function wrapNarrowLine(line: string, columns: number): string {
  if (line.trim() === '') return '';
  const words = line.split(' ');
  const rows = [''];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    let last = rows.length - 1;
    rows[last] = rows[last]!.trimStart();
    let rowLength = rows[last]!.length;
    if (index !== 0 && rowLength > 0) {
      rows[last] += ' ';
      rowLength++;
    }
    const len = word.length;
    if (len > columns) {
      const remaining = columns - rowLength;
      const breaksStartingThisLine = 1 + Math.floor((len - remaining - 1) / columns);
      const breaksStartingNextLine = Math.floor((len - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) rows.push('');
      wrapWord(rows, word, columns);
      continue;
    }
    if (rowLength + len > columns && rowLength > 0 && len > 0) {
      rows.push('');
      last++;
    }
    rows[last] += word;
  }
  return rows.map((r) => r.replace(/ +$/, '')).join('\n');
}

/** wrap-ansi's `wrapWord` for one-column characters and no escapes. */
function wrapWord(rows: string[], word: string, columns: number): void {
  let visible = rows[rows.length - 1]!.length;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (visible + 1 <= columns) rows[rows.length - 1] += ch;
    else {
      rows.push(ch);
      visible = 0;
    }
    visible += 1;
    if (visible === columns && i < word.length - 1) {
      rows.push('');
      visible = 0;
    }
  }
  if (!visible && rows[rows.length - 1]!.length > 0 && rows.length > 1) rows[rows.length - 2] += rows.pop()!;
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
    return `${damage}\n${clean}`;
  }
  if (!r.color) return wrapText(plain, r.width);
  if (b.spans.length === 1) {
    const only = b.spans[0];
    return wrapText(plain, r.width).split('\n').map((l) => styled({ ...only, text: l })).join('\n');
  }
  return wrapAnsi(b.spans.map(styled).join(''), r.width, { hard: true, trim: true });
}

export function renderBlocks(blocks: Block[], r: RenderSettings, memories: string[] = [], shown?: Set<string>): string {
  return blocks.map((b) => renderBlock(b, r, memories, shown)).join('\n\n');
}
