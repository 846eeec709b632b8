// The fuzzer in `npm test`: 10,000 generated commands from walkthrough and random-walk states,
// and arbitrary strings through the parser. `npm run fuzz` runs 200,000 (bench/fuzz.ts).
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadContent } from '../../src/content/load.js';
import { newSession, play } from '../../src/engine/index.js';
import { parse } from '../../src/parser/index.js';
import { describeReport, fuzz, startStates } from './fuzz.js';
import { line, seeded, wordsOf } from './generate.js';

const world = loadContent(join(import.meta.dirname, '../../content'));

describe('the fuzzer', () => {
  it('makes commands from the story\'s own words', () => {
    const ws = wordsOf(world);
    expect(ws.nouns).toContain('photo');
    expect(ws.names).toContain('mia');
    const r = seeded(1);
    const lines = Array.from({ length: 2000 }, () => line(r, ws));
    expect(lines.some((l) => /^\S+( \S+)? (the|a|an|some|my|your|his|her|their|its|our)$/.test(l))).toBe(true);
    expect(lines.some((l) => /except/.test(l))).toBe(true);
    expect(lines.some((l) => /__proto__|constructor/.test(l))).toBe(true);
    expect(new Set(lines).size).toBeGreaterThan(1500);
  });

  it('finds an exception when there is one (a run over a world that throws is not clean)', () => {
    const starts = [{ name: 'new', path: [], seed: 1, session: newSession(world, 1) }];
    const broken: typeof play = (w, session, input) => {
      if (/\b(the|a)\b/.test(input)) throw new TypeError('broken turn');
      return play(w, session, input);
    };
    const rep = fuzz(world, starts, { commands: 200, seed: 1, play: broken });
    expect(rep.exceptions).toBeGreaterThan(0);
    expect([...rep.classes.keys()][0]).toContain('broken turn');
  });

  it('10,000 commands from walkthrough and random-walk states raise no exception', () => {
    const starts = startStates(world, { every: 12, walks: 60, walkLength: 20, seed: 7 });
    expect(starts.length).toBeGreaterThan(60);
    const rep = fuzz(world, starts, { commands: 10_000, seed: 20421203 });
    expect(rep.commands).toBe(10_000);
    expect(rep.exceptions, describeReport(rep).join('\n')).toBe(0);
  });

  it('the parser answers any string without throwing', () => {
    const vocab = { has: (w: string) => w.length > 2 && w.length < 8 };
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
      parse(s, vocab);
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.array(fc.constantFrom('take', 'the', 'all', 'except', ',', '.', 'and', 'it', 'mia', 'g', 'again', 'then', '"', 'x'), { maxLength: 12 }), (ws) => {
      parse(ws.join(' '), vocab);
    }), { numRuns: 3000 });
  });

  it('a played line never throws, even arbitrary text', () => {
    let session = newSession(world, 3);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      session = play(world, session, s).session;
    }), { numRuns: 1500 });
  });
});
