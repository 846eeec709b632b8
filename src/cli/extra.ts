// What the built game loads only when asked (dist/extra.cjs): the commander program (help,
// subcommands, the checker, the preview), the YAML story loader and conf. Keeping these out of
// dist/core.cjs leaves the core one flat script that V8 loads from its code cache quickly; the
// core reaches them through small stand-ins the build puts where these modules were imported.
export { runProgram } from './program.js';
export { loadContent } from '../content/load.js';
export { default as Conf } from 'conf';
// The prose check's worker thread (dist/prose-worker.cjs) runs this: the tagger is here already.
export { proseThread } from '../check/prose-thread.js';
