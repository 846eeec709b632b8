// What the core bundle gets for `wrap-ansi` (see build.ts): the same function, loaded the first
// time text is wrapped with it (colour, or characters the fast paths leave to it), not at
// start-up. Build-time only: the source and the tests import wrap-ansi itself.
type WrapAnsi = (text: string, columns: number, options?: { hard?: boolean; trim?: boolean; wordWrap?: boolean }) => string;

let real: WrapAnsi | undefined;

export default function wrapAnsi(text: string, columns: number, options?: Parameters<WrapAnsi>[2]): string {
  // esbuild bundles this require and runs wrap-ansi's top level only when it is reached.
  real ??= (require('../../node_modules/wrap-ansi/index.js') as { default: WrapAnsi }).default;
  return real(text, columns, options);
}
