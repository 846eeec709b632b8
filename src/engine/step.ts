// The engine's one entry point: step(world, state, input) → { state, events }. Pure.
import type { World, State, StepResult } from './types.js';
import type { Ctx } from './context.js';
import { runLine } from './turn.js';

export { vocabulary } from './language.js';

/** The turn's state: a shallow copy whose parts are copied when first changed (see own). */
function clone(s: State): State {
  return {
    ...s,
    pending: s.pending === null ? null : structuredClone(s.pending),
    oops: s.oops === null ? null : { ...s.oops },
  };
}

/**
 * One line of input played from s0. For the checker: `trace` also says which rules and variants
 * were used; `quiet` leaves out room descriptions, which only say things (the state is the same).
 */
export function step(w: World, s0: State, input: string, opts: { trace?: boolean; quiet?: boolean } = {}): StepResult {
  const s = clone(s0);
  const ctx: Ctx = { w, s, actor: s.player, out: [], tookTime: false, owned: new Set(), trace: opts.trace, quiet: opts.quiet };
  runLine(ctx, input, true);
  return { state: s, events: ctx.out };
}
