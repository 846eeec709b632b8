// How badly the dream is failing, as a glitch intensity 0..1 read from the state. The curve
// itself lives with the glitch (src/glitch/intensity.ts); the story names whose focus counts.
import type { State, World } from './types.js';
import { intensityFrom } from '../glitch/intensity.js';

export function glitchIntensity(w: World, s: Pick<State, 'stability' | 'focus' | 'player'>): number {
  const i = intensityFrom({ stability: s.stability, focus: s.focus, leoPlaying: s.player === w.game.focusCharacter });
  return Math.round(i * 100) / 100;
}
