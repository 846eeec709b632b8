// Builds what players run: dist/content.json (the story, validated once here) and the
// esbuild bundle dist/cli.js (production React, ink split out behind a dynamic import).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, ContentError } from '../content/load.js';
import { packageRoot } from '../content/world.js';

const root = packageRoot();
const dist = join(root, 'dist');

try {
  const world = loadContent(join(root, 'content'));
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'content.json'), JSON.stringify(world));
} catch (e) {
  if (e instanceof ContentError) {
    process.stderr.write(`The story files have problems:\n${e.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  throw e;
}

await build({
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
process.stdout.write('built dist/cli.js and dist/content.json\n');
