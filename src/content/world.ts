// Finds the story for a run: the precompiled dist/content.json in the bundle (fast), or the
// YAML in content/ when running from source or when a content folder is named.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { World } from '../engine/types.js';

/** This module's folder (import.meta.dirname is Node 20.11 and later; the bundles set it). */
function moduleDir(): string {
  return import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
}

/** The package root: the nearest folder above this module's folder that holds package.json. */
export function packageRoot(from: string = moduleDir()): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

declare global {
  // Set by the bundle's banner: the build has already compiled and validated the content.
  var __NANODREAM_BUNDLE__: boolean | undefined;
}

export async function loadWorld(contentDir?: string): Promise<World> {
  const root = packageRoot();
  const compiled = join(root, 'dist', 'content.json');
  if (!contentDir && globalThis.__NANODREAM_BUNDLE__ && existsSync(compiled)) {
    // The build writes it as pure ASCII: read as latin1, no decoding is needed.
    return JSON.parse(readFileSync(compiled, 'latin1')) as World;
  }
  const { loadContent } = await import('./load.js');
  return loadContent(contentDir ?? join(root, 'content'));
}
