// Reads content/system.yaml (the sentences said around the story) from source. The build puts
// a stand-in here that hands back the same catalogue, compiled into the bundle (see
// src/tools/build.ts), so a player's run never parses YAML for it.
//
// The YAML parser is required when the file is first read, not imported: a save-only process
// bundled from source (the crash tests' child) then starts without it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ContentError } from './errors.js';
import { packageRoot } from './world.js';

export const SYSTEM_FILE = 'system.yaml';

/** The catalogue by id; a missing or broken file is a ContentError naming the file and the field. */
export function readSystemMessages(contentDir: string = join(packageRoot(), 'content')): Record<string, string> {
  let data: unknown;
  try {
    const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    data = parse(readFileSync(join(contentDir, SYSTEM_FILE), 'utf8'), { uniqueKeys: true });
  } catch (e) {
    throw new ContentError([`${SYSTEM_FILE}: cannot be read (${(e as Error).message.split('\n')[0]}).`]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentError([`${SYSTEM_FILE}: field "(top level)": should be a mapping of message ids to sentences.`]);
  }
  const problems = Object.entries(data).filter(([, v]) => typeof v !== 'string').map(([k]) => `${SYSTEM_FILE}: field "${k}": should be a sentence (text).`);
  if (problems.length) throw new ContentError(problems);
  return data as Record<string, string>;
}
