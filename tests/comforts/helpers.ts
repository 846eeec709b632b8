// Shared pieces for the comforts tests: the real message catalogue, a small drawn world, temp homes.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'yaml';
import type { World, State, Room, Direction } from '../../src/engine/types.js';
import { initialState } from '../../src/engine/index.js';
import { loadContent } from '../../src/content/load.js';
import { makeTemp } from '../temp.js';

const root = join(import.meta.dirname, '../..');
export const messages: Record<string, string> = parse(readFileSync(join(root, 'content/messages.yaml'), 'utf8'));
export const help: Record<string, string> = parse(readFileSync(join(root, 'content/help.yaml'), 'utf8'));

/** The test fixture world, speaking with the real messages and help. */
export function miniWorld(): World {
  const w = loadContent(join(root, 'tests/fixtures/mini'));
  return { ...w, messages: { ...w.messages, ...messages }, help: { ...help } };
}

type RoomSpec = [id: string, name: string, region: string, map: { x: number; y: number } | null, exits: Partial<Record<Direction, string>>];

const room = ([id, name, region, map, exits]: RoomSpec): Room => ({
  id, name, region, description: `The ${name}.`,
  exits: Object.fromEntries(Object.entries(exits).map(([d, to]) => [d, { to }])),
  ...(map ? { map } : {}),
});

/** The apartment of act 1, a whirlpool corner with stairs, and one room without a map position. */
export function drawnWorld(): World {
  const specs: RoomSpec[] = [
    ['living_room', 'Living Room', 'apartment', { x: 1, y: 2 }, { north: 'hallway', west: 'study', east: 'kitchen', south: 'balcony' }],
    ['hallway', 'Hallway', 'apartment', { x: 1, y: 1 }, { west: 'leo_room', east: 'mia_room', north: 'bathroom', south: 'living_room' }],
    ['leo_room', "Leo's Room", 'apartment', { x: 0, y: 1 }, { east: 'hallway' }],
    ['mia_room', "Mia's Room", 'apartment', { x: 2, y: 1 }, { west: 'hallway', southeast: 'closet' }],
    ['bathroom', 'Bathroom', 'apartment', { x: 1, y: 0 }, { south: 'hallway' }],
    ['kitchen', 'Kitchen', 'apartment', { x: 2, y: 2 }, { west: 'living_room', northwest: 'hallway' }],
    ['study', 'Study', 'apartment', { x: 0, y: 2 }, { east: 'living_room' }],
    ['balcony', 'Balcony', 'apartment', { x: 1, y: 3 }, { north: 'living_room', up: 'clock_stair' }],
    ['closet', 'Closet', 'apartment', null, { northwest: 'mia_room' }],
    ['clock_stair', 'The Clock Stair', 'whirlpool', { x: 2, y: 2 }, { down: 'balcony', west: 'static_sea', up: 'the_eye' }],
    ['static_sea', 'The Static Sea', 'whirlpool', { x: 1, y: 2 }, { east: 'clock_stair' }],
    ['the_eye', 'The Eye of the Whirlpool', 'whirlpool', { x: 2, y: 0 }, { down: 'clock_stair' }],
  ];
  const rooms = Object.fromEntries(specs.map((s) => [s[0], room(s)]));
  return {
    game: { title: 'Drawn', version: '1', start: { player: 'leo', act: 1, stability: 100, focus: 10 }, intro: 'Hello.', acts: [{ id: 1, name: 'One', playable: ['leo', 'mia'] }] },
    rooms,
    items: {},
    characters: {
      leo: { id: 'leo', name: 'Leo', words: ['leo'], pronoun: 'he', description: 'Leo.', location: 'hallway' },
      mia: { id: 'mia', name: 'Mia', words: ['mia'], pronoun: 'she', description: 'Mia.', location: 'kitchen' },
    },
    topics: {}, scenes: [], endings: {}, puzzles: {}, hints: [], verbs: {},
    messages: { ...messages },
    help: { ...help },
  };
}

/** A state where the player has visited these rooms, in order, and stands in the last. */
export function visiting(w: World, rooms: string[], player = 'leo'): State {
  const s = initialState(w, 1);
  s.player = player;
  s.visited[player] = [...rooms];
  s.loc[player] = rooms[rooms.length - 1];
  return s;
}

export function tempHome(): { dir: string; done: () => void } {
  const dir = makeTemp('nanodream-comforts-');
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}
