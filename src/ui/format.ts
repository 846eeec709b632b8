// Text for the interactive screen: transcript blocks (styled exactly as line mode does), the
// status line and the echoed command. Strings only; ink never sees a Block.
import { paint } from '../render/theme.js';
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';
import { formatMessage, type Block } from '../narrate/index.js';
import type { GameHost } from '../host/host.js';
import type { State, World } from '../engine/types.js';
import { roomOf } from '../engine/index.js';
import { renderBlock, type RenderSettings } from '../render/text.js';
import { readableLayout, renderLines } from '../glitch/index.js';
import { printableInput } from '../engine/index.js';

/** The host's world. GameHost keeps it private; read a public `world` first should one appear. */
export function worldOf(host: GameHost): World {
  return host.world;
}

/** Columns to wrap at: the terminal's own width (re-read on resize), capped by an explicit --width. */
export function wrapWidth(columns: number | undefined, configured: number, explicit: boolean): number {
  const fromTerminal = columns && columns > 0 ? Math.max(10, Math.min(200, Math.floor(columns) - 1)) : configured;
  return explicit ? Math.min(configured, fromTerminal) : fromTerminal;
}

/** A paragraph for the transcript, the same bytes line mode would print at this width. */
export function blockText(b: Block, r: RenderSettings, memories: string[]): string {
  return renderBlock(b, r, memories);
}

/** A glitch paragraph once it has settled: only its readable form. */
export function settledGlitchText(b: Block, r: RenderSettings): string {
  return renderLines(readableLayout(b.spans, r.width), { color: r.color });
}

export function echoText(line: string, r: RenderSettings): string {
  const t = `> ${printableInput(line)}`;
  return wrapAnsi(r.color ? paint(t, { style: 'echo' }) : t, r.width, { hard: true, trim: false });
}

export interface Whereabouts {
  character: string;
  place: string;
  turn: number;
  /** "turn 12", "Act 3: The Glitch", as the story words them (content/messages.yaml). */
  turnLabel: string;
  act: string;
  /** For screen readers: "You are playing Mia, in Kitchen." */
  sentence: string;
}

export function whereabouts(w: World, s: State): Whereabouts {
  const act = w.game.acts.find((a) => a.id === s.act);
  const character = w.characters[s.player]?.name ?? s.player;
  const place = w.rooms[roomOf(s, s.player)]?.name ?? '';
  return {
    character,
    place,
    turn: s.turn,
    turnLabel: formatMessage(w, 'ui.status_turn', { turn: s.turn }),
    // Once the story has ended, the status line says which ending, not the act it ended in.
    act: (s.ending
      ? formatMessage(w, 'ui.status_ended', { title: w.endings[s.ending]?.title ?? '' })
      : formatMessage(w, 'ui.status_act', { act: act?.id ?? s.act, name: act?.name ?? '' })).replace(/:\s*$/, ''),
    sentence: formatMessage(w, place ? 'ui.whereabouts' : 'ui.whereabouts_nowhere', { character, place }),
  };
}

/** One row, never wider than `width`: the character, the place, the turn and the act. */
export function statusText(p: Whereabouts, width: number, color: boolean): string {
  const parts = [p.character, p.place, p.turnLabel, p.act].filter(Boolean);
  let t = parts.join(' · ');
  const max = Math.max(1, width);
  if (stringWidth(t) > max) {
    const cps = [...t];
    while (cps.length && stringWidth(cps.join('')) > max - 1) cps.pop();
    t = cps.join('') + '…';
  }
  return color ? paint(t, { style: 'status' }) : t;
}

/** For screen readers: who and where, in words, printed only when it changes. */
export function whereaboutsSentence(p: Whereabouts): string {
  return p.sentence;
}
