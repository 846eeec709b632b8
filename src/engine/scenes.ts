// The story's clock: after a turn that took time, the turn count moves and scenes may fire.
import { type Ctx, ownList, say } from './context.js';
import { holds, inAct, textOf } from './conditions.js';
import { applyEffects } from './effects.js';

/** After a turn that took time: the clock moves and the story's scenes get their chance. */
export function afterTurn(ctx: Ctx): void {
  ctx.s.turn++;
  runScenes(ctx);
}

/** Fires every scene whose condition holds, in order, until none is left to fire (at most 4 passes). */
export function runScenes(ctx: Ctx): void {
  const { w, s } = ctx;
  const firedNow = new Set<string>();
  for (let pass = 0; pass < 4; pass++) {
    let any = false;
    for (const sc of w.scenes) {
      if (s.ending) return;
      if (firedNow.has(sc.id)) continue;
      // A scene of another act cannot fire (holds would say so too, after the fired list).
      if (!inAct(sc.if, s)) continue;
      const once = sc.once !== false;
      if (once && s.fired.includes(sc.id)) continue;
      ctx.actor = s.player;
      if (!holds(w, s, sc.if, s.player)) continue;
      firedNow.add(sc.id);
      if (once) ownList(ctx, 'fired').push(sc.id);
      any = true;
      ctx.out.push({ type: 'scene', id: sc.id });
      if (sc.say) say(ctx, textOf(w, s, sc.say, s.player));
      applyEffects(ctx, sc.do);
    }
    if (!any) break;
  }
  ctx.actor = s.player;
}
