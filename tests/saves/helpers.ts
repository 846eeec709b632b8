// Test helpers for saves: a plausible game state, a matching world, and temp folders.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { State } from '../../src/engine/types.js';
import type { WorldIds } from '../../src/saves/validate.js';
import { makeTemp } from '../temp.js';

export const ROOMS = ['bedroom', 'hallway', 'kitchen', 'garden', 'attic', 'lab', 'dreamgate', 'library'];
export const CHARACTERS = ['leo', 'mia', 'jaime', 'elara'];
export const ITEMS = Array.from({ length: 60 }, (_, i) => `item_${String(i).padStart(2, '0')}`);

export function makeState(turn = 0, extra: Partial<State> = {}): State {
  const loc: Record<string, string> = {};
  CHARACTERS.forEach((c, i) => { loc[c] = ROOMS[(i + turn) % ROOMS.length]!; });
  ITEMS.forEach((it, i) => { loc[it] = i % 7 === 0 ? 'leo' : ROOMS[(i * 3 + (i === turn % 60 ? 1 : 0)) % ROOMS.length]!; });
  const flags: Record<string, boolean> = {};
  for (let i = 0; i < 40; i++) flags[`flag_${i}`] = (i + turn) % 3 === 0;
  return {
    seed: 12345,
    rng: (turn * 2654435761) >>> 0,
    turn,
    player: 'leo',
    playable: ['leo', 'mia'],
    act: 1,
    loc,
    props: { item_03: ['open'], item_04: ['locked', 'lit'] },
    flags,
    counters: { knocks: turn % 5, sighs: 2 },
    visited: { leo: ROOMS.slice(0, 1 + (turn % ROOMS.length)), mia: ['kitchen'] },
    seen: { leo: ITEMS.slice(0, 10), mia: [] },
    fired: ['intro', 'first_glitch'],
    solved: [],
    stability: 80 - (turn % 10),
    focus: 7,
    memories: ['the smell of rain on the lab window', 'a song Mia hummed'],
    ending: null,
    pronouns: { it: 'item_01' },
    hintsTaken: {},
    verbosity: 'verbose',
    pending: null,
    lastInput: `look ${turn}`,
    oops: null,
    ...extra,
  };
}

export function makeWorld(): WorldIds {
  const rooms: Record<string, unknown> = {};
  for (const r of ROOMS) rooms[r] = { id: r, name: r[0]!.toUpperCase() + r.slice(1), region: 'house', description: '', exits: {} };
  const characters: Record<string, unknown> = {};
  for (const c of CHARACTERS) characters[c] = { id: c, name: c[0]!.toUpperCase() + c.slice(1), words: [c], pronoun: 'they', description: '', location: 'bedroom' };
  const items: Record<string, unknown> = {};
  for (const it of ITEMS) items[it] = { id: it, name: it, words: [it], description: '', location: 'bedroom' };
  return { rooms, characters, items, endings: {}, puzzles: {} } as unknown as WorldIds;
}

export function tempDir(prefix = 'nanodream-saves-'): string {
  return makeTemp(prefix);
}

/**
 * A plausible run of play: a ~5 KB state changed a little each turn (the clock, the generator,
 * the last command; now and then a walk, an item taken, a flag set). Returns states oldest first.
 */
export function simulatePlay(turns: number): State[] {
  const base = makeState(0);
  for (let i = 0; i < 90; i++) base.loc[`extra_thing_${i}`] = ROOMS[i % ROOMS.length]!;
  for (let i = 0; i < 40; i++) base.flags[`story_flag_${i}`] = false;
  base.seen.leo = [...ITEMS];
  const out: State[] = [base];
  let s = base;
  for (let t = 1; t < turns; t++) {
    const n: State = { ...s, turn: t, rng: (s.rng * 1103515245 + 12345) >>> 0, lastInput: `command number ${t}` };
    if (t % 3 === 0) {
      const to = ROOMS[(t / 3) % ROOMS.length]!;
      n.loc = { ...n.loc, leo: to };
      n.visited = { ...n.visited, leo: n.visited.leo!.includes(to) ? n.visited.leo! : [...n.visited.leo!, to] };
    }
    if (t % 5 === 0) n.loc = { ...n.loc, [ITEMS[t % ITEMS.length]!]: 'leo' };
    if (t % 7 === 0) n.flags = { ...n.flags, [`story_flag_${t % 40}`]: true };
    if (t % 11 === 0) n.counters = { ...n.counters, knocks: (n.counters.knocks ?? 0) + 1 };
    out.push(n);
    s = n;
  }
  return out;
}
