// Saving, listing, loading and deleting slots, and what happens when files or disks go wrong.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveStore, type FsLike } from '../../src/saves/store.js';
import { makeSaveDoc, type SaveDoc } from '../../src/saves/doc.js';
import { UNDO_DEPTH } from '../../src/engine/index.js';
import { checkSlotName } from '../../src/saves/slot-name.js';
import { makeState, makeWorld, tempDir } from './helpers.js';

const fixedNow = () => new Date('2025-01-02T03:04:05.000Z');

function doc(turn: number, undoDepth = 0, now = fixedNow): SaveDoc {
  const undo = Array.from({ length: undoDepth }, (_, i) => makeState(turn - undoDepth + i));
  return makeSaveDoc({
    state: makeState(turn), undo, gameVersion: '0.2.0', contentVersion: '1', characterName: 'Leo',
    placeName: 'Bedroom', now,
  });
}

let dir: string;
let store: SaveStore;
beforeEach(() => { dir = tempDir(); store = new SaveStore(dir, { now: fixedNow }); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

describe('slot names', () => {
  const refused = ['../x', '/etc/passwd', 'a\u0007b', 'x'.repeat(41), '', '   ', 'a.b', 'a/b', 'a\\b', 'naïve', 'CON', 'nul'];
  for (const name of refused) {
    it(`refuses ${JSON.stringify(name)} and writes nothing`, () => {
      const r = store.save(name, doc(1));
      expect(r.ok).toBe(false);
      if (!r.ok) { expect(r.code).toBe('bad-name'); expect(r.message.length).toBeGreaterThan(10); }
      expect(files()).toEqual([]);
      expect(fs.existsSync('/etc/passwd.json')).toBe(false);
      expect(fs.existsSync(path.join(path.dirname(dir), 'x.json'))).toBe(false);
    });
  }
  it('names control characters in the message', () => {
    const r = checkSlotName('a\u0007b');
    expect(!r.ok && r.message).toMatch(/control character \(code 7\)/);
  });
  it('accepts letters, digits, spaces, - and _ up to 40 characters', () => {
    for (const name of ['a', 'Before the gate', 'run-2_final', 'x'.repeat(40)]) {
      expect(store.save(name, doc(1)).ok).toBe(true);
      expect(store.load(name).ok).toBe(true);
    }
  });
  it('refuses to write a document it could not read back', () => {
    const d = doc(1);
    (d.summary as { characterName: unknown }).characterName = undefined;
    const r = store.save('odd', d);
    expect(r).toMatchObject({ ok: false, code: 'invalid' });
    expect(!r.ok && r.message).toMatch(/"summary\.characterName" is missing/);
    const bad = doc(1);
    (bad.state as { turn: unknown }).turn = -1;
    expect(store.save('odd', bad).ok).toBe(false);
    expect(files()).toEqual([]);
  });
  it('keeps autosave names for the game', () => {
    const r = store.save('autosave', doc(1));
    expect(r.ok).toBe(false);
    expect(files()).toEqual([]);
  });
});

describe('save, list, load, delete', () => {
  it('round-trips a save with its undo history', () => {
    const d = doc(200, 150);
    expect(store.save('my game', d).ok).toBe(true);
    expect(files()).toEqual(['my+game.json']);
    const r = store.load('my game');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc).toEqual(d);
    expect(r.value.doc.undo).toHaveLength(150);
    expect(r.value.migratedFrom).toBeNull();
    expect(r.value.notes).toEqual([]);
  });

  it('keeps at most UNDO_DEPTH undo states, the newest ones', () => {
    expect(UNDO_DEPTH).toBeGreaterThanOrEqual(100);
    const d = doc(300, 220);
    store.save('deep', d);
    const r = store.load('deep');
    expect(r.ok && r.value.doc.undo.length).toBe(UNDO_DEPTH);
    expect(r.ok && r.value.doc.undo.at(-1)!.turn).toBe(299);
    expect(r.ok && r.value.doc.undo[0]!.turn).toBe(300 - UNDO_DEPTH);
  });

  it('lists slots with name, character, place, turn and when saved, newest first', () => {
    const s = new SaveStore(dir, { now: fixedNow });
    const at = (n: number) => () => new Date(Date.UTC(2025, 0, 1, 0, n));
    s.save('older', doc(3, 0, at(1)));
    s.save('newer', doc(9, 0, at(2)));
    s.autosave(doc(10, 0, at(3)));
    const list = s.list();
    expect(list.map((x) => x.name)).toEqual(['autosave', 'newer', 'older']);
    expect(list[1]).toEqual({
      name: 'newer', character: 'leo', characterName: 'Leo', place: makeState(9).loc.leo, placeName: 'Bedroom',
      turn: 9, savedAt: '2025-01-01T00:02:00.000Z', ok: true,
    });
  });

  it('deletes a slot', () => {
    store.save('gone', doc(1));
    store.save('stays', doc(1));
    expect(store.delete('gone').ok).toBe(true);
    expect(store.list().map((x) => x.name)).toEqual(['stays']);
    const again = store.delete('gone');
    expect(again.ok).toBe(false);
    expect(!again.ok && again.code).toBe('missing');
    expect(store.delete('../stays').ok).toBe(false);
    expect(store.load('stays').ok).toBe(true);
  });

  it('says plainly when a slot does not exist', () => {
    const r = store.load('nothing here');
    expect(r).toMatchObject({ ok: false, code: 'missing', message: 'There is no save called "nothing here".' });
  });
});

describe('autosave', () => {
  it('autosaves and rotates it aside for --new without destroying it', () => {
    store.autosave(doc(5));
    expect(store.load('autosave').ok).toBe(true);
    const rot = store.rotateAutosave();
    expect(rot).toMatchObject({ ok: true, value: { kept: true } });
    expect(store.load('autosave')).toMatchObject({ ok: false, code: 'missing' });
    const prev = store.load('autosave-previous');
    expect(prev.ok && prev.value.doc.state.turn).toBe(5);
    store.autosave(doc(1));
    expect(store.list().map((x) => x.name).sort()).toEqual(['autosave', 'autosave-previous']);
  });
  it('a damaged autosave is set aside on --new and does not replace a good previous one', () => {
    store.autosave(doc(5));
    store.rotateAutosave();
    fs.writeFileSync(path.join(dir, 'autosave.json'), '{"format":2,');
    const r = new SaveStore(dir).rotateAutosave();
    expect(r).toMatchObject({ ok: true, value: { kept: false } });
    expect(r.ok && r.message).toMatch(/kept as autosave\.json\.broken-1/);
    const prev = store.load('autosave-previous');
    expect(prev.ok && prev.value.doc.state.turn).toBe(5);
  });
  it('rotating with no autosave is fine', () => {
    expect(store.rotateAutosave()).toMatchObject({ ok: true, value: { kept: false } });
  });
});

describe('broken files', () => {
  const good = () => { store.save('good one', doc(4)); };
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);

  function expectBroken(slotFile: string, slot: string, problem: RegExp) {
    const before = fs.readFileSync(path.join(dir, slotFile), 'utf8');
    const r = store.load(slot);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`"${slot}"`);
      expect(r.message).toMatch(problem);
    }
    // Left where it is, untouched.
    expect(fs.readFileSync(path.join(dir, slotFile), 'utf8')).toBe(before);
    // The other slots still list and load.
    const list = store.list();
    expect(list.find((x) => x.name === 'good one')).toMatchObject({ ok: true, turn: 4 });
    expect(list.find((x) => x.name === slot)).toMatchObject({ ok: false });
    expect(list.find((x) => x.name === slot)!.problem).toMatch(problem);
    expect(store.load('good one').ok).toBe(true);
  }

  it('truncated file', () => {
    good();
    const full = fs.readFileSync(path.join(dir, 'good+one.json'), 'utf8');
    write('cut.json', full.slice(0, Math.floor(full.length / 2)));
    expectBroken('cut.json', 'cut', /cut short/);
  });
  it('empty file', () => { good(); write('empty.json', ''); expectBroken('empty.json', 'empty', /empty/); });
  it('not JSON', () => { good(); write('junk.json', 'hello <xml/>'); expectBroken('junk.json', 'junk', /not valid JSON/); });
  it('a JSON array', () => { good(); write('arr.json', '[1,2]'); expectBroken('arr.json', 'arr', /does not hold a save/); });
  it('hand-edited into the wrong types', () => {
    good();
    const d = JSON.parse(fs.readFileSync(path.join(dir, 'good+one.json'), 'utf8'));
    d.state.turn = '12';
    d.state.flags.flag_1 = 'yes';
    write('edited.json', JSON.stringify(d));
    expectBroken('edited.json', 'edited', /"state\.turn" should be a number, but it is text \("12"\)/);
  });
  it('a missing field', () => {
    good();
    const d = JSON.parse(fs.readFileSync(path.join(dir, 'good+one.json'), 'utf8'));
    delete d.state.player;
    write('nop.json', JSON.stringify(d));
    expectBroken('nop.json', 'nop', /"state\.player" is missing/);
  });
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`a ${key} key, without polluting Object.prototype`, () => {
      good();
      const text = fs.readFileSync(path.join(dir, 'good+one.json'), 'utf8')
        .replace('"flags":{', `"flags":{"${key}":{"polluted":true,"isAdmin":true},`);
      write('evil.json', text);
      expectBroken('evil.json', 'evil', new RegExp(`forbidden key "${key}" at "state\\.flags"`));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  }
  it('a save from a newer format', () => {
    good();
    const d = JSON.parse(fs.readFileSync(path.join(dir, 'good+one.json'), 'utf8'));
    d.format = 7;
    write('future.json', JSON.stringify(d));
    expectBroken('future.json', 'future', /newer nanodream \(save format 7/);
  });
  it('a save for content whose rooms and items are gone lists what is missing', () => {
    good();
    const s = makeState(3);
    s.loc.leo = 'old_cellar';
    s.loc.old_key = 'hallway';
    s.visited.leo = ['bedroom', 'old_cellar', 'secret_room'];
    store.save('old story', makeSaveDoc({ state: s, undo: [], gameVersion: '0.1', contentVersion: '0', now: fixedNow }));
    const before = fs.readFileSync(path.join(dir, 'old+story.json'), 'utf8');
    const r = store.load('old story', makeWorld());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('content');
      expect(r.message).toContain('"old story"');
      expect(r.message).toContain('room "old_cellar"');
      expect(r.message).toContain('item "old_key"');
      expect(r.message).toContain('room "secret_room"');
    }
    expect(fs.readFileSync(path.join(dir, 'old+story.json'), 'utf8')).toBe(before);
    expect(store.load('good one', makeWorld()).ok).toBe(true);
  });
  it('a save from before a content edit loads when everything it names still exists', () => {
    store.save('pre edit', makeSaveDoc({ state: makeState(8), undo: [makeState(7)], gameVersion: '0.1', contentVersion: 'old', now: fixedNow }));
    const r = store.load('pre edit', makeWorld());
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.doc.summary.characterName).toBe('Leo');
  });
  it('undo states naming missing content are dropped, the game still loads', () => {
    const old = makeState(1); old.loc.leo = 'gone_room';
    store.save('partial', makeSaveDoc({ state: makeState(3), undo: [old, makeState(2)], gameVersion: '0.1', contentVersion: '1', now: fixedNow }));
    const r = store.load('partial', makeWorld());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.doc.undo.map((s) => s.turn)).toEqual([2]);
      expect(r.value.notes.join(' ')).toMatch(/Only the last 1 turns/);
    }
  });
  it('a damaged undo history costs the history, not the game', () => {
    store.save('u', doc(10, 5));
    const p = path.join(dir, 'u.json');
    const d = JSON.parse(fs.readFileSync(p, 'utf8'));
    d.undo[3] = 'garbage';
    fs.writeFileSync(p, JSON.stringify(d));
    const r = store.load('u');
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.doc.undo.map((s) => s.turn)).toEqual([9]);
  });
  it('saving over a damaged file sets the damaged file aside instead of overwriting it', () => {
    write('slot.json', '{"format": 2, "sta');
    const fresh = new SaveStore(dir, { now: fixedNow });
    const r = fresh.save('slot', doc(2));
    expect(r.ok).toBe(true);
    expect(r.ok && r.message).toMatch(/kept as slot\.json\.broken-1/);
    expect(fs.readFileSync(path.join(dir, 'slot.json.broken-1'), 'utf8')).toBe('{"format": 2, "sta');
    expect(fresh.load('slot').ok).toBe(true);
    expect(fresh.list().map((x) => x.name)).toEqual(['slot']);
  });
});

describe('newer saves are never written over', () => {
  it('autosaving over a newer-format autosave keeps it as .newer-1', () => {
    fs.writeFileSync(path.join(dir, 'autosave.json'), JSON.stringify({ format: 99, future: true }));
    const r = store.autosave(doc(1));
    expect(r.ok && r.message).toMatch(/newer nanodream.*kept as autosave\.json\.newer-1/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'autosave.json.newer-1'), 'utf8')).future).toBe(true);
    expect(store.load('autosave').ok).toBe(true);
  });
});

describe('disk faults', () => {
  function faultyFs(code: string, op: keyof FsLike = 'writeSync'): FsLike {
    return {
      ...fs,
      [op]: () => { const e = new Error(`${code}: simulated`) as NodeJS.ErrnoException; e.code = code; throw e; },
    } as FsLike;
  }
  for (const [code, words] of [['ENOSPC', /disk is full/], ['EROFS', /read-only/], ['EACCES', /permission/]] as const) {
    for (const op of ['writeSync', 'openSync', 'renameSync', 'fsyncSync'] as const) {
      it(`${code} on ${op}: message, old save intact, no temp files left`, () => {
        store.save('keep', doc(1));
        const before = fs.readFileSync(path.join(dir, 'keep.json'), 'utf8');
        const bad = new SaveStore(dir, { now: fixedNow, fs: faultyFs(code, op) });
        const r = bad.save('keep', doc(2, 3));
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.code).toBe('io');
          expect(r.message).toMatch(words);
          expect(r.message).toMatch(/last good save of "keep" is untouched/);
          // One sentence of each: the folder, what went wrong, what to do; no errno text.
          expect(r.message).toContain(`in ${dir}:`);
          expect(r.message).toMatch(code === 'ENOSPC' ? /Free some space/ : /--home DIR/);
          // (The folder's random name is taken out first: it may hold capitals like EGMT.)
          expect(r.message.replace(dir, '')).not.toMatch(/simulated|\bE[A-Z]{3,}\b/);
          expect(r.message).not.toMatch(/game goes on/);
        }
        expect(fs.readFileSync(path.join(dir, 'keep.json'), 'utf8')).toBe(before);
        expect(files()).toEqual(['keep.json']);
        const a = bad.autosave(doc(2));
        expect(a.ok).toBe(false);
        expect(!a.ok && a.message).toMatch(/Nothing was written/);
      });
    }
  }
  it('a save folder that cannot be created', () => {
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, 'x');
    const s = new SaveStore(path.join(blocker, 'saves'));
    const r = s.save('a', doc(1));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/not a usable folder[\s\S]*--home DIR/);
    expect(s.list()).toEqual([]);
  });

  it('a folder on a read-only disk: the real reason, though recursive mkdir says ENOENT', () => {
    const missing = path.join(dir, 'a', 'b', 'saves');
    const roFs = {
      ...fs,
      mkdirSync: (p: fs.PathLike, o?: fs.MakeDirectoryOptions) => {
        const e = new Error('simulated') as NodeJS.ErrnoException;
        e.code = o && typeof o === 'object' && o.recursive ? 'ENOENT' : 'EROFS';
        throw e;
      },
    } as FsLike;
    const r = new SaveStore(missing, { now: fixedNow, fs: roFs }).save('a', doc(1));
    expect(!r.ok && r.message).toMatch(/in .*saves: the disk is read-only\. Nothing was written\. Play with a folder you can write to/);
  });
});

describe('temporary files', () => {
  it('are never listed as slots, and leftovers of dead processes are removed', () => {
    store.save('real', doc(1));
    fs.writeFileSync(path.join(dir, 'real.json.tmp-999999-abcdef'), '{"half');
    fs.writeFileSync(path.join(dir, `real.json.tmp-${process.pid}-abcdef`), '{"half');
    const s = new SaveStore(dir, { now: fixedNow, isAlive: (pid) => pid === process.pid });
    expect(s.list().map((x) => x.name)).toEqual(['real']);
    expect(files()).toEqual(['real.json', `real.json.tmp-${process.pid}-abcdef`]);
  });
});
