// The real story's size and shape: what issue 3 asks of it, checked on every change.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { checkReferences } from '../../src/content/references.js';
import { countStory } from '../../src/tools/count.js';
import { initialState, step } from '../../src/engine/index.js';
import { narrate, blocksToText } from '../../src/narrate/index.js';

const dir = join(import.meta.dirname, '../../content');
const world = loadContent(dir);

describe('the story', () => {
  it('is big enough: rooms, puzzles, examinable objects, words, endings', () => {
    const c = countStory(dir, world);
    expect(c.rooms).toBeGreaterThanOrEqual(35);
    expect(c.puzzles).toBeGreaterThanOrEqual(15);
    expect(c.examinable).toBeGreaterThanOrEqual(60);
    expect(c.words).toBeGreaterThanOrEqual(20_000);
    expect(c.endings).toBeGreaterThanOrEqual(3);
  });
  it('has no broken references', () => {
    expect(checkReferences(world).errors).toEqual([]);
  });
  it('plays all five acts, with all four characters playable somewhere', () => {
    expect(world.game.acts.map((a) => a.id)).toEqual([1, 2, 3, 4, 5]);
    const playable = new Set(world.game.acts.flatMap((a) => a.playable));
    expect([...playable].sort()).toEqual(['elara', 'jaime', 'leo', 'mia']);
  });
  it('every character answers ask and tell on each other and the story topics, in their own words', () => {
    const topics = ['leo', 'mia', 'jaime', 'elara', 'nanodream', 'meelia', 'sleep', 'fear', 'home'];
    // The longest fixed piece of each generic reply, e.g. ' thinks about "'.
    const generic = [world.messages['ask.default'], world.messages['tell.default']].map((m) =>
      m.split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0]);
    const silent: string[] = [];
    for (const c of Object.values(world.characters)) {
      // Everyone in one room in act 1, asked by someone who is not the character.
      const asker = c.id === 'jaime' ? 'mia' : 'jaime';
      const s = initialState(world, 1);
      for (const other of Object.keys(world.characters)) s.loc[other] = 'leo_room';
      s.player = asker;
      for (const t of topics) {
        if (t === c.id) continue;
        for (const verb of ['ask', 'tell']) {
          const events = step(world, s, `${verb} ${c.name} about ${world.topics[t]?.words[0] ?? t}`).events;
          const reply = blocksToText(narrate(world, events));
          const ownWords = events.some((e) => e.type === 'text');
          if (!ownWords || generic.some((g) => reply.includes(g))) silent.push(`${verb} ${c.id} about ${t}`);
        }
      }
    }
    expect(silent).toEqual([]);
  });
  it('has several endings that differ in kind, one of them the balance the seed ends with', () => {
    const kinds = new Set(Object.values(world.endings).map((e) => e.kind));
    expect(kinds.has('balance')).toBe(true);
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });
  it('gives three graded hints for every objective', () => {
    for (const h of world.hints) expect(h.hints.length, h.id).toBeGreaterThanOrEqual(3);
  });
});
