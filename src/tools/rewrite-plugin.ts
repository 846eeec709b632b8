// An esbuild plugin that bundles one library file rewritten by a function of its source (which
// throws when the library no longer reads as expected, so the build stops and the rewrite is
// looked at again). Used by yoga-inline.ts.
import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

export function rewritingPlugin(name: string, file: RegExp, rewrite: (source: string) => string): Plugin {
  return {
    name,
    setup(b) {
      b.onLoad({ filter: file }, async (a) => ({ contents: rewrite(await readFile(a.path, 'utf8')), loader: 'js' }));
    },
  };
}
