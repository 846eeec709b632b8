// The damage itself: look-alike and block swaps, colour noise, stutters, memory bleed and
// torn lines, applied to wrapped cells. Every die is a stateless hash of (seed, purpose,
// position), so a stronger intensity damages a superset of what a weaker one damaged.
import type { Cell } from './cells.js';
import { copyCell, lineWidthOf, truncateCells } from './cells.js';
import {
  BLOCKS, BOX_FRAGMENTS, NOISE_BG, NOISE_FG, OVERLAYS, TEAR_FILLS, homoglyphFor, pick,
} from './lookalikes.js';
import { diePrefix, roll } from './rng.js';
import { graphemes, graphemeWidth, sanitise } from './width.js';

const enum P {
  Word = 1, Char, Choice, Glyph, Glyph2, Color, ColorPick, Bg, BgPick, Inverse, Overlay, OverlayPick,
  Stutter, StutterLen, StutterReps, Space, TearOn, TearSize, TearAt, TearCol, TearDir, TearFill,
  MemOn, MemPick, MemStart, MemLen, MemCol,
}

/** How much of each kind of damage an intensity brings. Exported for tests and tuning. */
export function damageCurve(i: number) {
  return {
    /** Chance a word is touched at all, and the most words touched (a flicker at low intensity). */
    word: Math.min(1, 1.25 * i ** 1.1),
    wordCap: Math.max(1, Math.floor(2 * (i / 0.1) ** 2)),
    /** Chance each letter of a touched word is swapped. */
    char: 0.3 + 0.7 * i,
    space: Math.max(0, (i - 0.5) * 0.9),
    block: 0.1 + 0.6 * i,
    color: 0.25 + 0.6 * i,
    bg: Math.max(0, i - 0.6),
    overlay: Math.max(0, (i - 0.6) * 0.8),
    stutter: 0.08 + 0.3 * i,
    tear: i < 0.2 ? 0 : Math.min(0.6, (i - 0.2) * 0.8),
    memory: i < 0.45 ? 0 : (i - 0.45) * 0.7,
  };
}

const LETTER = /^[\p{L}\p{N}]/u;
const MARKS = /^\p{M}*$/u;

/**
 * Whether a grapheme starts with a letter or digit. ASCII and General Punctuation (which has
 * neither: the story's dashes and quotes) are answered without compiling the Unicode regex.
 */
function isLetter(g: string): boolean {
  const c = g.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return LETTER.test(g);
}

/** A cell the glitch adds (not in the readable text), styled as `from` unless given a style. */
function inserted(from: Cell | undefined, g: string, style = from?.style): Cell {
  const c: Cell = { g, w: graphemeWidth(g), word: -1, idx: -1 };
  if (style !== undefined) c.style = style;
  return c;
}

/** String.fromCodePoint(s.codePointAt(0)), without building it from a number. */
function firstCodePoint(s: string): string {
  const hi = s.charCodeAt(0);
  if (hi < 0xd800 || hi > 0xdbff || s.length < 2) return s.length === 1 ? s : s[0];
  const lo = s.charCodeAt(1);
  return lo >= 0xdc00 && lo <= 0xdfff ? s.slice(0, 2) : s[0];
}

function swapGlyph(cell: Cell, pre: readonly number[], d: ReturnType<typeof damageCurve>): void {
  const u = roll(pre[P.Choice], cell.idx);
  const v = roll(pre[P.Glyph], cell.idx);
  if (cell.w === 2) {
    cell.g = pick(BLOCKS, v) + pick(BLOCKS, roll(pre[P.Glyph2], cell.idx));
  } else if (cell.w === 1) {
    // The first code point, and what follows it (combining marks stay on a look-alike).
    const first = firstCodePoint(cell.g);
    const rest = cell.g.length === first.length ? '' : cell.g.slice(first.length);
    const look = homoglyphFor(first, v);
    let g: string;
    if (look && u >= d.block) g = look + (rest === '' || MARKS.test(rest) ? rest : '');
    else g = u < d.block * 0.6 || !look ? pick(BLOCKS, v) : pick(BOX_FRAGMENTS, v);
    if (roll(pre[P.Overlay], cell.idx) < d.overlay) g += pick(OVERLAYS, roll(pre[P.OverlayPick], cell.idx));
    cell.g = graphemeWidth(g) === 1 ? g : '▒';
  }
  if (roll(pre[P.Color], cell.idx) < d.color) cell.fg = pick(NOISE_FG, roll(pre[P.ColorPick], cell.idx));
  if (roll(pre[P.Bg], cell.idx) < d.bg) cell.bg = pick(NOISE_BG, roll(pre[P.BgPick], cell.idx));
  if (roll(pre[P.Inverse], cell.idx) < d.bg * 0.3) cell.inverse = true;
}

/** Index of the first cell starting at or after column `col`. */
function cellAtColumn(line: readonly Cell[], col: number): number {
  let x = 0;
  for (let k = 0; k < line.length; k++) {
    if (x >= col) return k;
    x += line[k].w;
  }
  return line.length;
}

/** Removes at least `cols` columns from index k, padding with spaces if a wide cell overshoots. */
function removeColumns(line: Cell[], k: number, cols: number): void {
  let removed = 0;
  let n = 0;
  while (removed < cols && k + n < line.length) removed += line[k + n++].w;
  const pad = Math.max(0, removed - cols);
  line.splice(k, n, ...Array.from({ length: pad }, () => inserted(undefined, ' ')));
}

function memoryFragment(memories: readonly string[], pre: readonly number[], li: number, maxCols: number): Cell[] {
  const text = sanitise(memories[Math.floor(roll(pre[P.MemPick], li) * memories.length)] ?? '')
    .replace(/\n/g, ' ')
    .trim();
  if (!text) return [];
  const gs = graphemes(text);
  const starts: number[] = [0];
  for (let k = 1; k < gs.length; k++) if (gs[k - 1] === ' ' && gs[k] !== ' ') starts.push(k);
  let k = starts[Math.floor(roll(pre[P.MemStart], li) * starts.length)];
  const want = Math.min(maxCols, 8 + Math.floor(roll(pre[P.MemLen], li) * 17));
  const out: Cell[] = [];
  let w = 0;
  for (; k < gs.length; k++) {
    const gw = graphemeWidth(gs[k]);
    if (w + gw > want) break;
    out.push({ g: gs[k], w: gw, word: -1, idx: -1, style: 'dim', inverse: true, memory: true });
    w += gw;
  }
  while (out.length > 0 && out[out.length - 1].g === ' ') out.pop();
  return out;
}

type Curve = ReturnType<typeof damageCurve>;

/** A cell's place in a glitch: row * ROW + column. */
const ROW = 2 ** 26;

/**
 * The rows of one glitch. Rows are copied, cells only when damaged (most are not): `own` swaps
 * a copy into a place before it is changed, so the readable lines are never modified.
 */
class Sheet {
  readonly lines: Cell[][];

  constructor(private readonly readable: readonly Cell[][]) {
    this.lines = readable.map((l) => l.slice());
  }

  at(p: number): Cell {
    return this.lines[Math.floor(p / ROW)][p % ROW];
  }

  own(p: number): Cell {
    const li = Math.floor(p / ROW);
    const k = p % ROW;
    let c = this.lines[li][k];
    if (c === this.readable[li][k]) this.lines[li][k] = c = copyCell(c);
    return c;
  }
}

/** Word number -> the places of its cells. */
function wordPlaces(lines: readonly Cell[][]): Map<number, number[]> {
  const words = new Map<number, number[]>();
  // Indexed loops over cells: for-of in cold code allocates an iterator result per cell.
  for (let li = 0; li < lines.length; li++) for (let k = 0; k < lines[li].length; k++) {
    const c = lines[li][k];
    if (c.word < 0) continue;
    const list = words.get(c.word);
    if (list) list.push(li * ROW + k);
    else words.set(c.word, [li * ROW + k]);
  }
  return words;
}

/** Which words flicker: the cheapest dice win, and never more than the cap. */
function touchedWords(words: ReadonlyMap<number, number[]>, pre: readonly number[], d: Curve): number[] {
  return [...words.keys()]
    .map((w) => ({ w, u: roll(pre[P.Word], w) }))
    .filter((x) => x.u < d.word)
    .sort((a, b) => a.u - b.u || a.w - b.w)
    .slice(0, d.wordCap)
    .map((x) => x.w);
}

type Stutter = { unit: Cell[]; reps: number };

/** Stutters, found before any swap, so they repeat the letters as they were: th-th-the. By the place of the word's first cell. */
function stutters(sheet: Sheet, words: ReadonlyMap<number, number[]>, touched: readonly number[], pre: readonly number[], d: Curve, i: number): Map<number, Stutter> {
  const stutterAt = new Map<number, Stutter>();
  for (const w of touched) {
    if (roll(pre[P.Stutter], w) >= d.stutter) continue;
    const places = words.get(w)!;
    const cells = places.map((p) => sheet.at(p));
    const letters = cells.filter((c) => isLetter(c.g));
    if (letters.length < 2 || cells[0] !== letters[0]) continue;
    const n = letters.length >= 3 && cells[1] === letters[1] && roll(pre[P.StutterLen], w) < 0.5 ? 2 : 1;
    const reps = 1 + Math.floor(roll(pre[P.StutterReps], w) * (1 + 2 * i));
    const unit: Cell[] = [];
    for (let k = 0; k < n; k++) unit.push(inserted(cells[k], cells[k].g));
    unit.push(inserted(cells[0], '-'));
    stutterAt.set(places[0], { unit, reps });
  }
  return stutterAt;
}

/** Swaps the letters of touched words (or, in a word without letters, its other cells). */
function swapWords(sheet: Sheet, words: ReadonlyMap<number, number[]>, touched: readonly number[], pre: readonly number[], d: Curve): void {
  for (const w of touched) {
    const places = words.get(w)!;
    const letterPlaces = places.filter((p) => isLetter(sheet.at(p).g));
    const pool = letterPlaces.length > 0 ? letterPlaces : places;
    // The cell with the lowest die is always swapped, so a touched word always shows it.
    const u = pool.map((p) => roll(pre[P.Char], sheet.at(p).idx));
    let first = 0;
    for (let k = 1; k < pool.length; k++) if (u[k] < u[first]) first = k;
    const chance = d.char * (letterPlaces.length > 0 ? 1 : 0.5);
    for (let k = 0; k < pool.length; k++) if (k === first || u[k] < chance) swapGlyph(sheet.own(pool[k]), pre, d);
  }
}

/** At high intensity, the spaces between words turn to blocks and box fragments. */
function swapSpaces(sheet: Sheet, touched: ReadonlySet<number>, pre: readonly number[], d: Curve): void {
  const lines = sheet.lines;
  for (let li = 0; li < lines.length; li++) for (let k = 0; k < lines[li].length; k++) {
    const c = lines[li][k];
    if (c.word >= 0 || c.idx < 0 || touched.has(c.word) || roll(pre[P.Space], c.idx) >= d.space) continue;
    const mine = sheet.own(li * ROW + k);
    mine.g = roll(pre[P.Glyph], c.idx) < 0.6 ? pick(BLOCKS, roll(pre[P.Glyph2], c.idx)) : pick(BOX_FRAGMENTS, roll(pre[P.Glyph2], c.idx));
    if (roll(pre[P.Color], c.idx) < d.color) mine.fg = pick(NOISE_FG, roll(pre[P.ColorPick], c.idx));
  }
}

/** Row `li` with its stutters put in; a stutter only takes room the row has spare, so it never pushes words off the end. */
function withStutters(row: readonly Cell[], li: number, stutterAt: ReadonlyMap<number, Stutter>, width: number): Cell[] {
  let room = width - lineWidthOf(row);
  const line: Cell[] = [];
  for (let k = 0; k < row.length; k++) {
    const st = stutterAt.get(li * ROW + k);
    if (st) {
      const unitW = lineWidthOf(st.unit);
      const reps = Math.min(st.reps, unitW > 0 ? Math.floor(room / unitW) : 0);
      for (let r = 0; r < reps; r++) line.push(...st.unit.map(copyCell));
      room -= reps * unitW;
    }
    line.push(row[k]);
  }
  return line;
}

/** Memory bleed: a fragment of an earlier scene overwrites part of the row. */
function bleedMemory(line: Cell[], li: number, memories: readonly string[], pre: readonly number[], width: number): void {
  const frag = memoryFragment(memories, pre, li, Number.isFinite(width) ? Math.max(1, width) : 40);
  const fw = lineWidthOf(frag);
  if (frag.length === 0) return;
  const lw = lineWidthOf(line);
  const col = lw > fw ? Math.floor(roll(pre[P.MemCol], li) * (lw - fw)) : 0;
  const k = cellAtColumn(line, col);
  removeColumns(line, k, fw);
  line.splice(k, 0, ...frag);
}

/** A tear: the row cracks at a column and the rest slides sideways. */
function tear(line: Cell[], li: number, pre: readonly number[], i: number, width: number): void {
  const maxShift = Number.isFinite(width) ? Math.max(1, Math.floor(width / 4)) : 8;
  const s = Math.min(maxShift, 1 + Math.floor(roll(pre[P.TearSize], li) * (1 + 6 * i)));
  const lw = lineWidthOf(line);
  const col = roll(pre[P.TearAt], li) < 0.4 ? 0 : Math.floor(roll(pre[P.TearCol], li) * lw);
  const fillG = pick(TEAR_FILLS, roll(pre[P.TearFill], li));
  const fill = () => inserted(undefined, fillG, 'glitch');
  const k = cellAtColumn(line, col);
  if (roll(pre[P.TearDir], li) < 0.7) {
    line.splice(k, 0, ...Array.from({ length: s }, fill));
  } else {
    removeColumns(line, k, s);
    line.push(...Array.from({ length: s }, fill));
  }
}

/**
 * Damages wrapped readable lines (which it does not modify) at intensity i in (0, 1].
 * Lines come back no wider than `width`.
 */
export function scrambleLines(
  readable: readonly Cell[][],
  i: number,
  seed: number,
  width: number,
  memories: readonly string[],
): Cell[][] {
  const d = damageCurve(i);
  // Every die of this glitch shares its seed: the seed's part of each purpose's hash, once.
  const pre: number[] = [];
  for (let purpose = P.Word; purpose <= P.MemCol; purpose++) pre[purpose] = diePrefix(seed, purpose);
  const sheet = new Sheet(readable);
  const words = wordPlaces(sheet.lines);
  const touched = touchedWords(words, pre, d);
  const stutterAt = stutters(sheet, words, touched, pre, d, i);
  swapWords(sheet, words, touched, pre, d);
  if (d.space > 0) swapSpaces(sheet, new Set(touched), pre, d);

  const out: Cell[][] = [];
  for (let li = 0; li < sheet.lines.length; li++) {
    let line = stutterAt.size > 0 ? withStutters(sheet.lines[li], li, stutterAt, width) : sheet.lines[li];
    if (memories.length > 0 && roll(pre[P.MemOn], li) < d.memory) bleedMemory(line, li, memories, pre, width);
    if (roll(pre[P.TearOn], li) < d.tear && line.length > 0) tear(line, li, pre, i, width);
    line = truncateCells(line, width);
    out.push(line);
  }
  return out;
}
