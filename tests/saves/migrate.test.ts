// Every save format ever released still loads: one fixture file per format, through the migrations.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_FORMAT, SAVE_FORMAT, migrate, migrations } from '../../src/saves/format.js';
import { SaveStore } from '../../src/saves/store.js';
import { makeState, makeWorld, tempDir } from './helpers.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
let dir: string;
afterEach(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

function storeWith(fixture: string, slot: string): SaveStore {
  dir = tempDir();
  fs.copyFileSync(path.join(fixtures, fixture), path.join(dir, `${slot}.json`));
  return new SaveStore(dir);
}

describe('format fixtures', () => {
  it('there is a fixture for every readable format and a migration for every step', () => {
    for (let f = MIN_FORMAT; f <= SAVE_FORMAT; f++) {
      expect(fs.existsSync(path.join(fixtures, `format-${f}.json`)), `fixtures/format-${f}.json`).toBe(true);
      if (f < SAVE_FORMAT) expect(typeof migrations[f], `migration ${f} -> ${f + 1}`).toBe('function');
    }
  });

  it('format 1 (0.1.0: `where`, epoch savedAt, no summary or undo) loads through the migration', () => {
    const store = storeWith('format-1.json', 'old');
    const r = store.load('old', makeWorld());
    expect(r.ok, !r.ok ? r.message : '').toBe(true);
    if (!r.ok) return;
    const { doc } = r.value;
    expect(r.value.migratedFrom).toBe(1);
    expect(r.value.notes.join(' ')).toMatch(/older version of nanodream/);
    expect(doc.format).toBe(SAVE_FORMAT);
    expect(doc.gameVersion).toBe('0.1.0');
    expect(doc.savedAt).toBe('2024-11-20T18:30:00.000Z');
    expect(doc.state).toEqual(makeState(7));
    expect(doc.undo).toEqual([]);
    expect(doc.summary).toMatchObject({ character: 'leo', characterName: 'Leo', turn: 7 });
    // Saved again, it is written in the current format.
    expect(store.save('old again', doc).ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'old+again.json'), 'utf8')).format).toBe(SAVE_FORMAT);
    expect(store.list().every((s) => s.ok)).toBe(true);
  });

  it('format 2 (current) loads with its undo history', () => {
    const store = storeWith('format-2.json', 'cur');
    const r = store.load('cur', makeWorld());
    expect(r.ok, !r.ok ? r.message : '').toBe(true);
    if (!r.ok) return;
    expect(r.value.migratedFrom).toBeNull();
    expect(r.value.doc.state).toEqual(makeState(12));
    expect(r.value.doc.undo).toEqual([makeState(9), makeState(10), makeState(11)]);
    expect(r.value.doc.summary).toEqual({ character: 'leo', characterName: 'Leo', place: makeState(12).loc.leo, placeName: 'Attic', turn: 12 }); // names refreshed from the world
  });
});

describe('migrate()', () => {
  it('refuses documents without a format, from the future, or from before MIN_FORMAT', () => {
    expect(migrate({})).toMatchObject({ ok: false, problem: expect.stringMatching(/no format number/) });
    expect(migrate({ format: SAVE_FORMAT + 1 })).toMatchObject({ ok: false, problem: expect.stringMatching(/newer nanodream/) });
    expect(migrate({ format: 0 })).toMatchObject({ ok: false });
  });
  it('a mangled format-1 document comes out as something validation refuses, not a crash', () => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'm.json'), JSON.stringify({ format: 1, version: 3, savedAt: 'x', state: 5 }));
    const r = new SaveStore(dir).load('m');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/Save "m" cannot be loaded: it does not have the shape of a save/);
  });
});
