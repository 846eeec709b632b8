// A game in play with real save files: save, restore, undo after restore, delete and restart
// with confirmation, a broken autosave, and a disk that refuses to write.
import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GameHost } from '../../src/host/host.js';
import { SaveStore } from '../../src/saves/index.js';
import { blocksToText } from '../../src/narrate/index.js';
import { mini } from '../engine/helpers.js';
import { makeTemp } from '../temp.js';

const dir = () => makeTemp('nd-host-');

function open(saves: string, store = new SaveStore(saves)) {
  const host = new GameHost({ world: mini, seed: 1, store, gameVersion: 'test', now: () => new Date('2042-01-01T20:00:00Z') });
  return {
    host,
    start: (mode: Parameters<GameHost['start']>[0] = { kind: 'continue' }) => blocksToText(host.start(mode).blocks),
    say: (l: string) => blocksToText(host.submit(l).blocks),
  };
}

describe('the host and the disk', () => {
  it('autosaves every turn, and the next start continues where the player was', () => {
    const d = dir();
    const a = open(d);
    a.start();
    a.say('take apple');
    a.say('e');
    const b = open(d);
    const text = b.start();
    expect(text).toContain('Welcome back');
    expect(text).toContain('Study');
    expect(b.say('i')).toContain('an apple');
  });
  it('undo still works right after a restore', () => {
    const d = dir();
    const a = open(d);
    a.start({ kind: 'new' });
    for (const l of ['take apple', 'e', 'w', 'take glass key']) a.say(l);
    expect(a.say('save evening')).toContain('Saved as "evening"');
    const b = open(d);
    b.start({ kind: 'new' });
    expect(b.say('restore evening')).toContain('Restored "evening"');
    expect(b.say('undo')).toContain('Taken back');
    expect(b.say('i')).not.toContain('glass key');
    expect(b.say('undo')).toContain('Taken back');
    expect(b.say('undo')).toContain('Taken back');
    expect(b.host.state.loc.ann).toBe('hall');
  });
  it('delete and restart ask first; anything but yes keeps everything', () => {
    const d = dir();
    const a = open(d);
    a.start({ kind: 'new' });
    a.say('save one');
    expect(a.say('delete one')).toContain('Are you sure');
    expect(a.say('no')).toContain('nothing has changed');
    expect(a.say('saves')).toContain('one');
    a.say('delete one');
    expect(a.say('yes')).toContain('Deleted');
    expect(a.say('saves')).not.toMatch(/\bone\b/);
    a.say('e');
    expect(a.say('restart')).toContain('Are you sure');
    expect(a.say('yes')).toContain('The story begins again.');
    expect(a.host.state.loc.ann).toBe('hall');
  });
  it('a broken autosave is reported by name, left on disk, and the game starts', () => {
    const d = dir();
    const a = open(d);
    a.start({ kind: 'new' });
    a.say('save good');
    writeFileSync(join(d, 'autosave.json'), '{"format": 2, "state": ');
    const b = open(d);
    const text = b.start();
    expect(text).toMatch(/autosave/i);
    expect(text).toContain('Hall');
    expect(readdirSync(d).some((f) => f.startsWith('autosave'))).toBe(true);
    expect(b.say('restore good')).toContain('Restored "good"');
  });
  it('a disk that refuses writes gives a message; the game goes on and the old save stays whole', () => {
    const d = dir();
    open(d).start({ kind: 'new' });
    const good = open(d);
    good.start();
    good.say('save keep');
    const before = fs.readFileSync(join(d, 'keep.json'), 'utf8');
    const full = { ...fs, writeSync: () => { const e = new Error('no space') as NodeJS.ErrnoException; e.code = 'ENOSPC'; throw e; } } as typeof fs;
    const g = open(d, new SaveStore(d, { fs: full }));
    // The game's snapshot is written as it starts: the refusal is said there, once.
    expect(g.start()).toMatch(/Autosave failed/);
    const r = g.say('e');
    expect(r).toContain('Study');
    expect(r).not.toMatch(/Autosave failed/);
    expect(g.say('save keep')).toMatch(/space|disk|full/i);
    expect(fs.readFileSync(join(d, 'keep.json'), 'utf8')).toBe(before);
    expect(g.say('w')).toContain('Hall');
  });
});
