// Terminal conventions: a write error on stdout ends the run with a line on stderr and status 1
// (the game saved first); FORCE_COLOR and NO_COLOR are honoured wherever chalk would.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ensureBuilt } from '../e2e/helpers.js';
import { makeTemp } from '../temp.js';

beforeAll(() => ensureBuilt());

const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NANODREAM_NO_CACHE: '1' };
  delete e.NODE_EXTRA_CA_CERTS;
  return e;
};

describe('terminal conventions', () => {
  it('a write error on stdout (/dev/full) ends the run with one line on stderr and status 1, the game saved', () => {
    if (!existsSync('/dev/full')) return;
    const home = makeTemp('nd-full-');
    const fd = openSync('/dev/full', 'w');
    const r = spawnSync(process.execPath, [BIN, '--home', home, '--plain', '--new'], { input: 'look\n', env: env(), stdio: ['pipe', fd, 'pipe'], encoding: 'utf8' });
    closeSync(fd);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("nanodream: the game's output could not be written: the disk is full. Your game is saved; run nanodream again to continue.\n");
    expect(existsSync(join(home, 'saves', 'autosave.json'))).toBe(true);
    rmSync(home, { recursive: true, force: true });
  });

  it('FORCE_COLOR colours `preview glitch` as it does the game; NO_COLOR does not', () => {
    const colored = spawnSync(process.execPath, [BIN, 'preview', 'glitch', 'The snow falls up'], { env: { ...env(), NO_COLOR: '', FORCE_COLOR: '1' }, encoding: 'utf8' });
    expect(colored.stdout).toContain('\u001b[');
    const plain = spawnSync(process.execPath, [BIN, 'preview', 'glitch', 'The snow falls up'], { env: { ...env(), NO_COLOR: '1', FORCE_COLOR: '1' }, encoding: 'utf8' });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});
