// The settings file is read at start with conf's own rules and words, without conf (which
// would compile its schema validator on every start); changes go through conf itself. Opening
// never writes: a missing file stays missing until the first change.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, SettingsStore, type Settings } from '../../src/saves/settings.js';
import { tempDir } from './helpers.js';

const openConf = (home: string) => new Conf<Settings>({
  cwd: home, configName: 'settings', projectName: 'nanodream', schema: SETTINGS_SCHEMA as never,
  defaults: { ...DEFAULT_SETTINGS }, accessPropertiesByDotNotation: false, clearInvalidConfig: false,
});

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });
const twoHomes = (text: string | null) => {
  const a = tempDir();
  const b = tempDir();
  dirs.push(a, b);
  if (text !== null) for (const d of [a, b]) fs.writeFileSync(path.join(d, 'settings.json'), text);
  return [a, b] as const;
};
const read = (home: string) => (fs.existsSync(path.join(home, 'settings.json')) ? fs.readFileSync(path.join(home, 'settings.json'), 'utf8') : null);
const confError = (home: string): string | null => {
  try { openConf(home); return null; } catch (e) { return (e as Error).message; }
};

describe('settings file, as conf kept it', () => {
  const good: (string | null)[] = [
    null, '{}', '{"color": false}', '{"width": 72, "extra": [1, 2]}', '{"verbosity": "brief", "width": null, "color": true}',
    JSON.stringify({ ...DEFAULT_SETTINGS, screenReader: true }, undefined, '\t'),
  ];
  for (const text of good) {
    it(`opens ${text ?? 'no file'} and writes what conf wrote, at start and after a change`, async () => {
      const [mine, theirs] = twoHomes(text);
      const s = new SettingsStore(mine);
      openConf(theirs);
      expect(s.messages).toEqual([]);
      if (text === null) expect(read(mine)).toBeNull();
      else expect(read(mine)).toBe(read(theirs));
      expect(s.set('reducedMotion', true)).toEqual({ ok: true });
      await s.flush();
      openConf(theirs).set('reducedMotion', true);
      expect(read(mine)).toBe(read(theirs));
      expect(s.set('width', 120)).toEqual({ ok: true });
      openConf(theirs).set('width', 120);
      expect(read(mine)).toBe(read(theirs));
    });
  }

  const bad = [
    '[]', 'null', '5', '"x"', '{"color": "yes", "width": "wide"}', '{"width": 5.5}', '{"width": 2000}', '{"width": 3}',
    '{"verbosity": "loud", "screenReader": 1, "reducedMotion": null}', '{"width": true}',
  ];
  for (const text of bad) {
    it(`reports ${text} in conf's words and sets it aside`, () => {
      const [mine, theirs] = twoHomes(text);
      const expected = confError(theirs);
      expect(expected).toMatch(/^Config schema violation: /);
      const s = new SettingsStore(mine);
      expect(s.messages).toEqual([`The settings file was damaged (${expected}); it was kept as settings.json.broken-1 and the defaults are in use.`]);
      expect(s.all()).toEqual(DEFAULT_SETTINGS);
      expect(fs.readFileSync(path.join(mine, 'settings.json.broken-1'), 'utf8')).toBe(text);
    });
  }

  it('a change keeps keys another run wrote meanwhile', async () => {
    const [mine] = twoHomes(null);
    const s = new SettingsStore(mine);
    fs.writeFileSync(path.join(mine, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, width: 64 }));
    expect(s.set('color', false)).toEqual({ ok: true });
    await s.flush();
    expect(JSON.parse(read(mine)!)).toEqual({ ...DEFAULT_SETTINGS, width: 64, color: false });
    expect(fs.readdirSync(mine)).toEqual(['settings.json']);
  });
});

describe('a settings file that is not a file', () => {
  it('says so in words, uses the defaults, and leaves the folder where it is', () => {
    const home = tempDir();
    dirs.push(home);
    fs.mkdirSync(path.join(home, 'settings.json'));
    const s = new SettingsStore(home);
    expect(s.messages).toEqual(['Settings could not be opened (a folder stands where the file should be); using the defaults for now.']);
    expect(s.all()).toEqual(DEFAULT_SETTINGS);
    expect(fs.statSync(path.join(home, 'settings.json')).isDirectory()).toBe(true);
  });
});
