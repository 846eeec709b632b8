// The MAP command: the places the current character has visited, drawn in plain characters on
// the grid the content gives (room.map), or read out as a list for screen readers. Pure.
import type { World, State, Id, Direction, Room } from '../engine/types.js';
import { roomOf } from '../engine/index.js';
import { holds } from '../engine/conditions.js';
import { type Say, sayFrom, joinList } from './say.js';

export interface MapOptions {
  /** Columns available; every line returned fits. */
  width: number;
  /** A list of places and their ways out instead of a drawing. */
  screenReader: boolean;
  say?: Say;
}

interface Link {
  from: Id;
  dir: Direction;
  to: Id;
}

/** Visited rooms of the current character, in visiting order, the current room included. */
function visitedRooms(w: World, s: State, here: Id): Id[] {
  const seen = new Set<Id>();
  for (const r of s.visited[s.player] ?? []) if (w.rooms[r]) seen.add(r);
  if (w.rooms[here]) seen.add(here);
  return [...seen];
}

/** An exit the player knows of: not hidden, and open to them now if it has a condition. */
function exitShown(w: World, s: State, room: Room, dir: Direction): Link | null {
  const e = room.exits[dir];
  if (!e || e.hidden) return null;
  if (e.if && !holds(w, s, e.if, s.player)) return null;
  return { from: room.id, dir, to: e.to };
}

/** Ways that are not a step across the grid: the map names them instead of drawing them. */
const OFF_GRID: ReadonlySet<Direction> = new Set<Direction>(['up', 'down', 'in', 'out']);
const offGrid = (l: Link) => OFF_GRID.has(l.dir);

/**
 * The known ways out of a room. A compass way that leads where an up, down, in or out way leads
 * too (stairs that go north and up) is the same way: only the up/down one is kept.
 */
function knownExits(w: World, s: State, id: Id): Link[] {
  const room = w.rooms[id];
  const links = (Object.keys(room.exits) as Direction[]).map((d) => exitShown(w, s, room, d)).filter((l): l is Link => !!l);
  const climbs = new Set(links.filter(offGrid).map((l) => l.to));
  return links.filter((l) => offGrid(l) || !climbs.has(l.to));
}

export function drawMap(w: World, s: State, opts: MapOptions): string[] {
  const say = opts.say ?? sayFrom(w);
  const here = roomOf(s, s.player);
  const rooms = visitedRooms(w, s, here);
  const who = w.characters[s.player]?.name ?? '';
  if (!rooms.length) return [say('map.empty', { name: who })];
  const visited = new Set(rooms);
  const width = Math.max(20, Math.floor(opts.width));
  if (opts.screenReader) return listMap(w, s, rooms, here, visited, say);
  const grid = gridMap(w, s, rooms, here, visited, say, width);
  return grid ?? listMap(w, s, rooms, here, visited, say);
}

/** Screen-reader form: where you are, then each place with its ways out, no drawing at all. */
function listMap(w: World, s: State, rooms: Id[], here: Id, visited: Set<Id>, say: Say): string[] {
  const ordered = [here, ...rooms.filter((r) => r !== here)].filter((r) => visited.has(r));
  const lines = [
    say('map.sr_here', { place: w.rooms[here]?.name ?? '' }),
    say('map.sr_intro', { name: w.characters[s.player]?.name ?? '' }),
  ];
  for (const id of ordered) {
    const links = knownExits(w, s, id);
    const known = links.filter((l) => visited.has(l.to) && l.to !== id);
    const unknown = links.filter((l) => !visited.has(l.to)).length;
    const parts = known.map((l) => say('map.sr_exit', { dir: l.dir, place: w.rooms[l.to].name }));
    if (unknown === 1) parts.push(say('map.sr_unexplored_one'));
    if (unknown > 1) parts.push(say('map.sr_unexplored_many', { count: unknown }));
    lines.push(parts.length
      ? say('map.sr_room', { place: w.rooms[id].name, exits: joinList(parts) })
      : say('map.sr_room_closed', { place: w.rooms[id].name }));
  }
  return lines;
}

const shortName = (name: string) => name.replace(/^the\s+/i, '');

function fitName(name: string, room: number): string {
  if (name.length <= room) return name;
  if (room <= 1) return name.slice(0, Math.max(0, room));
  return `${name.slice(0, room - 1).trimEnd()}.`;
}

interface Placed {
  id: Id;
  x: number;
  y: number;
}

/** The drawing, or null when the places cannot fit the width (the list is used then). */
function gridMap(w: World, s: State, rooms: Id[], here: Id, visited: Set<Id>, say: Say, width: number): string[] | null {
  // One grid per region, the current region first: regions may reuse coordinates.
  const regions: Id[] = [];
  const hereRegion = w.rooms[here]?.region;
  if (hereRegion !== undefined) regions.push(hereRegion);
  for (const r of rooms) if (!regions.includes(w.rooms[r].region)) regions.push(w.rooms[r].region);

  const unseen = unseenNeighbours(w, s, rooms, visited);
  const { placedAt, unplaced, byRegion } = placeRooms(w, regions, [...rooms, ...unseen], unseen);

  // Every known link from a visited room to a visited or unseen one, once per pair.
  const pairs = new Map<string, Link>();
  for (const id of rooms) {
    for (const l of knownExits(w, s, id)) {
      if (!(visited.has(l.to) || placedAt.has(l.to)) || l.to === id) continue;
      const key = [l.from, l.to].sort().join('\u0000');
      const known = pairs.get(key);
      // Up one way and south the other is still a climb: the up/down way names the pair.
      if (!known || (offGrid(l) && !offGrid(known))) pairs.set(key, l);
    }
  }
  const drawn = new Set<string>();
  const isAdjacent = (a?: Placed, b?: Placed) =>
    !!a && !!b && w.rooms[a.id].region === w.rooms[b.id].region &&
    Math.abs(a.x - b.x) <= 1 && Math.abs(a.y - b.y) <= 1;
  // A line between two cells reads as a compass way; up and down are named below the drawing.
  for (const [key, l] of pairs) if (!offGrid(l) && isAdjacent(placedAt.get(l.from), placedAt.get(l.to))) drawn.add(key);
  const linked = (a: Id, b: Id) => drawn.has([a, b].sort().join('\u0000'));

  const out: string[] = [say('map.title', { name: w.characters[s.player]?.name ?? '', place: w.rooms[here]?.name ?? '' })];
  for (const [, placed] of byRegion) {
    const g = drawRegion(w, placed, here, linked, width, unseen);
    if (!g) return null;
    if (out.length > 1) out.push('');
    out.push(...g);
  }
  const others = [...pairs].filter(([k]) => !drawn.has(k)).map(([, l]) => unseen.has(l.to)
    ? say('map.link_unseen', { from: w.rooms[l.from].name, dir: l.dir })
    : say('map.link', { from: w.rooms[l.from].name, dir: l.dir, to: w.rooms[l.to].name }));
  if (others.length) out.push(say('map.other_ways', { links: joinList(others) }));
  if (unplaced.length) out.push(say('map.unplaced', { places: joinList(unplaced.map((id) => w.rooms[id].name)) }));
  return out;
}

/**
 * Places not yet seen that a known way leads to, in the same region, drawn as [?]: a room the
 * character was carried past (Elara, following the children) is not an island on the map.
 */
function unseenNeighbours(w: World, s: State, rooms: Id[], visited: Set<Id>): Set<Id> {
  const unseen = new Set<Id>();
  for (const id of rooms) {
    for (const l of knownExits(w, s, id)) {
      const to = w.rooms[l.to];
      if (to && !visited.has(l.to) && to.map && to.region === w.rooms[id].region) unseen.add(l.to);
    }
  }
  return unseen;
}

/** Each region's rooms at their map places; a room without a free place is listed instead (unless unseen). */
function placeRooms(w: World, regions: Id[], ids: Id[], unseen: ReadonlySet<Id>) {
  const placedAt = new Map<Id, Placed>();
  const unplaced: Id[] = [];
  const byRegion = new Map<Id, Placed[]>();
  for (const region of regions) {
    const taken = new Set<string>();
    const list: Placed[] = [];
    for (const id of ids) {
      const room = w.rooms[id];
      if (room.region !== region) continue;
      const key = room.map ? `${room.map.x},${room.map.y}` : '';
      if (!room.map || taken.has(key)) {
        if (!unseen.has(id)) unplaced.push(id);
        continue;
      }
      taken.add(key);
      const p = { id, x: room.map.x, y: room.map.y };
      list.push(p);
      placedAt.set(id, p);
    }
    if (list.length) byRegion.set(region, list);
  }
  return { placedAt, unplaced, byRegion };
}

/** One region in a frame: `[Name]` cells joined by - | / \ where a way leads between them. */
function drawRegion(w: World, placed: Placed[], here: Id, linked: (a: Id, b: Id) => boolean, width: number, unseen: ReadonlySet<Id>): string[] | null {
  const xs = placed.map((p) => p.x);
  const ys = placed.map((p) => p.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const cols = Math.max(...xs) - minX + 1;
  const rows = Math.max(...ys) - minY + 1;
  const at = new Map<string, Placed>();
  for (const p of placed) at.set(`${p.x - minX},${p.y - minY}`, p);
  const cell = (cx: number, cy: number) => at.get(`${cx},${cy}`);

  const inner = width - 4; // "| " and " |"
  const label = (p: Placed) => (unseen.has(p.id) ? '?' : shortName(w.rooms[p.id].name));
  const want = Math.max(...placed.map((p) => label(p).length + (p.id === here ? 4 : 2)));
  let gap = 3;
  let cellW = Math.min(want, Math.floor((inner - (cols - 1) * gap) / cols));
  if (cellW < 9) {
    gap = 1;
    cellW = Math.min(want, Math.floor((inner - (cols - 1) * gap) / cols));
  }
  // Below this, names shrink past reading: the list says it better.
  if (cellW < Math.min(want, 8)) return null;
  const total = cols * cellW + (cols - 1) * gap;

  const text = (p: Placed) => {
    const mine = p.id === here;
    const name = fitName(label(p), cellW - (mine ? 4 : 2));
    return mine ? `[*${name}*]` : `[${name}]`;
  };

  const grid: Grid = { cell, linked, text, cols, cellW, gap, total };
  const lines: string[] = [];
  for (let cy = 0; cy < rows; cy++) {
    // A row with no visited place in it would only add blank lines.
    if (!placed.some((p) => p.y - minY === cy)) continue;
    lines.push(drawRow(grid, cy));
    if (cy < rows - 1) lines.push(drawJoins(grid, cy));
  }
  // A frame, so that no line starts with a space a text wrapper would trim away.
  const edge = `+${'-'.repeat(total + 2)}+`;
  return [edge, ...lines.map((l) => `| ${l.padEnd(total)} |`), edge];
}

/** A region's cells laid out: what drawRow and drawJoins need. */
interface Grid {
  cell: (cx: number, cy: number) => Placed | undefined;
  linked: (a: Id, b: Id) => boolean;
  text: (p: Placed) => string;
  cols: number;
  cellW: number;
  gap: number;
  total: number;
}

/** One row of cells, with - between two that a way joins. */
function drawRow({ cell, linked, text, cols, cellW, gap }: Grid, cy: number): string {
  let row = '';
  for (let cx = 0; cx < cols; cx++) {
    const p = cell(cx, cy);
    const west = cell(cx - 1, cy);
    const east = cell(cx + 1, cy);
    const toWest = !!p && !!west && linked(p.id, west.id);
    const toEast = !!p && !!east && linked(p.id, east.id);
    if (p) {
      const t = text(p);
      const left = Math.floor((cellW - t.length) / 2);
      const right = cellW - t.length - left;
      row += (toWest ? '-' : ' ').repeat(left) + t + (toEast ? '-' : ' ').repeat(right);
    } else row += ' '.repeat(cellW);
    if (cx < cols - 1) row += (toEast ? '-' : ' ').repeat(gap);
  }
  return row;
}

/** The joins to the row below: | under a cell, / or \ (X for both) in the gap between two. */
function drawJoins({ cell, linked, cols, cellW, gap, total }: Grid, cy: number): string {
  const join = Array.from({ length: total }, () => ' ');
  for (let cx = 0; cx < cols; cx++) {
    const p = cell(cx, cy);
    const below = cell(cx, cy + 1);
    const centre = cx * (cellW + gap) + Math.floor(cellW / 2);
    if (p && below && linked(p.id, below.id)) join[centre] = '|';
    if (cx === cols - 1) continue;
    const mid = cx * (cellW + gap) + cellW + Math.floor(gap / 2);
    const se = !!p && !!cell(cx + 1, cy + 1) && linked(p.id, cell(cx + 1, cy + 1)!.id);
    const ne = !!cell(cx + 1, cy) && !!below && linked(cell(cx + 1, cy)!.id, below.id);
    if (se || ne) join[mid] = se && ne ? 'X' : se ? '\\' : '/';
  }
  return join.join('');
}
