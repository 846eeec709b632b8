// Zod schemas for the content files: what a writer may put in content/, checked field by field.
import { z } from 'zod';
import type { Condition } from '../engine/types.js';

const id = z.string().regex(/^[a-z0-9_]+$/, 'ids are snake_case: letters, digits and _');
const ids = z.union([id, z.array(id)]);
const strs = z.union([z.string(), z.array(z.string())]);

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.strictObject({
    flag: ids.optional(),
    notFlag: ids.optional(),
    player: ids.optional(),
    here: ids.optional(),
    region: ids.optional(),
    has: ids.optional(),
    notHas: ids.optional(),
    itemIn: z.record(id, id).optional(),
    charIn: z.record(id, id).optional(),
    together: z.array(id).optional(),
    act: z.union([z.number().int(), z.array(z.number().int())]).optional(),
    actAtLeast: z.number().int().optional(),
    stabilityBelow: z.number().optional(),
    stabilityAtLeast: z.number().optional(),
    focusBelow: z.number().optional(),
    focusAtLeast: z.number().optional(),
    counterAtLeast: z.record(id, z.number()).optional(),
    visited: id.optional(),
    seen: id.optional(),
    prop: z.record(id, z.string()).optional(),
    notProp: z.record(id, z.string()).optional(),
    any: z.array(condition).optional(),
    not: condition.optional(),
  }),
);

export const effect = z.union([
  z.strictObject({ say: z.string() }),
  z.strictObject({ set: ids }),
  z.strictObject({ clear: ids }),
  z.strictObject({ count: id, by: z.number().optional() }),
  z.strictObject({ move: id, to: id }),
  z.strictObject({ moveTo: id }),
  z.strictObject({ setProp: id, prop: z.string() }),
  z.strictObject({ clearProp: id, prop: z.string() }),
  z.strictObject({ stability: z.number() }),
  z.strictObject({ setStability: z.number() }),
  z.strictObject({ focus: z.number() }),
  z.strictObject({ act: z.number().int() }),
  z.strictObject({ playable: z.array(id) }),
  z.strictObject({ switchTo: id }),
  z.strictObject({ glitch: z.number().min(0).max(1), text: z.string().optional() }),
  z.strictObject({ solve: id }),
  z.strictObject({ ending: id }),
  z.strictObject({ memory: z.string() }),
]);

export const text = z.union([
  z.string(),
  z.array(z.strictObject({ if: condition.optional(), text: z.string() })),
]);

export const rule = z.strictObject({
  if: condition.optional(),
  say: z.string().optional(),
  do: z.array(effect).optional(),
  instead: z.boolean().optional(),
  stage: z.enum(['instead', 'check', 'after']).optional(),
  obey: z.boolean().optional(),
  once: z.boolean().optional(),
  id: id.optional(),
  with: id.optional(),
  topic: strs.optional(),
});
const rules = z.array(rule);
const ruleMap = z.record(z.string(), rules);

const direction = z.enum([
  'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'up', 'down', 'in', 'out',
]);

export const exit = z.union([
  id,
  z.strictObject({
    to: id,
    door: id.optional(),
    if: condition.optional(),
    blocked: text.optional(),
    say: text.optional(),
    hidden: z.boolean().optional(),
  }),
]);

export const item = z.strictObject({
  name: z.string().min(1),
  words: z.array(z.string().min(1)).min(1),
  adjectives: z.array(z.string()).optional(),
  plural: z.boolean().optional(),
  proper: z.boolean().optional(),
  description: text,
  location: id.optional(),
  portable: z.boolean().optional(),
  scenery: z.boolean().optional(),
  container: z.boolean().optional(),
  supporter: z.boolean().optional(),
  openable: z.boolean().optional(),
  lockable: z.boolean().optional(),
  key: id.optional(),
  wearable: z.boolean().optional(),
  edible: z.boolean().optional(),
  drinkable: z.boolean().optional(),
  lightable: z.boolean().optional(),
  readable: text.optional(),
  props: z.array(z.string()).optional(),
  initial: text.optional(),
  verbs: ruleMap.optional(),
  visibleTo: z.array(id).optional(),
  if: condition.optional(),
  unlikely: condition.optional(),
  /** Entering, climbing or crossing it is going this way (a bridge over a brook). */
  way: direction.optional(),
  /** Words told or said to it are heard by this character, while `if` holds and they are here (the Specter is made of Leo). */
  heardBy: z.strictObject({ character: id, if: condition.optional() }).optional(),
});

export const room = z.strictObject({
  name: z.string().min(1),
  /** Other names a player may call it by (GO TO LEO'S ROOM for the bedroom at bedtime). */
  names: z.array(z.string().min(1)).optional(),
  region: id,
  description: text,
  brief: text.optional(),
  exits: z.partialRecord(direction, exit).optional(),
  dark: z.boolean().optional(),
  onEnter: rules.optional(),
  verbs: ruleMap.optional(),
  scenery: z.array(z.strictObject({ words: z.array(z.string().min(1)).min(1), text })).optional(),
  map: z.strictObject({ x: z.number(), y: z.number() }).optional(),
  items: z.record(id, item).optional(),
  unimportant: z.array(z.string().min(1)).optional(),
  /** Ids renamed since an earlier version of the story (old -> new): older saves are migrated. */
  renamed: z.record(id, id).optional(),
});

export const roomFile = z.record(id, room);

const ruleMaps = {
  talk: rules.optional(),
  ask: ruleMap.optional(),
  tell: ruleMap.optional(),
  orders: ruleMap.optional(),
  give: ruleMap.optional(),
  verbs: ruleMap.optional(),
};

export const character = z.strictObject({
  id,
  name: z.string().min(1),
  words: z.array(z.string().min(1)).min(1),
  adjectives: z.array(z.string()).optional(),
  pronoun: z.enum(['he', 'she', 'they']),
  description: text,
  location: id,
  presence: text.optional(),
  invisibleTo: z.strictObject({ who: z.array(id), if: condition.optional() }).optional(),
  carries: z.record(id, item).optional(),
  ...ruleMaps,
});

export const characterExtension = z.strictObject({ id, ...ruleMaps });

export const scene = z.strictObject({
  id,
  if: condition,
  do: z.array(effect).optional(),
  /** Variants by condition, as any text (who is playing, often). */
  say: text.optional(),
  once: z.boolean().optional(),
});

export const game = z.strictObject({
  title: z.string(),
  version: z.string(),
  start: z.strictObject({ player: id, act: z.number().int(), stability: z.number(), focus: z.number() }),
  focusCharacter: id.optional(),
  intro: z.string(),
  acts: z.array(z.strictObject({ id: z.number().int(), name: z.string(), playable: z.array(id) })).min(1),
  unimportant: z.array(z.string().min(1)).optional(),
  bodyParts: z.array(z.string().min(1)).optional(),
  everyone: z.array(z.string().min(1)).optional(),
  greetings: z.array(z.string().min(1)).optional(),
  askedAbout: z.array(z.string().min(1)).optional(),
  saidAsVerb: z.array(z.string().min(1)).optional(),
});

export const topics = z.record(id, z.strictObject({ name: z.string(), words: z.array(z.string().min(1)).min(1) }));
export const puzzles = z.record(id, z.strictObject({ name: z.string(), points: z.number().int().min(0), act: z.number().int() }));
export const endings = z.record(
  id,
  z.strictObject({
    title: z.string(),
    kind: z.enum(['balance', 'good', 'bittersweet', 'lost', 'failure']),
    /** Variants by condition, as any text: one ending can be reached for different reasons. */
    text,
  }),
);
export const hints = z.array(z.strictObject({ id, if: condition, hints: z.array(z.string()).min(1) }));
export const verbs = ruleMap;
export const messages = z.record(z.string(), z.string());
export const scenes = z.array(scene);
export const itemFile = z.record(id, item);

/** content/grammar.yaml: new verbs, new ways to say existing ones, standard rules turned off. */
export const grammar = z.strictObject({
  verbs: z.record(id, z.strictObject({
    usage: z.string().min(1),
    grammar: z.array(z.string().min(1)).min(1),
    help: z.string().min(1),
    /** The reply with no object, and with one ({thing}, {name}), when no rule says otherwise. */
    reply: z.string().min(1).optional(),
    thing: z.string().min(1).optional(),
    /** The reply with a person ({name}), when it differs from the one with a thing. */
    person: z.string().min(1).optional(),
    /** The reply when the thing is the one acting (FOLLOW ME); else messages.yaml's `verb.self`. */
    self: z.string().min(1).optional(),
    /** Takes no time in the story (like look and examine). */
    free: z.boolean().optional(),
    /** Its free words may name a thing here with a rule for the verb: `draw route` by the map draws on the map. */
    topicThing: z.boolean().optional(),
  })).optional(),
  synonyms: z.record(id, z.array(z.string().min(1)).min(1)).optional(),
  off: z.array(z.string().min(1)).optional(),
});
