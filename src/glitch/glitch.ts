// The public, pure glitch: spans and an intensity in, damaged spans or wrapped lines out.
import type { Cell } from './cells.js';
import { cellsToLine, textCells, toSpans, wrapCells } from './cells.js';
import { normaliseSeed } from './rng.js';
import { scrambleLines } from './scramble.js';
import type { GlitchInput, GlitchOptions, GlitchSpan, LayoutOptions, Line, Span } from './types.js';
import { sanitise } from './width.js';

export function clampIntensity(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function clampWidth(w: number): number {
  if (w === Infinity) return Infinity;
  return Number.isFinite(w) ? Math.max(1, Math.floor(w)) : 80;
}

/** The readable cells damaged at opts.intensity (the readable cells themselves at 0; never modified). */
function scrambled(readable: Cell[][], width: number, opts: GlitchOptions): Cell[][] {
  const i = clampIntensity(opts.intensity);
  if (i === 0) return readable;
  return scrambleLines(readable, i, normaliseSeed(opts.seed), width, opts.memories ?? []);
}

function glitchCells(input: GlitchInput, width: number, opts: GlitchOptions): Cell[][] {
  return scrambled(wrapCells(textCells(input, width), width), width, opts);
}

/**
 * Glitched lines wrapped to `width` columns; no line is ever wider. The row count is the
 * readable layout's, so frames of one glitch never change height. Intensity 0 gives the
 * readable layout.
 */
export function layoutGlitch(input: GlitchInput, opts: LayoutOptions): Line[] {
  return glitchCells(input, clampWidth(opts.width), opts).map(cellsToLine);
}

/**
 * readableLayout(input, opts.width) and layoutGlitch(input, opts) together, wrapping the text
 * once for both (plain mode prints both). `glitched` is null at intensity 0.
 */
export function layoutWithReadable(
  input: GlitchInput, opts: LayoutOptions, damageLines = Infinity,
): { readable: Line[]; glitched: Line[] | null } {
  const width = clampWidth(opts.width);
  const cells = wrapCells(textCells(input, width), width);
  const readable = cells.map(cellsToLine);
  if (clampIntensity(opts.intensity) === 0) return { readable, glitched: null };
  // Only the lines that will be shown are scrambled.
  const shown = Number.isFinite(damageLines) ? cells.slice(0, Math.max(1, damageLines)) : cells;
  return { readable, glitched: scrambled(shown, width, opts).map(cellsToLine) };
}

/** The readable text laid out to `width` (the settled frame). */
export function readableLayout(input: GlitchInput, width: number): Line[] {
  return layoutGlitch(input, { width, intensity: 0, seed: 0 });
}

/**
 * Glitched spans without wrapping (newlines kept as text). Intensity 0 returns the
 * input unchanged (apart from terminal control characters, which are always removed).
 */
export function glitchSpans(spans: GlitchInput, opts: GlitchOptions): GlitchSpan[] {
  if (clampIntensity(opts.intensity) === 0) {
    return toSpans(spans)
      .map((s: Span) => (s.style === undefined ? { text: sanitise(s.text) } : { text: sanitise(s.text), style: s.style }))
      .filter((s) => s.text.length > 0);
  }
  const out: GlitchSpan[] = [];
  glitchCells(spans, Infinity, opts).forEach((line, n) => {
    if (n > 0) out.push({ text: '\n' });
    out.push(...cellsToLine(line));
  });
  return out;
}

/** The characters of a line, without styles. */
export function lineText(line: Line): string {
  return line.map((r) => r.text).join('');
}
