// The story's clock: after a turn that took time, the turn count moves and scenes may fire.
import { type Ctx, ownList, say, textIn } from './context.js';
import type { Scene, State, World } from './types.js';
import { holds, inAct } from './conditions.js';
import { applyEffects } from './effects.js';
import { hasFired } from './world-query.js';

/** After a turn that took time: the clock moves and the story's scenes get their chance. */
export function afterTurn(ctx: Ctx): void {
  ctx.s.turn++;
  runScenes(ctx);
}

/** The scenes that can fire in each act, with their places in the story's order (every act's list holds the scenes of no act). */
const byAct = new WeakMap<World, Map<number, [number, Scene][]>>();

function scenesOf(w: World, act: number): [number, Scene][] {
  let m = byAct.get(w);
  if (!m) byAct.set(w, (m = new Map()));
  let list = m.get(act);
  if (!list) m.set(act, (list = w.scenes.map((sc, i): [number, Scene] => [i, sc]).filter(([, sc]) => inAct(sc.if, { act } as State))));
  return list;
}

/**
 * Fires every scene whose condition holds, in the story's order, until none is left to fire (at
 * most 4 passes). A scene that changes the act hands the rest of the pass to the new act's scenes.
 * A pass in which every scene that fired only spoke (no effects, and not `once`, which marks it
 * fired) left the state as it found it: the next pass would find the same conditions, so there is
 * none.
 */
export function runScenes(ctx: Ctx): void {
  const { w, s } = ctx;
  const firedNow = new Set<string>();
  for (let pass = 0; pass < 4; pass++) {
    let any = false;
    let act = s.act;
    let list = scenesOf(w, act);
    for (let n = 0; n < list.length; n++) {
      const entry = list[n];
      if (!entry) break;
      const [at, sc] = entry;
      if (s.ending) return;
      if (firedNow.has(sc.id)) continue;
      const once = sc.once !== false;
      if (once && hasFired(s, sc.id)) continue;
      ctx.actor = s.player;
      if (!holds(w, s, sc.if, s.player)) continue;
      firedNow.add(sc.id);
      if (once) ownList(ctx, 'fired').push(sc.id);
      if (once || sc.do?.length) any = true;
      ctx.out.push({ type: 'scene', id: sc.id });
      if (sc.say) say(ctx, textIn(ctx, sc.say, s.player));
      applyEffects(ctx, sc.do);
      if (s.act !== act) {
        act = s.act;
        list = scenesOf(w, act);
        n = list.findIndex(([i]) => i > at) - 1;
        if (n < -1) break;
      }
    }
    if (!any) break;
  }
  ctx.actor = s.player;
}
