// Save and restore timings and the size of a save late in the game.
// Run: npx tsx bench/saves.ts [WALKTHROUGH]. Plays the longest walkthrough in tests/playthroughs
// (or the given file) through the engine, then saves and loads that late game repeatedly.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/content/load.js';
import { newSession, play, roomOf } from '../src/engine/index.js';
import { SaveStore, makeSaveDoc, trimUndo } from '../src/saves/index.js';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'tests/playthroughs');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));
const pick = process.argv[2] ?? files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
if (!pick) throw new Error('No walkthrough to play: give a file of commands.');
const commands = readFileSync(pick, 'utf8').split('\n').filter((l) => l.startsWith('>')).map((l) => l.slice(1).trim());
const lines = commands.length ? commands : readFileSync(pick, 'utf8').split('\n').filter((l) => l.trim());

const world = loadContent(join(root, 'content'));
let session = newSession(world, 0);
for (const l of lines) session = play(world, session, l).session;

const store = new SaveStore(mkdtempSync(join(tmpdir(), 'nd-bench-saves-')));
const doc = () =>
  makeSaveDoc({
    state: session.state,
    undo: trimUndo(session.undo.map((u) => u.state)),
    gameVersion: 'bench',
    contentVersion: world.game.version,
    characterName: world.characters[session.state.player]?.name,
    placeName: world.rooms[roomOf(session.state, session.state.player)]?.name,
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const saveMs: number[] = [];
const loadMs: number[] = [];
for (let i = 0; i < 25; i++) {
  let t = performance.now();
  const r = store.save('late game', doc());
  saveMs.push(performance.now() - t);
  if (!r.ok) throw new Error(r.message);
  t = performance.now();
  const l = store.load('late game', world);
  loadMs.push(performance.now() - t);
  if (!l.ok) throw new Error(l.message);
}
const size = statSync(store.pathOf('late game')).size;
const result = {
  walkthrough: pick.split('/').pop(),
  turns: session.state.turn,
  undoStates: session.undo.length,
  stateBytes: JSON.stringify(session.state).length,
  saveBytes: size,
  saveMedianMs: +median(saveMs).toFixed(2),
  loadMedianMs: +median(loadMs).toFixed(2),
};
console.log(`walkthrough ${result.walkthrough}: ${result.turns} turns, ${result.undoStates} undo states`);
console.log(`state ${result.stateBytes} bytes; save file ${result.saveBytes} bytes`);
console.log(`save median ${result.saveMedianMs} ms (with fsync); load median ${result.loadMedianMs} ms (validated, undo decoded)`);
console.log(JSON.stringify(result));
