// The dependency rules of shared/DESIGN.md, checked by `npm test` (npm run depcheck): a wrong
// import fails the tests. Layers, from the bottom:
//   shared, parser -> engine -> narrate, glitch, render -> saves, host -> comforts -> ui, plain -> cli
// and content/check/tools beside them. The engine and the parser are pure: no Node I/O.
const PURE_NODE = '^(node:)?(fs|fs/promises|path|os|process|child_process|net|http|https|tty|readline|worker_threads|stream)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'engine-is-pure',
      comment: 'The engine imports only itself, the parser and shared vocabulary: no content files, glitch, saves, front ends or Node I/O.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { pathNot: '^src/(engine|parser|shared)/', dependencyTypesNot: ['npm', 'npm-dev'] },
    },
    {
      name: 'engine-no-node-io',
      severity: 'error',
      from: { path: '^src/(engine|parser|shared|glitch|narrate)/' },
      to: { dependencyTypes: ['core'], path: PURE_NODE },
    },
    {
      name: 'parser-below-engine',
      comment: 'The parser never imports the engine (Direction and the like live in src/shared).',
      severity: 'error',
      from: { path: '^src/parser/' },
      to: { pathNot: '^src/(parser|shared)/', dependencyTypesNot: ['npm', 'npm-dev'] },
    },
    {
      name: 'glitch-is-presentation',
      comment: 'The glitch is pure presentation: it imports no game module.',
      severity: 'error',
      from: { path: '^src/glitch/' },
      to: { path: '^src/(engine|host|saves|ui|plain|cli|content|comforts|narrate)/' },
    },
    {
      name: 'front-ends-apart',
      comment: 'The two front ends share src/render, src/host and src/narrate; neither imports the other.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(plain|cli)/' },
    },
    {
      name: 'plain-apart',
      severity: 'error',
      from: { path: '^src/plain/' },
      to: { path: '^src/(ui|cli)/' },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'The command line wires everything together; nothing imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-saves-and-edges-touch-disk',
      comment: 'Files are read and written by saves, content loading, the checker, tools and the command line only.',
      severity: 'error',
      from: { path: '^src/(engine|parser|narrate|glitch|render|host|ui)/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/engine/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
