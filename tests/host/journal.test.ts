// Keeping a turn: the autosave is a snapshot plus an append-only journal of the turns since.
// Every turn whose reply was given is in the journal at once (it survives the death of the
// process); the journal reaches the disk at most a second later, on the host's timer; a load
// redoes the journal's turns, each proved by its fingerprint, and stops at the first that is
// torn, damaged or does not match; the journal is folded into a snapshot at exit and when long.
import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GameHost, JOURNAL_MAX, SYNC_MS, type Timers } from '../../src/host/host.js';
import { SaveStore, JOURNAL_FILE, type FsLike } from '../../src/saves/index.js';
import { blocksToText } from '../../src/narrate/index.js';
import { mini } from '../engine/helpers.js';
import { makeTemp } from '../temp.js';

const tmp = () => makeTemp('nd-journal-');
const walk = ['take apple', 'e', 'w', 'look under mat', 'take key', 'i', 'e', 'x apple', 'w', 'undo', 'n'];

/** Timers that run only when the test says so. */
function manualTimers() {
  const due: { fn: () => void; ms: number }[] = [];
  const timers: Timers = {
    set: (fn, ms) => { const t = { fn, ms }; due.push(t); return t; },
    clear: (t) => { const i = due.indexOf(t as never); if (i >= 0) due.splice(i, 1); },
  };
  return { timers, due, fire: () => { for (const t of due.splice(0)) t.fn(); } };
}

function countingFs() {
  const calls = { fsync: 0, fdatasync: 0 };
  const f: FsLike = {
    ...fs,
    fsyncSync: (fd) => { calls.fsync++; fs.fsyncSync(fd); },
    fdatasync: ((fd: number, cb: (e: NodeJS.ErrnoException | null) => void) => { calls.fdatasync++; fs.fdatasync(fd, cb); }) as FsLike['fdatasync'],
  };
  return { f, calls };
}

function open(dir: string, o: { timers?: Timers; fs?: FsLike } = {}) {
  const store = new SaveStore(dir, { world: mini, fs: o.fs });
  const host = new GameHost({ world: mini, seed: 7, store, gameVersion: 'test', timers: o.timers ?? manualTimers().timers, now: () => new Date('2042-01-01T20:00:00Z') });
  return { host, store, say: (l: string) => blocksToText(host.submit(l).blocks) };
}

const snapshotTurn = (dir: string) => JSON.parse(readFileSync(join(dir, 'autosave.json'), 'utf8')).state.turn as number;
const journalLines = (dir: string) => readFileSync(join(dir, JOURNAL_FILE), 'utf8').split('\n').filter(Boolean);

describe('the autosave journal', () => {
  it('keeps each turn as one journal line after the first snapshot, and a load redoes them exactly', () => {
    const d = tmp();
    const a = open(d);
    a.host.start({ kind: 'new' });
    // The snapshot is written as the game starts.
    expect(snapshotTurn(d)).toBe(0);
    for (const l of walk) a.say(l);
    // The snapshot is untouched; the turns are in the journal (header + one line a turn).
    expect(snapshotTurn(d)).toBe(0);
    expect(journalLines(d)).toHaveLength(1 + walk.length);
    // The process dies here: no close. The next start has every turn.
    const b = open(d);
    expect(blocksToText(b.host.start({ kind: 'continue' }).blocks)).toContain('Welcome back');
    expect(b.host.state).toEqual(a.host.state);
    expect(b.host.session.undo.map((u) => u.input)).toEqual(a.host.session.undo.map((u) => u.input));
    expect(b.say('undo')).toBe(a.say('undo'));
    rmSync(d, { recursive: true, force: true });
  });

  it('the saves list shows the autosave as the game stands, though its file holds an older snapshot', () => {
    const d = tmp();
    const a = open(d);
    a.host.start({ kind: 'new' });
    for (const l of walk) a.say(l);
    expect(snapshotTurn(d)).toBe(0);
    const row = a.say('saves').split('\n').find((l) => l.startsWith('autosave'));
    expect(row).toBeDefined();
    expect(row!.trim().split(/\s{2,}/)).toContain(String(a.host.state.turn));
    expect(a.host.state.turn).toBeGreaterThan(0);
    rmSync(d, { recursive: true, force: true });
  });

  it('stops redoing at a torn last line, a damaged line, or a turn that does not match its fingerprint', () => {
    for (const damage of ['{"n":', 'not json at all\n', '{"n":5,"i":"e","f":"0|0|ann|nowhere|"}\n']) {
      const d = tmp();
      const a = open(d);
      a.host.start({ kind: 'new' });
      for (const l of walk.slice(0, 4)) a.say(l);
      const kept = a.host.state;
      appendFileSync(join(d, JOURNAL_FILE), damage);
      const b = open(d);
      b.host.start({ kind: 'continue' });
      expect(b.host.state.turn).toBe(kept.turn);
      expect(b.host.state.loc).toEqual(kept.loc);
      // The game starts afresh with a snapshot of what was redone: nothing is appended after a bad line.
      expect(snapshotTurn(d)).toBe(kept.turn);
      expect(journalLines(d)).toHaveLength(1);
      b.say('e');
      expect(journalLines(d)).toHaveLength(2);
      expect(journalLines(d)[1]).toMatch(/^\{"n":1,"i":"e",/);
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('ignores a journal that continues another snapshot (the process died between the two writes)', () => {
    const d = tmp();
    const a = open(d);
    a.host.start({ kind: 'new' });
    for (const l of walk.slice(0, 3)) a.say(l);
    const lines = journalLines(d);
    writeFileSync(join(d, JOURNAL_FILE), ['{"journal":"someoneelse"}', ...lines.slice(1)].join('\n') + '\n');
    const b = open(d);
    b.host.start({ kind: 'continue' });
    expect(b.host.state.turn).toBe(snapshotTurn(d));
    rmSync(d, { recursive: true, force: true });
  });

  it('folds the journal into one snapshot at exit, and writes a snapshot when the journal is long', () => {
    const d = tmp();
    const a = open(d);
    a.host.start({ kind: 'new' });
    for (const l of walk) a.say(l);
    expect(a.host.close()).toBeNull();
    expect(snapshotTurn(d)).toBe(a.host.state.turn);
    expect(journalLines(d)).toHaveLength(1);
    const b = open(d);
    b.host.start({ kind: 'continue' });
    for (let i = 0; i <= JOURNAL_MAX + 1; i++) b.say(i % 2 ? 'e' : 'w');
    expect(journalLines(d).length).toBeLessThanOrEqual(JOURNAL_MAX + 1);
    expect(snapshotTurn(d)).toBeGreaterThan(a.host.state.turn);
    rmSync(d, { recursive: true, force: true });
  });

  it('syncs the journal on one timer of SYNC_MS however many turns come first, never inside a turn', () => {
    const d = tmp();
    const t = manualTimers();
    const { f, calls } = countingFs();
    const a = open(d, { timers: t.timers, fs: f });
    a.host.start({ kind: 'new' });
    a.say('take apple'); // the first snapshot: written with its own fsync
    const afterSnapshot = calls.fsync;
    for (const l of walk.slice(1, 6)) a.say(l);
    expect(calls.fsync).toBe(afterSnapshot);
    expect(calls.fdatasync).toBe(0);
    expect(t.due.map((x) => x.ms)).toEqual([SYNC_MS]);
    t.fire();
    expect(calls.fdatasync).toBe(1);
    t.fire();
    expect(calls.fdatasync).toBe(1);
    a.say('e');
    expect(t.due).toHaveLength(1);
    rmSync(d, { recursive: true, force: true });
  });

  it('keeps the input each undo step takes back across a restart, as printable text', () => {
    const d = tmp();
    const a = open(d);
    a.host.start({ kind: 'new' });
    for (const l of ['take apple', 'e', '\x1b[31mw\x1b[0m', 'drop apple']) a.say(l);
    a.host.close();
    const b = open(d);
    b.host.start({ kind: 'continue' });
    expect(b.say('undo')).toContain('Taken back: "drop apple"');
    const w = b.say('undo');
    expect(w).toContain('Taken back: "w"');
    expect(w).not.toContain('\x1b');
    expect(b.say('undo')).toContain('Taken back: "e"');
    rmSync(d, { recursive: true, force: true });
  });
});
