// What the sixth blind playtest typed at the climax, played through the real story at that moment:
// the balance walkthrough up to Elara's answer to the Night Specter, then their words.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { game } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const world = loadContent(join(ROOT, 'content'));
const walk = readFileSync(join(ROOT, 'tests/playthroughs/ending-balance.txt'), 'utf8')
  .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());

/** Elara in the Specter's field once it has spoken in Leo's voice: the walkthrough's next command answers it. */
function specterHasSpoken() {
  const n = walk.indexOf('tell leo about the study door');
  expect(n).toBeGreaterThan(0);
  const g = game(world);
  g.run(...walk.slice(0, n));
  expect(g.host.state.player).toBe('elara');
  return g;
}

describe('answering the Night Specter (sixth playtest)', () => {
  it('words said or told to the Specter are heard by Leo, and answer it', () => {
    for (const typed of ['say "I closed the study door too often" to specter', 'tell specter about the study door', 'answer the specter about the study door']) {
      const g = specterHasSpoken();
      const reply = g.run(typed).at(-1)!;
      expect(reply, typed).toContain('"The study door," you say');
      expect(reply, typed).not.toMatch(/isn't yours to question|to Leo\./);
    }
  });

  it('answering it without words says what it is waiting for, and Leo no longer asks to go and ask it', () => {
    const g = specterHasSpoken();
    expect(g.run('answer specter').at(-1)).toMatch(/It named the study door/);
    const talk = g.run('talk to leo').at(-1)!;
    expect(talk).toMatch(/your turn to say something/);
    expect(talk).not.toMatch(/I want to ask it/);
    expect(g.run('ask leo about the specter').at(-1)).toMatch(/Is it true\?/);
  });

  it('the Specter answers for itself once understood, and Leo speaks to it as himself', () => {
    const g = specterHasSpoken();
    g.run('tell leo about the study door', 'tell leo about the dinner table');
    expect(g.host.state.player).toBe('leo');
    expect(g.run('tell specter about the stars').at(-1)).not.toMatch(/"The study door," you say/);
  });
});

describe('what the seventh playtest typed', () => {
  it.each([
    ["ask mia what's wrong", 'ask mia what is wrong'],
    ['remind leo of the promise', 'tell leo about the promise'],
  ])('answers "%s" as "%s"', (typed, plain) => {
    const g = game(world);
    g.run('n', 'w');
    const reply = g.run(typed).at(-1)!;
    expect(reply).not.toMatch(/I don't know the word/);
    expect(reply).toBe(g.run(plain).at(-1));
  });
});

describe('presence on the lantern bridge (seventh playtest)', () => {
  // Elara at the moths, moved onto the bridge; Leo where the walkthrough leaves him (null), or put elsewhere.
  it.each([null, 'glass_orchard', 'lantern_bridge'])('Elara watches Leo lean over the rail only when he is on the bridge with her (Leo: %s)', (leoAt) => {
    const n = walk.indexOf('nudge moths');
    expect(n).toBeGreaterThan(0);
    const g = game(world);
    g.run(...walk.slice(0, n));
    const s = g.host.state;
    expect(s.player).toBe('elara');
    s.loc.elara = 'lantern_bridge';
    if (leoAt) s.loc.leo = leoAt;
    const look = g.run('look').at(-1)!;
    if (s.loc.leo === 'lantern_bridge') expect(look).toContain('You watch Leo lean over the rail');
    else expect(look).not.toContain('You watch Leo lean over the rail');
    expect(look).toMatch(/stairs of stars begin/);
  });
});

describe('presence in the hollow of night (seventh playtest)', () => {
  it('Leo feels the warmth beside him only while the unseen Elara is in the hollow with him', () => {
    const n = walk.indexOf('be leo', walk.indexOf('shout leo'));
    expect(n).toBeGreaterThan(0);
    for (const elaraAt of ['hollow_of_night', 'specter_field']) {
      const g = game(world);
      g.run(...walk.slice(0, n));
      const s = g.host.state;
      s.player = 'leo';
      s.loc.leo = 'hollow_of_night';
      s.loc.elara = elaraAt;
      expect(s.flags.elara_revealed ?? false).toBe(false);
      const [look, warmth] = g.run('look', 'x warmth');
      if (elaraAt === 'hollow_of_night') {
        expect(look).toContain("it hasn't gone away");
        expect(warmth).toContain('Like somebody still is');
      } else {
        expect(look).toContain('The warmth that was beside you has gone');
        expect(warmth).toContain('gone on ahead');
      }
    }
  });
});
