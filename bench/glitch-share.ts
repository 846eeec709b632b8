// How much of line mode's output is glitch damage: the longest walkthrough played through the
// host and rendered as `nanodream --plain` prints it (no colour, 80 columns), counting the words
// of each glitched block beyond its clean text. Issue 15 asks for at most 5%.
// Run: npx tsx bench/glitch-share.ts [--base DIR]   (DIR: another checkout, measured the same way)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { longestWalkthrough } from './walkthrough.js';

const args = process.argv.slice(2);
const base = args.includes('--base') ? args[args.indexOf('--base') + 1] : undefined;
const here = resolve(import.meta.dirname, '..');


const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

async function measure(root: string): Promise<string> {
  const url = (p: string) => pathToFileURL(join(root, p)).href;
  const { loadContent } = await import(url('src/content/load.ts'));
  const { GameHost } = await import(url('src/host/host.ts'));
  // The line-mode renderer moved from src/plain/render.ts to src/render/text.ts.
  const { renderBlocks } = await import(url(existsSync(join(root, 'src/render/text.ts')) ? 'src/render/text.ts' : 'src/plain/render.ts'));
  const world = loadContent(join(root, 'content'));
  const walk = longestWalkthrough(root);
  const host = new GameHost({ world, seed: 1, store: null, gameVersion: 'bench' });
  const r = { color: false, width: 79, screenReader: false, reducedMotion: false };
  const shown = new Set<string>();
  let total = 0;
  let damage = 0;
  // Each reply as line mode prints it (renderBlocks), against the same reply printed clean.
  const count = (blocks: { spans: { text: string }[]; glitch?: unknown }[]) => {
    const out = renderBlocks(blocks, r, host.state.memories, shown);
    const clean = renderBlocks(blocks.map((b) => ({ spans: b.spans })), r);
    total += words(out);
    damage += Math.max(0, words(out) - words(clean));
  };
  count(host.start({ kind: 'new' }).blocks);
  for (const c of walk.commands) count(host.submit(c).blocks);
  return `${walk.name} (${walk.commands.length} commands): ${damage} of ${total} words are glitch damage, ${(100 * damage / total).toFixed(1)}%`;
}

if (base) console.log(`base: ${await measure(resolve(base))}`);
console.log(`this: ${await measure(here)}`);
