// Reads a save file's text into a checked document: safe JSON, known shape and types, known ids.
// Every failure is a plain-English problem; the caller adds the slot name.

import type { State, World } from '../engine/types.js';
import { diskDocSchema, stateSchema, UNDO_READ_LIMIT } from './schema.js';
import { systemText as say } from '../content/system.js';

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
  if (text.trim() === '') return { ok: false, problem: say('json.empty') };
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, problem: say('json.too_deep', { max: MAX_JSON_DEPTH }) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /at position (\d+)/.exec(msg);
    const cutShort = /end of (json )?input|Unterminated/i.test(msg) || (pos !== null && Number(pos[1]) >= text.trimEnd().length);
    return { ok: false, problem: say(cutShort ? 'json.cut_short' : 'json.invalid') };
  }
  const bad = findForbiddenKey(value, []);
  if (bad) return { ok: false, problem: say('json.forbidden_key', { key: bad.key, where: bad.where }) };
  return { ok: true, value };
}

/** `state.loc.lamp`: a key with a double quote in it is shown with a single one, so the quoted place stays one quote. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((k) => String(k).replaceAll('"', "'")).join('.');
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
    if (FORBIDDEN_KEYS.has(k)) return { key: k, where: path.length ? say('shape.field', { path: pathText(path) }) : say('json.top_level') };
    const hit = findForbiddenKey((v as Record<string, unknown>)[k], [...path, k]);
    if (hit) return hit;
  }
  return null;
}

const kindOf = (v: unknown): string =>
  v === undefined ? say('kind.missing') : v === null ? say('kind.null') : Array.isArray(v) ? say('kind.list')
    : typeof v === 'string' ? say('kind.text', { text: JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v) })
    : typeof v === 'number' ? say('kind.number', { number: v }) : typeof v === 'boolean' ? `${v}` : say('kind.object');

/** The words (content/system.yaml) for the types zod expects. */
const expectedWords: Readonly<Record<string, string>> = {
  string: 'kind.string', number: 'kind.a_number', boolean: 'kind.boolean', object: 'kind.object', array: 'kind.list',
  int: 'kind.whole_number', null: 'kind.null',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

/** The words (content/system.yaml) for the other kinds of shape issue. */
const ISSUE_WORDS: Readonly<Record<string, string>> = {
  invalid_value: 'shape.not_allowed', too_big: 'shape.too_big', too_small: 'shape.too_small', invalid_format: 'shape.bad_form',
};

/** Turns shape issues into a sentence such as: "state.turn" should be a number, but it is text ("12"). */
export function describeIssues(root: unknown, issues: readonly Issue[], max = 3): string {
  const parts = issues.slice(0, max).map((issue) => {
    const where = issue.path.length ? say('shape.field', { path: pathText(issue.path) }) : say('shape.document');
    const value = valueAt(root, issue.path);
    if (issue.code === 'invalid_type') {
      const words = issue.expected !== undefined && Object.hasOwn(expectedWords, issue.expected) ? say(expectedWords[issue.expected]!) : issue.expected;
      return value === undefined ? say('shape.missing', { where }) : say('shape.wrong_type', { where, expected: String(words), actual: kindOf(value) });
    }
    if (issue.code === 'too_big' && issue.origin === 'array') return say('shape.too_many', { where, max: String(issue.maximum) });
    const id = Object.hasOwn(ISSUE_WORDS, issue.code) ? ISSUE_WORDS[issue.code]! : 'shape.other';
    return say(id, { where, actual: kindOf(value) });
  });
  const more = issues.length > max ? ` ${say('shape.more', { count: issues.length - max })}` : '';
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
  return { ok: false, problem: say('shape.not_a_save', { problems: describeIssues(raw, r.error.issues as Issue[]) }) };
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

  if (!isChar(state.player)) add(say('missing.player', { id: state.player }));
  for (const c of state.playable) if (!isChar(c)) add(say('missing.playable', { id: c }));
  for (const [thing, where] of Object.entries(state.loc)) {
    const thingKnown = isItem(thing) || isChar(thing);
    if (!thingKnown) add(say(isCharLike(state, thing) ? 'missing.character' : 'missing.item', { id: thing }));
    if (where !== 'nowhere' && !isRoom(where) && !isChar(where) && !isItem(where)) {
      add(say('missing.place', { id: where, thing }));
    }
  }
  const playerPlace = state.loc[state.player];
  if (playerPlace !== undefined && playerPlace !== 'nowhere' && !isRoom(playerPlace) && (isChar(playerPlace) || isItem(playerPlace))) {
    add(say('missing.standing_room', { who: state.player, place: playerPlace }));
  }
  for (const [who, rooms] of Object.entries(state.visited)) {
    if (!isChar(who)) add(say('missing.visitor', { id: who }));
    for (const r of rooms) if (!isRoom(r)) add(say('missing.visited', { id: r, who }));
  }
  for (const k of Object.keys(state.props)) if (!isItem(k) && !isRoom(k)) add(say('missing.props', { id: k }));
  if (state.ending !== null && !has(world.endings, state.ending)) add(say('missing.ending', { id: state.ending }));
  for (const p of state.solved) if (!has(world.puzzles, p)) add(say('missing.puzzle', { id: p }));
  return missing;
}

/** Characters have visited lists; items do not. Only used to word the message. */
const isCharLike = (state: State, k: string) => Object.hasOwn(state.visited, k) || state.playable.includes(k);
