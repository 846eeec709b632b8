// Reads a save file's text into a checked document: safe JSON, known shape and types, known ids.
// Every failure is a plain-English problem; the caller adds the slot name.

import type { State, World } from '../engine/types.js';
import { diskDocSchema, stateSchema, UNDO_READ_LIMIT } from './schema.js';

export { stateSchema, UNDO_READ_LIMIT };

/** A shape problem as zod reports it (the fields the sentences below use). */
export interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  maximum?: number | bigint;
}

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Larger files are not saves we wrote; refuse before parsing. */
export const MAX_SAVE_BYTES = 32 * 1024 * 1024;

export type ParseResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Deeper nesting than any save we write (about 6 levels) is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/** How deeply the JSON text nests arrays and objects, counted without parsing (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/**
 * JSON.parse that refuses what no save of ours holds: nesting deep enough to exhaust the stack
 * of whatever walks it, and keys able to reach Object.prototype once the data is copied around.
 * A UTF-8 byte-order mark at the start is accepted, as editors write one.
 */
export function parseJsonSafely(raw: string): ParseResult {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') return { ok: false, problem: 'the file is empty' };
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, problem: `its data is nested more than ${MAX_JSON_DEPTH} levels deep, which no save is` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /at position (\d+)/.exec(msg);
    const cutShort = /end of (json )?input|Unterminated/i.test(msg) || (pos !== null && Number(pos[1]) >= text.trimEnd().length);
    return {
      ok: false,
      problem: cutShort ? 'the file is cut short (it ends in the middle of the data)' : 'the file is not valid JSON',
    };
  }
  const bad = findForbiddenKey(value, []);
  if (bad) return { ok: false, problem: `it holds a forbidden key "${bad.key}" at ${bad.where} (the file was edited by hand or tampered with)` };
  return { ok: true, value };
}

function findForbiddenKey(v: unknown, path: string[]): { key: string; where: string } | null {
  if (typeof v !== 'object' || v === null) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findForbiddenKey(v[i], [...path, String(i)]);
      if (hit) return hit;
    }
    return null;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(k)) return { key: k, where: path.length ? `"${path.join('.')}"` : 'the top level' };
    const hit = findForbiddenKey((v as Record<string, unknown>)[k], [...path, k]);
    if (hit) return hit;
  }
  return null;
}

const kindOf = (v: unknown): string =>
  v === undefined ? 'missing' : v === null ? 'null' : Array.isArray(v) ? 'a list'
    : typeof v === 'string' ? `text (${JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v)})`
    : typeof v === 'number' ? `the number ${v}` : typeof v === 'boolean' ? `${v}` : 'an object';

const expectedWords: Record<string, string> = {
  string: 'text', number: 'a number', boolean: 'true or false', object: 'an object', array: 'a list',
  int: 'a whole number', null: 'null',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

/** Turns shape issues into a sentence such as: "state.turn" should be a number, but it is text ("12"). */
export function describeIssues(root: unknown, issues: readonly Issue[], max = 3): string {
  const parts = issues.slice(0, max).map((issue) => {
    const where = issue.path.length ? `"${issue.path.map(String).join('.')}"` : 'the document';
    const actual = valueAt(root, issue.path);
    if (issue.code === 'invalid_type') {
      const exp = expectedWords[issue.expected!] ?? issue.expected;
      return actual === undefined ? `${where} is missing` : `${where} should be ${exp}, but it is ${kindOf(actual)}`;
    }
    if (issue.code === 'invalid_value') return `${where} has a value that is not allowed (${kindOf(actual)})`;
    if (issue.code === 'too_big' && issue.origin === 'array') return `${where} has more than ${issue.maximum} entries`;
    if (issue.code === 'too_big' || issue.code === 'too_small') return `${where} is too ${issue.code === 'too_big' ? 'long or large' : 'short or small'} (${kindOf(actual)})`;
    if (issue.code === 'invalid_format') return `${where} is not in the form it should have (${kindOf(actual)})`;
    return `${where} is not what a save holds there (${kindOf(actual)})`;
  });
  const more = issues.length > max ? ` (and ${issues.length - max} more problems)` : '';
  return parts.join('; ') + more;
}

export interface DiskDoc {
  format: number;
  gameVersion: string;
  contentVersion: string;
  savedAt: string;
  summary: { character: string; characterName: string; place: string; placeName: string; turn: number };
  state: State;
  undo: unknown[];
}

export function validateDiskDoc(raw: unknown): { ok: true; doc: DiskDoc } | { ok: false; problem: string } {
  const r = diskDocSchema.safeParse(raw);
  if (r.success) return { ok: true, doc: r.data as DiskDoc };
  return { ok: false, problem: `it does not have the shape of a save: ${describeIssues(raw, r.error.issues as Issue[])}` };
}

export function validateState(raw: unknown): { ok: true; state: State } | { ok: false; problem: string } {
  const r = stateSchema.safeParse(raw);
  if (r.success) return { ok: true, state: r.data as State };
  return { ok: false, problem: describeIssues(raw, r.error.issues as Issue[]) };
}

export type WorldIds = Pick<World, 'rooms' | 'items' | 'characters' | 'endings' | 'puzzles'>;

/**
 * What the state names that the world no longer has, as plain phrases
 * (`room "attic" (where the lantern is)`). Empty when everything still exists.
 */
export function checkAgainstWorld(world: WorldIds, state: State): string[] {
  const missing: string[] = [];
  const add = (s: string) => { if (!missing.includes(s)) missing.push(s); };
  const has = (rec: Record<string, unknown>, k: string) => Object.hasOwn(rec, k);
  const isRoom = (k: string) => has(world.rooms, k);
  const isChar = (k: string) => has(world.characters, k);
  const isItem = (k: string) => has(world.items, k);

  if (!isChar(state.player)) add(`character "${state.player}" (the one being played)`);
  for (const c of state.playable) if (!isChar(c)) add(`character "${c}" (playable)`);
  for (const [thing, where] of Object.entries(state.loc)) {
    const thingKnown = isItem(thing) || isChar(thing);
    if (!thingKnown) add(`${isCharLike(state, thing) ? 'character' : 'item'} "${thing}"`);
    if (where !== 'nowhere' && !isRoom(where) && !isChar(where) && !isItem(where)) {
      add(`room "${where}" (where ${thing} is)`);
    }
  }
  const playerPlace = state.loc[state.player];
  if (playerPlace !== undefined && playerPlace !== 'nowhere' && !isRoom(playerPlace) && (isChar(playerPlace) || isItem(playerPlace))) {
    add(`a room for ${state.player} to stand in (the save puts them in "${playerPlace}")`);
  }
  for (const [who, rooms] of Object.entries(state.visited)) {
    if (!isChar(who)) add(`character "${who}" (in the visited list)`);
    for (const r of rooms) if (!isRoom(r)) add(`room "${r}" (visited by ${who})`);
  }
  for (const k of Object.keys(state.props)) if (!isItem(k) && !isRoom(k)) add(`item "${k}" (has properties)`);
  if (state.ending !== null && !has(world.endings, state.ending)) add(`ending "${state.ending}"`);
  for (const p of state.solved) if (!has(world.puzzles, p)) add(`puzzle "${p}" (solved)`);
  return missing;
}

/** Characters have visited lists; items do not. Only used to word the message. */
const isCharLike = (state: State, k: string) => Object.hasOwn(state.visited, k) || state.playable.includes(k);
