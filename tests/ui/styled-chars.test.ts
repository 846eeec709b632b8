// The bundle's ink builds its styled characters field by field (src/tools/styled-chars.ts); the
// characters and styles must be exactly the library's own.
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { spellOutStyledChars, styledCharsOneShape, STYLED_CHARS_FILE } from '../../src/tools/styled-chars.js';
import { makeTemp } from '../temp.js';

const libDir = join(import.meta.dirname, '..', '..', 'node_modules', '@alcalzone', 'ansi-tokenize', 'build');
const libFile = join(libDir, 'styledChars.js');

type Lib = {
  tokenize: (s: string) => unknown[];
  styledCharsFromTokens: (t: unknown[]) => Array<{ type: string; value: string; fullWidth: boolean; styles: unknown[] }>;
  styledCharsToString: (c: unknown[]) => string;
};

const SAMPLES = [
  'plain words, nothing styled',
  '\x1b[1m\x1b[96mLiving Room\x1b[39m\x1b[22m and the rest',
  '\x1b[7mElara · Living Room · turn 0 · Act 1: Bedtime\x1b[27m',
  '\x1b[2mdim \x1b[1mand bold\x1b[22m then none\x1b[0m',
  '\x1b[38;2;255;100;0mtrue colour\x1b[39m \x1b[48;5;17mbackground\x1b[49m',
  'wide: 夢の中 and emoji 🌙 and e\u0301',
  '\x1b]8;;https://example.com\x07a link\x1b]8;;\x07 after',
];

describe('ink styled characters with one hidden class', () => {
  it('spells out the object the library builds with a spread, and nothing else', () => {
    const source = readFileSync(libFile, 'utf8');
    const out = spellOutStyledChars(source);
    expect(source).toContain('...token');
    expect(out).not.toContain('...token');
    expect(out).toContain('{ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: [...codes] }');
    expect(out.replace(/\{ type: token\.type[^}]*\}/, '')).toBe(source.replace(/\{\s*\.\.\.token,\s*styles:\s*\[\.\.\.codes\],?\s*\}/, ''));
    expect(STYLED_CHARS_FILE.test(libFile)).toBe(true);
  });

  it('refuses a version whose line changed, so the build stops', () => {
    expect(() => spellOutStyledChars('export function styledCharsFromTokens(tokens) { return tokens; }')).toThrow(/ansi-tokenize/);
  });

  it('gives the same characters, styles and strings as the library itself', async () => {
    const dir = makeTemp('nanodream-styled-');
    // The changed module beside absolute links to the library's other modules.
    const changed = spellOutStyledChars(readFileSync(libFile, 'utf8')).replace(/^\/\/# sourceMappingURL=.*$/m, '').replace(/from "\.\/([\w.]+)"/g, (_, f: string) => `from ${JSON.stringify(pathToFileURL(join(libDir, f)).href)}`);
    writeFileSync(join(dir, 'styledChars.mjs'), changed);
    const ours = (await import(pathToFileURL(join(dir, 'styledChars.mjs')).href)) as Lib;
    const theirs = (await import(pathToFileURL(join(libDir, 'index.js')).href)) as Lib;
    for (const s of SAMPLES) {
      const tokens = theirs.tokenize(s);
      const a = ours.styledCharsFromTokens(tokens);
      const b = theirs.styledCharsFromTokens(tokens);
      expect(a).toEqual(b);
      expect(a.length).toBeGreaterThan(0);
      expect(ours.styledCharsToString(a)).toBe(theirs.styledCharsToString(b));
    }
  });

  it('is what the build bundles for ink', async () => {
    const r = await build({
      stdin: { contents: "export { styledCharsFromTokens } from '@alcalzone/ansi-tokenize';", resolveDir: join(import.meta.dirname, '..', '..'), loader: 'js' },
      bundle: true, write: false, format: 'esm', platform: 'node', plugins: [styledCharsOneShape],
    });
    const text = r.outputFiles[0].text;
    expect(text).toContain('fullWidth: token.fullWidth');
    expect(text).not.toMatch(/\.\.\.token/);
  });
});
