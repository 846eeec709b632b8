// The slot table reads like the game shows it.

import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSlotTable, openSaves } from '../../src/saves/index.js';
import { makeSaveDoc } from '../../src/saves/doc.js';
import { makeState, tempDir } from './helpers.js';

describe('slot table', () => {
  it('shows name, character, place, turn and when saved; damaged slots say why', () => {
    const home = tempDir();
    const { store, settings } = openSaves({ env: { NANODREAM_HOME: home } });
    expect(settings.get('color')).toBe(true);
    store.save('by the gate', makeSaveDoc({ state: makeState(42), undo: [], gameVersion: '1', contentVersion: '1', characterName: 'Leo', placeName: 'The Dream Gate', now: () => new Date('2025-05-06T07:08:00Z') }));
    fs.writeFileSync(`${store.dir}/bad.json`, '{');
    const lines = formatSlotTable(store.list(), (iso) => iso.slice(0, 16).replace('T', ' '));
    expect(lines).toEqual([
      'Name         Character  Place           Turn  Saved',
      'by the gate  Leo        The Dream Gate    42  2025-05-06 07:08',
      'bad: cannot be loaded (the file is cut short (it ends in the middle of the data))',
    ]);
    expect(formatSlotTable([])).toEqual(['There are no saves yet.']);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
