// How badly the dream is failing, as a glitch intensity 0..1 read from the state: a fact of
// the story (the engine reports it with each room), which the glitch renderer then draws.
//
// The curve, with t = (90 - stability) / 90 clamped to 0..1:
//   base  = 0.85 * t^1.5            quiet at first, steep as the dream fails
//                                   (stability 60 -> 0.16, 30 -> 0.46, 0 -> 0.85)
//   leo   = 0.3 * (10 - focus)/10 * min(1, 4t)   only while Leo is played; it comes in fully
//                                   once stability is below 67, so focus matters when it counts
//   intensity = min(1, base + leo), and exactly 0 whenever stability >= 90.

import type { State, World } from './types.js';

export interface IntensityInput {
  /** 0..100, the simulation's health. */
  stability: number;
  /** 0..10, Leo's hold on himself. */
  focus: number;
  leoPlaying: boolean;
}

const clamp = (x: number, lo: number, hi: number) => (Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo);

export function intensityFrom({ stability, focus, leoPlaying }: IntensityInput): number {
  const s = Number.isFinite(stability) ? clamp(stability, 0, 100) : 100;
  if (s >= 90) return 0;
  const t = (90 - s) / 90;
  const base = 0.85 * t ** 1.5;
  const f = Number.isFinite(focus) ? clamp(focus, 0, 10) : 10;
  const leo = leoPlaying ? 0.3 * ((10 - f) / 10) * Math.min(1, 4 * t) : 0;
  return Math.min(1, base + leo);
}

export function glitchIntensity(w: World, s: Pick<State, 'stability' | 'focus' | 'player'>): number {
  const i = intensityFrom({ stability: s.stability, focus: s.focus, leoPlaying: s.player === w.game.focusCharacter });
  return Math.round(i * 100) / 100;
}
