// A game process that does nothing but save, for the kill tests: argv = <dir> <slot,slot,...>.
// Alternates big and small documents so a kill can land anywhere inside a large write.

import { SaveStore } from '../../src/saves/store.js';
import { makeSaveDoc } from '../../src/saves/doc.js';
import { makeState } from './helpers.js';

const [dir, slotList] = process.argv.slice(2) as [string, string];
const slots = slotList.split(',');
const store = new SaveStore(dir);
const BIG_MEMORIES = Array.from({ length: 3000 }, (_, i) => `memory ${i} `.padEnd(300, '~'));

for (let i = 0; ; i++) {
  const big = i % 2 === 0;
  const state = makeState(i, { lastInput: `${big ? 'big' : 'small'}:${process.pid}:${i}`, memories: big ? BIG_MEMORIES : ['one'] });
  const undo = big ? Array.from({ length: 150 }, (_, k) => makeState(k)) : [];
  const doc = makeSaveDoc({ state, undo, gameVersion: 'test', contentVersion: 'test' });
  const slot = slots[i % slots.length]!;
  const r = slot === 'autosave' ? store.autosave(doc) : store.save(slot, doc);
  if (!r.ok) { process.stderr.write(r.message + '\n'); process.exit(2); }
  if (i === slots.length - 1) process.stdout.write('ready\n');
}
