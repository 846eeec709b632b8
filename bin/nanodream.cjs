#!/usr/bin/env node
// The nanodream launcher: runs the game built by `npm run build` (dist/start.cjs loads it).
// `--version` alone is answered here, without loading the game. CommonJS, like dist/start.cjs
// and dist/core.cjs.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'package.json'), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // Node 22.1 and later keep the code they compile between runs (NODE_COMPILE_CACHE moves the
  // folder, NODE_DISABLE_COMPILE_CACHE=1 turns it off); Node 20 has no such cache and runs uncached.
  const { enableCompileCache } = require('node:module');
  if (typeof enableCompileCache === 'function') enableCompileCache();
  let start;
  try {
    ({ start } = require('../dist/start.cjs'));
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist')) {
      process.stderr.write('nanodream is not built yet: run `npm install` (or `npm run build`) in the package folder.\n');
      process.exit(1);
    }
    throw e;
  }
  start({ argv: args }).catch((e) => {
    process.stderr.write(`nanodream could not start: ${(e && e.message) || e}\n`);
    process.exitCode = 1;
  });
}
