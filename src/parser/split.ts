// Splits a line's tokens into one segment per command, spotting `mia, ...` addressees.
import type { Token } from './tokenise.js';
import { ALL_WORDS, ARTICLES, EXCEPT_WORDS } from './words.js';

export interface Segment {
  tokens: Token[];
  /** `mia, go north`: the addressee's words. */
  actor?: Token[];
  start: number;
  end: number;
  /**
   * It follows the one before after a bare `and`: `jaime, go west and strike the chime` is both
   * for Jaime, while after `then`, a comma or a full stop the player speaks for themself again.
   */
  joined?: boolean;
}

export interface SplitContext {
  /** First words of verbs and directions: a comma after one of these is never an addressee. */
  isVerbWord(word: string): boolean;
  /** Whether a word could name someone to address (world vocabulary or a character name). */
  isNameWord(word: string): boolean;
}

const MAX_ADDRESSEE_WORDS = 5;

/**
 * `z.g` is two commands, while `notes.txt` is one word: a word with full stops inside splits
 * there when every piece of it is a verb or a direction.
 */
function splitDottedCommands(tokens: Token[], ctx: SplitContext): Token[] {
  return tokens.flatMap((t) => {
    if (t.kind !== 'word' || !t.raw.includes('.')) return [t];
    const parts = t.raw.split('.');
    if (parts.some((p) => !p || !ctx.isVerbWord(p.toLowerCase()))) return [t];
    const out: Token[] = [];
    let at = t.start;
    parts.forEach((p, i) => {
      if (i > 0) out.push({ kind: 'punct', raw: '.', lower: '.', start: at, end: at + 1 }), at++;
      out.push({ kind: 'word', raw: p, lower: p.toLowerCase(), start: at, end: at + p.length });
      at += p.length;
    });
    return out;
  });
}

export function splitSegments(all: Token[], ctx: SplitContext): Segment[] {
  const tokens = splitDottedCommands(all, ctx);
  const segments: Segment[] = [];
  let cur: Token[] = [];
  let actor: Token[] | undefined;
  let joined = false;

  const close = (soft: boolean) => {
    for (let last = cur.at(-1); last?.kind === 'word' && last.lower === 'and'; last = cur.at(-1)) cur.pop();
    const first = actor?.[0] ?? cur[0];
    const end = cur.at(-1);
    if (first && end) {
      segments.push({ tokens: cur, actor, start: first.start, end: end.end, ...(joined ? { joined } : {}) });
      joined = soft;
    } else joined ||= soft;
    cur = [];
    actor = undefined;
  };

  for (const [i, t] of tokens.entries()) {
    const next = tokens[i + 1];
    if (t.kind === 'quote') { cur.push(t); continue; }
    if (t.kind === 'word') {
      if (t.lower === 'then') close(false);
      // "take key and go north": an `and` before a verb starts a new command.
      else if (t.lower === 'and' && cur.length && next?.kind === 'word' && ctx.isVerbWord(next.lower) && !ctx.isNameWord(next.lower)
        && !inExceptList(cur)) close(true);
      else cur.push(t);
      continue;
    }
    if (t.raw !== ',') { close(false); continue; }
    // A comma.
    if (next?.kind === 'word' && next.lower === 'then') { close(false); continue; }
    if (!actor && isAddressee(cur, ctx) && (next?.kind === 'word' || next?.kind === 'quote')) {
      actor = cur;
      cur = [];
      continue;
    }
    // "all except the key, the lamp" / "take key, lamp": the comma lists nouns rather than ending the command.
    const listed = next?.kind === 'word' && !ctx.isVerbWord(next.lower) && !startsOrder(tokens, i + 1)
      && (inExceptList(cur) || (cur.length > 1 && (ctx.isNameWord(next.lower) || ARTICLES.has(next.lower))));
    if (listed) {
      cur.push(t);
      continue;
    }
    close(false);
  }
  close(false);
  return segments;
}

function isAddressee(words: Token[], ctx: SplitContext): boolean {
  if (words.length === 0 || words.length > MAX_ADDRESSEE_WORDS) return false;
  if (words.some((w) => w.kind !== 'word')) return false;
  if (ctx.isVerbWord(words[0]?.lower ?? '')) return false;
  // `leo and mia, sit down`: names joined by `and` address each of them.
  return words.every((w, i) => ctx.isNameWord(w.lower) || (w.lower === 'and' && i > 0 && i < words.length - 1));
}

// "look, mia, go north": a lone word followed by a comma and more words is an addressee.
function startsOrder(tokens: Token[], i: number): boolean {
  const after = tokens[i + 2];
  return tokens[i + 1]?.raw === ',' && after?.kind === 'word' && after.lower !== 'then';
}

function inExceptList(words: Token[]): boolean {
  const i = words.findIndex((w) => w.kind === 'word' && ALL_WORDS.has(w.lower));
  return i >= 0 && words.slice(i + 1).some((w) => w.kind === 'word' && EXCEPT_WORDS.has(w.lower));
}
