// What the core bundle gets for `chalk` and `wrap-ansi` (see build.ts): the same API, but each
// package (chalk probes the terminal's colour support as it loads) is loaded the first time it is
// used, not at start-up; a piped game without colour never uses them. Build-time only: the
// source, the tests and the ink screen import the packages themselves.
import type { ChalkInstance, Options } from 'chalk';

type ChalkModule = { Chalk: new (options?: Options) => ChalkInstance };
type WrapAnsi = (text: string, columns: number, options?: { hard?: boolean; trim?: boolean; wordWrap?: boolean }) => string;

let chalk: ChalkModule | undefined;
let wrap: WrapAnsi | undefined;

export class Chalk {
  constructor(options?: Options) {
    // esbuild bundles these requires and runs the modules' top levels only when reached.
    chalk ??= require('../../node_modules/chalk/source/index.js') as ChalkModule;
    return new chalk.Chalk(options);
  }
}

export function wrapAnsi(text: string, columns: number, options?: Parameters<WrapAnsi>[2]): string {
  wrap ??= (require('../../node_modules/wrap-ansi/index.js') as { default: WrapAnsi }).default;
  return wrap(text, columns, options);
}
