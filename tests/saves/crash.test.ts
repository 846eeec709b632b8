// kill -9 at random moments while saving, and two processes saving one slot: every slot stays whole.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaveStore } from '../../src/saves/store.js';
import { tempDir } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const THOROUGH = process.env.NANODREAM_THOROUGH === '1';
const KILLS = THOROUGH ? 500 : 40;
let work: string;
let child: string;

beforeAll(() => {
  // Bundled once so each child starts in plain node in a few tens of milliseconds (tsx takes ~1 s).
  work = tempDir('nanodream-crash-');
  child = path.join(work, 'crash-child.mjs');
  buildSync({ entryPoints: [path.join(here, 'crash-child.ts')], bundle: true, platform: 'node', format: 'esm', outfile: child, logLevel: 'error' });
});
afterAll(() => { fs.rmSync(work, { recursive: true, force: true }); });

function startSaver(dir: string, slots: string[]): { proc: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
  const proc = spawn(process.execPath, [child, dir, slots.join(',')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => { err += d; });
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve(); });
    proc.on('exit', (code, sig) => reject(new Error(`saver exited early (${code ?? sig}): ${err}`)));
  });
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return { proc, ready, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every slot lists as whole and loads, holding one complete document (big or small). */
function expectAllWhole(dir: string, slots: string[], context: string): void {
  const store = new SaveStore(dir);
  const list = store.list();
  for (const s of list) expect(s.ok, `${context}: ${s.name}: ${s.problem}`).toBe(true);
  for (const slot of slots) {
    const r = store.load(slot);
    expect(r.ok, `${context}: ${!r.ok ? r.message : ''}`).toBe(true);
    if (!r.ok) continue;
    const { state, undo } = r.value.doc;
    const big = state.lastInput!.startsWith('big:');
    expect(state.memories.length, context).toBe(big ? 3000 : 1);
    expect(undo.length, context).toBe(big ? 150 : 0);
  }
  // Leftover temporary files of killed savers were cleaned by list().
  expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-')), context).toEqual([]);
}

describe('crash safety', () => {
  it(`kill -9 at ${KILLS} random moments while saving leaves every slot whole`, async () => {
    const slots = ['alpha', 'beta', 'autosave'];
    const lanes = 2; // two savers at once, each in its own folder, to keep the suite fast
    const perLane = Math.ceil(KILLS / lanes);
    // How many kills must land inside a write (a temp file left behind), not only between writes.
    // Where they land depends on the machine's load, so a lane goes on killing until its share
    // has landed, up to five times its count.
    const needed = Math.ceil(KILLS / 10 / lanes);
    let killsDuringWrite = 0;
    await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
      const dir = path.join(work, `lane-${lane}`);
      let landed = 0;
      for (let k = 0; (k < perLane || landed < needed) && k < perLane * 5; k++) {
        const saver = startSaver(dir, slots);
        await saver.ready;
        await sleep(5 + Math.random() * 75);
        saver.proc.kill('SIGKILL');
        await saver.exited;
        if (fs.readdirSync(dir).some((f) => f.includes('.tmp-'))) {
          killsDuringWrite++;
          landed++;
        }
        expectAllWhole(dir, slots, `lane ${lane}, kill ${k + 1}`);
      }
    }));
    expect(killsDuringWrite).toBeGreaterThanOrEqual(needed * lanes);
  }, THOROUGH ? 600_000 : 60_000);

  it('two processes saving the same slot never leave a broken file', async () => {
    const dir = path.join(work, 'shared');
    const a = startSaver(dir, ['shared']);
    const b = startSaver(dir, ['shared']);
    await Promise.all([a.ready, b.ready]);
    const store = new SaveStore(dir);
    const writers = new Set<string>();
    const until = Date.now() + 1500;
    let loads = 0;
    while (Date.now() < until) {
      const r = store.load('shared');
      expect(r.ok, !r.ok ? r.message : '').toBe(true);
      if (r.ok) writers.add(r.value.doc.state.lastInput!.split(':')[1]!);
      loads++;
      await sleep(2);
    }
    a.proc.kill('SIGKILL');
    b.proc.kill('SIGKILL');
    await Promise.all([a.exited, b.exited]);
    expectAllWhole(dir, ['shared'], 'after both savers');
    expect(loads).toBeGreaterThan(50);
    expect(writers.size).toBe(2);
  });
});
