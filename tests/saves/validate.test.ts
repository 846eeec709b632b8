// The save's rules (src/saves/schema.ts, zod): real states and documents pass unchanged;
// damage of any kind is refused with a sentence that names where, never an exception.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { State } from '../../src/engine/types.js';
import { validateDiskDoc, validateState, UNDO_READ_LIMIT } from '../../src/saves/validate.js';
import { makeState } from './helpers.js';

// ---- random documents and damage
const doc = (state: unknown) => ({
  format: 2, gameVersion: '0.1.0', contentVersion: '1', savedAt: '2026-01-02T03:04:05.678Z',
  summary: { character: 'leo', characterName: 'Leo', place: 'bedroom', placeName: 'Bedroom', turn: 3 },
  state, undo: [{ o: {} }],
});
const fullState = (turn: number): State => ({
  ...makeState(turn),
  ending: turn % 2 ? 'dawn' : null,
  pronouns: turn % 3 ? { it: 'lamp', her: 'mia' } : {},
  pending: turn % 2 ? { kind: 'which', verb: 'take', slot: 'dobj', command: { verb: 'take' }, candidates: ['a', 'b'] } : null,
  oops: turn % 2 ? { input: 'tkae lamp', word: 'tkae' } : null,
} as State);

const oddValue = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -1, 1.5, -2.5, 1e300, -1e300, NaN, Infinity, '', 'x', 'verbose', 'which', 'dobj', '12',
    'x'.repeat(501), [], ['a'], [1], [''], {}, { a: 1 }, { a: 'b' }, { a: [] }, { a: -1 }, { a: true },
    '2026-01-02T03:04:05Z', '2026-02-30T03:04:05Z', '2026-01-02 03:04:05Z', '2026-01-02T03:04Z', '2026-01-02T03:04:05+01:00'),
  fc.anything({ maxDepth: 2 }),
);

/** Replaces, deletes or adds a value somewhere in a copy of `root`. */
function damage(root: unknown, picks: number[], value: unknown, mode: number): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (let depth = 0; depth < picks.length; depth++) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const k = keys[picks[depth]! % keys.length]!;
    const child = node[k];
    const last = depth === picks.length - 1 || typeof child !== 'object' || child === null;
    if (last) {
      if (mode === 0) delete node[k];
      else if (mode === 1) node[`extra${picks[depth]}`] = value;
      else node[k] = value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

const PREFIX = 'it does not have the shape of a save: ';

describe('the save rules', () => {
  it('accept real states and documents, and hand back the same data', () => {
    for (let t = 0; t < 12; t++) {
      const s = fullState(t);
      const r = validateState(s);
      expect(r.ok && r.state).toEqual(s);
      const d = doc(s);
      const rd = validateDiskDoc(d);
      expect(rd.ok && rd.doc).toEqual(d);
    }
  });

  it('word the usual damage plainly: a wrong type, a missing key, a value not allowed', () => {
    const s = fullState(1) as unknown as Record<string, unknown>;
    const say = (raw: unknown) => { const r = validateState(raw); return r.ok ? 'ok' : r.problem; };
    expect(say({ ...s, turn: '12' })).toBe('"turn" should be a number, but it is text ("12")');
    expect(say({ ...s, turn: 1.5 })).toBe('"turn" should be a whole number, but it is the number 1.5');
    expect(say({ ...s, player: '' })).toBe('"player" is too short or small (text (""))');
    const { player: _gone, ...noPlayer } = s;
    expect(say(noPlayer)).toBe('"player" is missing');
    expect(say({ ...s, verbosity: 'loud' })).toBe('"verbosity" has a value that is not allowed (text ("loud"))');
    expect(say({ ...s, flags: { lamp: 'yes' } })).toBe('"flags.lamp" should be true or false, but it is text ("yes")');
    // Keys the rules do not know are dropped, not kept.
    const r = validateState({ ...s, extra: 1 });
    expect(r.ok && 'extra' in r.state).toBe(false);
  });

  it('name a place whose key holds a double quote without breaking the quoting (found by the property below)', () => {
    const raw = doc(fullState(0)) as { state: { loc: Record<string, unknown> } };
    raw.state.loc['"'] = false;
    const r = validateDiskDoc(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.slice(PREFIX.length)).toMatch(/^"[^"]*" /);
  });

  it('refuse damage anywhere with a sentence that names where, and never throw', () => {
    fc.assert(
      fc.property(fc.nat(11), fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), oddValue, fc.nat(2)), { minLength: 1, maxLength: 6 }), (t, hits) => {
        let raw: unknown = doc(fullState(t));
        for (const [picks, value, mode] of hits) raw = damage(raw, picks, value, mode);
        const r = validateDiskDoc(raw);
        if (r.ok) return;
        expect(r.problem.startsWith(PREFIX)).toBe(true);
        expect(r.problem.slice(PREFIX.length)).toMatch(/^("[^"]*"|the document) /);
        expect(r.problem).not.toMatch(/undefined|\[object|Invalid input/);
      }),
      { numRuns: 3000 },
    );
  });

  it('take the undo list up to its limit, and dates only in ISO form with a zone', () => {
    const withUndo = (n: number) => validateDiskDoc({ ...doc(fullState(1)), undo: Array.from({ length: n }, () => ({ o: {} })) });
    expect(withUndo(UNDO_READ_LIMIT).ok).toBe(true);
    const over = withUndo(UNDO_READ_LIMIT + 1);
    expect(!over.ok && over.problem).toBe(`${PREFIX}"undo" has more than ${UNDO_READ_LIMIT} entries`);
    const at = (savedAt: string) => validateDiskDoc({ ...doc(fullState(1)), savedAt }).ok;
    expect(at('2026-01-02T03:04:05.678Z')).toBe(true);
    expect(at('2026-01-02T03:04:05+01:00')).toBe(true);
    expect(at('2026-01-02T03:04:05')).toBe(false);
    expect(at('2026-01-02 03:04:05Z')).toBe(false);
    expect(at('yesterday')).toBe(false);
    const r = validateDiskDoc({ ...doc(fullState(1)), savedAt: 'yesterday' });
    expect(!r.ok && r.problem).toBe(`${PREFIX}"savedAt" is not in the form it should have (text ("yesterday"))`);
  });
});
