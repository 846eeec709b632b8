// Line mode shows a glitch in one line: a still of the first line's damage (or, for a screen
// reader, one line of words), then the text once; a glitch already shown is not shown again.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { renderBlock, renderBlocks } from '../../src/render/text.js';

const TEXT = 'The snow falls up. The trees hum a note you almost know, and the path folds under your feet like paper, twice, and then again, until the gate is behind you and in front of you at once.';
const block = (intensity: number) => ({ spans: [{ text: TEXT }], glitch: { intensity, seed: 7 } });
const r = { color: false, width: 60, screenReader: false, reducedMotion: false };
const clean = renderBlock({ spans: [{ text: TEXT }] }, r);

describe('a glitch in line mode', () => {
  it('is one line of damage, then the clean text once', () => {
    const out = renderBlock(block(0.8), r);
    const lines = out.split('\n');
    expect(out.endsWith(clean)).toBe(true);
    expect(lines.length).toBe(clean.split('\n').length + 1);
    expect(lines[0]).not.toBe(clean.split('\n')[0]);
    expect(stringWidth(lines[0]!)).toBeLessThanOrEqual(60);
  });

  it('is a described line for a screen reader, with no scrambled characters', () => {
    const out = renderBlock(block(0.8), { ...r, screenReader: true });
    const [first, ...rest] = out.split('\n');
    expect(rest.join('\n')).toBe(clean);
    expect(first).toMatch(/^[\p{L}\p{P} ]+$/u);
  });

  it('is not shown again for the same text at the same intensity, but is at another', () => {
    const shown = new Set<string>();
    const first = renderBlocks([block(0.8)], r, [], shown);
    expect(first).not.toBe(clean);
    expect(renderBlocks([block(0.8)], r, [], shown)).toBe(clean);
    expect(renderBlocks([block(0.9)], r, [], shown)).not.toBe(clean);
  });

  it('shows one line of damage for a whole reply, above its first glitched block only', () => {
    const other = { spans: [{ text: 'The corridor of memories is back to the north.' }], glitch: { intensity: 0.8, seed: 9 } };
    const out = renderBlocks([block(0.8), { spans: [{ text: 'Plain words.' }] }, other], r);
    const cleanAll = renderBlocks([{ spans: [{ text: TEXT }] }, { spans: [{ text: 'Plain words.' }] }, { spans: other.spans }], r);
    expect(out.split('\n').length).toBe(cleanAll.split('\n').length + 1);
    expect(out.endsWith(renderBlock({ spans: other.spans }, r))).toBe(true);
    // For a screen reader, one description for the reply too.
    const said = renderBlocks([block(0.8), other], { ...r, screenReader: true });
    expect(said.split('\n').length).toBe(renderBlocks([{ spans: [{ text: TEXT }] }, { spans: other.spans }], r).split('\n').length + 1);
  });

  it('prints no line of damage that came out the same as the clean line', () => {
    for (let seed = 0; seed < 200; seed++) {
      const out = renderBlock({ spans: [{ text: 'Every door in the Specter opens a crack.' }], glitch: { intensity: 0.1, seed } }, r);
      const lines = out.split('\n');
      if (lines.length > 1) expect(lines[0]).not.toBe(lines[1]);
    }
  });

  it('at intensity 0 is only the text', () => {
    expect(renderBlock(block(0), r)).toBe(clean);
  });
});

describe('a table in line mode', () => {
  it('keeps its columns, on lines of its own, cut rather than wrapped at the width', () => {
    const table = ['Name      Turn', 'first        0', 'a longer    12'].join('\n');
    const out = renderBlock({ spans: [{ text: table }], pre: true }, { ...r, width: 12 });
    expect(out).toBe('\nName      Tu\nfirst       \na longer    ');
    expect(renderBlock({ spans: [{ text: table }], pre: true }, r)).toBe(`\n${table}`);
  });
});
