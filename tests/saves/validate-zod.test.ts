// The save checks in src/saves/check.ts stand in for the zod schemas the saves used before:
// on random documents and random damage they must accept and reject alike, give the same
// output (keys in the same order) and the same words.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import type { State } from '../../src/engine/types.js';
import { describeIssues, validateDiskDoc, validateState, UNDO_READ_LIMIT } from '../../src/saves/validate.js';
import { makeState } from './helpers.js';

// ---- the zod schemas, as they stood in src/saves/validate.ts
const id = z.string().min(1).max(500);
const stateSchema = z.object({
  seed: z.number(),
  rng: z.number(),
  turn: z.number().int().nonnegative(),
  player: id,
  playable: z.array(id),
  act: z.number().int(),
  loc: z.record(z.string(), id),
  props: z.record(z.string(), z.array(z.string())),
  flags: z.record(z.string(), z.boolean()),
  counters: z.record(z.string(), z.number()),
  visited: z.record(z.string(), z.array(id)),
  seen: z.record(z.string(), z.array(z.string())),
  fired: z.array(z.string()),
  solved: z.array(z.string()),
  stability: z.number(),
  focus: z.number(),
  memories: z.array(z.string()),
  ending: id.nullable(),
  pronouns: z.object({ it: id.optional(), them: id.optional(), him: id.optional(), her: id.optional() }),
  hintsTaken: z.record(z.string(), z.number().int().nonnegative()),
  verbosity: z.enum(['verbose', 'brief', 'superbrief']),
  pending: z
    .object({
      kind: z.enum(['which', 'what']),
      verb: z.string(),
      slot: z.enum(['dobj', 'iobj']),
      command: z.unknown(),
      candidates: z.array(id).optional(),
    })
    .nullable(),
  lastInput: z.string().nullable(),
  oops: z.object({ input: z.string(), word: z.string() }).nullable(),
});
// The rules and the engine's State must agree; this fails to compile when they drift.
type Parsed = z.infer<typeof stateSchema>;
const _stateFits = (p: Parsed): State => p as State & Parsed;
void _stateFits;
const diskDocSchema = z.object({
  format: z.number().int(),
  gameVersion: z.string(),
  contentVersion: z.string(),
  savedAt: z.iso.datetime({ offset: true }),
  summary: z.object({ character: z.string(), characterName: z.string(), place: z.string(), placeName: z.string(), turn: z.number().int().nonnegative() }),
  state: stateSchema,
  undo: z.array(z.unknown()).max(UNDO_READ_LIMIT),
});

const zodDoc = (raw: unknown) => {
  const r = diskDocSchema.safeParse(raw);
  return r.success ? { ok: true as const, doc: r.data } : { ok: false as const, problem: `it does not have the shape of a save: ${describeIssues(raw, r.error.issues as never)}` };
};
const zodState = (raw: unknown) => {
  const r = stateSchema.safeParse(raw);
  return r.success ? { ok: true as const, state: r.data } : { ok: false as const, problem: describeIssues(raw, r.error.issues as never) };
};

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

const sameResult = (mine: { ok: boolean }, theirs: { ok: boolean }) => {
  expect(mine.ok).toBe(theirs.ok);
  // toStrictEqual would also see key order only through JSON; compare that too.
  expect(mine).toEqual(theirs);
  expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
};

describe('save checks without zod', () => {
  it('accept real states and documents exactly as zod did, keys in the same order', () => {
    for (let t = 0; t < 12; t++) {
      const s = fullState(t);
      sameResult(validateState(s), zodState(s));
      const d = doc(s);
      sameResult(validateDiskDoc(d), zodDoc(d));
    }
  });

  it('reject damaged states and documents in the same words', () => {
    fc.assert(
      fc.property(fc.nat(11), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), oddValue, fc.nat(2), fc.boolean(), (t, picks, value, mode, whole) => {
        const s = fullState(t);
        const raw = damage(whole ? doc(s) : s, picks, value, mode);
        if (whole) sameResult(validateDiskDoc(raw), zodDoc(raw));
        else sameResult(validateState(raw), zodState(raw));
      }),
      { numRuns: 4000 },
    );
  });

  it('describe every problem of a badly damaged document as zod did', () => {
    fc.assert(
      fc.property(fc.nat(11), fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), oddValue, fc.nat(2)), { minLength: 1, maxLength: 6 }), (t, hits) => {
        let raw: unknown = doc(fullState(t));
        for (const [picks, value, mode] of hits) raw = damage(raw, picks, value, mode);
        const r = validateDiskDoc(raw);
        const z4 = diskDocSchema.safeParse(raw);
        expect(r.ok).toBe(z4.success);
        if (!r.ok && !z4.success) expect(r.problem).toBe(`it does not have the shape of a save: ${describeIssues(raw, z4.error.issues as never)}`);
        if (r.ok && z4.success) expect(JSON.stringify(r.doc)).toBe(JSON.stringify(z4.data));
      }),
      { numRuns: 4000 },
    );
  });

  it('take the undo list up to its limit, and dates only in ISO form with a zone', () => {
    for (const n of [UNDO_READ_LIMIT, UNDO_READ_LIMIT + 1]) {
      const d = { ...doc(fullState(1)), undo: Array.from({ length: n }, () => ({ o: {} })) };
      sameResult(validateDiskDoc(d), zodDoc(d));
    }
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.constantFrom('Z', '+01:00', '-12:30', '', '+1:00', 'z', '+24:00'), fc.boolean(), (date, zone, ms) => {
        const iso = date.toISOString().replace(/\.\d+Z$/, ms ? '.5' : '') + zone;
        const d = { ...doc(fullState(1)), savedAt: iso };
        sameResult(validateDiskDoc(d), zodDoc(d));
      }),
      { numRuns: 500 },
    );
  });
});
