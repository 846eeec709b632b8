// The sentences said around the story, by the save folder, the settings file and the command
// line, from content/system.yaml. They are the same whatever story is played, and some are said
// before a story is loaded (or with none: `nanodream saves`), so they are not part of the World.
// The bundles carry them precompiled; from source the YAML is read the first time one is needed.
import { readSystemMessages } from './system-source.js';

let catalogue: Readonly<Record<string, string>> | null = null;

/** The sentence with this id, its `{placeholders}` filled in. An unknown id is a programmer error. */
export function systemText(id: string, params: Record<string, string | number> = {}): string {
  catalogue ??= readSystemMessages();
  const template = catalogue[id];
  if (template === undefined) throw new Error(`content/system.yaml has no message "${id}"`);
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : ''));
}
