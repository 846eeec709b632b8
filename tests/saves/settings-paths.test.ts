// Where things live, and settings that survive a broken file.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { confDefaultDir, resolveHome, savesDir } from '../../src/saves/paths.js';
import { DEFAULT_SETTINGS, SettingsStore } from '../../src/saves/settings.js';
import { tempDir } from './helpers.js';

let dir: string;
afterEach(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

describe('resolveHome', () => {
  it('--home wins, then NANODREAM_HOME, then conf\'s folder', () => {
    expect(resolveHome({ home: '/a/b', env: { NANODREAM_HOME: '/c' } })).toBe('/a/b');
    expect(resolveHome({ env: { NANODREAM_HOME: '/c' } })).toBe('/c');
    expect(resolveHome({ env: { XDG_CONFIG_HOME: '/x' }, platform: 'linux' })).toBe('/x/nanodream-nodejs');
    expect(resolveHome({ env: {}, platform: 'darwin', homedir: '/Users/u' })).toBe('/Users/u/Library/Preferences/nanodream-nodejs');
    expect(resolveHome({ env: { APPDATA: 'C:/AD' }, platform: 'win32' })).toBe(path.join('C:/AD', 'nanodream-nodejs', 'Config'));
    expect(savesDir('/h')).toBe('/h/saves');
  });
  it('matches the folder conf itself picks (checked under a temporary XDG_CONFIG_HOME)', () => {
    dir = tempDir();
    const saved = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = dir;
    try {
      const conf = new Conf({ projectName: 'nanodream', configName: 'settings' });
      expect(confDefaultDir(process.env)).toBe(path.dirname(conf.path));
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME; else process.env.XDG_CONFIG_HOME = saved;
    }
  });
});

describe('SettingsStore', () => {
  it('starts with defaults, validates and persists changes', async () => {
    dir = tempDir();
    const s = new SettingsStore(dir);
    expect(s.all()).toEqual(DEFAULT_SETTINGS);
    expect(s.messages).toEqual([]);
    expect(s.set('color', false)).toEqual({ ok: true });
    expect(s.set('width', 72)).toEqual({ ok: true });
    expect(s.set('verbosity', 'brief')).toEqual({ ok: true });
    expect(s.set('width', -3 as number).ok).toBe(false);
    expect(s.set('verbosity', 'loud' as never).ok).toBe(false);
    expect(s.set('nope' as never, 1 as never).ok).toBe(false);
    await s.flush();
    const again = new SettingsStore(dir);
    expect(again.all()).toEqual({ ...DEFAULT_SETTINGS, color: false, width: 72, verbosity: 'brief' });
    expect(again.get('width')).toBe(72);
  });
  for (const [label, text] of [['not JSON', '{"color": tru'], ['wrong types', '{"color": "yes", "width": "wide"}']] as const) {
    it(`a broken settings file (${label}) is kept aside as .broken-<n> and defaults are used`, () => {
      dir = tempDir();
      fs.writeFileSync(path.join(dir, 'settings.json'), text);
      const s = new SettingsStore(dir);
      expect(s.all()).toEqual(DEFAULT_SETTINGS);
      expect(s.messages.join(' ')).toMatch(/settings file was damaged.*settings\.json\.broken-1/);
      expect(fs.readFileSync(path.join(dir, 'settings.json.broken-1'), 'utf8')).toBe(text);
      expect(s.set('screenReader', true)).toEqual({ ok: true });
      fs.writeFileSync(path.join(dir, 'settings.json'), text);
      new SettingsStore(dir);
      expect(fs.existsSync(path.join(dir, 'settings.json.broken-2'))).toBe(true);
    });
  }

  it('a write refused after the file was opened comes back from takeFailures, once, and the value stays in use', async () => {
    dir = tempDir();
    const s = new SettingsStore(dir);
    // conf writes by renaming a temporary file over settings.json: a folder there refuses it.
    fs.mkdirSync(path.join(dir, 'settings.json'));
    expect(s.set('color', false)).toEqual({ ok: true });
    await s.flush();
    const failed = s.takeFailures();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^The setting is used until you quit, but it could not be written: /);
    expect(s.takeFailures()).toEqual([]);
    expect(s.get('color')).toBe(false);
    fs.rmdirSync(path.join(dir, 'settings.json'));
    expect(s.set('width', 90)).toEqual({ ok: true });
    await s.flush();
    expect(s.takeFailures()).toEqual([]);
    // The refused change was reported, not retried; the next one reached the disk.
    expect(new SettingsStore(dir).all()).toEqual({ ...DEFAULT_SETTINGS, width: 90 });
  });

  it('a home that cannot hold files: defaults, a message, and set() still works for the session', () => {
    dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const s = new SettingsStore(path.join(blocker, 'home'));
    expect(s.all()).toEqual(DEFAULT_SETTINGS);
    expect(s.messages.join(' ')).toMatch(/could not be opened/);
    const r = s.set('color', false);
    expect(r.ok).toBe(false);
    expect(s.get('color')).toBe(false);
  });
});
