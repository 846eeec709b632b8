// Deep undo stays small on disk: 150 undo states of a ~6 KB state are stored as deltas.

import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SaveStore } from '../../src/saves/store.js';
import { makeSaveDoc } from '../../src/saves/doc.js';
import { UNDO_DEPTH } from '../../src/engine/index.js';
import { applyDelta, decodeUndo, diff, encodeUndo } from '../../src/saves/undo-delta.js';
import { simulatePlay, tempDir } from './helpers.js';

let dir: string;
afterEach(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

describe('undo history on disk', () => {
  it('150 undo states of a ~6 KB state take a few tens of KB, and come back exactly', () => {
    const play = simulatePlay(UNDO_DEPTH + 1);
    const state = play.at(-1)!;
    const undo = play.slice(0, -1);
    const doc = makeSaveDoc({ state, undo, gameVersion: 't', contentVersion: 't' });
    const stateBytes = JSON.stringify(state).length;
    const rawBytes = JSON.stringify(doc).length;
    dir = tempDir();
    const store = new SaveStore(dir);
    expect(store.save('deep', doc).ok).toBe(true);
    const diskBytes = fs.statSync(path.join(dir, 'deep.json')).size;
    // Measured: state ≈ 6.2 KB, whole-state undo ≈ 940 KB, on disk ≈ 23 KB.
    expect(stateBytes).toBeGreaterThan(5000);
    expect(diskBytes).toBeLessThan(64 * 1024);
    expect(diskBytes).toBeLessThan(rawBytes / 10);
    const r = store.load('deep');
    expect(r.ok && r.value.doc).toEqual(doc);
  });

  it('diff and applyDelta are inverse on arbitrary JSON', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(fc.property(json, json, (a, b) => {
      const d = diff(a, b);
      const back = d === null ? a : applyDelta(a, d);
      expect(back).toEqual(b);
    }), { numRuns: 300 });
  });

  it('diff finds no change between equal values, however their keys are ordered', () => {
    const reorder = (v: unknown): unknown => Array.isArray(v) ? v.map(reorder)
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)])) : v;
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (a) => {
      expect(diff(a, structuredClone(a))).toBeNull();
      expect(diff(a, reorder(a))).toBeNull();
    }), { numRuns: 300 });
  });

  it('encodeUndo / decodeUndo round-trip any chain of states', () => {
    const play = simulatePlay(30);
    const deltas = encodeUndo(play.at(-1)!, play.slice(0, -1));
    const { undo, broken } = decodeUndo(JSON.parse(JSON.stringify(play.at(-1))), JSON.parse(JSON.stringify(deltas)));
    expect(broken).toBe(false);
    expect(undo).toEqual(play.slice(0, -1));
  });
});

describe('deltas and awkward keys', () => {
  it('keeps a "__proto__" key as data and never touches prototypes', () => {
    const a = JSON.parse('{"x":{"__proto__":{"p":1}}}');
    const b = JSON.parse('{"x":{"__proto__":{"p":2},"y":1}}');
    const d = diff(a, b)!;
    const back = applyDelta(a, JSON.parse(JSON.stringify(d))) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(back.x)).toBe(Object.prototype);
    expect(Object.keys(back.x!)).toEqual(['__proto__', 'y']);
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });
});
