// How badly the dream is failing, as a glitch intensity 0..1 read from the state.
// Stability 90+ reads clean; below, damage rises steeply; when Leo is played his focus counts too.
import type { State } from './types.js';

export function glitchIntensity(s: Pick<State, 'stability' | 'focus' | 'player'>): number {
  const fromStability = s.stability >= 90 ? 0 : Math.min(1, ((90 - s.stability) / 90) ** 1.3);
  const fromFocus = s.player === 'leo' && s.focus < 7 ? ((7 - s.focus) / 7) * 0.5 : 0;
  return Math.round(Math.min(1, fromStability + fromFocus * (0.4 + fromStability)) * 100) / 100;
}
