import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ordinalOf } from '../../src/parser/words.js';
import { cleanLine, scrub } from '../../src/parser/normalise.js';

// The rule as it was first written, kept here as the reference for the hand-written check.
function byRegExp(word: string): number | undefined {
  const named: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
  if (Object.hasOwn(named, word)) return named[word];
  const m = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(word);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
}

describe('ordinalOf', () => {
  it('reads words and numbers with endings', () => {
    expect(ordinalOf('third')).toBe(3);
    expect(ordinalOf('2nd')).toBe(2);
    expect(ordinalOf('101st')).toBe(101);
    expect(ordinalOf('0th')).toBeUndefined();
    expect(ordinalOf('1000th')).toBeUndefined();
    expect(ordinalOf('th')).toBeUndefined();
    expect(ordinalOf('x1st')).toBeUndefined();
    expect(ordinalOf('constructor')).toBeUndefined();
  });

  it('agrees with the regular expression on any word', () => {
    const tricky = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', 's', 't', 'n', 'd', 'r', 'h', ' ', '٣', '-', '+', '.', 'e'), maxLength: 7 });
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 8 }), tricky), (w) => {
      expect(ordinalOf(w)).toBe(byRegExp(w));
    }), { numRuns: 2000 });
  });
});

describe('cleanLine', () => {
  it('takes printable ASCII the short way with the same result as the full scrub', () => {
    const ascii = fc.string({ unit: fc.constantFrom(' ', ' ', 'a', 'Z', '.', ',', '~', '!', '"', '\x1b', '\t', '[', 'm'), maxLength: 30 });
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 })), (s) => {
      expect(cleanLine(s)).toEqual({ text: scrub(s), cut: false });
    }), { numRuns: 3000 });
  });
});

describe('the vocabulary', () => {
  it('holds every word of every name, adjective, topic, room and scenery, lower-cased, split at spaces', async () => {
    const { loadContent } = await import('../../src/content/load.js');
    const { vocabulary } = await import('../../src/engine/step.js');
    const w = loadContent(new URL('../../content', import.meta.url).pathname);
    const expected = new Set<string>();
    const add = (s: string) => s.toLowerCase().split(/[\s]+/).forEach((x) => x && expected.add(x));
    for (const it of Object.values(w.items)) [...it.words, ...(it.adjectives ?? [])].forEach(add);
    for (const c of Object.values(w.characters)) [...c.words, ...(c.adjectives ?? []), c.name].forEach(add);
    for (const t of Object.values(w.topics)) t.words.forEach(add);
    for (const r of Object.values(w.rooms)) {
      add(r.name);
      r.scenery?.forEach((sc) => sc.words.forEach(add));
    }
    const v = vocabulary(w);
    for (const word of expected) expect(v.has(word), word).toBe(true);
    for (const odd of ['', ' ', 'xyzzy-not-a-word', 'constructor']) expect(v.has(odd), odd).toBe(expected.has(odd));
  });
});
