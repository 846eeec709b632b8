// SETTINGS in the game and `nanodream config`: one set of names, checks and explanations, kept by conf.
import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { SettingsStore } from '../../src/saves/settings.js';
import { settingsCommand, configCommand, findBadOutput, sayFrom, type SettingsLike } from '../../src/comforts/index.js';
import { drawnWorld, tempHome } from './helpers.js';

const say = sayFrom(drawnWorld());
let home: ReturnType<typeof tempHome>;
afterEach(() => home?.done());

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } } as never, out, err };
}

describe('settings in the game', () => {
  it('lists every setting with its value and what it does', () => {
    home = tempHome();
    const lines = settingsCommand(new SettingsStore(home.dir), undefined, say);
    expect(lines[0]).toBe('Your settings, kept for next time:');
    expect(lines).toContain("colour: on. Colour in the game's text; off gives plain text.");
    expect(lines.some((l) => l.startsWith('reduced-motion: off.'))).toBe(true);
    expect(lines.some((l) => l.startsWith('screen-reader: off.'))).toBe(true);
    expect(lines.some((l) => l.startsWith('width: auto.'))).toBe(true);
    expect(lines.some((l) => l.startsWith('verbosity: verbose.'))).toBe(true);
    expect(lines.at(-1)).toContain('SETTINGS WIDTH 60');
    expect(findBadOutput(lines.join('\n'))).toEqual([]);
  });

  it('shows one setting with the values it takes', () => {
    home = tempHome();
    expect(settingsCommand(new SettingsStore(home.dir), 'width', say)).toEqual([
      'width: auto. How many columns the text is wrapped at; auto follows the terminal.',
      'It can be a number of columns from 20 to 200, or auto.',
    ]);
    expect(settingsCommand(new SettingsStore(home.dir), 'screen reader', say)[0]).toMatch(/^screen-reader: off\./);
  });

  it('changes settings, with every spelling of on and off', () => {
    home = tempHome();
    const store = new SettingsStore(home.dir);
    expect(settingsCommand(store, 'colour off', say)).toEqual(['The colour setting is now off.']);
    expect(store.get('color')).toBe(false);
    for (const [word, value] of [['on', true], ['no', false], ['TRUE', true], ['false', false], ['yes', true]] as const) {
      settingsCommand(store, `reduced-motion ${word}`, say);
      expect(store.get('reducedMotion'), word).toBe(value);
    }
    settingsCommand(store, 'screen reader on', say);
    expect(store.get('screenReader')).toBe(true);
    settingsCommand(store, 'width=60', say);
    expect(store.get('width')).toBe(60);
    expect(settingsCommand(store, 'width 60', say)).toEqual(['The width setting is already 60.']);
    settingsCommand(store, 'width auto', say);
    expect(store.get('width')).toBeNull();
    settingsCommand(store, 'verbosity superbrief', say);
    expect(store.get('verbosity')).toBe('superbrief');
    settingsCommand(store, 'brief', say);
    expect(store.get('verbosity')).toBe('brief');
  });

  it('refuses what it cannot use, in a sentence, and changes nothing', () => {
    home = tempHome();
    const store = new SettingsStore(home.dir);
    const before = store.all();
    const replies = [
      settingsCommand(store, 'colour maybe', say),
      settingsCommand(store, 'width 19', say),
      settingsCommand(store, 'width 201', say),
      settingsCommand(store, 'width 6O', say),
      settingsCommand(store, 'width -40', say),
      settingsCommand(store, 'verbosity loud', say),
      settingsCommand(store, 'volume 11', say),
    ].map((l) => l.join(' '));
    expect(replies[0]).toBe('The colour setting can be on or off, not "maybe".');
    expect(replies[1]).toBe('The width can be a number from 20 to 200, or auto, not "19".');
    expect(replies[5]).toBe('The verbosity can be verbose, brief or superbrief, not "loud".');
    expect(replies[6]).toBe('There is no setting called "volume 11". The settings are: colour, reduced-motion, screen-reader, width, verbosity.');
    for (const r of replies) expect(findBadOutput(r), r).toEqual([]);
    expect(store.all()).toEqual(before);
  });

  it('keeps settings across runs: a second store on the same folder reads them', async () => {
    home = tempHome();
    const first = new SettingsStore(home.dir);
    settingsCommand(first, 'width 72', say);
    settingsCommand(first, 'colour off', say);
    settingsCommand(first, 'verbosity brief', say);
    settingsCommand(first, 'reduced motion on', say);
    settingsCommand(first, 'screen-reader on', say);
    await first.flush();
    const second = new SettingsStore(home.dir);
    expect(second.all()).toEqual({ color: false, width: 72, verbosity: 'brief', reducedMotion: true, screenReader: true });
    expect(settingsCommand(second, undefined, say)).toContain('width: 72. How many columns the text is wrapped at; auto follows the terminal.');
  });
});

describe('nanodream config', () => {
  it('lists, shows and sets, with exit codes', async () => {
    home = tempHome();
    const opts = { home: home.dir, env: {}, say };
    let c = capture();
    expect(await configCommand(opts, 'width', '60', c.io)).toBe(0);
    expect(c.out.join('')).toBe('The width setting is now 60.\n');
    c = capture();
    expect(await configCommand(opts, undefined, undefined, c.io)).toBe(0);
    expect(c.out.join('')).toContain('width: 60.');
    expect(c.out.join('')).toContain('nanodream config width 60');
    c = capture();
    expect(await configCommand(opts, 'colour', undefined, c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/^colour: on\./);
    c = capture();
    expect(await configCommand(opts, 'width', 'wide', c.io)).toBe(2);
    expect(c.err.join('')).toBe('nanodream: The width can be a number from 20 to 200, or auto, not "wide".\n');
    expect(c.out).toEqual([]);
    c = capture();
    expect(await configCommand(opts, 'volume', undefined, c.io)).toBe(2);
    expect(new SettingsStore(home.dir).get('width')).toBe(60);
  });

  it('finds the folder through NANODREAM_HOME too', async () => {
    home = tempHome();
    const c = capture();
    expect(await configCommand({ env: { NANODREAM_HOME: home.dir }, say }, 'verbosity', 'brief', c.io)).toBe(0);
    expect(new SettingsStore(home.dir).get('verbosity')).toBe('brief');
  });

  it('says so when the value is used but cannot be written', async () => {
    const store = { get: () => null, all: () => ({}) as never, set: () => ({ ok: false as const, message: 'The setting is used until you quit, but it cannot be written to disk.' }), messages: ['Settings could not be opened.'] } as unknown as SettingsLike;
    const c = capture();
    expect(await configCommand({ env: {}, say, store }, 'width', '60', c.io)).toBe(1);
    expect(c.out.join('')).toBe('The width setting is now 60.\n');
    expect(c.err.join('')).toContain('cannot be written');
    expect(c.err.join('')).toContain('Settings could not be opened.');
  });

  // `npm test` builds first; the built game is what players run.
  const bin = join(import.meta.dirname, '../../bin/nanodream.cjs');
  it('the built command keeps a setting for the next run', () => {
    home = tempHome();
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NANODREAM_HOME: '' } });
    const set = run('config', 'width', '60', '--home', home.dir);
    expect(set.status, set.stderr).toBe(0);
    const list = run('config', '--home', home.dir);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('width: 60.');
    expect(run('config', 'width', 'huge', '--home', home.dir).status).toBe(2);
  });
});
