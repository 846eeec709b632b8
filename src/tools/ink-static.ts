// ink keeps every line it has ever written through <Static> in one string (`fullStaticOutput`),
// for one case: when the live area is as tall as the terminal, it clears the screen and writes
// the whole transcript again above it. The game's live area (a glitch frame cut to fit, the
// status line and the prompt) never reaches the terminal's height, so that string only grew:
// over a long game the whole transcript, already on the screen, stayed in memory (issue 15).
//
// The bundle's ink keeps only the latest piece it wrote. It still knows that something was
// written (at exit it must not draw <Static> again, ink's issue #397, which it tells by the
// string being empty), and were the live area ever to fill the terminal, the redraw would show
// the latest piece above it rather than the whole game. The build fails if the line changes, so
// a new ink is looked at again; `tests/ui/ink-static.test.ts` checks the rewrite.
import { rewritingPlugin } from './rewrite-plugin.js';

/** ink's file that writes frames. */
export const INK_FILE = /[\\/]ink[\\/]build[\\/]ink\.js$/;

// The non-debug accumulation: the debug branch (which rewrites everything on every frame, and
// needs the whole string) comes first and is left alone.
const KEEP_ALL = /(if \(hasStaticOutput\) \{\s*)this\.fullStaticOutput \+= staticOutput;(\s*\}\s*\/\/ Detect fullscreen)/;

/** ink's source keeping only the latest static piece outside debug mode; throws when the line is not there. */
export function keepLatestStatic(source: string): string {
  if (!KEEP_ALL.test(source)) {
    throw new Error('ink: onRender no longer adds each static piece to fullStaticOutput before "Detect fullscreen"; check src/tools/ink-static.ts against the new version');
  }
  return source.replace(KEEP_ALL, '$1this.fullStaticOutput = staticOutput;$2');
}

/** esbuild plugin: bundles ink without the transcript it would keep in memory. */
export const inkKeepsLatestStatic = rewritingPlugin('ink-keeps-latest-static', INK_FILE, keepLatestStatic);
