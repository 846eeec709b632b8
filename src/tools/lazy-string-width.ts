// What the bundles get for `string-width`: the same function, but the package (which builds an
// Intl.Segmenter and a Unicode-property RegExp as it loads, several milliseconds) is loaded the
// first time a width is asked for, not at start-up; most runs never ask. Build-time only: the
// source and the tests import string-width itself.
type StringWidth = (text: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;

let real: StringWidth | undefined;

export default function stringWidth(text: string, options?: Parameters<StringWidth>[1]): number {
  // esbuild bundles this require and runs the module's top level only when it is reached.
  real ??= (require('../../node_modules/string-width/index.js') as { default: StringWidth }).default;
  return real(text, options);
}
