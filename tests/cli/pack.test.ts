// The package as npm ships it: pack, install the tarball in an empty folder, run it with npx.
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTemp } from '../temp.js';

const root = join(import.meta.dirname, '../..');
let tarball = '';
let app = '';

beforeAll(() => {
  const out = makeTemp('nd-pack-');
  execFileSync('npm', ['pack', '--pack-destination', out, '--ignore-scripts'], { cwd: root, stdio: 'pipe' });
  tarball = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
  app = makeTemp('nd-app-');
  writeFileSync(join(app, 'package.json'), '{"name":"empty","version":"1.0.0","private":true}');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, stdio: 'pipe' });
}, 180_000);

describe('npm pack', () => {
  it('stays under 1 MB', () => {
    expect(statSync(tarball).size).toBeLessThan(1024 * 1024);
  });
  it('installs in an empty folder and runs with npx', () => {
    const v = spawnSync('npx', ['--no-install', 'nanodream', '--version'], { cwd: app, encoding: 'utf8' });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const home = makeTemp('nd-home-');
    const p = spawnSync('npx', ['--no-install', 'nanodream', '--home', home], { cwd: app, encoding: 'utf8', input: 'look\ni\nquit\n' });
    expect(p.status).toBe(0);
    expect(p.stdout).toContain('> ');
    expect(p.stderr).toBe('');
  });
});
