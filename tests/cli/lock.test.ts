// One game per home: a second nanodream on the same folder says so in one sentence and writes
// nothing; a --script run needs no lock; a lock left by a game killed with -9 is taken over.
// Real processes of the built game, as a player's two windows would be.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ensureBuilt } from '../e2e/helpers.js';
import { lockHome } from '../../src/saves/lock.js';
import { makeTemp } from '../temp.js';

beforeAll(() => ensureBuilt());

const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NANODREAM_NO_CACHE: '1' };
  delete e.NODE_EXTRA_CA_CERTS;
  return e;
};
const run = (home: string, args: string[], input: string) =>
  spawnSync(process.execPath, [BIN, '--home', home, ...args], { input, env: env(), encoding: 'utf8', timeout: 20_000 });
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => !f.startsWith('nanodream.lock')).sort()
  .map((f) => [f, statSync(join(dir, f)).isDirectory() ? readdirSync(join(dir, f)).sort().join(',') : readFileSync(join(dir, f), 'utf8')]));
const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(ok()).toBe(true);
};

describe('one game per home', () => {
  it('a second window is refused in one sentence and writes nothing; --script still plays; a killed owner’s lock is taken over', async () => {
    const home = makeTemp('nd-lock-');
    // The first window: a game left open (its input never ends).
    const first = spawn(process.execPath, [BIN, '--home', home, '--plain', '--new'], { env: env() });
    let shown = '';
    first.stdout.on('data', (c) => { shown += String(c); });
    const exited = new Promise((r) => first.on('exit', r));
    first.stdin.write('take photo\nn\n');
    // Both replies written: the photo taken and the hallway shown.
    await until(() => /Hallway/.test(shown) && existsSync(join(home, 'nanodream.lock')));
    const before = snapshot(join(home, 'saves'));

    const second = run(home, ['--plain'], 'drop photo\nsave other\n');
    expect(second.status).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(new RegExp(`^nanodream: This game is already open in another window \\(process ${first.pid}\\), using .*\\. Go back to that window, or close it first; to play a separate game here instead, start it in another folder: nanodream --home DIR\\.\\n$`));
    expect(snapshot(join(home, 'saves'))).toEqual(before);

    const script = join(home, 'moves.txt');
    writeFileSync(script, 'look\n');
    const scripted = run(home, ['--script', script], '');
    expect(scripted.status).toBe(0);
    expect(scripted.stdout).toMatch(/Living Room/);

    first.kill('SIGKILL');
    await exited;
    const third = run(home, ['--plain'], 'look\n');
    expect(third.status).toBe(0);
    // Both turns of the killed game were kept, and this one plays on from them.
    expect(third.stdout).toMatch(/you are Elara, in Hallway, at turn 2/);
    expect(existsSync(join(home, 'nanodream.lock'))).toBe(false);
    rmSync(home, { recursive: true, force: true });
  }, 30_000);

  it('a home that cannot hold a lock (a folder that cannot be made, say) is played without one', async () => {
    const dir = makeTemp('nd-lock-');
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const r = await lockHome(join(file, 'home'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.held).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a live owner keeps the lock; a dead one loses it', async () => {
    const home = makeTemp('nd-lock-');
    const a = await lockHome(home, { pid: 111, alive: () => true });
    expect(a.ok).toBe(true);
    const b = await lockHome(home, { pid: 222, alive: () => true });
    expect(b).toEqual({ ok: false, held: true, pid: 111 });
    const c = await lockHome(home, { pid: 222, alive: (pid) => pid !== 111 });
    expect(c.ok).toBe(true);
    if (c.ok) c.release();
    expect(existsSync(join(home, 'nanodream.lock'))).toBe(false);
    rmSync(home, { recursive: true, force: true });
  });
});

