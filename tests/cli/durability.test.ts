// Every turn whose reply was written is on disk, however the built game ends: killed with -9 in
// the middle of a burst of piped turns, ended by SIGTERM, SIGHUP, SIGINT or SIGPIPE, or writing
// into a pipe whose reader has gone (`nanodream --plain < moves | head -1`).
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../src/content/load.js';
import { GameHost } from '../../src/host/host.js';
import { SaveStore, JOURNAL_FILE } from '../../src/saves/index.js';
import type { State } from '../../src/engine/types.js';
import { BIN, ROOT, ensureBuilt } from '../e2e/helpers.js';
import { makeTemp } from '../temp.js';

const world = loadContent(join(ROOT, 'content'));
const walk = readFileSync(join(ROOT, 'tests/playthroughs/ending-balance.txt'), 'utf8')
  .split('\n').filter((l) => l.startsWith('>')).map((l) => l.slice(1).trim());
const SEED = '11';

beforeAll(() => ensureBuilt());

/** The built game in line mode on a fresh home; `prompts()` counts the replies so far. */
function game(home: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NANODREAM_NO_CACHE: '1' };
  delete env.NODE_EXTRA_CA_CERTS;
  const child = spawn(process.execPath, [BIN, '--plain', '--new', '--seed', SEED, '--home', home], { env }) as ChildProcessWithoutNullStreams;
  let out = '';
  const waiters: { n: number; resolve: () => void }[] = [];
  const prompts = () => out.split('\n> ').length - 1;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (c: string) => {
    out += c;
    for (const w of waiters.splice(0)) if (prompts() >= w.n) w.resolve(); else waiters.push(w);
  });
  child.stdin.on('error', () => { /* the game may be gone already */ });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return {
    child,
    exited,
    prompts,
    /** Resolves once n prompts (the opening's and one per reply) were written. */
    until: (n: number) => new Promise<void>((resolve) => { if (prompts() >= n) resolve(); else waiters.push({ n, resolve }); }),
  };
}

/** The states after each prefix of the walkthrough, played in process with the same seed. */
function reference(n: number): State[] {
  const host = new GameHost({ world, seed: Number(SEED), store: null, gameVersion: 'test' });
  host.start({ kind: 'new' });
  const out = [host.state];
  for (const l of walk.slice(0, n)) {
    host.submit(l);
    out.push(host.state);
  }
  return out;
}

/** What the next start continues: the autosave's snapshot and journal, as the game loads them. */
function continued(home: string): State {
  const host = new GameHost({ world, seed: 1, store: new SaveStore(join(home, 'saves'), { world }), gameVersion: 'test' });
  const r = host.start({ kind: 'continue' });
  expect(r.refused).toBeUndefined();
  return host.state;
}

/** How many of the walkthrough's commands the kept game has played (-1 when it matches none). */
function playedOf(kept: State, refs: State[]): number {
  const key = (s: State) => JSON.stringify([s.turn, s.player, s.loc, s.flags, s.props]);
  for (let i = refs.length - 1; i >= 0; i--) if (key(refs[i]!) === key(kept)) return i;
  return -1;
}

describe('every answered turn is on disk', () => {
  it('kill -9 in the middle of a burst of piped turns loses no turn that was answered', async () => {
    const home = makeTemp('nd-kill-');
    const g = game(home);
    await g.until(1);
    let sent = 0;
    // Bursts of 6 lines, each answered; then a burst killed while it is being played.
    for (let b = 0; b < 5; b++) {
      g.child.stdin.write(walk.slice(sent, sent + 6).join('\n') + '\n');
      sent += 6;
      await g.until(1 + sent);
    }
    g.child.stdin.write(walk.slice(sent, sent + 30).join('\n') + '\n');
    await g.until(2 + sent);
    const answered = g.prompts() - 1;
    g.child.kill('SIGKILL');
    expect((await g.exited).signal).toBe('SIGKILL');
    const refs = reference(sent + 30);
    const played = playedOf(continued(home), refs);
    expect(played).toBeGreaterThanOrEqual(answered);
    rmSync(home, { recursive: true, force: true });
  });

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130], ['SIGPIPE', 141]] as const) {
    it(`${signal} ends the game with exit ${code}, every answered turn folded into the autosave`, async () => {
      const home = makeTemp('nd-signal-');
      const g = game(home);
      await g.until(1);
      g.child.stdin.write(walk.slice(0, 12).join('\n') + '\n');
      await g.until(13);
      g.child.kill(signal);
      expect(await g.exited).toEqual({ code, signal: null });
      // Folded at exit: the snapshot has every turn, the journal only its header.
      const snap = JSON.parse(readFileSync(join(home, 'saves/autosave.json'), 'utf8'));
      expect(readFileSync(join(home, 'saves', JOURNAL_FILE), 'utf8').trim().split('\n')).toHaveLength(1);
      expect(playedOf(snap.state as State, reference(12))).toBe(12);
      rmSync(home, { recursive: true, force: true });
    });
  }

  it('a reader that goes away (EPIPE) ends the game with exit 0 and the turns kept', async () => {
    const home = makeTemp('nd-epipe-');
    const g = game(home);
    await g.until(1);
    g.child.stdout.destroy();
    g.child.stdin.write(walk.slice(0, 10).join('\n') + '\n');
    expect((await g.exited).code).toBe(0);
    expect(playedOf(continued(home), reference(10))).toBe(10);
    rmSync(home, { recursive: true, force: true });
  });
});
