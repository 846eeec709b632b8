// The opening state of a game, built from the World and a seed.
import type { State, World } from './types.js';
import { normaliseSeed } from './rng.js';

export function initialState(w: World, seed: number): State {
  const s = normaliseSeed(seed);
  const loc: State['loc'] = {};
  const props: State['props'] = {};
  for (const c of Object.values(w.characters)) loc[c.id] = c.location;
  for (const it of Object.values(w.items)) {
    loc[it.id] = it.location;
    if (it.props?.length) props[it.id] = [...it.props];
  }
  const start = w.game.start;
  const act = w.game.acts.find((a) => a.id === start.act);
  const visited: State['visited'] = {};
  for (const c of Object.values(w.characters)) visited[c.id] = [c.location];
  return {
    seed: s,
    rng: s,
    turn: 0,
    player: start.player,
    playable: act ? [...act.playable] : [start.player],
    act: start.act,
    loc,
    props,
    flags: {},
    counters: {},
    visited,
    seen: {},
    fired: [],
    solved: [],
    stability: start.stability,
    focus: start.focus,
    memories: [],
    ending: null,
    pronouns: {},
    hintsTaken: {},
    verbosity: 'verbose',
    pending: null,
    lastInput: null,
    oops: null,
  };
}
