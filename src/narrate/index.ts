// Turns engine events into paragraphs of styled spans, using the content's message catalogue.
// No terminal codes here: front ends decide what a style looks like.
import type { GameEvent, World, Style } from '../engine/types.js';

export interface Span {
  text: string;
  style?: Style;
}

export interface Block {
  spans: Span[];
  /** Set when this paragraph should come apart on screen before it settles. */
  glitch?: { intensity: number; seed: number };
  /** Lines laid out already (a table): shown as they are, one per line, never re-wrapped. */
  pre?: boolean;
}

/** Fills a catalogue message; an unknown id falls back to a neutral sentence, never the id. */
export function formatMessage(w: World, id: string, params: Record<string, string | number> = {}): string {
  const template = w.messages[id] ?? w.messages[id.replace(/\.thing$/, '')] ?? w.messages['rule.nothing'] ?? 'Nothing happens.';
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : ''));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const paragraphs = (t: string) => t.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);

/** Below this intensity a room reads clean. */
export const GLITCH_THRESHOLD = 0.08;

export function narrate(w: World, events: GameEvent[]): Block[] {
  const out: Block[] = [];
  let joinNext: Span | null = null;
  for (const e of events) {
    if (e.type === 'text' && e.join) {
      joinNext = { text: `${e.text} `, style: e.style };
      continue;
    }
    const before = out.length;
    out.push(...blocksOf(w, e));
    if (joinNext && out.length > before) {
      out[before] = { ...out[before], spans: [joinNext, ...out[before].spans] };
      joinNext = null;
    }
  }
  return out;
}

/** The paragraphs one event shows (none for moves, requests to the front end and scenes). */
function blocksOf(w: World, e: GameEvent): Block[] {
  const out: Block[] = [];
  const para = (text: string, style?: Style, glitch?: Block['glitch']) => {
    for (const p of paragraphs(text)) out.push(glitch ? { spans: [{ text: p, style }], glitch } : { spans: [{ text: p, style }] });
  };
  switch (e.type) {
    case 'text':
      para(e.text, e.style);
      break;
    case 'message': {
      // A message said on its own is a sentence: "{thing} has nothing to wind." begins "The…".
      const t = formatMessage(w, e.id, e.params);
      para(t.charAt(0).toUpperCase() + t.slice(1), e.id.startsWith('parse.') ? 'error' : undefined);
      break;
    }
    case 'room': {
      out.push({ spans: [{ text: e.name, style: 'room' }] });
      if (e.description) {
        const g = e.intensity >= GLITCH_THRESHOLD ? { intensity: e.intensity, seed: hash(e.room + e.description) } : undefined;
        para(e.description, undefined, g);
      }
      break;
    }
    case 'switched':
      para(formatMessage(w, 'switched', { name: w.characters[e.to]?.name ?? e.to }), 'system');
      break;
    case 'glitch':
      if (e.text) para(e.text, 'glitch', { intensity: e.intensity, seed: e.seed });
      break;
    case 'score':
      para(formatMessage(w, 'score.up', { points: e.points, name: w.puzzles[e.puzzle]?.name ?? 'a puzzle' }), 'system');
      break;
    case 'act':
      out.push({ spans: [{ text: formatMessage(w, 'act.begin', { act: e.act, name: e.name }), style: 'title' }] });
      break;
    case 'ending':
      out.push({ spans: [{ text: e.title, style: 'title' }] });
      para(e.text, 'ending');
      para(formatMessage(w, 'ending.end'), 'title');
      para(formatMessage(w, 'ending.others', { count: e.others + 1 }), 'system');
      break;
    case 'undone':
      para(e.command ? formatMessage(w, 'undo.done', { command: e.command }) : formatMessage(w, 'undo.done_unknown'), 'system');
      break;
    case 'moved':
    case 'meta':
      break;
  }
  return out;
}

/** Plain text of blocks, paragraphs separated by blank lines (no styling at all). */
export function blocksToText(blocks: Block[]): string {
  return blocks.map((b) => b.spans.map((s) => s.text).join('')).join('\n\n');
}
