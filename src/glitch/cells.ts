// Text as terminal cells: splits spans into grapheme cells, word-wraps them to a width,
// and merges cells back into styled runs. Widths come from width.ts only.
import type { GlitchInput, GlitchSpan, Line, Span } from './types.js';
import { graphemes, graphemeWidth, sanitise } from './width.js';

export interface Cell {
  g: string;
  w: number;
  style?: string;
  fg?: number;
  bg?: number;
  inverse?: boolean;
  memory?: boolean;
  /** Word number in the readable text; -1 for spaces and for inserted cells. */
  word: number;
  /** Position of the grapheme in the readable text (for stable dice); -1 for inserted cells. */
  idx: number;
}

const BREAK = '\n';

export function toSpans(input: GlitchInput): readonly Span[] {
  return typeof input === 'string' ? [{ text: input }] : input;
}

/** Sanitised grapheme cells of the readable text, with '\n' cells marking hard breaks. */
export function textCells(input: GlitchInput, width: number): Cell[] {
  const cells: Cell[] = [];
  let word = -1;
  let inWord = false;
  let idx = 0;
  const spans = toSpans(input);
  // Indexed loops over every character: in a short-lived run this code is cold, and a for-of
  // there allocates an iterator result per character.
  for (let si = 0; si < spans.length; si++) {
    const span = spans[si];
    if (!span || typeof span.text !== 'string') continue;
    const gs = graphemes(sanitise(span.text));
    for (let gi = 0; gi < gs.length; gi++) {
      let g = gs[gi];
      let w = g === BREAK ? 0 : graphemeWidth(g);
      // A character wider than the whole screen cannot be shown: a narrow stand-in keeps the line honest.
      if (w > width) {
        g = '?';
        w = 1;
      }
      const space = g === ' ' || g === BREAK;
      if (!space && !inWord) word++;
      inWord = !space;
      const cell: Cell = { g, w, word: space ? -1 : word, idx: idx++ };
      if (span.style !== undefined) cell.style = span.style;
      cells.push(cell);
    }
  }
  return cells;
}

/** Greedy word wrap. Spaces at a soft break are dropped; words longer than a line are split. */
export function wrapCells(cells: readonly Cell[], width: number): Cell[][] {
  if (cells.length === 0) return [];
  const lines: Cell[][] = [];
  let line: Cell[] = [];
  let lw = 0;
  let soft = false;
  const pushLine = (isSoft: boolean) => {
    if (isSoft) while (line.length > 0 && line[line.length - 1].g === ' ') line.pop();
    lines.push(line);
    line = [];
    lw = 0;
    soft = isSoft;
  };
  let i = 0;
  while (i < cells.length) {
    const c = cells[i];
    if (c.g === BREAK) {
      pushLine(false);
      i++;
      continue;
    }
    if (c.word < 0) {
      // a space
      if (!(soft && line.length === 0)) {
        if (lw + c.w > width) pushLine(true);
        else {
          line.push(c);
          lw += c.w;
        }
      }
      i++;
      continue;
    }
    let j = i;
    let tw = 0;
    while (j < cells.length && cells[j].word === c.word) tw += cells[j++].w;
    if (lw + tw > width && tw <= width && lw > 0) pushLine(true);
    for (let k = i; k < j; k++) {
      const cell = cells[k];
      if (lw + cell.w > width) pushLine(true);
      line.push(cell);
      lw += cell.w;
    }
    i = j;
  }
  // Spaces dropped at a final soft break leave nothing worth a row.
  if (!(soft && line.length === 0)) lines.push(line);
  return lines;
}

export function lineWidthOf(cells: readonly Cell[]): number {
  let w = 0;
  for (let i = 0; i < cells.length; i++) w += cells[i].w;
  return w;
}

/** Drops cells from the end until the line fits. */
export function truncateCells(cells: Cell[], width: number): Cell[] {
  let w = 0;
  for (let i = 0; i < cells.length; i++) {
    w += cells[i].w;
    if (w > width) return cells.slice(0, i);
  }
  return cells;
}

function sameLook(a: Cell, b: Cell): boolean {
  return a.style === b.style && a.fg === b.fg && a.bg === b.bg && a.inverse === b.inverse && a.memory === b.memory;
}

function runOf(c: Cell, text: string): GlitchSpan {
  const run: GlitchSpan = { text };
  if (c.style !== undefined) run.style = c.style;
  if (c.fg !== undefined) run.fg = c.fg;
  if (c.bg !== undefined) run.bg = c.bg;
  if (c.inverse) run.inverse = true;
  if (c.memory) run.memory = true;
  return run;
}

/** A copy of a cell with the same fields (for damage that must not touch the readable cells). */
export function copyCell(c: Cell): Cell {
  // Field by field: in a short run this is cold code, where an object spread is several times slower.
  const out: Cell = { g: c.g, w: c.w, word: c.word, idx: c.idx };
  if (c.style !== undefined) out.style = c.style;
  if (c.fg !== undefined) out.fg = c.fg;
  if (c.bg !== undefined) out.bg = c.bg;
  if (c.inverse !== undefined) out.inverse = c.inverse;
  if (c.memory !== undefined) out.memory = c.memory;
  return out;
}

/** Merges neighbouring cells that look alike into runs. */
export function cellsToLine(cells: readonly Cell[]): Line {
  const runs: Line = [];
  let start = 0;
  let text = cells.length > 0 ? cells[0].g : '';
  for (let i = 1; i <= cells.length; i++) {
    if (i === cells.length || !sameLook(cells[start], cells[i])) {
      runs.push(runOf(cells[start], text));
      start = i;
      if (i < cells.length) text = cells[i].g;
    } else text += cells[i].g;
  }
  return runs;
}
