import { styleLeftOpen } from './sgr.js';
import { paint } from '../../src/render/theme.js';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import {
  glitchSpans, layoutGlitch, readableLayout, lineText, renderLines, describeGlitch,
  plainGlitchOutput, runPreview, glitchFrames,
} from '../../src/glitch/index.js';
import { intensityFrom } from '../../src/engine/index.js';
import { BLOCKS, BOX_FRAGMENTS, HOMOGLYPHS, OVERLAYS, TEAR_FILLS } from '../../src/glitch/lookalikes.js';
import { PROSE, WIDE, MEMORIES, alteredFraction } from './helpers.js';

const opts = (intensity: number, seed = 1, width = 60) => ({ intensity, seed, width, memories: MEMORIES });

describe('the glitch is seeded', () => {
  it('gives the same lines and bytes for the same seed', () => {
    expect(layoutGlitch(PROSE, opts(0.6, 42))).toEqual(layoutGlitch(PROSE, opts(0.6, 42)));
    const a = plainGlitchOutput(PROSE, { ...opts(0.6, 42), color: true });
    expect(plainGlitchOutput(PROSE, { ...opts(0.6, 42), color: true })).toBe(a);
    expect(runPreview({ text: PROSE, memories: MEMORIES, intensity: 0.7, seed: 9, width: 50, frames: true, color: true }))
      .toBe(runPreview({ text: PROSE, memories: MEMORIES, intensity: 0.7, seed: 9, width: 50, frames: true, color: true }));
  });

  it('differs between seeds', () => {
    const outs = new Set([1, 2, 3, 4].map((s) => renderLines(layoutGlitch(PROSE, opts(0.5, s)), { color: true })));
    expect(outs.size).toBe(4);
  });

  it('accepts odd seeds (negative, fractional, huge) without throwing', () => {
    for (const seed of [-1, 0.5, 2 ** 53, NaN, Infinity]) expect(() => layoutGlitch(PROSE, opts(0.5, seed))).not.toThrow();
  });
});

describe('intensity', () => {
  it('0 leaves the text exactly as it was', () => {
    const spans = [{ text: 'The Ice Forest', style: 'room' }, { text: ' is quiet. ' }, { text: '"Leo?"', style: 'speech' }];
    expect(glitchSpans(spans, { intensity: 0, seed: 5 })).toEqual(spans);
    expect(alteredFraction(layoutGlitch(PROSE, opts(0)), readableLayout(PROSE, 60))).toBe(0);
  });

  it('0.1 is a flicker: at most a couple of words touched', () => {
    for (let seed = 0; seed < 40; seed++) {
      const glitched = layoutGlitch(PROSE, opts(0.1, seed)).map(lineText).join(' ').split(/\s+/);
      const readable = readableLayout(PROSE, 60).map(lineText).join(' ').split(/\s+/);
      let touched = 0;
      // stutters add a token; compare word by word after removing stutter prefixes
      const g = glitched.map((w) => w.replace(/^(?:[^-\s]{1,2}-)+/, ''));
      for (let k = 0; k < readable.length; k++) if (g[k] !== readable[k]) touched++;
      expect(touched).toBeLessThanOrEqual(2);
    }
  });

  it('damage grows with intensity and 0.9 alters most characters', () => {
    const mean = (i: number) => {
      let sum = 0;
      for (let seed = 0; seed < 20; seed++) sum += alteredFraction(layoutGlitch(PROSE, opts(i, seed)), readableLayout(PROSE, 60));
      return sum / 20;
    };
    const levels = [0, 0.1, 0.3, 0.5, 0.7, 0.9].map(mean);
    for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThan(levels[k - 1]);
    expect(levels[1]).toBeLessThan(0.08);
    expect(levels[5]).toBeGreaterThan(0.5);
  });

  it('intensityFrom is 0 at stability >= 90 and rises as it falls; low focus adds when Leo is played', () => {
    expect(intensityFrom({ stability: 100, focus: 0, leoPlaying: true })).toBe(0);
    expect(intensityFrom({ stability: 90, focus: 0, leoPlaying: true })).toBe(0);
    let prev = 0;
    for (let s = 89; s >= 0; s--) {
      const i = intensityFrom({ stability: s, focus: 10, leoPlaying: false });
      expect(i).toBeGreaterThan(prev);
      expect(i).toBeLessThanOrEqual(1);
      prev = i;
    }
    const calm = intensityFrom({ stability: 50, focus: 10, leoPlaying: true });
    const lost = intensityFrom({ stability: 50, focus: 1, leoPlaying: true });
    expect(lost).toBeGreaterThan(calm);
    expect(intensityFrom({ stability: 50, focus: 1, leoPlaying: false })).toBe(calm);
  });
});

describe('the look-alike alphabet', () => {
  it('has only one-column glyphs, so swaps never move a line', () => {
    const glyphs = [...Object.values(HOMOGLYPHS).join(''), ...BLOCKS, ...BOX_FRAGMENTS, ...TEAR_FILLS];
    for (const g of glyphs) expect(stringWidth(g), g).toBe(1);
    for (const o of OVERLAYS) expect(stringWidth('a' + o)).toBe(1);
  });

  it('includes stutters, blocks, homoglyphs and memory bleed at high intensity', () => {
    const all = Array.from({ length: 10 }, (_, s) => layoutGlitch(PROSE, opts(0.9, s))).flat();
    const text = all.map(lineText).join('\n');
    expect(text).toMatch(/(\p{L}{1,2})-\1/u);
    expect(text).toMatch(/[░▒▓█▀▄▌▐]/);
    expect(text).toMatch(/[\u0400-\u04ff\u0370-\u03ff]/);
    expect(all.some((l) => l.some((r) => r.memory && r.inverse && r.style === 'dim'))).toBe(true);
    expect(all.some((l) => l.some((r) => r.fg !== undefined))).toBe(true);
  });
});

describe('width safety', () => {
  for (const width of [1, 2, 5, 20, 40, 80, 200]) {
    it(`no line is wider than ${width} columns, wide characters and combining marks included`, () => {
      for (const text of [PROSE, WIDE, WIDE + ' ' + PROSE]) {
        for (const i of [0, 0.1, 0.5, 0.9, 1]) {
          for (let seed = 0; seed < 5; seed++) {
            const lines = layoutGlitch(text, { intensity: i, seed, width, memories: [WIDE, ...MEMORIES] });
            for (const l of lines) expect(stringWidth(lineText(l))).toBeLessThanOrEqual(width);
            const rendered = renderLines(lines, { color: true }).split('\n');
            for (const r of rendered) expect(stringWidth(r)).toBeLessThanOrEqual(width);
          }
        }
      }
    });
  }

  it('keeps wide characters and combining marks whole in the readable layout', () => {
    const text = readableLayout(WIDE, 20).map(lineText).join(' ');
    expect(text).toContain('森の氷');
    expect(text).toContain('cafe\u0301');
    expect(text).toContain('👩‍👧');
  });
});

describe('colour off and screen readers', () => {
  it('color:false writes no escape byte, even for text that carries escapes', () => {
    const nasty = PROSE + ' \x1b[31mred\x1b[0m \x1b]0;title\x07 \x9b2J';
    for (const i of [0, 0.3, 0.9]) {
      for (let seed = 0; seed < 5; seed++) {
        const out = plainGlitchOutput(nasty, { ...opts(i, seed), color: false, memories: ['\x1b[2Jboom'] });
        expect(out).not.toMatch(/[\x1b\x9b\x07]/);
      }
    }
    expect(runPreview({ text: PROSE, memories: MEMORIES, intensity: 0.9, seed: 1, width: 40, frames: true, color: false })).not.toContain('\x1b');
  });

  it('color:true never lets escapes from the text through', () => {
    const out = plainGlitchOutput('a \x1b[2J b \x1b]0;x\x07', { ...opts(0.9), color: true });
    const foreign = out.replace(/\x1b\[[0-9;]*m/g, '');
    expect(foreign).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it('screen-reader output is the description and the readable text, nothing scrambled', () => {
    for (const i of [0.1, 0.4, 0.7, 0.95]) {
      const out = plainGlitchOutput(PROSE, { ...opts(i, 3), color: false, screenReader: true });
      const description = describeGlitch(i);
      const readable = readableLayout(PROSE, 60).map(lineText).join('\n');
      expect(out).toBe(description + '\n' + readable + '\n');
      const allowed = new Set([...description, ...PROSE, '\n']);
      for (const ch of out) expect(allowed.has(ch), JSON.stringify(ch)).toBe(true);
    }
  });

  it('describes the glitch in grades of words', () => {
    expect(describeGlitch(0)).toBe('');
    expect(describeGlitch(0.1)).toBe('[The words shiver and come apart.]');
    const grades = new Set([0.1, 0.4, 0.7, 0.95].map(describeGlitch));
    expect(grades.size).toBe(4);
  });

  it('plain and reduced motion print one still frame and then the readable text', () => {
    const o = { ...opts(0.6, 8), color: false };
    const readable = readableLayout(PROSE, 60).map(lineText).join('\n');
    const still = layoutGlitch(PROSE, opts(0.6, 8)).map(lineText).join('\n');
    expect(plainGlitchOutput(PROSE, o)).toBe(still + '\n' + readable + '\n');
    expect(plainGlitchOutput(PROSE, { ...o, reducedMotion: true })).toBe(plainGlitchOutput(PROSE, o));
    expect(plainGlitchOutput(PROSE, { ...o, intensity: 0 })).toBe(readable + '\n');
  });
});

describe('rendering', () => {
  it('closes every style on the line that opened it', () => {
    const lines = layoutGlitch(PROSE, opts(0.9, 2));
    const rows = renderLines(lines, { color: true }).split('\n');
    expect(rows.some((r) => r.includes('\x1b['))).toBe(true);
    for (const row of rows) expect(styleLeftOpen(row), JSON.stringify(row)).toBe(false);
    // One theme: a room's name looks the same in a glitch as in the story's text.
    expect(renderLines([[{ text: 'x', style: 'room' }]], { color: true })).toBe(paint('x', { style: 'room' }));
    expect(renderLines([[{ text: 'x', style: 'room' }]], { color: true, palette: 16 })).toBe('\x1b[1m\x1b[96mx\x1b[39m\x1b[22m');
    expect(styleLeftOpen('\x1b[1m\x1b[96mx')).toBe(true);
  });

  it('glitchFrames is usable directly by a UI', () => {
    const anim = glitchFrames(PROSE, opts(0.5, 1));
    expect(anim.frames.length).toBe(anim.delayMs.length);
  });
});
