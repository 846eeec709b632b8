// Where saves and settings live: --home, then NANODREAM_HOME, else conf's own default folder.

import { homedir as osHomedir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_NAME = 'nanodream';

export interface HomeOptions {
  /** From `--home DIR`; wins over the environment. */
  home?: string;
  env: NodeJS.ProcessEnv;
  /** For tests: the platform and user home to compute conf's default for. */
  platform?: NodeJS.Platform;
  homedir?: string;
}

/**
 * conf's default folder for projectName 'nanodream' (env-paths' `config` with conf's `-nodejs`
 * suffix), computed from the given env so it can be tested without touching the real home.
 * A test checks it against the folder conf itself picks.
 */
export function confDefaultDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, homedir = osHomedir()): string {
  const name = `${PROJECT_NAME}-nodejs`;
  if (platform === 'darwin') return join(homedir, 'Library', 'Preferences', name);
  if (platform === 'win32') return join(env.APPDATA || join(homedir, 'AppData', 'Roaming'), name, 'Config');
  return join(env.XDG_CONFIG_HOME || join(homedir, '.config'), name);
}

export function resolveHome(opts: HomeOptions): string {
  if (opts.home && opts.home.trim() !== '') return resolve(opts.home);
  const fromEnv = opts.env.NANODREAM_HOME;
  if (fromEnv && fromEnv.trim() !== '') return resolve(fromEnv);
  return confDefaultDir(opts.env, opts.platform, opts.homedir);
}

export const savesDir = (home: string): string => join(home, 'saves');
