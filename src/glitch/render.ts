// Turns glitched lines into terminal strings, coloured by the game's one theme (in
// src/render/theme.ts); no escape byte at all when colour is off.
import type { GlitchSpan, Line } from './types.js';
import { sanitise } from './width.js';
import { paint, type Palette } from '../render/theme.js';

export interface RenderOptions {
  color: boolean;
  /** 256 (default) or 16 for terminals that only know the basic colours. */
  palette?: Palette;
}


function cleanText(text: string): string {
  const t = sanitise(text);
  return t.includes('\n') ? t.replace(/\n/g, ' ') : t;
}

/** One line, in the game's theme; every style a run opens is closed on the same line. */
export function renderLine(line: Line, opts: RenderOptions): string {
  if (!opts.color) return line.map((r) => cleanText(r.text)).join('');
  let out = '';
  for (const run of line) {
    const text = cleanText(run.text);
    if (text !== '') out += paint(text, run, opts.palette);
  }
  return out;
}

/** Lines joined with '\n' (no trailing newline). */
export function renderLines(lines: readonly Line[], opts: RenderOptions): string {
  return lines.map((l) => renderLine(l, opts)).join('\n');
}

/** Spans that may contain '\n' (e.g. from glitchSpans), rendered line by line. */
export function renderSpans(spans: readonly GlitchSpan[], opts: RenderOptions): string {
  const lines: Line[] = [[]];
  for (const s of spans) {
    const parts = s.text.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...s, text: part });
    });
  }
  return renderLines(lines, opts);
}

/** Every frame of an animation as a terminal string (for a UI that swaps frames in place). */
export function renderFrames(frames: readonly (readonly Line[])[], opts: RenderOptions): string[] {
  return frames.map((f) => renderLines(f, opts));
}
