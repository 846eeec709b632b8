// Standard actions on things: taking, dropping, putting, giving, opening, locking, wearing,
// eating and drinking, lighting. Each is named check rules, carry-out rules and report rules
// (see actions.ts), written for any actor, so an order runs the same rules for the one ordered.
import type { Id, Item } from '../types.js';
import { type Ctx, msg, own, ownEntry, theName, bareName, capitalise } from '../context.js';
import { runRules } from '../effects.js';
import { describeContentsOf } from '../describe.js';
import { carries, hasProp, roomOf } from '../world-query.js';
import { answeredUnseen } from './people.js';
import { defineAction, type ActionDef, type StepRule, type ThingAct, type PairAct, type AnyAction } from './pipeline.js';

export const isChar = (ctx: Ctx, id: Id | undefined): id is Id => id !== undefined && Object.hasOwn(ctx.w.characters, id);
export const isScenery = (id: Id | undefined): boolean => id !== undefined && id.startsWith('@');
const itemOf = (ctx: Ctx, id: Id): Item | undefined => (Object.hasOwn(ctx.w.items, id) ? ctx.w.items[id] : undefined);

export const addProp = (ctx: Ctx, id: Id, p: string): void => {
  if (!(ctx.s.props[id] ?? []).includes(p)) ownEntry(ctx, 'props', id).push(p);
};
export const dropProp = (ctx: Ctx, id: Id, p: string): void => {
  own(ctx, 'props')[id] = (ctx.s.props[id] ?? []).filter((x) => x !== p);
};
/** "The brass key", for the start of a sentence. */
export const T = (ctx: Ctx, id: Id): string => capitalise(theName(ctx.w, id));
const thing = (ctx: Ctx, id: Id) => ({ thing: theName(ctx.w, id) });
const held = (ctx: Ctx, id: Id) => carries(ctx.s, ctx.actor, id);
const heldByOther = (ctx: Ctx, id: Id): Id | undefined =>
  Object.keys(ctx.w.characters).find((c) => c !== ctx.actor && carries(ctx.s, c, id));

/** A check rule: when `fails` holds, `say` explains and the action stops. */
function check(name: string, fails: (ctx: Ctx, a: ThingAct) => boolean, sayWhy: (ctx: Ctx, a: ThingAct) => void): StepRule<ThingAct> {
  return { name, run: (ctx, a) => (fails(ctx, a) ? (sayWhy(ctx, a), true) : false) };
}
/** A check rule of an action on two things. */
function checkPair(name: string, fails: (ctx: Ctx, a: PairAct) => boolean, sayWhy: (ctx: Ctx, a: PairAct) => void): StepRule<PairAct> {
  return { name, run: (ctx, a) => (fails(ctx, a) ? (sayWhy(ctx, a), true) : false) };
}
function rule(name: string, run: (ctx: Ctx, a: ThingAct) => void): StepRule<ThingAct> {
  return { name, run: (ctx, a) => void run(ctx, a) };
}
function rulePair(name: string, run: (ctx: Ctx, a: PairAct) => void): StepRule<PairAct> {
  return { name, run: (ctx, a) => void run(ctx, a) };
}

/** Things held and not worn: what `drop all`, `put all in`, `give all` mean. */
const heldNotWorn = (ctx: Ctx, id: Id) => ctx.s.loc[id] === ctx.actor && !hasProp(ctx.s, id, 'worn');
const mustHold = (verb: string, message: string) =>
  check(`${verb}.check.held`, (ctx, a) => !held(ctx, a.dobj), (ctx, a) => msg(ctx, message, thing(ctx, a.dobj)));

const take = defineAction({
  id: 'take',
  objects: 'one',
  all: (ctx, id) => !held(ctx, id) && !!itemOf(ctx, id)?.portable && !heldByOther(ctx, id),
  // `take leaf` means the loose leaf, not the trees' leaves: what can be carried and is not yet.
  prefer: (ctx, id) => !held(ctx, id) && !!itemOf(ctx, id)?.portable,
  check: [
    check('take.check.self', (ctx, a) => a.dobj === ctx.actor, (ctx) => msg(ctx, 'take.self')),
    check('take.check.person', (ctx, a) => isChar(ctx, a.dobj), (ctx, a) => msg(ctx, 'take.person', { name: bareName(ctx.w, a.dobj) })),
    check('take.check.scenery', (_ctx, a) => isScenery(a.dobj), (ctx) => msg(ctx, 'take.scenery')),
    check('take.check.already', (ctx, a) => ctx.s.loc[a.dobj] === ctx.actor, (ctx, a) => msg(ctx, 'take.already', thing(ctx, a.dobj))),
    check('take.check.other_holder', (ctx, a) => heldByOther(ctx, a.dobj) !== undefined, (ctx, a) => {
      const owner = heldByOther(ctx, a.dobj) ?? '';
      msg(ctx, 'take.held', { name: bareName(ctx.w, owner), ...thing(ctx, a.dobj) });
    }),
    check('take.check.portable', (ctx, a) => !itemOf(ctx, a.dobj)?.portable,
      (ctx, a) => msg(ctx, itemOf(ctx, a.dobj)?.scenery ? 'take.scenery' : 'take.fixed', thing(ctx, a.dobj))),
  ],
  carryOut: [rule('take.carry_out', (ctx, a) => {
    own(ctx, 'loc')[a.dobj] = ctx.actor;
    addProp(ctx, a.dobj, 'handled');
  })],
  report: [rule('take.report', (ctx, a) => msg(ctx, 'take.ok', thing(ctx, a.dobj)))],
});

const drop = defineAction({
  id: 'drop',
  objects: 'one',
  all: heldNotWorn,
  prefer: (ctx, id) => held(ctx, id),
  check: [mustHold('drop', 'drop.not_held')],
  carryOut: [rule('drop.carry_out', (ctx, a) => {
    if (hasProp(ctx.s, a.dobj, 'worn')) dropProp(ctx, a.dobj, 'worn');
    own(ctx, 'loc')[a.dobj] = roomOf(ctx.s, ctx.actor);
  })],
  report: [rule('drop.report', (ctx, a) => msg(ctx, 'drop.ok', thing(ctx, a.dobj)))],
});

function putting(on: boolean): ActionDef<'two'> {
  const id = on ? 'put_on' : 'put_in';
  const fits = (ctx: Ctx, into: Id) => {
    const target = itemOf(ctx, into);
    return !!target && (on ? !!target.supporter : !!target.container);
  };
  return defineAction({
    id,
    objects: 'two',
    all: heldNotWorn,
    prefer: (ctx, x) => held(ctx, x),
    check: [
      checkPair(`${id}.check.held`, (ctx, a) => !held(ctx, a.dobj), (ctx, a) => msg(ctx, 'put.not_held', thing(ctx, a.dobj))),
      checkPair(`${id}.check.itself`, (_ctx, a) => a.dobj === a.iobj, (ctx) => msg(ctx, 'put.itself')),
      checkPair(`${id}.check.target`, (ctx, a) => !fits(ctx, a.iobj),
        (ctx, a) => msg(ctx, on ? 'put.not_supporter' : 'put.not_container', thing(ctx, a.iobj))),
      checkPair(`${id}.check.closed`, (ctx, a) => !on && !!itemOf(ctx, a.iobj)?.openable && !hasProp(ctx.s, a.iobj, 'open'),
        (ctx, a) => msg(ctx, 'put.closed', { thing: T(ctx, a.iobj) })),
    ],
    carryOut: [rulePair(`${id}.carry_out`, (ctx, a) => {
      if (hasProp(ctx.s, a.dobj, 'worn')) dropProp(ctx, a.dobj, 'worn');
      own(ctx, 'loc')[a.dobj] = a.iobj;
    })],
    report: [rulePair(`${id}.report`, (ctx, a) =>
      msg(ctx, on ? 'put.on_ok' : 'put.in_ok', { ...thing(ctx, a.dobj), target: theName(ctx.w, a.iobj) }))],
  });
}

const give = defineAction({
  id: 'give',
  objects: 'two',
  all: heldNotWorn,
  prefer: (ctx, id) => held(ctx, id),
  check: [
    checkPair('give.check.held', (ctx, a) => !held(ctx, a.dobj), (ctx, a) => msg(ctx, 'give.not_held', thing(ctx, a.dobj))),
    checkPair('give.check.self', (ctx, a) => a.iobj === ctx.actor, (ctx) => msg(ctx, 'give.self')),
    checkPair('give.check.person', (ctx, a) => !isChar(ctx, a.iobj), (ctx, a) => msg(ctx, 'give.not_person', thing(ctx, a.iobj))),
    {
      // The one given to has the last word: their `give` rules (content) may refuse or answer.
      name: 'give.check.recipient',
      run: (ctx, a) => {
        const ch = ctx.w.characters[a.iobj];
        if (!ch) return false;
        if (answeredUnseen(ctx, ch, ch.give?.unseen, `${a.iobj}.give.unseen`, 'give.unseen')) return true;
        if (runRules(ctx, ch.give?.[a.dobj], `${a.iobj}.give.${a.dobj}`).matched) return true;
        return runRules(ctx, ch.give?.default, `${a.iobj}.give.default`).matched;
      },
    },
  ],
  carryOut: [rulePair('give.carry_out', (ctx, a) => {
    if (hasProp(ctx.s, a.dobj, 'worn')) dropProp(ctx, a.dobj, 'worn');
    own(ctx, 'loc')[a.dobj] = a.iobj;
  })],
  report: [rulePair('give.report', (ctx, a) => msg(ctx, 'give.ok', { name: bareName(ctx.w, a.iobj), ...thing(ctx, a.dobj) }))],
});

/**
 * An action that sets or clears one property of a thing that has the ability: open/close
 * (`open`, for what is openable), light/extinguish (`lit`, for what is lightable).
 */
function toggling(spec: {
  id: string; prop: string; on: boolean; able: (it: Item) => boolean; cannot: string; already: string;
  extra?: StepRule<ThingAct>[]; after?: (ctx: Ctx, a: ThingAct) => void;
}): ActionDef<'one'> {
  const { id, prop, on, able } = spec;
  const can = (ctx: Ctx, x: Id) => { const it = itemOf(ctx, x); return !!it && able(it); };
  return defineAction({
    id,
    objects: 'one',
    prefer: (ctx, x) => can(ctx, x) && hasProp(ctx.s, x, prop) !== on,
    check: [
      check(`${id}.check.${prop === 'open' ? 'openable' : 'lightable'}`, (ctx, a) => !can(ctx, a.dobj), (ctx, a) => msg(ctx, spec.cannot, thing(ctx, a.dobj))),
      ...(spec.extra ?? []),
      check(`${id}.check.already`, (ctx, a) => on === hasProp(ctx.s, a.dobj, prop), (ctx, a) => msg(ctx, spec.already, { thing: T(ctx, a.dobj) })),
    ],
    carryOut: [rule(`${id}.carry_out`, (ctx, a) => (on ? addProp(ctx, a.dobj, prop) : dropProp(ctx, a.dobj, prop)))],
    report: [rule(`${id}.report`, (ctx, a) => {
      msg(ctx, `${id}.ok`, thing(ctx, a.dobj));
      spec.after?.(ctx, a);
    })],
  });
}

const opening = (open: boolean) => toggling({
  id: open ? 'open' : 'close', prop: 'open', on: open, able: (it) => !!it.openable,
  cannot: open ? 'open.cannot' : 'close.cannot', already: open ? 'open.already' : 'close.already',
  extra: open ? [check('open.check.locked', (ctx, a) => hasProp(ctx.s, a.dobj, 'locked'), (ctx, a) => msg(ctx, 'open.locked', { thing: T(ctx, a.dobj) }))] : [],
  after: (ctx, a) => { if (open && itemOf(ctx, a.dobj)?.container) describeContentsOf(ctx, a.dobj); },
});

const lighting = (on: boolean) => toggling({
  id: on ? 'light' : 'extinguish', prop: 'lit', on, able: (it) => !!it.lightable,
  cannot: on ? 'light.cannot' : 'extinguish.cannot', already: on ? 'light.already' : 'extinguish.already',
});

/** The key for `lock X` / `unlock X with Y`: the one named, else the right one if carried. */
function keyFor(ctx: Ctx, a: ThingAct): Id | undefined {
  const k = itemOf(ctx, a.dobj)?.key;
  return a.iobj ?? (k && held(ctx, k) ? k : undefined);
}

function locking(lock: boolean): ActionDef<'one'> {
  const id = lock ? 'lock' : 'unlock';
  return defineAction({
    id,
    objects: 'one',
    check: [
      check(`${id}.check.lockable`, (ctx, a) => !itemOf(ctx, a.dobj)?.lockable, (ctx, a) => msg(ctx, 'lock.cannot', thing(ctx, a.dobj))),
      check(`${id}.check.already`, (ctx, a) => lock === hasProp(ctx.s, a.dobj, 'locked'),
        (ctx, a) => msg(ctx, lock ? 'lock.already' : 'unlock.already', { thing: T(ctx, a.dobj) })),
      check(`${id}.check.closed`, (ctx, a) => lock && hasProp(ctx.s, a.dobj, 'open'), (ctx, a) => msg(ctx, 'lock.open_first', { thing: T(ctx, a.dobj) })),
      check(`${id}.check.key`, (ctx, a) => keyFor(ctx, a) === undefined, (ctx, a) => msg(ctx, 'unlock.need_key', thing(ctx, a.dobj))),
      check(`${id}.check.key_held`, (ctx, a) => !held(ctx, keyFor(ctx, a) ?? ''), (ctx, a) => msg(ctx, 'put.not_held', thing(ctx, keyFor(ctx, a) ?? ''))),
      check(`${id}.check.right_key`, (ctx, a) => keyFor(ctx, a) !== itemOf(ctx, a.dobj)?.key,
        (ctx, a) => msg(ctx, 'unlock.wrong_key', { key: theName(ctx.w, keyFor(ctx, a) ?? ''), ...thing(ctx, a.dobj) })),
    ],
    carryOut: [rule(`${id}.carry_out`, (ctx, a) => (lock ? addProp(ctx, a.dobj, 'locked') : dropProp(ctx, a.dobj, 'locked')))],
    report: [rule(`${id}.report`, (ctx, a) => msg(ctx, lock ? 'lock.ok' : 'unlock.ok', { ...thing(ctx, a.dobj), key: theName(ctx.w, keyFor(ctx, a) ?? '') }))],
  });
}

/** Wearing or eating what is not yet held picks it up first, and says so. */
function takeFirst(ctx: Ctx, id: Id): void {
  if (held(ctx, id)) return;
  own(ctx, 'loc')[id] = ctx.actor;
  addProp(ctx, id, 'handled');
  msg(ctx, 'implicit.take', thing(ctx, id));
}

const wear = defineAction({
  id: 'wear',
  objects: 'one',
  prefer: (ctx, id) => !!itemOf(ctx, id)?.wearable && !hasProp(ctx.s, id, 'worn'),
  check: [
    check('wear.check.wearable', (ctx, a) => !itemOf(ctx, a.dobj)?.wearable, (ctx, a) => msg(ctx, 'wear.cannot', thing(ctx, a.dobj))),
    check('wear.check.already', (ctx, a) => hasProp(ctx.s, a.dobj, 'worn') && held(ctx, a.dobj), (ctx, a) => msg(ctx, 'wear.already', thing(ctx, a.dobj))),
    check('wear.check.portable', (ctx, a) => !held(ctx, a.dobj) && !itemOf(ctx, a.dobj)?.portable, (ctx, a) => msg(ctx, 'take.fixed', thing(ctx, a.dobj))),
  ],
  carryOut: [rule('wear.carry_out', (ctx, a) => {
    takeFirst(ctx, a.dobj);
    addProp(ctx, a.dobj, 'worn');
  })],
  report: [rule('wear.report', (ctx, a) => msg(ctx, 'wear.ok', thing(ctx, a.dobj)))],
});

const remove = defineAction({
  id: 'remove',
  objects: 'one',
  prefer: (ctx, id) => hasProp(ctx.s, id, 'worn') && held(ctx, id),
  check: [
    // `take off coat` where the coat is a word of the person wearing it: what they have on stays on.
    check('remove.check.person', (ctx, a) => Object.hasOwn(ctx.w.characters, a.dobj),
      (ctx, a) => msg(ctx, a.dobj === ctx.actor ? 'remove.self' : 'remove.person', { name: bareName(ctx.w, a.dobj) })),
    check('remove.check.worn', (ctx, a) => !hasProp(ctx.s, a.dobj, 'worn') || !held(ctx, a.dobj),
      (ctx, a) => msg(ctx, 'remove.not_worn', thing(ctx, a.dobj))),
  ],
  carryOut: [rule('remove.carry_out', (ctx, a) => dropProp(ctx, a.dobj, 'worn'))],
  report: [rule('remove.report', (ctx, a) => msg(ctx, 'remove.ok', thing(ctx, a.dobj)))],
});

function consuming(kind: 'eat' | 'drink'): ActionDef<'one'> {
  const can = (it: Item | undefined) => !!it && (kind === 'eat' ? !!it.edible : !!it.drinkable);
  return defineAction({
    id: kind,
    objects: 'one',
    prefer: (ctx, id) => can(itemOf(ctx, id)),
    check: [
      check(`${kind}.check.person`, (ctx, a) => isChar(ctx, a.dobj), (ctx, a) => msg(ctx, `${kind}.person`, { name: bareName(ctx.w, a.dobj) })),
      check(`${kind}.check.${kind === 'eat' ? 'edible' : 'drinkable'}`, (ctx, a) => !can(itemOf(ctx, a.dobj)),
        (ctx, a) => msg(ctx, `${kind}.cannot`, thing(ctx, a.dobj))),
    ],
    carryOut: [rule(`${kind}.carry_out`, (ctx, a) => {
      if (itemOf(ctx, a.dobj)?.portable) takeFirst(ctx, a.dobj);
      own(ctx, 'loc')[a.dobj] = 'nowhere';
    })],
    report: [rule(`${kind}.report`, (ctx, a) => msg(ctx, `${kind}.ok`, thing(ctx, a.dobj)))],
  });
}

const throwing = defineAction({
  id: 'throw',
  objects: 'one',
  prefer: (ctx, id) => held(ctx, id),
  check: [mustHold('throw', 'drop.not_held')],
  carryOut: [rule('throw.carry_out', (ctx, a) => {
    if (hasProp(ctx.s, a.dobj, 'worn')) dropProp(ctx, a.dobj, 'worn');
    own(ctx, 'loc')[a.dobj] = roomOf(ctx.s, ctx.actor);
  })],
  report: [rule('throw.report', (ctx, a) => msg(ctx, 'throw.default', thing(ctx, a.dobj)))],
});

/** Pushing or pulling a person, or a thing in your own hands, is its own reply; otherwise the verb's default. */
function handling(id: 'push' | 'pull' | 'turn' | 'use', reply: string): ActionDef<'one'> {
  const shoves = id === 'push' || id === 'pull';
  const replyFor = (ctx: Ctx, d: Id) => (shoves && isChar(ctx, d) ? 'push.person' : shoves && held(ctx, d) ? `${id}.held` : reply);
  return defineAction({
    id,
    objects: 'one',
    report: [rule(`${id}.report`, (ctx, a) => msg(ctx, replyFor(ctx, a.dobj), { ...thing(ctx, a.dobj), name: bareName(ctx.w, a.dobj) }))],
  });
}

const show = defineAction({
  id: 'show',
  objects: 'two',
  // A person looks ("Mia looks at…"); a thing, even one that talks, is only shown it, with its article.
  report: [rulePair('show.report', (ctx, a) => isChar(ctx, a.iobj)
    ? msg(ctx, 'show.default', { name: bareName(ctx.w, a.iobj), ...thing(ctx, a.dobj) })
    : msg(ctx, 'show.object', { name: theName(ctx.w, a.iobj), ...thing(ctx, a.dobj) }))],
});

export const THING_ACTIONS: readonly AnyAction[] = [
  take, drop, putting(false), putting(true), give, show, throwing,
  opening(true), opening(false), locking(true), locking(false),
  wear, remove, consuming('eat'), consuming('drink'), lighting(true), lighting(false),
  handling('push', 'push.default'), handling('pull', 'pull.default'), handling('turn', 'turn.default'), handling('use', 'use.default'),
];
