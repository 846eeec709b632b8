// Every test run gets a temporary root of its own: the temp folder, HOME, the XDG folders and
// the game's cache point inside it, so no test can write into the real home or cache. At the
// end the root is removed; anything a test left in the temp folder is listed and fails the run.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let root = '';

export function setup(): void {
  root = mkdtempSync(join(tmpdir(), 'nanodream-tests-'));
  const dirs = { TMPDIR: 'tmp', HOME: 'home', XDG_CONFIG_HOME: 'home/.config', XDG_CACHE_HOME: 'home/.cache', XDG_DATA_HOME: 'home/.local/share', XDG_STATE_HOME: 'home/.local/state' };
  for (const [key, rel] of Object.entries(dirs)) {
    const dir = join(root, rel);
    mkdirSync(dir, { recursive: true });
    process.env[key] = dir;
  }
  process.env.NANODREAM_CACHE_DIR = join(root, 'home/.cache/nanodream');
  // tsx (run by some tests) would keep its compile cache in the temporary folder.
  process.env.TSX_DISABLE_CACHE = '1';
  // Node 22's compile cache would live there too.
  process.env.NODE_DISABLE_COMPILE_CACHE = '1';
  delete process.env.NANODREAM_HOME;
}

export function teardown(): void {
  const tmp = join(root, 'tmp');
  let left: string[] = [];
  try {
    left = readdirSync(tmp);
  } catch { /* nothing made */ }
  rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  if (left.length) {
    // vitest reports an error thrown here but still exits 0: set the status as well.
    process.exitCode = 1;
    throw new Error(`tests left ${left.length} entries in the temporary folder: ${left.slice(0, 20).join(', ')}`);
  }
}
