// A terminal that reflows (tmux, VTE, kitty, iTerm2, Windows Terminal…) re-wraps the live area's
// lines when it narrows, so it takes more rows than ink drew, and ink's own erase (as many rows as
// it wrote) leaves the top of a glitch frame or a status line behind as debris. Before ink redraws,
// the screen erases every row the live area now takes and leaves the cursor where ink expects the
// old prompt row, so ink's erase then only goes over rows already blank.

const ESC = '\x1b[';

/** Rows that lines of these widths take once re-wrapped at `columns`. */
export function reflowedRows(widths: readonly number[], columns: number): number {
  const cols = Math.max(1, Math.floor(columns));
  return widths.reduce((rows, w) => rows + Math.max(1, Math.ceil(w / cols)), 0);
}

/**
 * The bytes to write before ink redraws after the terminal narrowed to `columns`; '' when the
 * live area (its line widths, the prompt last, the cursor on its row) still takes one row a line.
 */
export function eraseReflowed(widths: readonly number[], columns: number): string {
  const rows = reflowedRows(widths, columns);
  if (rows <= widths.length) return '';
  // Up from the prompt's row, erasing each row, to the live area's first row…
  let out = `\r${ESC}2K`;
  for (let i = 1; i < rows; i++) out += `${ESC}1A${ESC}2K`;
  // …then down to the row ink believes its prompt is on.
  if (widths.length > 1) out += `${ESC}${widths.length - 1}B`;
  return out;
}

/** Terminals known to cut lines instead of re-wrapping them: xterm and the Linux console. */
export function terminalReflows(env: Record<string, string | undefined>): boolean {
  return !env.XTERM_VERSION && env.TERM !== 'linux';
}
