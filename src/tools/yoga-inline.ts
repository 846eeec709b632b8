// yoga (ink's layout engine) ships its WebAssembly as a base64 `data:` URL, and its Emscripten
// loader reads it with `fetch()` whenever a global `fetch` exists, as it does in Node 18 and later.
// The first call to Node's `fetch` loads undici, the whole HTTP client, with llhttp's own
// WebAssembly: about 11 MB of memory and 40 ms for a program that never goes online. Without
// `fetch` the same loader decodes the URL in place (its "sync" path, which Node has always taken
// before 18).
//
// The bundle's yoga sees no `fetch`: a module-level `const fetch = undefined` shadows the global
// in yoga's file alone. The build fails if the loader no longer asks for `fetch` the same way, so
// a new yoga is looked at again; `tests/ui/yoga-inline.test.ts` checks the rewrite and that the
// screen's bundle loads without undici.
import { rewritingPlugin } from './rewrite-plugin.js';

/** yoga's loader with the WebAssembly inline. */
export const YOGA_FILE = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;

/** yoga's loader with `fetch` shadowed; throws when it no longer reads as expected. */
export function yogaWithoutFetch(source: string): string {
  if (!source.includes('"function"!=typeof fetch') || /\b(?:var|let|const|function)\s+fetch\b/.test(source)) {
    throw new Error('yoga-layout: its loader no longer tests `typeof fetch` as expected; check src/tools/yoga-inline.ts against the new version');
  }
  return `const fetch = undefined;\n${source}`;
}

/** esbuild plugin: bundles yoga so that it decodes its WebAssembly without Node's fetch. */
export const yogaInline = rewritingPlugin('yoga-inline', YOGA_FILE, yogaWithoutFetch);
