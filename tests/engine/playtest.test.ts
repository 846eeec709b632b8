// What two blind playtests (this stop) typed and the game did not understand, now played through
// the real story at the moment they typed it: the walkthrough up to that point, then their words.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { game } from './helpers.js';

// The fixture story (game() with no world) for the parser's manners; the real story for the rest.

const ROOT = join(import.meta.dirname, '../..');
const world = loadContent(join(ROOT, 'content'));
const walk = readFileSync(join(ROOT, 'tests/playthroughs/ending-balance.txt'), 'utf8')
  .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());

/** The walkthrough up to (not including) the first `before` (or its first n commands), then `typed`: the last reply. */
function at(before: string | number | null, ...typed: string[]): string {
  const g = game(world);
  const n = before === null ? 0 : typeof before === 'number' ? before : walk.indexOf(before);
  expect(n, `"${before}" is in the walkthrough`).toBeGreaterThanOrEqual(0);
  g.run(...walk.slice(0, n));
  return g.run(...typed).at(-1)!;
}

describe('what the playtests typed', () => {
  it('draw on the map with the pencil on its string, as the pencil itself suggests', () => {
    expect(at('use pencil on map', 'draw on map with pencil')).toContain('You grab the pencil on its string');
    expect(at('use pencil on map', 'draw on map')).toContain('You grab the pencil on its string');
  });

  it('change the hub\'s settings, or set one of the settings its screen names', () => {
    expect(at('use hub', 'change the settings')).toContain('Shared dreams only');
    expect(at('use hub', 'set nights to weekends')).toContain('Shared dreams only');
  });

  it('shout to Leo from the seam, though he is far below', () => {
    expect(at('shout leo', 'shout to leo')).toContain('FOLLOW THE LINE');
  });

  it('peel the corner that "lifts like the corner of a sticker"', () => {
    expect(at('open seam', 'peel corner')).toContain('Peel back the painted Frost Gate');
  });

  it('tap the fruit that "rings when you tap it"', () => {
    expect(at(walk.indexOf('take fruit') + 1, 'tap fruit')).toMatch(/It rings/);
  });

  it('examine the thing just taken: the one in hand wins over one that shares its name', () => {
    // The playtest: `x leaf` just after taking the frost leaf asked "the frost leaf or the ice trees?".
    const g = game();
    g.run('look under mat', 'take glass key');
    expect(g.say('x key')).toBe('A brittle glass key.');
    g.run('drop glass key');
    expect(g.say('x key')).toMatch(/Which do you mean/);
  });

  it('show something to a thing: it is only shown it, and named with its article', () => {
    // The playtest: "Night Specter looks at the blue hair ribbon politely" (an item, no article).
    const g = game();
    g.run('take apple');
    expect(g.say('show apple to mat')).toBe('You hold the apple up to the mat. Nothing comes of it.');
    expect(g.say('show apple to bob')).toBe('Bob looks at the apple politely, but says nothing.');
  });

  it('tuck the children in, and say goodnight to them', () => {
    expect(at(null, 'n', 'w', 'tuck in mia')).toContain('You rub her back');
    expect(at(null, 'n', 'w', 'goodnight mia')).toBe('You say goodnight to Mia.');
  });

  it('HELP SET is about setting things, not about setting fire to them', () => {
    expect(at(null, 'help set')).toMatch(/^set THING to/);
  });
});
