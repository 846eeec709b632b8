// The shape of a save, as zod schemas: the one place the save's rules are written. zod/mini is
// zod's tree-shakable form: the same checks, issues and messages, and only what these schemas
// use goes into the game's bundle, so reading the autosave at start does not load all of zod.
import * as z from 'zod/mini';
import type { State } from '../engine/types.js';

/** The most undo entries accepted from a file (the game keeps UNDO_DEPTH). */
export const UNDO_READ_LIMIT = 200;

const id = z.string().check(z.minLength(1), z.maxLength(500));
const count = z.int().check(z.nonnegative());

export const stateSchema = z.object({
  seed: z.number(),
  rng: z.number(),
  turn: count,
  player: id,
  playable: z.array(id),
  act: z.int(),
  loc: z.record(z.string(), id),
  props: z.record(z.string(), z.array(z.string())),
  flags: z.record(z.string(), z.boolean()),
  counters: z.record(z.string(), z.number()),
  visited: z.record(z.string(), z.array(id)),
  seen: z.record(z.string(), z.array(z.string())),
  fired: z.array(z.string()),
  solved: z.array(z.string()),
  stability: z.number(),
  focus: z.number(),
  memories: z.array(z.string()),
  ending: z.nullable(id),
  pronouns: z.object({ it: z.optional(id), them: z.optional(id), him: z.optional(id), her: z.optional(id) }),
  hintsTaken: z.record(z.string(), count),
  verbosity: z.enum(['verbose', 'brief', 'superbrief']),
  pending: z.nullable(z.object({
    kind: z.enum(['which', 'what']),
    verb: z.string(),
    slot: z.enum(['dobj', 'iobj']),
    command: z.unknown(),
    candidates: z.optional(z.array(id)),
  })),
  lastInput: z.nullable(z.string()),
  oops: z.nullable(z.object({ input: z.string(), word: z.string() })),
});

// The rules and the engine's State must agree: this fails to compile when they drift apart.
type Parsed = z.infer<typeof stateSchema>;
export const parsedIsState = (p: Parsed): State => p as State & Parsed;

export const summarySchema = z.object({
  character: z.string(),
  characterName: z.string(),
  place: z.string(),
  placeName: z.string(),
  turn: count,
});

/** The document as it lies on disk at SAVE_FORMAT (undo still as deltas). */
export const diskDocSchema = z.object({
  format: z.int(),
  gameVersion: z.string(),
  contentVersion: z.string(),
  savedAt: z.iso.datetime({ offset: true }),
  summary: summarySchema,
  state: stateSchema,
  undo: z.array(z.unknown()).check(z.maxLength(UNDO_READ_LIMIT)),
});
