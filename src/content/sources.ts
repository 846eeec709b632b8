// Which content file defines each room, item, character and scene, so that a checker can name
// "rooms/apartment.yaml" in its report. Reads only the files' top-level keys; loadContent has
// already validated them.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ContentSources {
  /** Room id -> file relative to the content folder ("rooms/apartment.yaml"). */
  rooms: Map<string, string>;
  /** Item id -> file and the field path to the item in it ("living_room.items.music_box"). */
  items: Map<string, { file: string; path: string }>;
  characters: Map<string, string>;
  /** Scene id -> file and its index in that file's list. */
  scenes: Map<string, { file: string; index: number }>;
  /** The text of a character's rule (`say`) -> the file it is written in: an act file
   *  (`characters/leo.act2.yaml`) or the character's own. The loader merges them. */
  characterSays: Map<string, string>;
  /**
   * A character's merged rule list (`leo:ask.fear`, `leo:talk`) -> the files it was put together
   * from, in the loader's order (each act file's rules before the character's own), with how many
   * rules each gave: the merged index of a rule names its file and its place there.
   */
  characterLists: Map<string, { file: string; count: number }[]>;
  /** Hint objective id -> file and its index in that file's list. */
  hints: Map<string, { file: string; index: number }>;
  /** Puzzle id -> file. */
  puzzles: Map<string, string>;
}

function yamlIn(dir: string, sub: string): string[] {
  const d = join(dir, sub);
  if (!existsSync(d) || !statSync(d).isDirectory()) return [];
  return readdirSync(d)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => `${sub}/${f}`);
}

function read(dir: string, rel: string): unknown {
  try {
    return parseYaml(readFileSync(join(dir, rel), 'utf8'));
  } catch {
    return undefined;
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

export function contentSources(dir: string): ContentSources {
  const out: ContentSources = { rooms: new Map(), items: new Map(), characters: new Map(), scenes: new Map(), characterSays: new Map(), characterLists: new Map(), hints: new Map(), puzzles: new Map() };
  for (const file of yamlIn(dir, 'rooms')) {
    const data = read(dir, file);
    if (!isObject(data)) continue;
    for (const [rid, room] of Object.entries(data)) {
      out.rooms.set(rid, file);
      if (isObject(room) && isObject(room.items)) for (const iid of Object.keys(room.items)) out.items.set(iid, { file, path: `${rid}.items.${iid}` });
    }
  }
  for (const file of yamlIn(dir, 'items')) {
    const data = read(dir, file);
    if (isObject(data)) for (const iid of Object.keys(data)) out.items.set(iid, { file, path: iid });
  }
  const extensions: { file: string; data: Record<string, unknown> }[] = [];
  for (const file of yamlIn(dir, 'characters')) {
    const data = read(dir, file);
    if (!isObject(data)) continue;
    for (const key of ['talk', 'ask', 'tell', 'orders', 'give', 'verbs']) collectSays(data[key], file, out.characterSays);
    if (!('name' in data)) extensions.push({ file, data });
    if (!('name' in data) || typeof data.id !== 'string') continue;
    noteLists(out.characterLists, data.id, file, data, false);
    out.characters.set(data.id, file);
    if (isObject(data.carries)) for (const iid of Object.keys(data.carries)) out.items.set(iid, { file, path: `carries.${iid}` });
  }
  // As the loader merges them: each extension, in file-name order, goes before what is there.
  for (const { file, data } of extensions) if (typeof data.id === 'string') noteLists(out.characterLists, data.id, file, data, true);
  for (const file of yamlIn(dir, 'hints')) {
    const data = read(dir, file);
    if (Array.isArray(data)) data.forEach((h, index) => { if (isObject(h) && typeof h.id === 'string') out.hints.set(h.id, { file, index }); });
  }
  for (const file of yamlIn(dir, 'puzzles')) {
    const data = read(dir, file);
    if (isObject(data)) for (const id of Object.keys(data)) out.puzzles.set(id, file);
  }
  for (const file of yamlIn(dir, 'scenes')) {
    const data = read(dir, file);
    if (!Array.isArray(data)) continue;
    data.forEach((s, index) => {
      if (isObject(s) && typeof s.id === 'string') out.scenes.set(s.id, { file, index });
    });
  }
  return out;
}

/** Notes how many rules each of a character file's lists holds, before or after what is noted. */
function noteLists(into: ContentSources['characterLists'], id: string, file: string, data: Record<string, unknown>, before: boolean): void {
  const add = (path: string, list: unknown) => {
    if (!Array.isArray(list)) return;
    const key = `${id}:${path}`;
    const parts = into.get(key) ?? [];
    const part = { file, count: list.length };
    into.set(key, before ? [part, ...parts] : [...parts, part]);
  };
  add('talk', data.talk);
  for (const key of ['ask', 'tell', 'orders', 'give', 'verbs']) {
    const map = data[key];
    if (isObject(map)) for (const [k, list] of Object.entries(map)) add(`${key}.${k}`, list);
  }
}

/** Every `say` under a rule list or map of rule lists, by text. */
function collectSays(node: unknown, file: string, into: Map<string, string>): void {
  if (Array.isArray(node)) {
    for (const r of node) {
      if (!isObject(r)) continue;
      if (typeof r.say === 'string' && !into.has(r.say)) into.set(r.say, file);
      if (Array.isArray(r.do)) for (const e of r.do) if (isObject(e) && typeof e.say === 'string' && !into.has(e.say)) into.set(e.say, file);
    }
  } else if (isObject(node)) for (const v of Object.values(node)) collectSays(v, file, into);
}
