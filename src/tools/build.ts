// Builds what players run: dist/content.json (the story, validated once here) and the
// esbuild bundle dist/cli.js (production React, ink split out behind a dynamic import).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, rmSync, readdirSync, renameSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, ContentError } from '../content/load.js';
import { packageRoot } from '../content/world.js';

const root = packageRoot();
const dist = join(root, 'dist');

try {
  const world = loadContent(join(root, 'content'));
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

const result = await build({
  metafile: true,
  entryPoints: { cli: join(root, 'src/cli/entry.ts') },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': join(root, 'src/tools/empty.ts') },
  banner: {
    js: [
      "import { createRequire as __ndCreateRequire } from 'node:module';",
      'const require = __ndCreateRequire(import.meta.url);',
      'globalThis.__NANODREAM_BUNDLE__ = true;',
    ].join('\n'),
  },
  logLevel: 'warning',
});
// Chunks from earlier builds are not referenced any more: leave only this build's.
const fresh = new Set(Object.keys(result.metafile.outputs).map((f) => f.split('/').pop()));
const chunks = join(dist, 'chunks');
if (existsSync(chunks)) for (const f of readdirSync(chunks)) if (!fresh.has(f)) rmSync(join(chunks, f), { force: true });
process.stdout.write('built dist/cli.js and dist/content.json\n');
