// A glitch as a short animation: up to three flashes, each settling, then the readable text.
//
// A "flash" is a frame more damaged than the frame before it (the first frame counts: before
// it the screen showed readable text). Flashes start at least 400 ms apart, so no 1-second
// window ever holds more than three. Frames inside a beat reuse the beat's seed at falling
// intensities, so they damage subsets of the same cells; a guard holds the previous frame if
// one ever came out heavier anyway.
import { layoutGlitch, clampIntensity, readableLayout } from './glitch.js';
import { mix, normaliseSeed } from './rng.js';
import type { GlitchInput, LayoutOptions, Line } from './types.js';
import { graphemes, graphemeWidth } from './width.js';

export const MAX_DURATION_MS = 1500;
export const DEFAULT_DURATION_MS = 1200;
export const FRAME_MS = 100;
export const FLASH_SPACING_MS = 400;

export interface FrameOptions extends LayoutOptions {
  /** Total time before the readable frame, capped at 1500 ms. Default 1200. */
  durationMs?: number;
}

export interface GlitchAnimation {
  /** Every frame has the readable layout's row count; the last frame is the readable layout. */
  frames: Line[][];
  /** How long to show each frame; the last (readable) frame stays, so its delay is 0. */
  delayMs: number[];
  /** Indexes of flash frames. */
  flashes: number[];
}

const BEAT_PEAKS: Record<number, number[]> = { 1: [1], 2: [1, 0.55], 3: [0.7, 1, 0.55] };
const DECAY = [1, 0.55, 0.3, 0.12];

function columns(line: Line): string[] {
  const cols: string[] = [];
  for (const run of line) {
    const look = `${run.style ?? ''}|${run.fg ?? ''}|${run.bg ?? ''}|${run.inverse ? 1 : 0}|`;
    for (const g of graphemes(run.text)) {
      const w = graphemeWidth(g);
      if (w === 0) {
        if (cols.length > 0) cols[cols.length - 1] += g;
        continue;
      }
      cols.push(look + g);
      if (w === 2) cols.push(look);
    }
  }
  return cols;
}

/** Screen cells (row, column) where `frame` differs from `base`: the measure of a frame's damage. */
export function frameDamage(frame: readonly Line[], base: readonly Line[]): number {
  let n = 0;
  const rows = Math.max(frame.length, base.length);
  for (let r = 0; r < rows; r++) {
    const a = frame[r] ? columns(frame[r]) : [];
    const b = base[r] ? columns(base[r]) : [];
    const len = Math.max(a.length, b.length);
    for (let c = 0; c < len; c++) if (a[c] !== b[c]) n++;
  }
  return n;
}

export function glitchFrames(input: GlitchInput, opts: FrameOptions): GlitchAnimation {
  const readable = readableLayout(input, opts.width);
  const intensity = clampIntensity(opts.intensity);
  const raw = opts.durationMs ?? DEFAULT_DURATION_MS;
  const duration = Number.isFinite(raw) ? Math.max(0, Math.min(MAX_DURATION_MS, raw)) : DEFAULT_DURATION_MS;
  if (intensity === 0 || duration === 0 || readable.length === 0) {
    return { frames: [readable], delayMs: [0], flashes: [] };
  }

  const beats = Math.max(1, Math.min(3, Math.floor(duration / FLASH_SPACING_MS)));
  const perBeat = Math.max(1, Math.min(DECAY.length, Math.floor(Math.min(duration, FLASH_SPACING_MS) / FRAME_MS)));
  const delay = Math.min(FRAME_MS, duration);
  const seed = normaliseSeed(opts.seed);

  const frames: Line[][] = [];
  const delayMs: number[] = [];
  const flashes: number[] = [];
  let prevDamage = 0;
  for (let b = 0; b < beats; b++) {
    const beatSeed = mix(seed, b + 1);
    for (let k = 0; k < perBeat; k++) {
      const i = intensity * BEAT_PEAKS[beats][b] * DECAY[k];
      let frame = layoutGlitch(input, { width: opts.width, intensity: i, seed: beatSeed, memories: opts.memories });
      let damage = frameDamage(frame, readable);
      if (damage > prevDamage) {
        if (k === 0) flashes.push(frames.length);
        else {
          // Never flash between beats: hold the previous frame instead.
          frame = frames[frames.length - 1];
          damage = prevDamage;
        }
      }
      frames.push(frame);
      delayMs.push(delay);
      prevDamage = damage;
    }
  }
  frames.push(readable);
  delayMs.push(0);
  return { frames, delayMs, flashes };
}

/** The single still frame used by plain mode and --reduced-motion: the glitch at full strength. */
export function stillFrame(input: GlitchInput, opts: LayoutOptions): Line[] {
  return layoutGlitch(input, opts);
}
