// string-width and wrap-ansi each build, when they load, two things that take Node 20 and 22 far
// longer than the rest of their code: `new Intl.Segmenter()` (10–17 ms for the first one, ICU
// loading its break rules) and string-width's `/^\p{RGI_Emoji}$/v` (19–33 ms, V8 expanding every
// emoji sequence into the pattern's set). Together they were about a fifth of every start of the
// game, piped or on the screen, and a line of plain ASCII needs neither: both libraries skip the
// segmenter for printable ASCII, and the emoji pattern is only tried on a grapheme the segmenter
// found.
//
// So the bundles get the same two objects built on first use instead of at load. Each stands in
// only for the method the library calls on it (`segment`, `test`); the build fails when a library
// uses one in any other way or the declaration is no longer there, so a new version is looked at
// again. The widths and wraps are the libraries' own: `tests/plain/deferred-init.test.ts` compares
// the rewritten modules with the originals on arbitrary text.
import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

interface Deferral {
  /** The library's declaration, exactly as it stands. */
  declaration: string;
  name: string;
  /** The one method the library calls on the object. */
  method: string;
  /** The expression that builds the object. */
  build: string;
}

const SEGMENTER: Deferral = {
  declaration: 'const segmenter = new Intl.Segmenter();',
  name: 'segmenter',
  method: 'segment',
  build: 'new Intl.Segmenter()',
};
const RGI_EMOJI: Deferral = {
  declaration: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
  name: 'rgiEmojiRegex',
  method: 'test',
  build: '/^\\p{RGI_Emoji}$/v',
};

/**
 * The libraries rewritten, at the major version the declarations were read in. Other copies (ink
 * keeps wrap-ansi 9 and string-width 7 of its own) are bundled as they are; the test checks that
 * the copies the game itself imports are the ones rewritten.
 */
export const DEFERRED: ReadonlyArray<{ library: string; major: number; deferrals: Deferral[] }> = [
  { library: 'string-width', major: 8, deferrals: [SEGMENTER, RGI_EMOJI] },
  { library: 'wrap-ansi', major: 10, deferrals: [SEGMENTER] },
];

/** Which entry of DEFERRED a library's index.js is, if any. */
export async function deferredFor(path: string) {
  const library = basename(dirname(path));
  const d = DEFERRED.find((x) => x.library === library);
  if (!d) return undefined;
  const { version } = JSON.parse(await readFile(join(dirname(path), 'package.json'), 'utf8')) as { version: string };
  return Number(version.split('.')[0]) === d.major ? d : undefined;
}

/** The code without its comments (only to find where a name is used; strings are not parsed). */
const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/([;,{}()])\s*\/\/.*$/gm, '$1');

function defer(source: string, library: string, d: Deferral): string {
  const problem = (what: string) =>
    new Error(`${library}: ${what}; check src/tools/deferred-init.ts against the new version`);
  const at = source.indexOf(d.declaration);
  if (at < 0 || source.indexOf(d.declaration, at + 1) >= 0) throw problem(`\`${d.declaration}\` is not there once`);
  const rest = source.slice(0, at) + source.slice(at + d.declaration.length);
  const uses = withoutComments(rest).match(new RegExp(`\\b${d.name}\\b(\\.${d.method}\\()?`, 'g')) ?? [];
  if (uses.length === 0 || uses.some((u) => !u.endsWith('('))) {
    throw problem(`${d.name} is used other than through .${d.method}()`);
  }
  const cache = `${d.name}Built`;
  const lazy = `let ${cache}; const ${d.name} = { ${d.method}: (x) => (${cache} ??= ${d.build}).${d.method}(x) };`;
  return source.slice(0, at) + lazy + source.slice(at + d.declaration.length);
}

/** The module's source with its costly objects built on first use; throws when it no longer fits. */
export function deferInit(source: string, library: string, deferrals: readonly Deferral[]): string {
  return deferrals.reduce((s, d) => defer(s, library, d), source);
}

/** esbuild plugin: bundles string-width and wrap-ansi with the segmenter and emoji pattern deferred. */
export const deferredInit: Plugin = {
  name: 'deferred-init',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](string-width|wrap-ansi)[\\/]index\.js$/ }, async (a) => {
      const d = await deferredFor(a.path);
      if (!d) return undefined;
      return { contents: deferInit(await readFile(a.path, 'utf8'), d.library, d.deferrals), loader: 'js' };
    });
  },
};
