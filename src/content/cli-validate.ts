// Writers' quick check: `npx tsx src/content/cli-validate.ts [DIR]` loads and validates content/.
import { loadContent, ContentError } from './load.js';
import { checkReferences } from './references.js';

const dir = process.argv[2] ?? 'content';
try {
  const w = loadContent(dir);
  const { warnings } = checkReferences(w);
  for (const x of warnings) console.log(`warning: ${x}`);
  console.log(`ok: ${Object.keys(w.rooms).length} rooms, ${Object.keys(w.items).length} items, ${Object.keys(w.characters).length} characters, ${w.scenes.length} scenes`);
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  for (const p of e.problems) console.log(`error: ${p}`);
  process.exitCode = 1;
}
