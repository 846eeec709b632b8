// Temporary folders for tests, each removed when its test file is done (tests/setup-file.ts),
// so a run leaves nothing behind even when a test fails half-way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder in the temporary folder, named from `prefix`. */
export function makeTemp(prefix = 'nanodream-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder made so far (retrying while a game the test started finishes writing). */
export function removeTemps(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
}
