// The checker on the real story in content/: bounded in everyday runs (see the README's
// "What `nanodream check` proves"), with every shortest ending path replayed through the engine
// and, when the bundle is built, through `node bin/nanodream.js --script`.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { runCheck, reportJson, replayState, type CheckReport } from '../../src/check/index.js';
import { REPO, clock } from './helpers.js';
import type { World } from '../../src/engine/types.js';

let world: World | null = null;
let loadProblem = '';
try {
  world = loadContent(join(REPO, 'content'));
} catch (e) {
  loadProblem = (e as Error).message.split('\n')[0];
}

const THOROUGH = !!process.env.NANODREAM_THOROUGH;

describe.skipIf(!world)(`the real story${world ? '' : ` (skipped: content does not load: ${loadProblem})`}`, () => {
  let report: CheckReport;
  const get = () =>
    (report ??= runCheck(world!, {
      now: clock,
      timeLimitMs: THOROUGH ? 55_000 : 25_000,
      checkpoints: {},
    }));

  it('has no broken references and the engine never throws while exploring', () => {
    const r = get();
    expect(r.references.errors).toEqual([]);
    expect(r.engineFailures).toEqual([]);
    expect(r.states).toBeGreaterThan(100);
    expect(reportJson(r)).toMatchObject({ states: r.states, rooms: { total: Object.keys(world!.rooms).length } });
  }, 120_000);

  it('finds no proven dead end in what it explored', () => {
    const r = get();
    expect(r.deadEnds.map((d) => d.path.join(' / '))).toEqual([]);
  }, 120_000);

  it('each shortest ending path found replays to that ending through step', () => {
    for (const e of get().endings.filter((x) => x.reached)) expect(replayState(world!, 0, e.path).ending).toBe(e.id);
  }, 120_000);

  const bin = join(REPO, 'bin', 'nanodream.js');
  it.skipIf(!existsSync(join(REPO, 'dist')))('each shortest ending path, played with --script by the built CLI, reaches that ending', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nanodream-check-script-'));
    try {
      for (const e of get().endings.filter((x) => x.reached)) {
        const f = join(dir, `${e.id}.txt`);
        writeFileSync(f, e.path.join('\n') + '\n');
        const out = execFileSync(process.execPath, [bin, '--script', f, '--no-color'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expect(out).toContain(world!.endings[e.id].title);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('reaches every room, and the balance, long_dream and lost_between endings', () => {
    const r = get();
    expect(r.rooms.unreached).toEqual([]);
    const reached = r.endings.filter((e) => e.reached).map((e) => e.id);
    expect(reached).toEqual(expect.arrayContaining(['balance', 'long_dream', 'lost_between']));
  }, 120_000);

  // TODO(check): not passing yet, and not close. Measured on the 2-core machine: act 1 alone has
  // more than 450,000 distinct states under the current key (four characters' positions times who
  // holds the mug, honey, key and cartridge times the kettle/mug/music-box/balcony properties), and
  // was still growing after 500 s (16,000 steps/s). `unplugged` (Elara pulls the override in act
  // 3) is reachable by the designers' walkthrough but not found in 55 s. A complete search in 60 s
  // needs a reduction of act 1 by two orders of magnitude that keeps dead ends (see the README).
  it.todo('passes the full check: every ending reached, no dead end, search complete');
});
