// Helpers for checker tests: the tiny fixture, and copies of it with one thing changed.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTemp } from '../temp.js';

export const here = dirname(fileURLToPath(import.meta.url));
export const TINY = join(here, 'fixtures', 'tiny');
export const REPO = join(here, '..', '..');

const made: string[] = [];

/** A temporary copy of a content folder with `edit(text)` applied to one file. */
export function mutated(src: string, file: string, edit: (text: string) => string): string {
  const dir = makeTemp('nanodream-check-');
  made.push(dir);
  cpSync(src, dir, { recursive: true });
  const f = join(dir, file);
  const before = readFileSync(f, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`mutation of ${file} changed nothing`);
  writeFileSync(f, after);
  return dir;
}

export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export const clock = () => performance.now();
