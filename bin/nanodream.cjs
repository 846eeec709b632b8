#!/usr/bin/env node
// The nanodream launcher: runs the game built by `npm run build` (dist/start.cjs loads it).
// `--version` alone is answered here, without loading the game. CommonJS, like dist/start.cjs
// and dist/core.cjs: Node starts a CommonJS entry a few milliseconds sooner than an ES module.
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const pkg = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '..', 'package.json'), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const flags = tuneHeap();
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
  start({ flags, argv: args }).catch((e) => {
    process.stderr.write(`nanodream could not start: ${(e && e.message) || e}\n`);
    process.exitCode = 1;
  });
}

/**
 * A turn allocates a little garbage (state copies, text) and keeps little, so V8's young
 * generation, left to grow to 16 MB, is mostly empty space: keep it at its starting size.
 * Without a terminal on both ends (pipes, scripts, CI) the game is short-lived and mostly
 * runs cold code once, so the optimising compilers (above the baseline tier) cost memory and time
 * they never pay back.
 * V8 warns about flags it does not know, so only on the Node versions these were measured on;
 * NANODREAM_NO_TUNING=1 leaves V8 as it is, and NANODREAM_V8_FLAGS="--a --b" sets those flags
 * instead (both for measuring).
 * Returns a name for the flags set: V8's cached code is only good under the flags it was made with.
 */
function tuneHeap() {
  const major = Number(process.versions.node.split('.')[0]);
  const custom = process.env.NANODREAM_V8_FLAGS;
  if (custom) {
    const flags = custom.split(/\s+/).filter(Boolean);
    for (const f of flags) require('node:v8').setFlagsFromString(f);
    let h = 0;
    for (const c of flags.join(' ')) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
    return `custom${(h >>> 0).toString(16)}`;
  }
  if (!(major >= 20 && major <= 24) || process.env.NANODREAM_NO_TUNING) return 'plain';
  const { setFlagsFromString } = require('node:v8');
  const { isatty } = require('node:tty');
  setFlagsFromString('--semi-space-growth-factor=1');
  if (!(isatty(0) && isatty(1))) {
    setFlagsFromString('--max-opt=1');
    // Collects the old generation sooner: 52 MB at the peak instead of 61 MB for a piped
    // walkthrough, at no time that measures (2026-11, with the code cache).
    setFlagsFromString('--optimize-for-size');
    return 'piped';
  }
  return 'terminal';
}
