// The screen's bundle decodes yoga's WebAssembly in place instead of through Node's fetch, which
// would load undici (src/tools/yoga-inline.ts).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { YOGA_FILE, yogaWithoutFetch } from '../../src/tools/yoga-inline.js';

const root = join(import.meta.dirname, '..', '..');
const yogaFile = join(root, 'node_modules', 'yoga-layout', 'dist', 'binaries', 'yoga-wasm-base64-esm.js');

describe('yoga without fetch', () => {
  it('shadows fetch in yoga\'s loader, which asks for it, and changes nothing else', () => {
    const source = readFileSync(yogaFile, 'utf8');
    expect(YOGA_FILE.test(yogaFile)).toBe(true);
    expect(source).toContain('"function"!=typeof fetch');
    const out = yogaWithoutFetch(source);
    expect(out.startsWith('const fetch = undefined;\n')).toBe(true);
    expect(out.slice('const fetch = undefined;\n'.length)).toBe(source);
  });

  it('refuses a loader that no longer tests for fetch, or declares its own', () => {
    expect(() => yogaWithoutFetch('export default function load() { return fetch(url); }')).toThrow(/yoga-layout/);
    expect(() => yogaWithoutFetch('var fetch = 1; if ("function"!=typeof fetch) {}')).toThrow(/yoga-layout/);
  });

  it('lets the built screen lay out text without loading undici', () => {
    // The chunk that holds ink and yoga: importing it instantiates yoga (a top-level await).
    const chunks = join(root, 'dist', 'ui', 'chunks');
    const app = readdirSync(chunks).filter((f) => f.startsWith('app-'));
    expect(app).toHaveLength(1);
    const url = pathToFileURL(join(chunks, app[0])).href;
    const script = `import(${JSON.stringify(url)}).then(() => setTimeout(() => {
      process.stdout.write(JSON.stringify({ undici: process.moduleLoadList.some((m) => m.includes('undici')) }));
    }, 50));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ undici: false });
  });
});
