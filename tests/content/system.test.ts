// content/system.yaml holds what the saves, settings and command line say. Every id the code
// asks for is there, every message there is asked for, and the bundles carry the same catalogue.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readSystemMessages } from '../../src/content/system-source.js';
import { systemText } from '../../src/content/system.js';

const src = join(import.meta.dirname, '../../src');
const catalogue = readSystemMessages(join(import.meta.dirname, '../../content'));
const namespaces = [...new Set(Object.keys(catalogue).map((k) => k.split('.')[0]!))];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(f) ? [full] : [];
  });
}

describe('content/system.yaml', () => {
  const idRe = new RegExp(`'((?:${namespaces.join('|')})\\.[a-z_.]+)'`, 'g');
  // (Module names such as 'cli.js' look like ids too.)
  const used = new Set(sources(src).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(idRe)].map((m) => m[1]!)).filter((id) => !/\.(c?js|tsx?)$/.test(id)));

  it('has every message the code asks for', () => {
    expect([...used].filter((id) => !(id in catalogue))).toEqual([]);
  });

  it('holds no message the code never asks for', () => {
    expect(Object.keys(catalogue).filter((id) => !used.has(id))).toEqual([]);
  });

  it('fills placeholders and refuses an unknown id', () => {
    expect(systemText('save.missing', { name: 'x' })).toBe('There is no save called "x".');
    expect(() => systemText('save.no_such_message')).toThrow(/system\.yaml/);
  });

  it('is carried whole by the built core', () => {
    const core = readFileSync(join(import.meta.dirname, '../../dist/core.cjs'), 'latin1');
    // (Those whose quotes and characters the minifier may write another way are left out.)
    const plain = Object.values(catalogue).filter((text) => /^[ -~]*$/.test(text) && !/["'`\\]/.test(text));
    expect(plain.length).toBeGreaterThan(50);
    for (const text of plain) expect(core).toContain(text);
  });
});
