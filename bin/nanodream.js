#!/usr/bin/env node
// The nanodream launcher: runs the bundled CLI built by `npm run build`.
import('../dist/cli.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('nanodream is not built yet: run `npm install` (or `npm run build`) in the package folder.\n');
    process.exit(1);
  }
  throw e;
});
