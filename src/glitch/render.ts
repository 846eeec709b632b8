// Turns glitched lines into terminal strings: a minimal SGR writer that closes every style on
// the line that opened it, and writes no escape byte at all when colour is off.
import type { GlitchSpan, Line } from './types.js';
import { sanitise } from './width.js';

export interface StyleAttrs {
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  /** Palette index 0..255 (0..15 are the terminal's own 16 colours). */
  fg?: number;
  bg?: number;
}

export type Theme = Readonly<Record<string, StyleAttrs>>;

/** How style names look. Front ends may pass their own. */
export const DEFAULT_THEME: Theme = {
  plain: {},
  title: { bold: true },
  room: { bold: true, fg: 6 },
  emph: { bold: true },
  dim: { dim: true },
  error: { fg: 1 },
  speech: { fg: 3 },
  system: { dim: true },
  glitch: { fg: 5 },
  ending: { bold: true, fg: 3 },
};

export interface RenderOptions {
  color: boolean;
  /** 256 (default) or 16 for terminals that only know the basic colours. */
  palette?: 16 | 256;
  theme?: Theme;
}

export const RESET = '\x1b[0m';

/** Nearest of the 16 basic colours for a 256-palette index. */
export function toBasic16(n: number): number {
  if (n < 16) return n;
  if (n >= 232) return n < 244 ? 8 : 7;
  const c = n - 16;
  const r = Math.floor(c / 36);
  const g = Math.floor(c / 6) % 6;
  const b = c % 6;
  const code = (r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0);
  return Math.max(r, g, b) >= 4 ? code + 8 : code;
}

function colorParam(n: number, bg: boolean, palette: 16 | 256): string {
  const idx = Math.max(0, Math.min(255, Math.floor(n)));
  const c = palette === 16 ? toBasic16(idx) : idx;
  if (c < 8) return String((bg ? 40 : 30) + c);
  if (c < 16) return String((bg ? 100 : 90) + c - 8);
  return `${bg ? 48 : 38};5;${c}`;
}

function sgrParams(run: GlitchSpan, theme: Theme, palette: 16 | 256): string {
  const base = (run.style !== undefined ? theme[run.style] : undefined) ?? {};
  const p: string[] = [];
  if (base.bold) p.push('1');
  if (base.dim) p.push('2');
  if (base.italic) p.push('3');
  if (base.underline) p.push('4');
  if (base.inverse || run.inverse) p.push('7');
  const fg = run.fg ?? base.fg;
  const bg = run.bg ?? base.bg;
  if (typeof fg === 'number' && Number.isFinite(fg)) p.push(colorParam(fg, false, palette));
  if (typeof bg === 'number' && Number.isFinite(bg)) p.push(colorParam(bg, true, palette));
  return p.join(';');
}

function cleanText(text: string): string {
  const t = sanitise(text);
  return t.includes('\n') ? t.replace(/\n/g, ' ') : t;
}

/** One line; ends with a full reset whenever it opened a style. */
export function renderLine(line: Line, opts: RenderOptions): string {
  if (!opts.color) return line.map((r) => cleanText(r.text)).join('');
  const theme = opts.theme ?? DEFAULT_THEME;
  const palette = opts.palette ?? 256;
  let out = '';
  let current = '';
  let opened = false;
  for (const run of line) {
    const text = cleanText(run.text);
    if (text === '') continue;
    const params = sgrParams(run, theme, palette);
    if (params !== current) {
      out += params === '' ? RESET : `\x1b[0;${params}m`;
      current = params;
      opened = true;
    }
    out += text;
  }
  if (opened && !out.endsWith(RESET)) out += RESET;
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
