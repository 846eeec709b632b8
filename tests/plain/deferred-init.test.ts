// The bundles' string-width and wrap-ansi build their segmenter and emoji pattern on first use
// (src/tools/deferred-init.ts); the widths and wraps must be exactly the libraries' own.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { DEFERRED, deferInit, deferredFor, deferredInit } from '../../src/tools/deferred-init.js';
import { makeTemp } from '../temp.js';

const ROOT = join(import.meta.dirname, '..', '..');
const entry = (library: string) => join(ROOT, 'node_modules', library, 'index.js');

/** The two libraries bundled as the game bundles them. */
async function bundled(): Promise<{ text: string; stringWidth: typeof stringWidth; wrapAnsi: typeof wrapAnsi }> {
  const r = await build({
    stdin: {
      contents: "export { default as stringWidth } from 'string-width';\nexport { default as wrapAnsi } from 'wrap-ansi';",
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true, write: false, format: 'esm', platform: 'node', plugins: [deferredInit],
  });
  const text = r.outputFiles[0].text;
  const file = join(makeTemp('nanodream-deferred-'), 'libs.mjs');
  writeFileSync(file, text);
  return { text, ...(await import(pathToFileURL(file).href)) };
}

// Text of every kind the segmenter and the emoji pattern decide: wide, combining, emoji
// sequences (ZWJ, keycaps, flags, skin tones), controls and escapes.
const TRICKY = [
  'a', 'Z', ' ', '.', '\n', '—', '…', 'é', '“', '’', 'ж', '\u00a0', '\u00ad', '\u0301', '\u200b', '\u200d', '\t',
  '\x1b[31m', '\x1b[0m', '森', '夢', '🌲', '🌙', '👩‍👧', '👍🏽', '1️⃣', '#\u20e3', '🇫🇷', '❤', '❤️', 'ᄀ', '\u1161',
  '\u3000', '\ufeff', '\ud800', '©', '‼', 'क्षि', '\u0903',
];

describe('string-width and wrap-ansi with their costly objects built on first use', () => {
  it('rewrites the copies the game imports, and only the declarations', () => {
    for (const { library, deferrals } of DEFERRED) {
      const source = readFileSync(entry(library), 'utf8');
      const out = deferInit(source, library, deferrals);
      for (const d of deferrals) {
        expect(source).toContain(d.declaration);
        expect(out).not.toContain(d.declaration);
        expect(out).toContain(`(${d.name}Built ??= ${d.build}).${d.method}(x)`);
      }
      expect(out.split('\n').length).toBe(source.split('\n').length);
    }
  });

  it('applies to the installed versions, so a new major is looked at again', async () => {
    for (const { library } of DEFERRED) expect((await deferredFor(entry(library)))?.library).toBe(library);
    // ink's own older wrap-ansi is bundled as it is.
    expect(await deferredFor(join(ROOT, 'node_modules', 'ink', 'node_modules', 'wrap-ansi', 'index.js'))).toBeUndefined();
  });

  it('refuses a version whose declaration changed or whose object is used another way', () => {
    const [sw] = DEFERRED;
    expect(() => deferInit('const segmenter = new Intl.Segmenter({granularity: "word"});', sw.library, sw.deferrals)).toThrow(/string-width/);
    const leaked = 'const segmenter = new Intl.Segmenter();\nconst rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;\n'
      + 'export default (s) => [...segmenter.segment(s)].filter((x) => rgiEmojiRegex.test(x)).concat(segmenter);';
    expect(() => deferInit(leaked, sw.library, sw.deferrals)).toThrow(/used other than through \.segment\(\)/);
    // A mention in a comment is not a use.
    const commented = leaked.replace('.concat(segmenter)', '') + '\n// the segmenter is skipped for ASCII\n';
    expect(() => deferInit(commented, sw.library, sw.deferrals)).not.toThrow();
  });

  it('measures and wraps exactly as the libraries do', async () => {
    const ours = await bundled();
    expect(ours.text.match(/segmenterBuilt\d* \?\?= new Intl\.Segmenter\(\)/g)).toHaveLength(2);
    expect(ours.text).toMatch(/rgiEmojiRegexBuilt\d* \?\?= /);
    const text = fc.array(fc.constantFrom(...TRICKY), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 40 })), fc.integer({ min: 1, max: 30 }), (s, w) => {
      expect(ours.stringWidth(s)).toBe(stringWidth(s));
      expect(ours.wrapAnsi(s, w, { hard: true, trim: true })).toBe(wrapAnsi(s, w, { hard: true, trim: true }));
      expect(ours.wrapAnsi(s, w, { hard: false, trim: false })).toBe(wrapAnsi(s, w, { hard: false, trim: false }));
    }), { numRuns: 2000 });
  });
});
