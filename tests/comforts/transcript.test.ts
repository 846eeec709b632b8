// TRANSCRIPT: commands and replies as plain text in the player's folder, never outside it.
import { describe, it, expect, afterEach } from 'vitest';
import { readFileSync, existsSync, readdirSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { Transcript, type TranscriptFs } from '../../src/comforts/index.js';
import { tempHome } from './helpers.js';

const clock = () => new Date(2026, 2, 14, 21, 5);

function fakeFs(existing: string[] = []) {
  const files = new Map<string, string>(existing.map((f) => [f, '']));
  const dirs: string[] = [];
  let fail: NodeJS.ErrnoException | null = null;
  const fs: TranscriptFs = {
    mkdir: (d) => void dirs.push(d),
    append: (f, t) => {
      if (fail) throw fail;
      files.set(f, (files.get(f) ?? '') + t);
    },
    exists: (f) => files.has(f),
  };
  return { fs, files, dirs, failWith: (code: string) => (fail = Object.assign(new Error(code), { code })) };
}

describe('Transcript', () => {
  const dir = '/home/p/nanodream/transcripts';

  it('names the file after the date by default, numbering when it exists', () => {
    const f = fakeFs([`${dir}/transcript-2026-03-14.txt`]);
    const t = new Transcript({ fs: f.fs, now: clock });
    const n = t.start(undefined, dir, 'Game: a transcript.');
    expect(n).toEqual({ id: 'transcript.started', params: { file: `${dir}/transcript-2026-03-14-2.txt` } });
    expect(t.active).toBe(true);
    expect(f.files.get(`${dir}/transcript-2026-03-14-2.txt`)).toBe('Game: a transcript.\n2026-03-14 21:05\n\n');
    expect(f.dirs).toEqual([dir]);
  });

  it('names files as saves are named, in the folder itself, with .txt added', () => {
    const f = fakeFs();
    const t = new Transcript({ fs: f.fs, now: clock });
    expect(t.start('night-one', dir).params?.file).toBe(`${dir}/night-one.txt`);
    t.stop();
    expect(t.start('"Act 2 first_try.txt"', dir).params?.file).toBe(`${dir}/Act 2 first_try.txt`);
    t.stop();
    // Folders and other endings are not save names.
    expect(t.start('"Act 2/first try.log"', dir).id).toBe('transcript.outside');
    expect(t.start(`${dir}/inside.txt`, dir).id).toBe('transcript.outside');
    expect(t.start('a/../../up', dir).id).toBe('transcript.outside');
    for (const bad of ['CON', 'nul', 'first try.log', 'naïve']) expect(t.start(bad, dir).id, bad).toBe('transcript.bad_name');
    expect(t.active).toBe(false);
  });

  it('refuses names that leave the folder', () => {
    const t = new Transcript({ fs: fakeFs().fs, now: clock });
    for (const bad of ['../escape.txt', '../../etc/passwd', '/etc/passwd', 'a/../../b', '.', '..']) {
      expect(t.start(bad, dir).id, bad).toBe('transcript.outside');
      expect(t.active).toBe(false);
    }
    expect(t.start('bad\u0007name', dir).id).toBe('transcript.bad_name');
    expect(t.start('x'.repeat(300), dir).id).toBe('transcript.bad_name');
  });

  it('writes commands and replies as plain text, without escape codes', () => {
    const f = fakeFs();
    const t = new Transcript({ fs: f.fs, now: clock });
    t.start('t', dir);
    expect(t.record('look', '\x1b[1mHall\x1b[22m\n\nA plain hall.\r\n')).toBeNull();
    expect(t.record('  take \x1b[31mapple ', 'Taken.')).toBeNull();
    const text = f.files.get(`${dir}/t.txt`)!;
    expect(text).toContain('> look\nHall\n\nA plain hall.\n\n> take apple\nTaken.\n\n');
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\r');
  });

  it('turns disk trouble into a message and stops, never throwing', () => {
    const f = fakeFs();
    const t = new Transcript({ fs: f.fs, now: clock });
    t.start('t', dir);
    f.failWith('ENOSPC');
    expect(t.record('look', 'Hall.')).toEqual({ id: 'transcript.write_failed', params: { file: `${dir}/t.txt`, problem: 'the disk is full' } });
    expect(t.active).toBe(false);
    expect(t.record('look', 'Hall.')).toBeNull();
    expect(t.start('u', dir)).toMatchObject({ id: 'transcript.failed', params: { problem: 'the disk is full' } });
    const broken: TranscriptFs = { mkdir: () => { throw Object.assign(new Error('nope'), { code: 'EACCES' }); }, append: () => {}, exists: () => { throw new Error('x'); } };
    expect(new Transcript({ fs: broken, now: clock }).start(undefined, dir)).toMatchObject({ id: 'transcript.failed', params: { problem: 'permission to write there was refused' } });
  });

  it('says when it is already on, or not on', () => {
    const t = new Transcript({ fs: fakeFs().fs, now: clock });
    expect(t.stop()).toEqual({ id: 'transcript.not_on' });
    t.start('a', dir);
    expect(t.start('b', dir)).toEqual({ id: 'transcript.already', params: { file: `${dir}/a.txt` } });
    expect(t.stop('The end.')).toEqual({ id: 'transcript.stopped', params: { file: `${dir}/a.txt` } });
  });

  describe('on a real disk', () => {
    let home: ReturnType<typeof tempHome>;
    afterEach(() => home?.done());

    it('creates the folder and appends to the file', () => {
      home = tempHome();
      const d = join(home.dir, 'transcripts');
      const t = new Transcript({ now: clock });
      expect(t.start(undefined, d).id).toBe('transcript.started');
      t.record('look', 'Hall.');
      t.stop('Ends.');
      expect(readdirSync(d)).toEqual(['transcript-2026-03-14.txt']);
      expect(readFileSync(join(d, 'transcript-2026-03-14.txt'), 'utf8')).toBe('2026-03-14 21:05\n\n> look\nHall.\n\nEnds.\n');
    });

    it('reports a folder it cannot create', () => {
      home = tempHome();
      writeFileSync(join(home.dir, 'transcripts'), 'a file where the folder should be');
      const n = new Transcript({ now: clock }).start('x', join(home.dir, 'transcripts'));
      expect(n.id).toBe('transcript.failed');
      expect(existsSync(join(home.dir, 'transcripts', 'x.txt'))).toBe(false);
    });

    it.skipIf(process.getuid?.() === 0)('reports a folder it may not write to', () => {
      home = tempHome();
      const d = join(home.dir, 'transcripts');
      mkdirSync(d);
      chmodSync(d, 0o500);
      try {
        expect(new Transcript({ now: clock }).start('x', d)).toMatchObject({ id: 'transcript.failed', params: { problem: 'permission to write there was refused' } });
      } finally {
        chmodSync(d, 0o700);
      }
    });
  });
});
