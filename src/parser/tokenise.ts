// Breaks a cleaned line into words, punctuation and quoted text, keeping offsets for `input`.

export interface Token {
  kind: 'word' | 'punct' | 'quote';
  /** As typed (case kept); for a quote, the text between the marks. */
  raw: string;
  /** Lower-cased `raw`. */
  lower: string;
  start: number;
  end: number;
}

const PUNCT = new Set(['.', ',', ';', '!', '?']);
const OPEN_QUOTES = new Set(['"', '\u201c', '\u201d']);
const CLOSE_QUOTES = new Set(['"', '\u201d', '\u201c']);

function isBreak(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || PUNCT.has(ch) || OPEN_QUOTES.has(ch);
}

// `it's`, `that's`, `let's`: a contraction, not whose something is.
const CONTRACTED = new Set(['it', 'that', 'what', 'there', 'here', 'he', 'she', 'let', 'who', 'where', 'how', 'when']);

/** `mia's` (or `mia’s`) is read as `mia`: whose thing it is names it no better than its name. */
function possessiveStem(word: string): string {
  const n = word.length;
  if (n > 2 && word.charCodeAt(n - 1) === 115 /* s */) {
    const q = word.charCodeAt(n - 2);
    if ((q === 39 || q === 0x2019) && !CONTRACTED.has(word.slice(0, -2))) return word.slice(0, -2);
  }
  return word;
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === ' ') { i++; continue; }
    if (OPEN_QUOTES.has(ch)) {
      let j = i + 1;
      while (j < text.length && !CLOSE_QUOTES.has(text.charAt(j))) j++;
      const raw = text.slice(i + 1, j).trim();
      // An unclosed quote runs to the end of the line, as people type `say "hello`.
      const end = Math.min(j + 1, text.length);
      tokens.push({ kind: 'quote', raw, lower: raw.toLowerCase(), start: i, end });
      i = end;
      continue;
    }
    if (PUNCT.has(ch)) {
      tokens.push({ kind: 'punct', raw: ch, lower: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    let j = i;
    // A full stop between two word characters belongs to the word: file names like `notes.txt`.
    while (j < text.length && !(isBreak(text[j]) && !(text[j] === '.' && j > i && !isBreak(text[j + 1])))) j++;
    const raw = text.slice(i, j);
    tokens.push({ kind: 'word', raw, lower: possessiveStem(raw.toLowerCase()), start: i, end: j });
    i = j;
  }
  return tokens;
}
