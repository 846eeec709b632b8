// The built launcher as a player meets it: a child process with piped input.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { makeTemp } from '../temp.js';
import { ensureBuilt } from '../e2e/helpers.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/nanodream.cjs');

function run(args: string[], input = '', env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const home = () => makeTemp('nd-cli-');

beforeAll(() => ensureBuilt());

describe('nanodream as a command', () => {
  it('prints its version', () => {
    const r = run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('prints help listing the flags', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const f of ['--seed', '--plain', '--no-color', '--script', '--new', '--load', '--home']) expect(r.out).toContain(f);
  });
  it('plays piped input: a reply to each line, a > prompt, no stack trace, exit 0', () => {
    const r = run(['--new', '--home', home()], 'look\nx me\ni\nswitch to mia\nlook\nleo\nundo\n');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/\n> /);
    expect(r.out).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
    expect(r.out).toContain('You are now playing Mia.');
    expect(r.out).toContain('Taken back');
    expect((r.out.match(/^> /gm) ?? []).length).toBeGreaterThanOrEqual(7);
    expect(r.out).not.toContain('\u001b');
  });
  it('the farewell and the welcome back name the command the game was started with', () => {
    const h = home();
    const env = { npm_lifecycle_event: '' };
    expect(run(['--home', h, '--plain'], 'look\nquit\n', env).out).toContain('type nanodream to continue it');
    const byNpm = run(['--home', h, '--plain'], 'quit\n', { npm_lifecycle_event: 'start' }).out;
    expect(byNpm).toContain('(Start afresh with: npm start -- --new)');
    expect(byNpm).toContain('type npm start to continue it');
  });
  it('a script with a seed prints byte-identical output twice', () => {
    const dir = home();
    const f = join(dir, 'script.txt');
    writeFileSync(f, 'look\nx me\ninventory\nswitch to leo\nlook\nhint\nscore\n');
    const a = run(['--script', f, '--seed', '7']);
    const b = run(['--script', f, '--seed', '7']);
    expect(a.code).toBe(0);
    expect(a.out).toContain('> look');
    expect(a.out).toBe(b.out);
  });
  it('continues the autosave on the next run, and --new keeps it aside', () => {
    const h = home();
    run(['--home', h], 'switch to mia\n');
    const again = run(['--home', h], 'look\n');
    expect(again.out).toContain('Welcome back');
    expect(again.out).toContain('you are Mia');
    const fresh = run(['--home', h, '--new'], 'saves\n');
    expect(fresh.out).toContain('autosave-previous');
  });
  it('refuses bad flags and bad input with a message, not a trace', () => {
    const r = run(['--seed', 'banana']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--seed takes a whole number');
    const s = run(['--script', '/nonexistent/file']);
    expect(s.err).toContain('does not exist');
    const folder = run(['--script', tmpdir()]);
    expect(folder.code).toBe(2);
    expect(folder.err).toBe(`nanodream: "${tmpdir()}" is a folder, not a script file.\n`);
    const weird = run(['--new', '--home', home()], `${'x'.repeat(10_000)}\n\u0007\u001b[31mlook\n🦄\n\n`);
    expect(weird.code).toBe(0);
    expect(weird.out).not.toContain('\u0007');
    expect(weird.out).not.toContain('\u001b');
  });
  it('saving and loading from the command line', () => {
    const h = home();
    const r = run(['--home', h, '--new'], 'switch to jaime\nsave bedtime\nsave ../x\n');
    expect(r.out).toContain('Saved as "bedtime"');
    expect(r.out).toMatch(/not allowed|can't|cannot|only/i);
    const list = run(['saves', '--home', h]);
    expect(list.out).toContain('bedtime');
    expect(list.out).toContain('Jaime');
    const load = run(['--home', h, '--load', 'bedtime'], 'look\n');
    expect(load.out).toContain('Loaded "bedtime"');
  });
  it('previews a glitch for writers: the story\'s sample by default, any text given, every frame on request', () => {
    const r = run(['preview', 'glitch', '--intensity', '0.7', '--width', '40', '--no-color']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The Ice Forest of Meelia rings like a struck glass.'.split(' ').slice(0, 4).join(' '));
    for (const line of r.out.trimEnd().split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
    expect(r.out).not.toContain('\u001b');
    const mine = run(['preview', 'glitch', '--seed', '4', '--no-color', 'Hello', 'there']);
    expect(mine.out.trimEnd().split('\n').pop()).toBe('Hello there');
    const frames = run(['preview', 'glitch', '--frames', '--no-color', '--width', '40']);
    expect(frames.out.split('\n').length).toBeGreaterThan(r.out.split('\n').length);
    expect(run(['preview', 'glitch', '--intensity', '7']).err).toContain('--intensity takes a number from 0 to 1');
  });
});
