// The interactive screen's state, apart from React: the transcript (append-only), the input line,
// the glitch animation playing in the live area and the status. The ink components only draw it.
import { formatMessage, type Block } from '../narrate/index.js';
import type { GameHost } from '../host/host.js';
import type { RenderSettings } from '../render/text.js';
import { glitchFrames, renderFrames } from '../glitch/index.js';
import stringWidth from 'string-width';
import { emptyLine, feed, lineValue, MAX_LINE, type LineState } from './line-editor.js';
import {
  blockText, echoText, settledGlitchText, statusText, whereabouts, whereaboutsSentence, worldOf, wrapWidth, type Whereabouts,
} from './format.js';

export interface TranscriptItem {
  id: number;
  text: string;
  /** A blank line before it. */
  gap: boolean;
}

export interface Screen {
  columns(): number | undefined;
  rows(): number | undefined;
}

export interface ModelOptions {
  host: GameHost;
  render: RenderSettings;
  screen: Screen;
  /** The wrap width was asked for (--width or settings), so the terminal's width only narrows it. */
  explicitWidth: boolean;
  /** Whether the first transcript item needs a blank line (text was written before ink). */
  gapFirst?: boolean;
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (t: unknown) => void };
  /**
   * Ctrl+Z: hands the terminal back to the shell, and calls `resumed` after `fg`. Called once the
   * live area is hidden. None (no job control): the key does nothing.
   */
  suspend?: (resumed: () => void) => void;
}

interface Animation {
  block: Block;
  frames: string[][];
  delays: number[];
  index: number;
  timer: unknown;
}

/** Glitch animation length: the API caps it at 1.5 s and keeps flashes ≤3 per second. */
export const GLITCH_DURATION_MS = 1200;
/** All the animation one turn may play, however many of its paragraphs glitch. */
export const TURN_ANIMATION_MS = 1500;
/** A paste's pieces arrive within this of each other. */
const PASTE_QUIET_MS = 60;
/** Less than this left of a turn's budget: the paragraph is shown settled, not as a stub of a flicker. */
const MIN_ANIMATION_MS = 300;

export class UiModel {
  /**
   * The transcript items ink has not written yet, and those of the same batch it has. Once it has
   * written all of them the next item starts a new batch: what is on the screen is not kept.
   */
  items: TranscriptItem[] = [];
  /** Which run of items this is: a new one starts once all of the last were written. */
  batch = 0;
  /** How many of `items` the screen has written (it says so through `written`). */
  private writtenCount = 0;
  line: LineState = emptyLine();
  /** The glitch frame on screen (already clipped to fit), or null. */
  frame: string[] | null = null;
  ended = false;
  /** Ctrl+Z was pressed and the shell has the terminal: the live area is not drawn. */
  suspended = false;
  version = 0;

  private readonly listeners = new Set<() => void>();
  private queue: Block[] = [];
  private anim: Animation | null = null;
  private gap: boolean;
  private nextId = 0;
  private lastWhere: string | null = null;
  /** Characters of a long paste left out, not yet said; the timer that says them. */
  private dropped = 0;
  private overflowTimer: unknown = null;
  /** What is left of this turn's animation time. */
  private budgetMs = TURN_ANIMATION_MS;
  private readonly timers: NonNullable<ModelOptions['timers']>;

  constructor(private readonly o: ModelOptions) {
    this.gap = o.gapFirst ?? false;
    this.timers = o.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (t) => clearTimeout(t as NodeJS.Timeout) };
    if (o.render.screenReader) this.lastWhere = whereaboutsSentence(this.where());
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  /** Render settings at the terminal's current width. */
  settings(): RenderSettings {
    const r = this.o.render;
    // `settings width` changes r in place during play: a new width applies to the next text.
    return { ...r, width: wrapWidth(this.o.screen.columns(), r.width, r.widthSet ?? this.o.explicitWidth) };
  }

  columns(): number {
    return this.o.screen.columns() || 80;
  }

  rows(): number {
    return this.o.screen.rows() || 24;
  }

  where(): Whereabouts {
    return whereabouts(worldOf(this.o.host), this.o.host.state);
  }

  status(): string {
    return statusText(this.where(), this.columns() - 1, this.o.render.color);
  }

  get animating(): boolean {
    return this.anim !== null;
  }

  /** Blocks still to show when ink mounts (the opening's tail after a glitch). */
  show(blocks: Block[]): void {
    this.budgetMs = TURN_ANIMATION_MS;
    this.queue.push(...blocks);
    this.drain(true);
    this.changed();
  }

  private append(text: string, gap = this.gap): void {
    if (this.writtenCount > 0 && this.writtenCount === this.items.length) {
      this.items = [];
      this.writtenCount = 0;
      this.batch++;
    }
    this.items = [...this.items, { id: this.nextId++, text, gap }];
    this.gap = true;
  }

  private canAnimate(): boolean {
    const r = this.o.render;
    return !r.reducedMotion && !r.screenReader;
  }

  /** Moves queued blocks to the transcript, stopping at a glitch to animate when allowed. */
  private drain(animate: boolean): void {
    while (this.queue.length && !this.anim) {
      const b = this.queue.shift()!;
      const r = this.settings();
      if (b.glitch && animate && this.canAnimate()) {
        if (this.startAnimation(b, r)) return;
      }
      // Not animated (skipped, or past the turn's budget): settled, as an animation ends. Only
      // reduced motion and screen readers get line mode's still of the damage, or its words.
      this.append(b.glitch && this.canAnimate() ? settledGlitchText(b, r) : blockText(b, r, this.o.host.state.memories));
    }
  }

  private startAnimation(b: Block, r: RenderSettings): boolean {
    const g = b.glitch!;
    const durationMs = Math.min(GLITCH_DURATION_MS, this.budgetMs);
    // The frame, the blank line, the status line and the prompt stay shorter than the terminal
    // (see liveAreaFit); a terminal under five rows gets the settled text without the animation.
    const maxRows = this.rows() - 4;
    if (durationMs < MIN_ANIMATION_MS || maxRows < 1) return false;
    const a = glitchFrames(b.spans, {
      width: r.width, intensity: g.intensity, seed: g.seed, memories: this.o.host.state.memories, durationMs,
    });
    if (a.frames.length <= 1) return false;
    this.budgetMs -= a.delayMs.reduce((t, d) => t + d, 0);
    const frames = renderFrames(a.frames.slice(0, -1), { color: r.color }).map((f) => f.split('\n').slice(0, maxRows));
    this.anim = { block: b, frames, delays: a.delayMs.slice(0, -1), index: 0, timer: null };
    this.frame = frames[0];
    this.scheduleFrame();
    return true;
  }

  private scheduleFrame(): void {
    const a = this.anim!;
    a.timer = this.timers.set(() => {
      if (this.anim !== a) return;
      a.index++;
      if (a.index >= a.frames.length) {
        this.settle();
        this.drain(true);
      } else {
        this.frame = a.frames[a.index];
        this.scheduleFrame();
      }
      this.changed();
    }, a.delays[a.index] ?? 100);
  }

  /** Ends the current animation: its readable text goes to the transcript. */
  private settle(): void {
    const a = this.anim;
    if (!a) return;
    this.timers.clear(a.timer);
    this.anim = null;
    this.frame = null;
    this.append(settledGlitchText(a.block, this.settings()));
  }

  /** Everything pending goes to the transcript now, without animation. */
  private flush(): void {
    this.settle();
    this.drain(false);
  }

  /**
   * The widths of the live area's lines as drawn at `columns`: the blank line above it, the glitch
   * frame, the status line and the input line (last; the cursor is on it).
   */
  liveWidths(columns: number): number[] {
    const clip = (w: number) => Math.min(w, columns);
    const frame = (this.frame ?? []).map((l) => clip(stringWidth(l)));
    const status = this.settings().screenReader ? [] : [clip(stringWidth(statusText(this.where(), columns - 1, false)))];
    const input = Math.min(2 + stringWidth(lineValue(this.line)), columns - 1);
    return [0, ...frame, ...status, input];
  }

  /** How many of `batch`'s items have been written. */
  writtenIn(batch: number): number {
    return batch === this.batch ? this.writtenCount : 0;
  }

  /** The screen has written the first `count` items of `batch` to the terminal. */
  written(batch: number, count: number): void {
    if (batch === this.batch) this.writtenCount = Math.max(this.writtenCount, count);
  }

  /** Stable handlers for the components' effects. */
  inputHandler = (event: string): void => this.input(event);
  /** A new terminal size: an animation drawn for the old width ends, settled at the new one. */
  resizeHandler = (): void => {
    if (this.anim) this.flush();
    this.changed();
  };

  /** One raw input event from ink's input parser. */
  input(event: string): void {
    if (this.ended) return;
    if (this.anim) {
      // Any key ends the turn's animation at once: every paragraph still to come is shown
      // settled, so nothing typed after this key is taken for a skip. Esc, and Enter or Space on
      // an empty line, only skip; anything else is typed (Enter runs the line typed ahead).
      this.flush();
      const empty = this.line.chars.length === 0;
      if (event.startsWith('\x1b') || (empty && (event === '\r' || event === '\n' || event === ' '))) {
        this.changed();
        return;
      }
    }
    const { state, effects } = feed(this.line, event);
    this.line = state;
    for (const e of effects) {
      if (e.kind === 'submit') this.submit(e.line);
      else if (e.kind === 'suspend') this.suspendScreen();
      else if (e.kind === 'overflow') this.overflowed(e.dropped);
      else this.leave();
      if (this.ended) break;
    }
    this.changed();
  }

  /** Ctrl+Z: the live area is hidden until the front end says the shell gave the terminal back. */
  private suspendScreen(): void {
    const suspend = this.o.suspend;
    if (!suspend || this.suspended) return;
    this.flush();
    this.suspended = true;
    this.changed();
    suspend(() => {
      this.suspended = false;
      this.changed();
    });
  }

  /**
   * A terminal hands a long paste over in pieces, so what was left out is added up and said once,
   * when the pieces stop coming (or before the line is run).
   */
  private overflowed(dropped: number): void {
    this.dropped += dropped;
    this.overflowTimer ??= this.timers.set(() => {
      this.overflowTimer = null;
      this.sayOverflow();
      this.changed();
    }, PASTE_QUIET_MS);
  }

  private sayOverflow(): void {
    if (this.overflowTimer !== null) this.timers.clear(this.overflowTimer);
    this.overflowTimer = null;
    if (this.dropped === 0) return;
    this.append(formatMessage(worldOf(this.o.host), 'ui.line_full', { max: MAX_LINE, dropped: this.dropped }));
    this.dropped = 0;
  }

  private submit(line: string): void {
    this.sayOverflow();
    this.flush();
    const r = this.settings();
    if (!r.screenReader) this.append(echoText(line, r), true);
    let blocks: Block[];
    let quit = false;
    try {
      const out = this.o.host.submit(line);
      blocks = out.blocks;
      quit = !!out.quit;
      // A setting still being written: how it went is said when it is done.
      out.settled?.then((later) => {
        if (!later.length || this.ended) return;
        this.queue.push(...later);
        this.drain(true);
        this.changed();
      }, () => undefined);
    } catch {
      // The host keeps a failing turn out of the game itself; this is the screen's own guard.
      blocks = [{ spans: [{ text: formatMessage(worldOf(this.o.host), 'host.turn_failed'), style: 'error' }] }];
    }
    this.gap = r.screenReader;
    this.budgetMs = TURN_ANIMATION_MS;
    this.queue.push(...blocks);
    if (quit) {
      this.flush();
      this.end();
      return;
    }
    this.drain(true);
    if (r.screenReader) {
      const now = whereaboutsSentence(this.where());
      if (now !== this.lastWhere) {
        // Announced after the reply, even while nothing animates in this mode.
        this.append(now);
        this.lastWhere = now;
      }
    }
  }

  /**
   * Ctrl+C, or Ctrl+D on an empty line: leaving as `quit` does, so the player is told in one
   * line that the game is saved and how to come back (or that the save failed).
   */
  private leave(): void {
    try {
      this.queue.push(...this.o.host.submit('quit').blocks);
    } catch { /* the game is ending either way */ }
    this.flush();
    this.end();
  }

  /** Ctrl+C, Ctrl+D on an empty line, or `quit`: the game is already autosaved. */
  end(): void {
    this.flush();
    this.ended = true;
    this.changed();
  }

  dispose(): void {
    if (this.overflowTimer !== null) this.timers.clear(this.overflowTimer);
    if (this.anim) this.timers.clear(this.anim.timer);
    this.anim = null;
  }
}
