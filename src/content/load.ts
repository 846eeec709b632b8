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

export function loadContent(dir: string): World {
  const r: Reader = { problems: [], root: dir };
  const need = (name: string) => {
    const f = join(dir, name);
    if (!existsSync(f)) r.problems.push(`${name}: is missing.`);
    return f;
  };
  const one = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    const f = need(name);
    if (!existsSync(f)) return fallback;
    return validate(r, f, schema, readYaml(r, f)) ?? fallback;
  };
  const optional = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    const f = join(dir, name);
    if (!existsSync(f)) return fallback;
    return validate(r, f, schema, readYaml(r, f)) ?? fallback;
  };

  const game = one('game.yaml', S.game, undefined as unknown as z.infer<typeof S.game>);
  const messages = one('messages.yaml', S.messages, {});
  const help = one('help.yaml', S.messages, {});
  const topicsRaw = one('topics.yaml', S.topics, {});
  const verbs = optional('verbs.yaml', S.verbs, {}) as Record<string, Rule[]>;
  const endingsRaw = optional('endings.yaml', S.endings, {});
  const grammarRaw = optional('grammar.yaml', S.grammar, {});

  // Every verb a content rule is keyed by, with the file and key that name it: checked against
  // the grammar once it is known, so `look_behnd:` is an error rather than a rule that never fires.
  const verbKeys: { file: string; key: string; verb: string }[] = [];
  const noteVerbs = (file: string, at: string, m: Record<string, unknown> | undefined, skip: string[] = []) => {
    for (const verb of Object.keys(m ?? {})) if (!skip.includes(verb)) verbKeys.push({ file: relative(dir, file), key: `${at}.${verb}`, verb });
  };
  if (existsSync(join(dir, 'verbs.yaml'))) noteVerbs(join(dir, 'verbs.yaml'), '(top level)', verbs);

  const rooms: Record<string, Room> = {};
  const items: Record<string, Item> = {};
  const characters: Record<string, Character> = {};
  const where = new Map<string, string>(); // id -> file, to report duplicates

  const claim = (idv: string, file: string) => {
    const prev = where.get(idv);
    if (prev) r.problems.push(`${relative(dir, file)}: id "${idv}" is already defined in ${prev}.`);
    where.set(idv, relative(dir, file));
  };

  const addItem = (idv: string, raw: z.infer<typeof S.item>, defaultLoc: string, file: string, at = idv) => {
    claim(idv, file);
    noteVerbs(file, `${at}.verbs`, raw.verbs);
    const it = { ...raw, id: idv, location: raw.location ?? defaultLoc } as Item;
    if (it.portable === undefined) it.portable = !it.scenery;
    items[idv] = it;
  };

  for (const f of yamlFiles(join(dir, 'rooms'))) {
    const data = validate(r, f, S.roomFile, readYaml(r, f));
    if (!data) continue;
    for (const [rid, raw] of Object.entries(data)) {
      claim(rid, f);
      const exits: Partial<Record<Direction, Exit>> = {};
      for (const [d, e] of Object.entries(raw.exits ?? {})) if (e) exits[d as Direction] = normaliseExit(e);
      const { items: inline, ...rest } = raw;
      rooms[rid] = { ...(rest as Omit<Room, 'id' | 'exits'>), id: rid, exits } as Room;
      noteVerbs(f, `${rid}.verbs`, raw.verbs);
      for (const [iid, it] of Object.entries(inline ?? {})) addItem(iid, it, rid, f, `${rid}.items.${iid}`);
    }
  }

  for (const f of yamlFiles(join(dir, 'items'))) {
    const data = validate(r, f, S.itemFile, readYaml(r, f));
    if (!data) continue;
    for (const [iid, it] of Object.entries(data)) addItem(iid, it, 'nowhere', f);
  }

  const extensions: { file: string; ext: z.infer<typeof S.characterExtension> }[] = [];
  for (const f of yamlFiles(join(dir, 'characters'))) {
    const raw = readYaml(r, f);
    const isBase = raw !== null && typeof raw === 'object' && 'name' in (raw as object);
    if (!isBase) {
      const ext = validate(r, f, S.characterExtension, raw);
      if (ext) {
        extensions.push({ file: f, ext });
        noteVerbs(f, 'verbs', ext.verbs);
        noteVerbs(f, 'orders', ext.orders, ['default']);
      }
      continue;
    }
    const c = validate(r, f, S.character, raw);
    if (!c) continue;
    claim(c.id, f);
    noteVerbs(f, 'verbs', c.verbs);
    noteVerbs(f, 'orders', c.orders, ['default']);
    const { carries, ...rest } = c;
    characters[c.id] = rest as Character;
    for (const [iid, it] of Object.entries(carries ?? {})) addItem(iid, it, c.id, f, `carries.${iid}`);
  }
  for (const { file, ext } of extensions) {
    const base = characters[ext.id];
    if (!base) {
      r.problems.push(`${relative(dir, file)}: field "id": no character "${ext.id}" to extend.`);
      continue;
    }
    if (ext.talk) base.talk = [...ext.talk, ...(base.talk ?? [])];
    for (const key of ['ask', 'tell', 'orders', 'give', 'verbs'] as const) {
      const add = ext[key];
      if (!add) continue;
      const into = (base[key] ??= {});
      for (const [k, rs] of Object.entries(add)) into[k] = [...rs, ...(into[k] ?? [])];
    }
  }

  const scenes: Scene[] = [];
  for (const f of yamlFiles(join(dir, 'scenes'))) {
    const data = validate(r, f, S.scenes, readYaml(r, f));
    if (data) scenes.push(...(data as Scene[]));
  }
  const puzzles: World['puzzles'] = {};
  for (const f of yamlFiles(join(dir, 'puzzles'))) {
    const data = validate(r, f, S.puzzles, readYaml(r, f));
    if (data) for (const [pid, p] of Object.entries(data)) puzzles[pid] = { id: pid, ...p };
  }
  const hints: Hint[] = [];
  for (const f of yamlFiles(join(dir, 'hints'))) {
    const data = validate(r, f, S.hints, readYaml(r, f));
    if (data) hints.push(...(data as Hint[]));
  }

  const topics: World['topics'] = {};
  for (const [tid, t] of Object.entries(topicsRaw)) topics[tid] = { id: tid, ...t };
  const endings: World['endings'] = {};
  for (const [eid, e] of Object.entries(endingsRaw)) endings[eid] = { id: eid, ...e };

  const grammar = storyGrammar(r, grammarRaw, messages, help);
  const actions = makeGrammar(grammar.lines).actions;
  for (const { file, key, verb } of verbKeys) {
    if (!actions.has(verb)) r.problems.push(`${file}: field "${key}": no grammar line makes the action "${verb}" (add it to grammar.yaml, or fix the name).`);
  }

  if (r.problems.length) throw new ContentError(r.problems);

  const world: World = {
    game: game as World['game'],
    rooms,
    items,
    characters,
    topics,
    scenes,
    endings,
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
    help[id] = v.help;
    out.verbs.push({ id, usage: v.usage, ...(v.free ? { free: true } : {}) });
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
