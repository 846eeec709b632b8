// Line mode splits its input itself: it must cut lines exactly where node:readline
// (crlfDelay: Infinity) does, however the text arrives in chunks.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import { LineSplitter } from '../../src/plain/lines.js';

async function byReadline(chunks: string[]): Promise<string[]> {
  const input = new PassThrough();
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const lines: string[] = [];
  rl.on('line', (l) => lines.push(l));
  const closed = new Promise((r) => rl.on('close', r));
  for (const c of chunks) input.write(c);
  input.end();
  await closed;
  return lines;
}

function bySplitter(chunks: string[]): string[] {
  const s = new LineSplitter();
  return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
}

describe('LineSplitter', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, keeps a last line without an ending', () => {
    expect(bySplitter(['look\nx me\r\ni\rwait'])).toEqual(['look', 'x me', 'i', 'wait']);
    expect(bySplitter(['look\r', '\nnorth\n'])).toEqual(['look', 'north']);
    expect(bySplitter(['a\n\nb\n'])).toEqual(['a', '', 'b']);
    expect(bySplitter(['par', 'tial', ' line'])).toEqual(['partial line']);
    expect(bySplitter([''])).toEqual([]);
  });

  it('agrees with readline on any text cut into any chunks', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', 'é', '—'), maxLength: 40 });
    const chunked = text.chain((t) => fc.array(fc.nat(t.length), { maxLength: 6 }).map((cuts) => {
      const at = [...new Set(cuts)].sort((x, y) => x - y);
      const chunks: string[] = [];
      let prev = 0;
      for (const c of at) {
        chunks.push(t.slice(prev, c));
        prev = c;
      }
      chunks.push(t.slice(prev));
      return chunks.filter((c) => c.length > 0);
    }));
    await fc.assert(fc.asyncProperty(chunked, async (chunks) => {
      expect(bySplitter(chunks)).toEqual(await byReadline(chunks));
    }), { numRuns: 500 });
  });
});
