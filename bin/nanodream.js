#!/usr/bin/env node
// The nanodream launcher: runs the bundled CLI built by `npm run build`.
// `--version` alone is answered here, without loading the game.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  await import('../dist/cli.js').catch((e) => {
    if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist')) {
      process.stderr.write('nanodream is not built yet: run `npm install` (or `npm run build`) in the package folder.\n');
      process.exit(1);
    }
    throw e;
  });
}
