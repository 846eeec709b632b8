// Files that were never saves of ours, made to break whatever reads them: nesting 5,000 deep,
// prototype keys, a file far too large, a byte-order mark. Every way in gives a named problem,
// listing never fails because of one file, and a good file beside them still loads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaveStore } from '../../src/saves/store.js';
import { makeSaveDoc } from '../../src/saves/doc.js';
import { jsonDepth, parseJsonSafely } from '../../src/saves/validate.js';
import { makeState, tempDir } from './helpers.js';

const now = () => new Date('2025-01-02T03:04:05.000Z');
let dir: string;
let store: SaveStore;
beforeEach(() => { dir = tempDir(); store = new SaveStore(dir, { now }); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

const deep = (n: number) => '['.repeat(n) + '1' + ']'.repeat(n);
const ADVERSARIAL: Record<string, string> = {
  deep: deep(5000),
  deepobject: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
  proto: '{"format":3,"__proto__":{"polluted":true}}',
  ctor: '{"format":3,"state":{"constructor":{"prototype":{"polluted":true}}}}',
  strings: `{"format":3,"note":"${'['.repeat(10000)}"}`,
};

function good() {
  return makeSaveDoc({ state: makeState(7), undo: [], gameVersion: '0.2.0', contentVersion: '1', characterName: 'Leo', placeName: 'Bedroom', now });
}

describe('adversarial save files', () => {
  it('counts nesting without parsing, skipping brackets inside strings', () => {
    expect(jsonDepth(deep(5000))).toBe(5000);
    expect(jsonDepth('{"a":"[[[[\\"[[["}')).toBe(1);
    expect(jsonDepth('"]]]]"')).toBe(0);
  });

  it.each(Object.keys(ADVERSARIAL))('%s: load names the problem and throws nothing', (name) => {
    fs.writeFileSync(path.join(dir, `${name}.json`), ADVERSARIAL[name]!);
    const r = store.load(name);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(name);
      expect(r.message.length).toBeGreaterThan(20);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('listing shows every file, the bad ones with their problem, the good one loadable', () => {
    for (const [name, text] of Object.entries(ADVERSARIAL)) fs.writeFileSync(path.join(dir, `${name}.json`), text);
    fs.writeFileSync(path.join(dir, 'huge.json'), '1'.repeat(33 * 1024 * 1024));
    expect(store.save('fine', good()).ok).toBe(true);
    const list = store.list();
    expect(list.map((s) => s.name).sort()).toEqual(['ctor', 'deep', 'deepobject', 'fine', 'huge', 'proto', 'strings']);
    for (const s of list) {
      expect(s.ok, s.name).toBe(s.name === 'fine');
      if (!s.ok) expect(s.problem, s.name).toMatch(/\w+ \w+/);
    }
    expect(list.find((s) => s.name === 'deep')?.problem).toMatch(/nested more than 64 levels/);
    expect(list.find((s) => s.name === 'huge')?.problem).toMatch(/too large/);
    expect(store.load('fine').ok).toBe(true);
  });

  it('a damaged autosave is kept aside under a new name, and never written over', () => {
    fs.writeFileSync(path.join(dir, 'autosave.json'), deep(5000));
    const r = store.load('autosave');
    expect(r.ok).toBe(false);
    const aside = store.keepAside('autosave', 'broken');
    expect(aside.ok).toBe(true);
    const kept = fs.readdirSync(dir).filter((f) => f.startsWith('autosave.json.broken'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, kept[0]!), 'utf8')).toBe(deep(5000));
  });

  it('a byte-order mark in front of a save is accepted', () => {
    expect(store.save('bom', good()).ok).toBe(true);
    const file = path.join(dir, 'bom.json');
    fs.writeFileSync(file, '\ufeff' + fs.readFileSync(file, 'utf8'));
    expect(store.load('bom').ok).toBe(true);
    expect(parseJsonSafely('\ufeff{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('every way in, with a save nested 5,000 deep in the folder', () => {
  const run = async (args: string[], input: string, home: string) => {
    const { PassThrough, Writable } = await import('node:stream');
    const { main } = await import('../../src/cli/main.js');
    let out = '';
    let err = '';
    const stdin = new PassThrough();
    stdin.end(input);
    const io = {
      stdin, env: { NANODREAM_HOME: home, NO_COLOR: '1' }, now: () => new Date('2042-01-01T20:00:00Z'),
      stdout: new Writable({ write(c, _e, cb) { out += String(c); cb(); } }),
      stderr: new Writable({ write(c, _e, cb) { err += String(c); cb(); } }),
    };
    const code = await main(args, io as never);
    return { code, out, err };
  };

  it('continue keeps the autosave aside; --new, --load, saves, and in-game saves and restore each answer in words', async () => {
    const home = tempDir();
    const saves = path.join(home, 'saves');
    fs.mkdirSync(saves, { recursive: true });
    fs.writeFileSync(path.join(saves, 'autosave.json'), deep(5000));
    fs.writeFileSync(path.join(saves, 'deep.json'), deep(5000));

    const cont = await run(['--plain'], 'look\n', home);
    expect(cont.code).toBe(0);
    expect(cont.out).toMatch(/nested more than 64 levels[\s\S]*autosave\.json\.broken-1/);
    expect(fs.readFileSync(path.join(saves, 'autosave.json.broken-1'), 'utf8')).toBe(deep(5000));

    const fresh = await run(['--plain', '--new'], 'saves\nrestore deep\nlook\n', home);
    expect(fresh.code).toBe(0);
    expect(fresh.out).toMatch(/deep[^\n]*nested more than 64 levels/);
    expect(fresh.out).toMatch(/"deep" cannot be loaded|deep.*cannot be loaded/);

    const load = await run(['--plain', '--load', 'deep'], 'look\n', home);
    expect(load.code).toBe(2);
    expect(load.err).toMatch(/^nanodream: Save "deep" cannot be loaded: its data is nested more than 64 levels deep/);
    expect(load.err).not.toMatch(/\n\s+at /);

    const list = await run(['saves'], '', home);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/deep: cannot be loaded/);
    fs.rmSync(home, { recursive: true, force: true });
  });
});
