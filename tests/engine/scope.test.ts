// scope() groups the locations in one pass; it must find exactly what walking contentsOf does.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { initialState, step, type State, type World, type Id } from '../../src/engine/index.js';
import { scope, contentsOf, roomOf, charactersIn, isPresent, canPerceive, hasProp } from '../../src/engine/world-query.js';
import { commandsFor } from '../../src/check/commands.js';

const world = loadContent(join(import.meta.dirname, '../../content'));

/** The rule as first written: contentsOf for the actor, the room and each open container. */
function byContentsOf(w: World, s: State, actor: Id): Id[] {
  const room = roomOf(s, actor);
  const out: Id[] = [];
  const seen = new Set<Id>();
  const open = (id: Id) => {
    const it = w.items[id];
    if (!it) return false;
    if (it.supporter) return true;
    return !!it.container && (!it.openable || hasProp(s, id, 'open'));
  };
  const addTree = (place: Id, depth: number) => {
    if (depth > 6) return;
    for (const id of contentsOf(w, s, place)) {
      if (seen.has(id) || !isPresent(w, s, w.items[id], actor)) continue;
      seen.add(id);
      out.push(id);
      if (open(id)) addTree(id, depth + 1);
    }
  };
  addTree(actor, 0);
  addTree(room, 0);
  for (const c of charactersIn(w, s, room)) if (c !== actor && canPerceive(w, s, actor, c)) out.push(c);
  return out;
}

describe('scope', () => {
  it('is what contentsOf finds, in the same order, all through random games', () => {
    let seed = 99;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    let checked = 0;
    for (let game = 0; game < 3; game++) {
      let s = initialState(world, game);
      for (let turn = 0; turn < 120 && !s.ending; turn++) {
        for (const actor of s.playable) {
          expect(scope(world, s, actor)).toEqual(byContentsOf(world, s, actor));
          checked++;
        }
        const options = [...commandsFor(world, s, { allCommands: turn % 2 === 0 }), 'take all', 'drop all'];
        s = step(world, s, options[rand(options.length)]!).state;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
