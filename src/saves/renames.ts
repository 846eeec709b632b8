// The migration of ids a story has renamed since a save was made: content/game.yaml's `renamed`
// table (old id -> new id) applied to every place a state names a room, item, character, ending
// or puzzle, so an older save names what this story has. Pure: returns a new state.
import type { State } from '../engine/types.js';

export type Renames = Readonly<Record<string, string>>;

/** The state with every renamed id replaced; the very same state when nothing was renamed. */
export function applyRenames(state: State, renames: Renames | undefined): State {
  if (!renames) return state;
  const keys = Object.keys(renames);
  if (keys.length === 0) return state;
  const to = (id: string): string => (Object.hasOwn(renames, id) ? renames[id]! : id);
  const list = (ids: readonly string[]): string[] => ids.map(to);
  const keyed = <T>(rec: Record<string, T>, value: (v: T) => T = (v) => v): Record<string, T> => {
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(rec)) Object.defineProperty(out, to(k), { value: value(v), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const pronouns: State['pronouns'] = {};
  for (const [k, v] of Object.entries(state.pronouns) as [keyof State['pronouns'], string | undefined][]) if (v !== undefined) pronouns[k] = to(v);
  return {
    ...state,
    player: to(state.player),
    playable: list(state.playable),
    loc: keyed(state.loc, to),
    props: keyed(state.props),
    visited: keyed(state.visited, list),
    seen: keyed(state.seen, list),
    solved: list(state.solved),
    ending: state.ending === null ? null : to(state.ending),
    pronouns,
  };
}
