// The live area (glitch frame, status line, prompt) is always shorter than the terminal: ink
// clears the whole screen, scrollback included, to redraw one that is not. The transcript is not
// ink's to redraw (the screen writes it above the live area with ink's write, see app.tsx).
import { describe, it, expect } from 'vitest';
import { liveAreaFit } from '../../src/ui/app.js';

describe('the live area', () => {
  it('keeps the live area shorter than the terminal from two rows up', () => {
    for (let rows = 2; rows <= 40; rows++) {
      for (const sr of [false, true]) {
        // The model cuts a glitch frame to rows - 4 and shows none below five rows.
        for (const frame of rows >= 5 ? [0, 1, rows - 4] : [0]) {
          const fit = liveAreaFit(rows, frame, sr);
          const height = fit.margin + frame + (fit.status ? 1 : 0) + 1;
          expect(height, `rows ${rows}, frame ${frame}, screen reader ${sr}`).toBeLessThan(rows);
          if (rows >= 5 && frame === 0) expect(fit).toEqual({ margin: 1, status: !sr });
        }
      }
    }
  });
});
