// Builds what players run: dist/content.json (the story, validated once here) and the esbuild
// bundles: dist/core.cjs (the game), dist/start.cjs (loads it and runs it) and dist/ui/
// (the interactive screen: production React and ink, loaded only for a terminal).
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { mkdirSync, writeFileSync, rmSync, readdirSync, renameSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, ContentError } from '../content/load.js';
import { readSystemMessages } from '../content/system-source.js';
import { packageRoot } from '../content/world.js';
import { deferredInit } from './deferred-init.js';
import { yogaInline } from './yoga-inline.js';
import { GLITCH_ALPHABET, glitchGraphemes, widthTable } from '../glitch/width-table.js';

const root = packageRoot();
const dist = join(root, 'dist');

let systemMessages: Record<string, string>;
let knownWidths: Record<string, number>;
try {
  const world = loadContent(join(root, 'content'));
  systemMessages = readSystemMessages(join(root, 'content'));
  knownWidths = widthTable([JSON.stringify(world), JSON.stringify(systemMessages), GLITCH_ALPHABET], glitchGraphemes());
  mkdirSync(dist, { recursive: true });
  // Written aside and renamed, so a game starting during a build never reads half a file.
  const tmp = join(dist, `content.json.tmp-${process.pid}`);
  // Pure ASCII (other characters as \u escapes): Node then reads it into a one-byte string,
  // which JSON.parse reads about twice as fast as the two-byte string one dash would cause.
  writeFileSync(tmp, JSON.stringify(world).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  renameSync(tmp, join(dist, 'content.json'));
} catch (e) {
  if (e instanceof ContentError) {
    process.stderr.write(`The story files have problems:\n${e.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  throw e;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // NANODREAM_BUILD_READABLE=1 keeps the names (for reading CPU profiles); players get it minified.
  minify: !process.env.NANODREAM_BUILD_READABLE,
  minifySyntax: true,
  minifyWhitespace: !process.env.NANODREAM_BUILD_READABLE,
  sourcemap: false,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    __NANODREAM_VERSION__: JSON.stringify((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version),
  },
  alias: {
    // proper-lockfile asks for graceful-fs, which patches every fs call at load (about 9 ms of
    // each start) to retry when thousands of files are open; the lock makes a handful of calls.
    'graceful-fs': 'node:fs',
    'react-devtools-core': join(root, 'src/tools/empty.ts'),
  },
  logLevel: 'warning',
} as const satisfies BuildOptions;

// The game as one CommonJS bundle that start.ts requires. What is used now and then (the
// commander program, the YAML loader, conf) is in dist/extra.cjs, loaded only when asked for;
// the ink screen is its own bundle, reached through io.loadUi.
const uiIsElsewhere: Plugin = {
  name: 'ui-is-elsewhere',
  setup(b) {
    b.onResolve({ filter: /\/ui\/run\.js$/ }, (a) => ({ path: a.path, external: true }));
  },
};
// content/system.yaml (what the saves, settings and command line say) goes into every bundle
// as it is: src/content/system-source.js, which reads the YAML from source, is replaced by a
// stand-in handing back the catalogue the build read and checked above.
const systemIsCompiled: Plugin = {
  name: 'system-is-compiled',
  setup(b) {
    // Likewise src/glitch/known-widths.js: string-width's answers for the characters of the story.
    b.onResolve({ filter: /\/known-widths\.js$/ }, (a) => ({ path: a.path, namespace: 'widths-compiled' }));
    b.onLoad({ filter: /.*/, namespace: 'widths-compiled' }, () => ({
      contents: `export const KNOWN_WIDTHS = ${JSON.stringify(knownWidths)};`,
      loader: 'js',
    }));
    b.onResolve({ filter: /\/system-source\.js$/ }, (a) => ({ path: a.path, namespace: 'system-compiled' }));
    b.onLoad({ filter: /.*/, namespace: 'system-compiled' }, () => ({
      contents: `export const readSystemMessages = () => (${JSON.stringify(systemMessages)});`,
      loader: 'js',
    }));
  },
};
/** Each import the core makes of something in extra.cjs, and what the stand-in hands back. */
const IN_EXTRA: Record<string, string> = {
  './program.js': 'export const runProgram = extra.runProgram;',
  './load.js': 'export const loadContent = extra.loadContent;',
  conf: 'export default extra.Conf;',
};
const extraIsElsewhere: Plugin = {
  name: 'extra-is-elsewhere',
  setup(b) {
    b.onResolve({ filter: /^(\.\/program\.js|\.\/load\.js|conf)$/ }, (a) => ({ path: a.path, namespace: 'in-extra' }));
    b.onResolve({ filter: /^\.\/extra\.cjs$/ }, (a) => ({ path: a.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'in-extra' }, (a) => ({
      // The core's require is made for dist/core.cjs, so this finds dist/extra.cjs.
      contents: `import * as extraModule from './extra.cjs';\nconst extra = extraModule;\n${IN_EXTRA[a.path]}`,
      loader: 'js',
    }));
  },
};
/** For the CommonJS bundles: import.meta.url is only read where import.meta.dirname is missing. */
const cjsDefine = { ...common.define, 'import.meta.dirname': '__dirname', 'import.meta.url': 'undefined' };
const core = await build({
  ...common,
  entryPoints: [join(root, 'src/cli/main.ts')],
  format: 'cjs',
  write: false,
  outfile: join(dist, 'core.cjs'),
  define: cjsDefine,
  plugins: [uiIsElsewhere, extraIsElsewhere, systemIsCompiled, deferredInit],
});
writeAtomically(join(dist, 'core.cjs'), `${core.outputFiles[0].text}\nglobalThis.__NANODREAM_BUNDLE__ = true;\n`);

/** A plain CommonJS bundle that Node requires: `import.meta.dirname` is its __dirname. */
function requiredBundle(entry: string, out: string, extra: Partial<BuildOptions> = {}) {
  return build({
    ...common,
    entryPoints: [join(root, entry)],
    format: 'cjs',
    outfile: join(dist, out),
    define: cjsDefine,
    ...extra,
    plugins: [systemIsCompiled, deferredInit, ...(extra.plugins ?? [])],
  });
}

// The rarely used half, loaded by the core with require() when asked for.
await requiredBundle('src/cli/extra.ts', 'extra.cjs', { plugins: [uiIsElsewhere] });
// A worker thread of the story checker's parallel search (src/check/parallel.ts starts it).
await requiredBundle('src/check/worker.ts', 'check-worker.cjs');
// The thread that runs the prose check beside that search (src/check/cli.ts starts it): the
// tagger is in extra.cjs already, so the thread's file only calls it from there.
writeFileSync(join(dist, 'prose-worker.cjs'), "'use strict';\n// The prose check's worker thread: see src/check/prose-thread.ts.\nrequire('./extra.cjs').proseThread();\n");
// The launcher's half: loads core.cjs and wires the process. CommonJS, so the launcher can require it.
await requiredBundle('src/cli/start.ts', 'start.cjs');

// The interactive screen (ink, React, yoga): ES modules, loaded only for a terminal.
const ui = await build({
  ...common,
  metafile: true,
  entryPoints: { run: join(root, 'src/ui/run.ts') },
  outdir: join(dist, 'ui'),
  // restore-cursor writes to stderr at every exit; ours writes only to the terminal.
  alias: { ...common.alias, 'restore-cursor': join(root, 'src/ui/restore-cursor.ts') },
  splitting: true,
  format: 'esm',
  // string-width and wrap-ansi build their segmenter and emoji pattern on first use
  // (deferred-init.ts); yoga decodes its WebAssembly without loading Node's fetch (yoga-inline.ts).
  plugins: [systemIsCompiled, deferredInit, yogaInline],
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: [
      "import { createRequire as __ndCreateRequire } from 'node:module';",
      'const require = __ndCreateRequire(import.meta.url);',
      'globalThis.__NANODREAM_BUNDLE__ = true;',
    ].join('\n'),
  },
});
// Files from earlier builds (and the old single ESM bundle) are not referenced any more.
const fresh = new Set(Object.keys(ui.metafile.outputs).map((f) => f.split('/').pop()));
const chunks = join(dist, 'ui', 'chunks');
if (existsSync(chunks)) for (const f of readdirSync(chunks)) if (!fresh.has(f)) rmSync(join(chunks, f), { force: true });
for (const old of ['cli.js', 'chunks', 'start.js']) rmSync(join(dist, old), { recursive: true, force: true });
process.stdout.write('built dist/core.cjs, dist/extra.cjs, dist/start.cjs, dist/check-worker.cjs, dist/prose-worker.cjs, dist/ui/ and dist/content.json\n');

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
