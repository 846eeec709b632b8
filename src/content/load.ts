// Reads content/ (YAML), validates each file against the schema and assembles the World.
// The only place that parses content files; errors name the file and the field.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import * as S from './schema.js';
import type { World, Room, Item, Character, Exit, Direction, Rule, Scene, Hint, StoryGrammar } from '../engine/types.js';
import { checkReferences } from './references.js';
import { makeGrammar, patternProblem } from '../parser/index.js';
import { STANDARD_RULE_NAMES } from '../engine/actions/index.js';

import { ContentError } from './errors.js';

export { ContentError };

interface Reader {
  problems: string[];
  root: string;
}

function readYaml(r: Reader, file: string): unknown {
  const rel = relative(r.root, file);
  let src: string;
  try {
    src = readFileSync(file, 'utf8');
  } catch (e) {
    r.problems.push(`${rel}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
    return undefined;
  }
  try {
    return parseYaml(src, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    r.problems.push(`${rel}: is not valid YAML: ${msg}`);
    return undefined;
  }
}

function validate<T>(r: Reader, file: string, schema: z.ZodType<T>, data: unknown): T | undefined {
  const res = schema.safeParse(data);
  if (res.success) return res.data;
  const rel = relative(r.root, file);
  for (const issue of res.error.issues.slice(0, 20)) {
    const field = issue.path.length ? issue.path.join('.') : '(top level)';
    r.problems.push(`${rel}: field "${field}": ${issue.message}`);
  }
  return undefined;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

function normaliseExit(e: z.infer<typeof S.exit>): Exit {
  return typeof e === 'string' ? { to: e } : (e as Exit);
}

/** What the story's files hold, gathered file by file, and where each id and verb key came from. */
interface Gathered {
  r: Reader;
  dir: string;
  rooms: Record<string, Room>;
  items: Record<string, Item>;
  characters: Record<string, Character>;
  /** Id -> the file that defined it, to report duplicates. */
  where: Map<string, string>;
  /**
   * Every verb a content rule is keyed by, with the file and key that name it: checked against
   * the grammar once it is known, so `look_behnd:` is an error rather than a rule that never fires.
   */
  verbKeys: { file: string; key: string; verb: string }[];
}

/** One top-level file, validated; a required one that is missing is a problem. */
function readFile<T>(r: Reader, name: string, schema: z.ZodType<T>, fallback: T, required: boolean): T {
  const f = join(r.root, name);
  if (!existsSync(f)) {
    if (required) r.problems.push(`${name}: is missing.`);
    return fallback;
  }
  return validate(r, f, schema, readYaml(r, f)) ?? fallback;
}

function noteVerbs(g: Gathered, file: string, at: string, m: Record<string, unknown> | undefined, skip: string[] = []): void {
  for (const verb of Object.keys(m ?? {})) if (!skip.includes(verb)) g.verbKeys.push({ file: relative(g.dir, file), key: `${at}.${verb}`, verb });
}

function claim(g: Gathered, idv: string, file: string): void {
  const prev = g.where.get(idv);
  if (prev) g.r.problems.push(`${relative(g.dir, file)}: id "${idv}" is already defined in ${prev}.`);
  g.where.set(idv, relative(g.dir, file));
}

function addItem(g: Gathered, idv: string, raw: z.infer<typeof S.item>, defaultLoc: string, file: string, at = idv): void {
  claim(g, idv, file);
  noteVerbs(g, file, `${at}.verbs`, raw.verbs);
  const it = { ...raw, id: idv, location: raw.location ?? defaultLoc } as Item;
  if (it.portable === undefined) it.portable = !it.scenery;
  g.items[idv] = it;
}

/** rooms/*.yaml: the rooms and the items defined inside them. */
function readRooms(g: Gathered): void {
  for (const f of yamlFiles(join(g.dir, 'rooms'))) {
    const data = validate(g.r, f, S.roomFile, readYaml(g.r, f));
    if (!data) continue;
    for (const [rid, raw] of Object.entries(data)) {
      claim(g, rid, f);
      const exits: Partial<Record<Direction, Exit>> = {};
      for (const [d, e] of Object.entries(raw.exits ?? {})) if (e) exits[d as Direction] = normaliseExit(e);
      const { items: inline, ...rest } = raw;
      g.rooms[rid] = { ...(rest as Omit<Room, 'id' | 'exits'>), id: rid, exits } as Room;
      noteVerbs(g, f, `${rid}.verbs`, raw.verbs);
      for (const [iid, it] of Object.entries(inline ?? {})) addItem(g, iid, it, rid, f, `${rid}.items.${iid}`);
    }
  }
}

/** items/*.yaml: items that start nowhere unless they say where. */
function readItems(g: Gathered): void {
  for (const f of yamlFiles(join(g.dir, 'items'))) {
    const data = validate(g.r, f, S.itemFile, readYaml(g.r, f));
    if (!data) continue;
    for (const [iid, it] of Object.entries(data)) addItem(g, iid, it, 'nowhere', f);
  }
}

type Extension = { file: string; ext: z.infer<typeof S.characterExtension> };

/** characters/*.yaml: each character with what they carry; extension files are put before their rules. */
function readCharacters(g: Gathered): void {
  const extensions: Extension[] = [];
  for (const f of yamlFiles(join(g.dir, 'characters'))) {
    const raw = readYaml(g.r, f);
    const isBase = raw !== null && typeof raw === 'object' && 'name' in (raw as object);
    if (isBase) readCharacter(g, f, raw);
    else {
      const ext = validate(g.r, f, S.characterExtension, raw);
      if (!ext) continue;
      extensions.push({ file: f, ext });
      noteVerbs(g, f, 'verbs', ext.verbs);
      noteVerbs(g, f, 'orders', ext.orders, ['default']);
    }
  }
  for (const e of extensions) extendCharacter(g, e);
}

function readCharacter(g: Gathered, f: string, raw: unknown): void {
  const c = validate(g.r, f, S.character, raw);
  if (!c) return;
  claim(g, c.id, f);
  noteVerbs(g, f, 'verbs', c.verbs);
  noteVerbs(g, f, 'orders', c.orders, ['default']);
  const { carries, ...rest } = c;
  g.characters[c.id] = rest as Character;
  for (const [iid, it] of Object.entries(carries ?? {})) addItem(g, iid, it, c.id, f, `carries.${iid}`);
}

/** An extension file's rules go before the character's own for the same key. */
function extendCharacter(g: Gathered, { file, ext }: Extension): void {
  const base = g.characters[ext.id];
  if (!base) {
    g.r.problems.push(`${relative(g.dir, file)}: field "id": no character "${ext.id}" to extend.`);
    return;
  }
  if (ext.talk) base.talk = [...ext.talk, ...(base.talk ?? [])];
  for (const key of ['ask', 'tell', 'orders', 'give', 'verbs'] as const) {
    const add = ext[key];
    if (!add) continue;
    const into = (base[key] ??= {});
    for (const [k, rs] of Object.entries(add)) into[k] = [...rs, ...(into[k] ?? [])];
  }
}

/** The lists in every file of a folder, one after another in file-name order (scenes, hints). */
function readLists<T>(r: Reader, sub: string, schema: z.ZodType<T[]>): T[] {
  const out: T[] = [];
  for (const f of yamlFiles(join(r.root, sub))) {
    const data = validate(r, f, schema, readYaml(r, f));
    if (data) out.push(...data);
  }
  return out;
}

function readPuzzles(r: Reader): World['puzzles'] {
  const puzzles: World['puzzles'] = {};
  for (const f of yamlFiles(join(r.root, 'puzzles'))) {
    const data = validate(r, f, S.puzzles, readYaml(r, f));
    if (data) for (const [pid, p] of Object.entries(data)) puzzles[pid] = { id: pid, ...p };
  }
  return puzzles;
}

/** A map of definitions by id, each given its id. */
function withIds<T extends object>(raw: Record<string, T>): Record<string, T & { id: string }> {
  const out: Record<string, T & { id: string }> = {};
  for (const [id, v] of Object.entries(raw)) out[id] = { id, ...v };
  return out;
}

export function loadContent(dir: string): World {
  const r: Reader = { problems: [], root: dir };
  const game = readFile(r, 'game.yaml', S.game, undefined as unknown as z.infer<typeof S.game>, true);
  const messages = readFile(r, 'messages.yaml', S.messages, {}, true);
  const help = readFile(r, 'help.yaml', S.messages, {}, true);
  const topicsRaw = readFile(r, 'topics.yaml', S.topics, {}, true);
  const verbs = readFile(r, 'verbs.yaml', S.verbs, {}, false) as Record<string, Rule[]>;
  const endingsRaw = readFile(r, 'endings.yaml', S.endings, {}, false);
  const grammarRaw = readFile(r, 'grammar.yaml', S.grammar, {}, false);

  const g: Gathered = { r, dir, rooms: {}, items: {}, characters: {}, where: new Map(), verbKeys: [] };
  if (existsSync(join(dir, 'verbs.yaml'))) noteVerbs(g, join(dir, 'verbs.yaml'), '(top level)', verbs);
  readRooms(g);
  readItems(g);
  readCharacters(g);
  const scenes = readLists(r, 'scenes', S.scenes) as Scene[];
  const puzzles = readPuzzles(r);
  const hints = readLists(r, 'hints', S.hints) as Hint[];

  const grammar = storyGrammar(r, grammarRaw, messages, help);
  const actions = makeGrammar(grammar.lines).actions;
  for (const { file, key, verb } of g.verbKeys) {
    if (!actions.has(verb)) r.problems.push(`${file}: field "${key}": no grammar line makes the action "${verb}" (add it to grammar.yaml, or fix the name).`);
  }
  if (r.problems.length) throw new ContentError(r.problems);

  const world: World = {
    game: game as World['game'],
    rooms: g.rooms,
    items: g.items,
    characters: g.characters,
    topics: withIds(topicsRaw) as World['topics'],
    scenes,
    endings: withIds(endingsRaw) as World['endings'],
    puzzles,
    hints,
    verbs,
    messages,
    help,
    grammar,
  };
  const refs = checkReferences(world);
  if (refs.errors.length) throw new ContentError(refs.errors);
  return world;
}

/**
 * grammar.yaml: each new verb's lines, usage, help and default replies (`verb.ID`,
 * `verb.ID.thing` in the messages), each synonym's lines, and the standard rules turned off.
 */
function storyGrammar(
  r: Reader, raw: z.infer<typeof S.grammar>, messages: Record<string, string>, help: Record<string, string>,
): StoryGrammar {
  const out: StoryGrammar = { lines: [], verbs: [], off: [] };
  const standard = makeGrammar().actions;
  const line = (verb: string, pattern: string, at: string) => {
    const problem = patternProblem(pattern);
    if (problem) r.problems.push(`grammar.yaml: field "${at}": the line "${pattern}" ${problem}.`);
    else out.lines.push({ verb, pattern: pattern.trim() });
  };
  for (const [id, v] of Object.entries(raw.verbs ?? {})) {
    if (standard.has(id)) {
      r.problems.push(`grammar.yaml: field "verbs.${id}": "${id}" is a standard action; add lines to it under synonyms.`);
      continue;
    }
    v.grammar.forEach((p, i) => line(id, p, `verbs.${id}.grammar.${i}`));
    const withThing = v.grammar.some((p) => /\b(NOUN|SECOND)\b/.test(p));
    const bare = v.grammar.some((p) => !/\b(NOUN|SECOND)\b/.test(p));
    if (withThing && !v.thing) r.problems.push(`grammar.yaml: field "verbs.${id}.thing": a line takes a NOUN, so the verb needs a reply for it.`);
    if (bare && !v.reply) r.problems.push(`grammar.yaml: field "verbs.${id}.reply": a line takes no NOUN, so the verb needs a reply without one.`);
    if (v.reply) messages[`verb.${id}`] = v.reply;
    if (v.thing) messages[`verb.${id}.thing`] = v.thing;
    if (v.person) messages[`verb.${id}.person`] = v.person;
    if (v.self) messages[`verb.${id}.self`] = v.self;
    help[id] = v.help;
    out.verbs.push({ id, usage: v.usage, ...(v.free ? { free: true } : {}), ...(v.topicThing ? { topicThing: true } : {}) });
  }
  const known = new Set([...standard, ...out.verbs.map((v) => v.id)]);
  for (const [verb, patterns] of Object.entries(raw.synonyms ?? {})) {
    if (!known.has(verb)) {
      r.problems.push(`grammar.yaml: field "synonyms.${verb}": there is no action "${verb}" to add lines to.`);
      continue;
    }
    patterns.forEach((p, i) => line(verb, p, `synonyms.${verb}.${i}`));
  }
  for (const [i, name] of (raw.off ?? []).entries()) {
    if (!STANDARD_RULE_NAMES.has(name)) r.problems.push(`grammar.yaml: field "off.${i}": there is no standard rule "${name}".`);
    else out.off.push(name);
  }
  return out;
}

export function contentName(file: string): string {
  return basename(file);
}
