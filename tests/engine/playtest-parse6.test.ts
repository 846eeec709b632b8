// What the fifth blind playtest typed (its second list), played through the real story at the
// moment they typed it: a walkthrough up to that point, then their words.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { game } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const world = loadContent(join(ROOT, 'content'));
/** A walkthrough's commands, in order. */
const walkOf = (file: string): string[] => readFileSync(join(ROOT, 'tests/playthroughs', file), 'utf8')
  .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());
const walk = walkOf('ending-balance.txt');

/** The index of a walkthrough command, which must be there. */
function step(command: string, from = 0): number {
  const n = walk.indexOf(command, from);
  expect(n, `"${command}" is in the walkthrough`).toBeGreaterThanOrEqual(0);
  return n;
}

/** The balance walkthrough's first n commands, then `typed`: the last reply. */
function at(n: number, ...typed: string[]): string {
  const g = game(world);
  g.run(...walk.slice(0, n));
  return g.run(...typed).at(-1)!;
}

/** The walkthrough up to the echo hollow, where Elara first comes, with Leo carrying the paper lantern from the bridge. */
function leoWithLantern() {
  const g = game(world);
  const bridge = step('take fruit') + 1;
  expect(walk[bridge]).toBe('e');
  g.run(...walk.slice(0, bridge + 1), 'take lantern');
  g.run(...walk.slice(bridge + 1, step('nudge mia')));
  return g;
}

describe('what the fifth playtest typed, second list', () => {
  it('a name with a preposition inside it: take Knots for Explorers from Leo\'s shelf', () => {
    expect(at(18, 'take knots for explorers')).toContain('You pull out a book');
    expect(at(18, 'x knots for explorers')).toContain('Knots for Explorers');
    expect(at(18, 'x the knots for explorers')).toBe(at(18, 'x knots'));
  });

  it('the music box\'s winding key answers KEY, until the key in its drawer is there to mean', () => {
    const wind = step('turn music box', step('turn music box') + 1);
    expect(at(wind, 'x key')).toContain('brass winding key');
    expect(at(wind, 'turn key')).toBe(at(wind, 'turn music box'));
    expect(at(wind, 'take key')).toContain("It doesn't come out");
    // Once the drawer is open, KEY is the small silver key, never a question.
    expect(at(wind + 1, 'x key')).toMatch(/^A small silver key/);
    expect(at(wind + 1, 'take key')).toContain('You take the key.');
    expect(at(wind + 1, 'x winding key')).toContain('brass winding key');
    const g = game(world);
    g.run(...walk.slice(0, step('unlock drawer with key')));
    expect(g.say('unlock drawer with key')).not.toMatch(/Which do you mean/);
  });

  it('nudge the lantern Leo holds: it is his, not the moths above (reached for, never looked at); push and pull in your own hands', () => {
    const g = leoWithLantern();
    expect(g.say('i')).toBe('You are carrying a guardian band (worn).');
    const nudged = g.say('nudge lantern');
    expect(nudged).toContain("the paper lantern a nudge, there in Leo's hands");
    expect(nudged).not.toContain('knot of moths');
    expect(g.say('take lantern')).toBe('Leo is holding the paper lantern.');
    expect(g.say('push lantern')).toBe('Leo has the paper lantern.');
    g.run('be leo');
    expect(g.say('push lantern')).toBe('You push the paper lantern about in your hands. Nothing comes of it.');
    expect(g.say('pull lantern')).toContain('You give the paper lantern a tug.');
  });

  it('the paper lantern in Meelia is lit, as the inventory says, only low', () => {
    const g = leoWithLantern();
    g.run('be leo');
    expect(g.say('i')).toContain('a paper lantern (lit)');
    const looked = g.say('x lantern');
    expect(looked).toContain('still lit, but only just');
    expect(looked).not.toContain('gone dim');
  });

  it('tell the Specter (or Mum) about the stars, once it is understood: the memories are held up', () => {
    const n = step('remember');
    for (const typed of ['tell specter about the stars', 'tell mum about the stars', 'tell the specter about home']) {
      const reply = at(n, typed);
      expect(reply, typed).toContain('Light the way with remembered things');
      expect(reply, typed).toBe(at(n, 'remember'));
    }
    // Asking it is still asking it.
    expect(at(n, 'ask specter about the stars')).toContain('"Are you still scared?"');
  });

  it('tell Leo "I love him": an answer to that, not a greeting; a greeting is still greeted', () => {
    const inLeosRoom = ['n', 'w'];
    const loved = at(0, ...inLeosRoom, 'tell leo I love him');
    expect(loved).toContain('Love you too');
    expect(loved).not.toContain('Is it a talk?');
    const answer = loved.split('\n\n').at(-1)!;
    expect(at(0, ...inLeosRoom, 'say i love you to leo')).toContain(answer);
    expect(at(0, ...inLeosRoom, 'tell leo that i love him')).toBe(loved);
    // Told something that is no topic of his, he listens as to anything told.
    expect(at(0, ...inLeosRoom, 'tell leo the poster is nice')).toContain('"Mm-hm," says Leo');
    expect(at(0, ...inLeosRoom, 'say hello to leo')).toContain(at(0, ...inLeosRoom, 'talk to leo'));
    expect(at(0, ...inLeosRoom, 'tell mia i love her')).toContain('You tell her you love her.');
  });

  it('draw the route on the map with the pencil, in every order', () => {
    const n = step('use pencil on map');
    const drawn = at(n, 'use pencil on map');
    expect(drawn).toContain('You grab the pencil on its string');
    for (const typed of ['draw route on map with pencil', 'draw a route on the map', 'draw route with pencil', 'draw route', 'draw the route with the pencil on the map', 'write plan on map']) {
      expect(at(n, typed), typed).toBe(drawn);
    }
    // Words that name nothing here to draw on are drawn in the air, as before.
    expect(at(n, 'draw a tree')).toContain('in the air');
  });

  it('the thorn lock says which of its two spirals is which, and the chimes agree', () => {
    const n = step('x thicket');
    const mia = at(n, 'x lock');
    expect(mia).toContain('The left one, on the lake side, hums a low note; the right one, on the hollow side, hums a high one.');
    expect(at(n, 'x right slot')).toBe(mia);
    expect(at(n, 'x left spiral')).toBe(mia);
    expect(at(n, 'be leo', 'x lock')).toContain('the left one low and the right one high');
  });

  it('the unplugged house has its own tea and cloudwhale, not the balance ending\'s', () => {
    const unplugged = walkOf('ending-unplugged.txt');
    const g = game(world);
    const end = g.run(...unplugged).at(-1)!;
    expect(end).toContain('The Unplugged House');
    // The owl mug goes on the shelf where the pillows were (the nest's shelf is the dream's), and
    // nobody will go back to the whale (cont6's words for what parse6 first wrote).
    expect(end).toContain('on the empty shelf where the dream pillows used to be');
    expect(end).not.toContain('on the shelf by the nest');
    expect(end).toContain('and now nobody ever will');
    expect(end).not.toContain("It'll be there, Leo says");
  });
});

describe('acts 1 and 2 typed the way a seasoned player types', () => {
  const hall = ['n'];
  const leosRoom = ['n', 'w'];

  it('everyone here at once: talk to the kids, hug the children, say goodnight to everyone', () => {
    const talked = at(0, ...leosRoom, 'talk to the kids');
    // Each answers for themselves; a reply that says who speaks is not headed by the name too.
    for (const name of ['jaime', 'leo', 'mia']) expect(talked).toContain(at(0, ...leosRoom, `talk to ${name}`));
    expect(talked).not.toMatch(/^(Jaime|Leo|Mia): .*\bsays \1\b/m);
    expect(at(0, ...leosRoom, 'say goodnight to everyone')).toContain('You say goodnight to Mia.');
    expect(at(0, ...hall, 'talk to the children')).toBe("You can't see any children here.");
  });

  it('kiss Leo goodnight; a goodnight kiss; Jaime\'s back is Jaime; x my scarf names a scarf', () => {
    expect(at(0, ...leosRoom, 'kiss leo goodnight')).toBe(at(0, ...leosRoom, 'kiss leo'));
    expect(at(0, ...leosRoom, 'give mia a goodnight kiss')).toBe(at(0, ...leosRoom, 'kiss mia'));
    expect(at(0, ...leosRoom, "look at jaime's back")).toBe(at(0, ...leosRoom, 'x jaime'));
    expect(at(0, 'x my scarf')).toBe("You can't see any scarf here.");
  });

  it('a name of two words (the sleeping bag) answers to both; put it back is putting it down', () => {
    expect(at(0, 'be jaime', 'x sleeping bag')).toBe(at(0, 'be jaime', 'x camp bed'));
    const kitchen = ['e'];
    expect(at(0, ...kitchen, 'x honey', 'put it back')).toBe('You are not holding the jar of honey.');
  });

  it('pick a dandelion, pick the wisp up, feed it to the whale or give the whale the wisp', () => {
    const meadow = step('blow on dandelion');
    expect(at(meadow, 'pick a dandelion')).toContain('You pick one.');
    const shore = step('take wisp');
    expect(at(shore, 'pick the wisp up')).toBe(at(shore, 'take wisp'));
    expect(at(shore, 'pick up the wisp')).toBe(at(shore, 'take wisp'));
    const fed = at(shore + 1, 'give wisp to whale');
    expect(fed).toContain('Give the cloudwhale back its wisp');
    expect(at(shore + 1, 'feed the wisp to the whale')).toBe(fed);
    expect(at(shore + 1, 'give the whale the wisp')).toBe(fed);
  });

  it('drink from the brook; cross the brook, and cross Leo\'s bridge once he has made it', () => {
    const brook = step('imagine stones');
    expect(at(brook, 'drink from the brook')).toContain('You cup your hands and drink.');
    expect(at(brook, 'cross the brook')).toBe(at(brook, 'enter brook'));
    // Before it is made, crossing it is trying to go north, and told what stops you.
    expect(at(brook, 'cross bridge')).toBe(at(brook, 'n'));
    const made = step('n', brook) ;
    expect(at(made, 'cross the bridge')).toBe(at(made, 'n'));
    expect(at(made, 'climb the bridge')).toBe(at(made, 'n'));
    expect(at(made, 'jump on the bridge')).toBe('You bounce on a plank. The whole bridge bounces back, delighted.');
  });

  it('stir the tea (with the spoon)', () => {
    const kitchen = ['n', 'listen', 's', 'e'];
    expect(at(0, ...kitchen, 'stir the tea')).toContain('nothing in it to stir yet');
    expect(at(0, ...kitchen, 'make tea', 'put honey in the mug', 'stir the tea with the spoon')).toContain('one even gold');
  });

  it('a loose word for something in someone\'s hands does not reach for it (turn off the light is no torch of Jaime\'s)', () => {
    expect(at(0, ...leosRoom, 'turn off the light')).toBe("You can't see any light here.");
  });
});
