// What the core bundle gets for `chalk` (see build.ts): the same class, but chalk (which probes
// the terminal's colour support as it loads) is loaded the first time one is made, not at
// start-up; a piped game without colour never makes one. Build-time only: the source, the tests
// and the ink screen import chalk itself.
import type { ChalkInstance, Options } from 'chalk';

let chalk: { Chalk: new (options?: Options) => ChalkInstance } | undefined;

export class Chalk {
  constructor(options?: Options) {
    // esbuild bundles this require and runs chalk's top level only when it is reached.
    chalk ??= require('../../node_modules/chalk/source/index.js') as NonNullable<typeof chalk>;
    return new chalk.Chalk(options);
  }
}
