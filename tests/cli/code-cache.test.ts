// The code cache start.ts keeps for the built game: where it lives, that a damaged or foreign file
// never reaches V8, and that with or without it the game plays the same bytes.
import { describe, it, expect, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { buildId, cacheDir, cacheName, readCache, STALE_MS, writeCache } from '../../src/cli/start.js';
import { makeTemp } from '../temp.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'nanodream.cjs');
const temps: string[] = [];
const temp = () => {
  const d = makeTemp('nd-cache-');
  temps.push(d);
  return d;
};
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('where the cache lives', () => {
  it('follows each platform, NANODREAM_CACHE_DIR moves it and NANODREAM_NO_CACHE turns it off', () => {
    expect(cacheDir({}, 'linux', '/home/a')).toBe('/home/a/.cache/nanodream');
    expect(cacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/nanodream');
    expect(cacheDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Caches/nanodream');
    expect(cacheDir({ LOCALAPPDATA: 'C:/L' }, 'win32', 'C:/U')).toBe(join('C:/L', 'nanodream', 'Cache'));
    expect(cacheDir({ NANODREAM_CACHE_DIR: '/c' }, 'linux', '/home/a')).toBe('/c');
    expect(cacheDir({ NANODREAM_NO_CACHE: '1', NANODREAM_CACHE_DIR: '/c' }, 'linux', '/home/a')).toBeNull();
    expect(cacheDir({ NANODREAM_NO_CACHE: '0' }, 'linux', '/home/a')).toBe('/home/a/.cache/nanodream');
  });

  it('names the build, the Node version, the machine and the V8 flags', () => {
    expect(buildId('// nanodream-build 0123456789abcdef\n(function(){})')).toBe('0123456789abcdef');
    expect(buildId('(function(){})')).toBeNull();
    expect(cacheName('0123456789abcdef', 'piped', 'v20.1.0', 'x64')).toBe('core-0123456789abcdef-v20.1.0-x64-piped.v8');
  });
});

describe('cache files', () => {
  const data = Buffer.from('pretend this is V8 code '.repeat(100));
  const file = { data, turns: 7 };

  it('round-trips, and a damaged, truncated or foreign file is never handed on', () => {
    const dir = temp();
    const name = cacheName('aaaaaaaaaaaaaaaa', 'piped');
    expect(writeCache(dir, name, file, crc32)).toBe(true);
    const path = join(dir, name);
    expect(readCache(path, crc32)).toEqual({ data, turns: 7 });
    expect(readdirSync(dir)).toEqual([name]);

    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10] ^= 0xff;
    writeFileSync(path, flipped);
    expect(readCache(path, crc32)).toBe('damaged');
    writeFileSync(path, bytes.subarray(0, bytes.length - 1));
    expect(readCache(path, crc32)).toBe('damaged');
    writeFileSync(path, data);
    expect(readCache(path, crc32)).toBe('damaged');
    writeFileSync(path, '');
    expect(readCache(path, crc32)).toBe('damaged');
    expect(readCache(join(dir, 'none'), crc32)).toBe('missing');
  });

  it('files of other builds stay while in use, and go once a month old; dead temporary files go after an hour', () => {
    const dir = temp();
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    const other = cacheName('aaaaaaaaaaaaaaaa', 'piped');
    const stale = cacheName('cccccccccccccccc', 'terminal');
    writeCache(dir, other, file, crc32);
    writeCache(dir, stale, file, crc32);
    writeFileSync(join(dir, `${other}.123.tmp`), 'half');
    writeFileSync(join(dir, `${other}.456.tmp`), 'half');
    writeFileSync(join(dir, 'unrelated.txt'), 'mine');
    utimesSync(join(dir, stale), (now - STALE_MS - day) / 1000, (now - STALE_MS - day) / 1000);
    utimesSync(join(dir, `${other}.123.tmp`), (now - 2 * 3600 * 1000) / 1000, (now - 2 * 3600 * 1000) / 1000);
    const fresh = cacheName('bbbbbbbbbbbbbbbb', 'piped');
    expect(writeCache(dir, fresh, file, crc32, now)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([other, `${other}.456.tmp`, fresh, 'unrelated.txt'].sort());
  });

  it('a folder that cannot be made is not an error: nothing is written and nothing thrown', () => {
    const dir = temp();
    writeFileSync(join(dir, 'file'), 'x');
    expect(writeCache(join(dir, 'file', 'cache'), cacheName('aaaaaaaaaaaaaaaa', 'piped'), file, crc32)).toBe(false);
  });
});

describe('the built game with its cache', () => {
  const script = ['look', 'x me', 'i', 'switch to mia', 'look', 'north', 'undo', 'hint'].join('\n') + '\n';
  const play = (cache: string, extra: NodeJS.ProcessEnv = {}, input = script) => {
    const r = spawnSync(process.execPath, [bin, '--new', '--seed', '3', '--home', temp()], {
      input,
      encoding: 'utf8',
      env: { ...process.env, NANODREAM_CACHE_DIR: cache, NANODREAM_DEBUG_CACHE: '1', NANODREAM_NO_CACHE: '', ...extra },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8')) : []);

  it('the first run writes the cache, the next uses it, and both print the same bytes as no cache at all', () => {
    const cache = join(temp(), 'cache');
    const first = play(cache);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toBe('nanodream: code cache missing\nnanodream: code cache written after 8 turns\n');
    expect(cacheFiles(cache)).toHaveLength(1);
    const second = play(cache);
    expect(second.err).toBe('nanodream: code cache used\n');
    const none = play(cache, { NANODREAM_NO_CACHE: '1' });
    expect(none.err).toBe('nanodream: code cache off\n');
    expect(first.out).toContain('> ');
    expect(second.out).toBe(first.out);
    expect(none.out).toBe(first.out);
  });

  it('a damaged cache file is set right: the game plays the same and the next run uses the new file', () => {
    const cache = join(temp(), 'cache');
    const clean = play(cache);
    const [name] = cacheFiles(cache);
    const file = join(cache, name!);
    const bytes = readFileSync(file);
    bytes.fill(0x41, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
    writeFileSync(file, bytes);
    const damaged = play(cache);
    expect(damaged.err).toBe('nanodream: code cache damaged\nnanodream: code cache written after 8 turns\n');
    expect(damaged.code).toBe(0);
    expect(damaged.out).toBe(clean.out);
    expect(play(cache).err).toBe('nanodream: code cache used\n');
  });

  it('a well-formed file V8 will not take (another build, another V8) is rejected quietly and replaced', () => {
    const cache = join(temp(), 'cache');
    const clean = play(cache);
    const [name] = cacheFiles(cache);
    // Our header and checksum are right, the V8 data inside is not V8's.
    writeCache(cache, name!, { data: Buffer.from('not V8 code at all, but long enough to pass for it '.repeat(50)), turns: 0 }, crc32);
    const rejected = play(cache);
    expect(rejected.err).toBe('nanodream: code cache rejected\nnanodream: code cache written after 8 turns\n');
    expect(rejected.out).toBe(clean.out);
    expect(play(cache).err).toBe('nanodream: code cache used\n');
  });

  it('a cache written by a short run is written again by a longer one, and then left alone', () => {
    const cache = join(temp(), 'cache');
    expect(play(cache, {}, '').err).toBe('nanodream: code cache missing\nnanodream: code cache written after 0 turns\n');
    expect(play(cache).err).toBe('nanodream: code cache used\nnanodream: code cache written after 8 turns\n');
    expect(play(cache).err).toBe('nanodream: code cache used\n');
    expect(play(cache, {}, 'look\n').err).toBe('nanodream: code cache used\n');
    expect(readCache(join(cache, cacheFiles(cache)[0]!), crc32)).toMatchObject({ turns: 8 });
  });

  it('a package whose core was never built says how to build it, without a trace', () => {
    const pkg = temp();
    mkdirSync(join(pkg, 'bin'));
    mkdirSync(join(pkg, 'dist'));
    copyFileSync(bin, join(pkg, 'bin', 'nanodream.cjs'));
    copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
    copyFileSync(join(root, 'dist', 'start.cjs'), join(pkg, 'dist', 'start.cjs'));
    const r = spawnSync(process.execPath, [join(pkg, 'bin', 'nanodream.cjs'), '--new'], { input: '', encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('nanodream could not start: the game is not built (dist/core.cjs is missing): run `npm install` or `npm run build` in its folder\n');
  });

  it('a cache folder that cannot be written costs nothing but the speed', () => {
    const dir = temp();
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'x');
    const r = play(join(blocker, 'cache'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('nanodream: code cache missing\n');
    expect(r.out).toContain('> ');
  });
});
