// Compact undo history on disk: each older state is stored as a delta against the next newer one.
// Consecutive turns differ in a few fields, so 150 deltas cost far less than 150 whole states.

import type { State } from '../engine/types.js';

/** A JSON delta: replace the value (`r`), or patch an object key by key (`o`) and drop keys (`d`). */
export type Delta = { r: unknown } | { o: Record<string, Delta>; d?: string[] };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (let i = 0; i < ka.length; i++) if (!Object.hasOwn(b, ka[i]) || !jsonEqual(a[ka[i]], b[ka[i]])) return false;
    return true;
  }
  return false;
}

// Plain assignment with a key such as "__proto__" would change the object's prototype instead.
const put = (obj: Record<string, unknown>, k: string, v: unknown) =>
  Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });

/** The delta that turns `from` into `to`, or null when they are equal. Arrays are replaced whole. */
export function diff(from: unknown, to: unknown): Delta | null {
  // States share the parts a turn did not change, so most subtrees end at this first test.
  if (from === to) return null;
  if (!isPlainObject(from) || !isPlainObject(to)) return jsonEqual(from, to) ? null : { r: to };
  const o: Record<string, Delta> = {};
  const d: string[] = [];
  let changed = false;
  // Indexed loops: saving runs once, cold, over every kept turn; for-of would allocate per key.
  const keys = Object.keys(to);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const a = from[k];
    const b = to[k];
    // Most keys are the very same value: no call for those.
    if (a === b && (a !== undefined || Object.hasOwn(from, k))) continue;
    const sub = Object.hasOwn(from, k) ? diff(a, b) : { r: b };
    if (sub) {
      put(o, k, sub);
      changed = true;
    }
  }
  const old = Object.keys(from);
  for (let i = 0; i < old.length; i++) if (!Object.hasOwn(to, old[i])) d.push(old[i]);
  if (!changed && !d.length) return null;
  return d.length ? { o, d } : { o };
}

/** Applies a delta to a value without changing it; throws on a malformed delta. */
export function applyDelta(base: unknown, delta: unknown): unknown {
  if (!isPlainObject(delta)) throw new Error('a delta is not an object');
  if (Object.hasOwn(delta, 'r')) return delta.r;
  const { o, d } = delta;
  if (!isPlainObject(o) || (d !== undefined && !Array.isArray(d))) throw new Error('a delta is malformed');
  if (!isPlainObject(base)) throw new Error('a delta patches something that is not an object');
  const out: Record<string, unknown> = { ...base };
  for (const k of d ?? []) {
    if (typeof k !== 'string') throw new Error('a delta is malformed');
    delete out[k];
  }
  for (const k of Object.keys(o)) put(out, k, applyDelta(Object.hasOwn(base, k) ? base[k] : undefined, o[k]));
  return out;
}

/** Encodes undo states (oldest first) as deltas, each against the next newer state. */
export function encodeUndo(state: State, undo: readonly State[]): Delta[] {
  const out: Delta[] = new Array(undo.length);
  let newer: unknown = state;
  for (let i = undo.length - 1; i >= 0; i--) {
    out[i] = diff(newer, undo[i]) ?? { o: {} };
    newer = undo[i];
  }
  return out;
}

/**
 * Decodes deltas back into states, newest first, stopping at the first that cannot be applied.
 * Returns the states in oldest-first order and whether some were lost.
 */
export function decodeUndo(state: unknown, deltas: readonly unknown[]): { undo: unknown[]; broken: boolean } {
  const rev: unknown[] = [];
  let newer = state;
  for (let i = deltas.length - 1; i >= 0; i--) {
    try {
      newer = applyDelta(newer, deltas[i]);
    } catch {
      return { undo: rev.reverse(), broken: true };
    }
    rev.push(newer);
  }
  return { undo: rev.reverse(), broken: false };
}
