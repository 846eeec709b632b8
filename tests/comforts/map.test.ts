// MAP: the visited places on their grid, joined where a way leads; a plain list for screen readers.
import { describe, it, expect } from 'vitest';
import { drawMap, findBadOutput } from '../../src/comforts/index.js';
import { drawnWorld, visiting } from './helpers.js';

const w = drawnWorld();
const tour = ['hallway', 'leo_room', 'hallway', 'bathroom', 'hallway', 'mia_room', 'closet', 'mia_room', 'hallway', 'living_room', 'kitchen', 'living_room', 'study', 'living_room', 'balcony', 'clock_stair', 'static_sea', 'clock_stair', 'the_eye', 'clock_stair', 'balcony', 'living_room'];
const framed = (lines: string[]) => lines.filter((l) => /^[+|]/.test(l));

describe('map, drawn', () => {
  it('shows only the places visited, the current one marked', () => {
    const lines = drawMap(w, visiting(w, ['hallway', 'bathroom', 'hallway']), { width: 80, screenReader: false });
    const text = lines.join('\n');
    expect(text).toContain('[*Hallway*]');
    expect(text).toContain('[Bathroom]');
    expect(text).not.toContain('Kitchen');
    expect(text).not.toContain('Living Room');
    expect(lines[0]).toBe('The places Leo has visited. You are in Hallway, marked with stars.');
  });

  it('draws a place a known way leads to, not yet seen, as [?], joined to where it was seen from', () => {
    const lines = drawMap(w, visiting(w, ['hallway']), { width: 80, screenReader: false });
    const text = lines.join('\n');
    expect(text).toContain('[?]');
    expect(text).not.toMatch(/Leo's Room|Bathroom|Kitchen/);
    const hallRow = lines.findIndex((l) => l.includes('[*Hallway*]'));
    expect(lines[hallRow]).toMatch(/\[\?\]-+\[\*Hallway\*\]-+\[\?\]/);
  });

  it('joins neighbours with - and | where a way leads, and / \\ for diagonals', () => {
    const lines = drawMap(w, visiting(w, tour), { width: 80, screenReader: false });
    const text = lines.join('\n');
    expect(text).toMatch(/\[Leo's Room\]-+\[Hallway\]-+\[Mia's Room\]/);
    expect(text).toMatch(/\[Study\]-+\[\*Living Room\*\]-+\[Kitchen\]/);
    const hallRow = lines.findIndex((l) => l.includes('[Hallway]'));
    const col = lines[hallRow].indexOf('[Hallway]') + Math.floor('[Hallway]'.length / 2);
    expect(lines[hallRow - 1][col]).toBe('|'); // to the bathroom
    expect(lines[hallRow + 1][col]).toBe('|'); // to the living room
    expect(lines[hallRow + 1]).toContain('\\'); // kitchen northwest to hallway
  });

  it('puts each region in its own frame, the current one first', () => {
    const frames = drawMap(w, visiting(w, tour), { width: 80, screenReader: false }).filter((l) => l.startsWith('+'));
    expect(frames).toHaveLength(4);
    const fromEye = drawMap(w, visiting(w, [...tour, 'balcony', 'clock_stair']), { width: 80, screenReader: false }).join('\n');
    expect(fromEye.indexOf('Clock Stair')).toBeLessThan(fromEye.indexOf('Hallway'));
  });

  it('lists ways it cannot draw and places without a position', () => {
    const text = drawMap(w, visiting(w, tour), { width: 80, screenReader: false }).join('\n');
    expect(text).toContain('Other ways between these places:');
    expect(text).toContain('Balcony up to The Clock Stair');
    expect(text).toContain('The Clock Stair up to The Eye of the Whirlpool');
    expect(text).toContain('Also visited: Closet.');
    expect(findBadOutput(text)).toEqual([]);
  });

  it('fits every width, shortening names, and falls back to the list when too narrow', () => {
    for (let width = 20; width <= 120; width++) {
      const lines = drawMap(w, visiting(w, tour), { width, screenReader: false });
      for (const l of framed(lines)) expect(l.length, `width ${width}: ${l}`).toBeLessThanOrEqual(width);
      if (framed(lines).length) expect(lines.join('\n')).toMatch(/\[\*[^\]]+\*\]/);
      else expect(lines[0]).toBe('You are in Living Room.');
    }
    const narrow = drawMap(w, visiting(w, tour), { width: 40, screenReader: false }).join('\n');
    expect(narrow).toMatch(/\[Leo's R\.\]/);
  });

  it('lines never start with a space, so a wrapper cannot shift them', () => {
    for (const l of drawMap(w, visiting(w, tour), { width: 70, screenReader: false })) expect(l).not.toMatch(/^ /);
  });

  it('leaves out hidden ways and ways closed by a condition', () => {
    const w2 = drawnWorld();
    w2.rooms.hallway.exits.north = { to: 'bathroom', hidden: true };
    w2.rooms.bathroom.exits.south = { to: 'hallway', if: { flag: 'never' } };
    const lines = drawMap(w2, visiting(w2, ['hallway', 'bathroom', 'hallway']), { width: 80, screenReader: false });
    const row = lines.findIndex((l) => l.includes('[Bathroom]'));
    expect(row).toBeGreaterThan(0);
    expect(lines[row + 1]).toMatch(/^\| +\|$/); // nothing drawn between them
    expect(lines.join('\n')).not.toContain('Other ways');
  });

  it('names a way up or down instead of drawing it as a line, which would read as north or south', () => {
    // Stairs like the star stairs of act 2: north and up both lead to the gate above.
    const w2 = drawnWorld();
    w2.rooms.the_eye.map = { x: 2, y: 1 }; // right above the clock stair
    w2.rooms.clock_stair.exits.north = { to: 'the_eye' };
    w2.rooms.the_eye.exits.south = { to: 'clock_stair' };
    const lines = drawMap(w2, visiting(w2, ['static_sea', 'clock_stair', 'the_eye']), { width: 80, screenReader: false });
    const text = lines.join('\n');
    const stairRow = lines.findIndex((l) => l.includes('[Clock Stair]'));
    const col = lines[stairRow].indexOf('[Clock Stair]') + Math.floor('[Clock Stair]'.length / 2);
    expect(lines[stairRow - 1][col]).toBe(' ');
    expect(lines[stairRow]).toMatch(/\[Static Sea\]-+\[Clock Stair\]/); // the compass way is still drawn
    expect(text).toContain('Other ways between these places: The Clock Stair up to The Eye of the Whirlpool.');
    expect(text).not.toContain('north to');
    const listed = drawMap(w2, visiting(w2, ['static_sea', 'clock_stair', 'the_eye']), { width: 80, screenReader: true });
    expect(listed).toContain('The Clock Stair: west to The Static Sea, up to The Eye of the Whirlpool and one way you have not taken.');
    expect(listed).toContain('The Eye of the Whirlpool: down to The Clock Stair.');
  });

  it('names a way up to a place not yet seen, drawn as [?] with no line to it', () => {
    const w2 = drawnWorld();
    w2.rooms.the_eye.map = { x: 2, y: 1 };
    const lines = drawMap(w2, visiting(w2, ['static_sea', 'clock_stair']), { width: 80, screenReader: false });
    const stairRow = lines.findIndex((l) => l.includes('[*Clock Stair*]'));
    expect(lines[stairRow - 2]).toContain('[?]');
    expect(lines[stairRow - 1]).toMatch(/^\| +\|$/);
    expect(lines.join('\n')).toContain('The Clock Stair up to a place not yet seen');
  });

  it('says so when nowhere has been visited', () => {
    const s = visiting(w, ['hallway']);
    s.visited.leo = [];
    s.loc.leo = 'nowhere';
    expect(drawMap(w, s, { width: 80, screenReader: false })).toEqual(['Leo has not been anywhere yet, so there is nothing to draw.']);
  });

  it('is the current character\'s map', () => {
    const s = visiting(w, tour);
    s.player = 'mia';
    s.visited.mia = ['kitchen', 'living_room', 'kitchen'];
    s.loc.mia = 'kitchen';
    const text = drawMap(w, s, { width: 80, screenReader: false }).join('\n');
    expect(text).toContain('Mia has visited');
    expect(text).toContain('[*Kitchen*]');
    expect(text).not.toContain('Hallway');
  });
});

describe('map, for a screen reader', () => {
  const lines = drawMap(w, visiting(w, tour), { width: 80, screenReader: true });

  it('is a list of places and their ways out, where you are first', () => {
    expect(lines[0]).toBe('You are in Living Room.');
    expect(lines[1]).toBe('Places Leo has visited, and their ways out:');
    expect(lines[2]).toBe('Living Room: north to Hallway, west to Study, east to Kitchen and south to Balcony.');
    expect(lines).toContain('Balcony: north to Living Room and up to The Clock Stair.');
  });

  it('has no drawing characters at all', () => {
    for (const l of lines) {
      expect(l).not.toMatch(/[|+\\/[\]*─│┼┌┐└┘]/);
      expect(l).not.toMatch(/--/);
      expect(l).toMatch(/[.:]$/);
    }
  });

  it('counts the ways not taken yet', () => {
    const few = drawMap(w, visiting(w, ['hallway']), { width: 80, screenReader: true });
    expect(few).toContain('Hallway: 4 ways you have not taken.');
    const one = drawMap(w, visiting(w, ['hallway', 'bathroom']), { width: 80, screenReader: true });
    expect(one).toContain('Hallway: north to Bathroom and 3 ways you have not taken.');
    const w2 = drawnWorld();
    w2.rooms.study.exits = {};
    expect(drawMap(w2, visiting(w2, ['study']), { width: 80, screenReader: true })).toContain('Study: no way out that you know of.');
  });

  it('reads clean', () => {
    expect(findBadOutput(lines.join('\n'))).toEqual([]);
  });
});
