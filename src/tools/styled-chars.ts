// ink draws every frame through @alcalzone/ansi-tokenize, which turns each character of each line
// into `{ ...token, styles: [...codes] }`. Under Node 20's V8 (11.3) an object spread followed by
// one more property gives every such object a hidden class of its own: each character drawn
// allocates a Map in the old generation, and the young objects that Map points to survive the
// young collections and are promoted too. On the interactive screen that was three quarters of
// what reached the old generation (about 150 KB a turn typed at a person's pace, all of it garbage
// a moment later), and why the heap kept growing until a full collection.
//
// The same object spelled out field by field shares one hidden class, so the bundle gets that
// spelling (the build fails if the library's line changes, so a new version is looked at again).
// The characters are the same: `tests/ui/styled-chars.test.ts` compares both versions' output.
import { rewritingPlugin } from './rewrite-plugin.js';

/** The library's file that builds styled characters. */
export const STYLED_CHARS_FILE = /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/;

const SPREAD = /\{\s*\.\.\.token,\s*styles:\s*\[\.\.\.codes\],?\s*\}/;
const SPELLED = '{ type: token.type, value: token.value, fullWidth: token.fullWidth, styles: [...codes] }';

/** The module's source with the character object spelled out; throws when the line is not there. */
export function spellOutStyledChars(source: string): string {
  if (!SPREAD.test(source)) {
    throw new Error('@alcalzone/ansi-tokenize: styledCharsFromTokens no longer builds { ...token, styles: [...codes] }; check src/tools/styled-chars.ts against the new version');
  }
  return source.replace(SPREAD, SPELLED);
}

/** esbuild plugin: bundles ansi-tokenize's styledChars.js with the character object spelled out. */
export const styledCharsOneShape = rewritingPlugin('styled-chars-one-shape', STYLED_CHARS_FILE, spellOutStyledChars);
