// Nothing is written before the game to play is settled: a --load that cannot be played ends the
// run (exit 2) with the disk as it was; an autosave this story cannot use is moved aside under its
// own name and never written over; ids the story renamed are migrated.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { GameHost } from '../../src/host/host.js';
import { SaveStore } from '../../src/saves/index.js';
import { blocksToText } from '../../src/narrate/index.js';
import { main, type Io } from '../../src/cli/main.js';
import type { World } from '../../src/engine/types.js';
import { mini } from '../engine/helpers.js';
import { makeTemp } from '../temp.js';

const tmp = () => makeTemp('nd-settled-');

function host(dir: string, world: World = mini) {
  const store = new SaveStore(dir, { world });
  return new GameHost({ world, seed: 1, store, gameVersion: 'test', now: () => new Date('2042-01-01T20:00:00Z') });
}

/** Every file in a folder with its bytes. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

function io(input: string, env: Record<string, string>): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const stdin = new PassThrough();
  stdin.end(input);
  return {
    io: {
      stdin, env: { ...env, NO_COLOR: '1' }, now: () => new Date('2042-01-01T20:00:00Z'),
      stdout: new Writable({ write(c, _e, cb) { out += String(c); cb(); } }) as Io['stdout'],
      stderr: new Writable({ write(c, _e, cb) { err += String(c); cb(); } }) as Io['stderr'],
    } as Io,
    out: () => out,
    err: () => err,
  };
}

describe('a --load that cannot be played', () => {
  it('is refused by the host with nothing written, for a missing slot and a damaged one', () => {
    const d = tmp();
    const a = host(d);
    a.start({ kind: 'new' });
    for (const l of ['take apple', 'e', 'w']) a.submit(l);
    writeFileSync(join(d, 'bad.json'), '{"format": 2, "sta');
    const before = snapshot(d);
    for (const name of ['typo', 'bad', '../up']) {
      const r = host(d).start({ kind: 'load', name });
      expect(r.refused).toBeTruthy();
      expect(r.blocks).toEqual([]);
    }
    expect(snapshot(d)).toEqual(before);
    rmSync(d, { recursive: true, force: true });
  });

  it('ends the run with exit 2 and one clear sentence; the autosave keeps every turn', async () => {
    const home = tmp();
    const first = io('take lamp\nn\ns\nlook\n', { NANODREAM_HOME: home });
    expect(await main(['--plain', '--new'], first.io)).toBe(0);
    const saves = join(home, 'saves');
    const before = snapshot(saves);
    const turn = JSON.parse(before['autosave.json']!).state.turn as number;
    expect(turn).toBeGreaterThan(1);
    const second = io('look\ni\n', { NANODREAM_HOME: home });
    expect(await main(['--plain', '--load', 'typo'], second.io)).toBe(2);
    expect(second.err()).toMatch(/^nanodream: There is no save called "typo"\.\n$/);
    expect(second.out()).toBe('');
    expect(snapshot(saves)).toEqual(before);
    rmSync(home, { recursive: true, force: true });
  });
});

describe('an autosave this version cannot use', () => {
  const foreign = (d: string) => {
    // A save of a story that had a room this one does not.
    const a = host(d);
    a.start({ kind: 'new' });
    a.submit('e');
    const file = join(d, 'autosave.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.state.loc.ann = 'attic';
    doc.undo = [];
    writeFileSync(file, JSON.stringify(doc));
    return readFileSync(file, 'utf8');
  };

  it('is moved aside, reported by its new name, and never written over', () => {
    const d = tmp();
    const text = foreign(d);
    const b = host(d);
    const opening = blocksToText(b.start({ kind: 'continue' }).blocks);
    expect(opening).toContain('autosave.json.incompatible-1');
    expect(opening).toContain('room "attic"');
    expect(readFileSync(join(d, 'autosave.json.incompatible-1'), 'utf8')).toBe(text);
    b.submit('take apple');
    expect(b.autosave()).toBeNull();
    expect(readFileSync(join(d, 'autosave.json.incompatible-1'), 'utf8')).toBe(text);
    expect(JSON.parse(readFileSync(join(d, 'autosave.json'), 'utf8')).state.loc.ann).toBe('hall');
    rmSync(d, { recursive: true, force: true });
  });

  it('is not written over when another slot was loaded and the game autosaves', () => {
    const d = tmp();
    const a = host(d);
    a.start({ kind: 'new' });
    a.submit('save other');
    const text = foreign(d);
    const b = host(d);
    expect(b.start({ kind: 'load', name: 'other' }).refused).toBeUndefined();
    b.submit('take apple');
    expect(b.autosave()).toBeNull();
    expect(readFileSync(join(d, 'autosave.json.incompatible-1'), 'utf8')).toBe(text);
    rmSync(d, { recursive: true, force: true });
  });

  it('loads when the story names the renamed things in its migration table', () => {
    const d = tmp();
    foreign(d);
    const renamed: World = { ...mini, game: { ...mini.game, renamed: { attic: 'study' } } };
    const b = host(d, renamed);
    const opening = blocksToText(b.start({ kind: 'continue' }).blocks);
    expect(opening).toContain('Welcome back');
    expect(b.state.loc.ann).toBe('study');
    expect(readdirSync(d).filter((f) => f.includes('incompatible'))).toEqual([]);
    rmSync(d, { recursive: true, force: true });
  });
});
