// The input line as pure data: raw terminal input events in, an edited line and effects out.
// Our own editor rather than ink-text-input, whose value lags behind fast typing and which never
// submits a chunk like "look\r"; here every event is applied to the latest state, in order.

/** The longest line we keep; further characters are dropped, never echoed. */
export const MAX_LINE = 1000;
/** History entries kept for Up/Down. */
export const HISTORY_LIMIT = 200;

export interface LineState {
  /** The line as code points, so the cursor never splits a surrogate pair. */
  chars: readonly string[];
  cursor: number;
  history: readonly string[];
  /** Position in history while browsing; history.length means the line being typed. */
  index: number;
  /** The line being typed, kept while browsing history. */
  draft: readonly string[];
}

export type LineEffect =
  | { kind: 'submit'; line: string } | { kind: 'interrupt' } | { kind: 'eof' }
  /** Ctrl+Z: the terminal is raw, so the screen suspends itself. */
  | { kind: 'suspend' }
  /** Typed or pasted text did not fit in MAX_LINE: this many characters were left out. */
  | { kind: 'overflow'; dropped: number };

export const emptyLine = (history: readonly string[] = []): LineState => ({ chars: [], cursor: 0, history, index: history.length, draft: [] });

export const lineValue = (s: LineState): string => s.chars.join('');

type Key =
  | 'left' | 'right' | 'home' | 'end' | 'up' | 'down' | 'delete' | 'backspace'
  | 'wordLeft' | 'wordRight' | 'killLine' | 'killEnd' | 'killWord';

// Escape sequences we understand (CSI and SS3 forms that xterm, tmux, rxvt and the Linux console send).
const SEQUENCES: Record<string, Key> = {
  '\x1b[A': 'up', '\x1bOA': 'up',
  '\x1b[B': 'down', '\x1bOB': 'down',
  '\x1b[C': 'right', '\x1bOC': 'right',
  '\x1b[D': 'left', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x1b[7~': 'home',
  '\x1b[F': 'end', '\x1bOF': 'end', '\x1b[4~': 'end', '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5D': 'wordLeft', '\x1b[1;3D': 'wordLeft', '\x1bb': 'wordLeft',
  '\x1b[1;5C': 'wordRight', '\x1b[1;3C': 'wordRight', '\x1bf': 'wordRight',
  '\x1b\x7f': 'killWord',
};

// Control characters with a meaning; every other C0/C1 character is dropped.
const CONTROLS: Record<string, Key | 'submit' | 'interrupt' | 'eof' | 'suspend'> = {
  '\r': 'submit', '\n': 'submit',
  '\x7f': 'backspace', '\b': 'backspace',
  '\x01': 'home', '\x05': 'end',
  '\x02': 'left', '\x06': 'right',
  '\x10': 'up', '\x0e': 'down',
  '\x15': 'killLine', '\x0b': 'killEnd', '\x17': 'killWord',
  '\x03': 'interrupt', '\x04': 'eof', '\x1a': 'suspend',
};

const UNPRINTABLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/u;

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_'-]/u.test(c);

function moveKey(s: LineState, key: Key): LineState {
  const { chars, cursor } = s;
  switch (key) {
    case 'left': return { ...s, cursor: Math.max(0, cursor - 1) };
    case 'right': return { ...s, cursor: Math.min(chars.length, cursor + 1) };
    case 'home': return { ...s, cursor: 0 };
    case 'end': return { ...s, cursor: chars.length };
    case 'wordLeft': {
      let i = cursor;
      while (i > 0 && !isWordChar(chars[i - 1])) i--;
      while (i > 0 && isWordChar(chars[i - 1])) i--;
      return { ...s, cursor: i };
    }
    case 'wordRight': {
      let i = cursor;
      while (i < chars.length && !isWordChar(chars[i])) i++;
      while (i < chars.length && isWordChar(chars[i])) i++;
      return { ...s, cursor: i };
    }
    case 'backspace':
      if (cursor === 0) return s;
      return { ...s, chars: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor: cursor - 1 };
    case 'delete':
      if (cursor >= chars.length) return s;
      return { ...s, chars: [...chars.slice(0, cursor), ...chars.slice(cursor + 1)] };
    case 'killLine': return { ...s, chars: [], cursor: 0 };
    case 'killEnd': return { ...s, chars: chars.slice(0, cursor) };
    case 'killWord': {
      const to = moveKey(s, 'wordLeft').cursor;
      return { ...s, chars: [...chars.slice(0, to), ...chars.slice(cursor)], cursor: to };
    }
    case 'up': {
      if (s.index === 0) return s;
      const draft = s.index === s.history.length ? chars : s.draft;
      const next = Array.from(s.history[s.index - 1]);
      return { ...s, index: s.index - 1, draft, chars: next, cursor: next.length };
    }
    case 'down': {
      if (s.index >= s.history.length) return s;
      const index = s.index + 1;
      const next = index === s.history.length ? s.draft : Array.from(s.history[index]);
      return { ...s, index, chars: next, cursor: next.length };
    }
  }
}

function insert(s: LineState, text: string): LineState {
  const room = MAX_LINE - s.chars.length;
  if (room <= 0) return s;
  const add = Array.from(text).filter((c) => !UNPRINTABLE.test(c)).slice(0, room);
  if (add.length === 0) return s;
  return { ...s, chars: [...s.chars.slice(0, s.cursor), ...add, ...s.chars.slice(s.cursor)], cursor: s.cursor + add.length };
}

function submit(s: LineState): { state: LineState; line: string } {
  const line = s.chars.join('');
  const last = s.history[s.history.length - 1];
  const history = line.trim() && line !== last ? [...s.history, line].slice(-HISTORY_LIMIT) : s.history;
  return { state: emptyLine(history), line };
}

/**
 * Applies one input event as ink's input parser hands it over: either a run of ordinary
 * characters (which may hold several lines and control characters) or one escape sequence.
 */
export function feed(start: LineState, event: string): { state: LineState; effects: LineEffect[] } {
  let s = start;
  const effects: LineEffect[] = [];
  if (event.startsWith('\x1b')) {
    const key = SEQUENCES[event];
    // Anything else (bracketed-paste marks, function keys, a lone Esc, focus reports) is dropped.
    return { state: key ? moveKey(s, key) : s, effects };
  }
  let run = '';
  const flush = () => {
    if (run) {
      const before = s.chars.length;
      const wanted = Array.from(run).filter((c) => !UNPRINTABLE.test(c)).length;
      s = insert(s, run);
      const lost = wanted - (s.chars.length - before);
      // Said before whatever the control character after it does (a submit, say).
      if (lost > 0) effects.push({ kind: 'overflow', dropped: lost });
    }
    run = '';
  };
  const cps = Array.from(event);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const action = CONTROLS[c];
    if (!action) {
      run += c; // unprintables are filtered in insert()
      continue;
    }
    flush();
    if (action === 'submit') {
      if (c === '\n' && cps[i - 1] === '\r') continue; // CRLF is one Enter
      const r = submit(s);
      s = r.state;
      effects.push({ kind: 'submit', line: r.line });
    } else if (action === 'interrupt') {
      effects.push({ kind: 'interrupt' });
      return { state: s, effects };
    } else if (action === 'suspend') {
      // The rest of the chunk waits for the screen to come back; none of it is lost.
      effects.push({ kind: 'suspend' });
    } else if (action === 'eof') {
      if (s.chars.length === 0) {
        effects.push({ kind: 'eof' });
        return { state: s, effects };
      }
      s = moveKey(s, 'delete');
    } else {
      s = moveKey(s, action);
    }
  }
  flush();
  return { state: s, effects };
}

/**
 * What fits on one row: a window of the line around the cursor, so a long line scrolls
 * sideways instead of growing the live area. `width` counts columns for the text alone.
 */
export function visibleWindow(s: LineState, width: number, widthOf: (t: string) => number): { text: string; cursorColumn: number } {
  const w = Math.max(1, width);
  const before = s.chars.slice(0, s.cursor);
  const after = s.chars.slice(s.cursor);
  // Keep the cursor in view: take characters before it until half the room (or all of it, at the end).
  const budgetBefore = after.length === 0 ? w - 1 : Math.max(1, Math.floor(w * 0.6));
  let left = '';
  let leftWidth = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const cw = widthOf(before[i]);
    if (leftWidth + cw > budgetBefore) break;
    left = before[i] + left;
    leftWidth += cw;
  }
  let right = '';
  let used = leftWidth;
  for (const c of after) {
    const cw = widthOf(c);
    if (used + cw > w - 1) break;
    right += c;
    used += cw;
  }
  return { text: left + right, cursorColumn: leftWidth };
}
