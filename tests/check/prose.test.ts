// `check --prose`: the nouns a text names, and whether something in its room answers to them.
// The real story must stay at 0; the mini fixture shows a noun found and then answered.
import { afterAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent, ContentError } from '../../src/content/load.js';
import { contentSources } from '../../src/content/sources.js';
import { checkProse, nounsIn } from '../../src/check/prose.js';
import { checkCommand } from '../../src/check/index.js';
import { REPO, mutated, cleanup } from './helpers.js';
import { makeTemp } from '../temp.js';

const MINI = join(REPO, 'tests', 'fixtures', 'mini');
afterAll(cleanup);

const prose = (dir: string) => checkProse(loadContent(dir), contentSources(dir));
const words = (text: string) => nounsIn(text).map((n) => n.word);

function sink() {
  let text = '';
  const stream = new Writable({ write: (c, _e, cb) => ((text += String(c)), cb()) });
  return { stream, text: () => text };
}

describe('the nouns of a text', () => {
  it('finds the head of each noun phrase, kept whole when hyphenated', () => {
    expect(words('The hallway runs past the balcony door and a stack of old books.')).toEqual(['hallway', 'door', 'stack', 'books']);
    expect(words('Red air-lanes crawl between the towers.')).toEqual(['air-lanes', 'towers']);
  });

  it('leaves out speech, inscriptions, comparisons, pronouns and possessives', () => {
    expect(words('"Bring the lantern," she says to the owl.')).toEqual(['owl']);
    expect(words('The screen says SLEEP DEBT in a corner.')).toEqual(['screen', 'corner']);
    expect(words('The spires glow like the tips of lit matches, faint as a thumbprint.')).toEqual(['spires']);
    expect(words('It settles on you like a dog, the way snow swallows a footstep.')).toEqual([]);
    expect(words("Mum's old music box sits on his shelf.")).toEqual(['box', 'shelf']);
  });

  it('leaves out bare singulars, times, quantities and abstract nouns', () => {
    expect(words('At night, in March, for two weeks, the darkness and its quiet happiness.')).toEqual([]);
    expect(words('You wind the cable round the disc.')).toEqual(['cable', 'disc']);
  });

  it('reads a verb the tagger took for a plural noun as the verb', () => {
    expect(words('The dishwasher hums in the kitchen.')).toEqual(['dishwasher', 'kitchen']);
  });
});

describe('check --prose on the mini story', () => {
  it('lists a noun that nothing in its room answers to, with the room and the field', () => {
    const r = prose(MINI);
    const study = r.places.find((p) => p.room === 'study' && p.source === 'rooms/r.yaml: study.description');
    expect(study?.unanswered).toEqual(['desk']);
    expect(r.total).toBe(r.places.reduce((n, p) => n + p.unanswered.length, 0));
    expect(r.total).toBeGreaterThan(0);
  });

  it('a scenery word answers it', () => {
    const dir = mutated(MINI, 'rooms/r.yaml', (t) =>
      t.replace('  description: A study with a box on the desk.\n', '  description: A study with a box on the desk.\n  scenery:\n    - words: [desk]\n      text: An old desk.\n'),
    );
    const r = prose(dir);
    expect(r.places.some((p) => p.unanswered.includes('desk'))).toBe(false);
  });

  it('a room\'s unimportant entry answers it there, and only there', () => {
    const dir = mutated(MINI, 'rooms/r.yaml', (t) => t.replace('study:\n  name: Study\n', 'study:\n  name: Study\n  unimportant: [desk]\n'));
    expect(prose(dir).places.some((p) => p.unanswered.includes('desk'))).toBe(false);
    const elsewhere = mutated(MINI, 'rooms/r.yaml', (t) => t.replace('hall:\n  name: Hall\n', 'hall:\n  name: Hall\n  unimportant: [desk]\n'));
    expect(prose(elsewhere).places.find((p) => p.room === 'study')?.unanswered).toContain('desk');
  });

  it('the story-wide unimportant list answers it everywhere', () => {
    const dir = mutated(MINI, 'game.yaml', (t) => `${t}unimportant: [desk, friend]\n`);
    expect(prose(dir)).toEqual({ total: 0, places: [] });
  });

  it('an item word answers it, in the room where the item can be', () => {
    const dir = mutated(MINI, 'rooms/r.yaml', (t) => t.replace('      words: [box]\n      adjectives: [wooden]', '      words: [box, desk]\n      adjectives: [wooden]'));
    expect(prose(dir).places.some((p) => p.room === 'study' && p.unanswered.includes('desk'))).toBe(false);
  });

  it('an unimportant field that is not a list of words is a load error naming the file and field', () => {
    const dir = mutated(MINI, 'rooms/r.yaml', (t) => t.replace('study:\n  name: Study\n', 'study:\n  name: Study\n  unimportant: desk\n'));
    expect(() => loadContent(dir)).toThrow(ContentError);
    try {
      loadContent(dir);
    } catch (e) {
      expect((e as ContentError).problems.join('\n')).toMatch(/rooms\/r\.yaml: field "study\.unimportant"/);
    }
  });
});

describe('check --prose --json', () => {
  async function run(dir: string) {
    const out = sink();
    const err = sink();
    const code = await checkCommand({ contentDir: dir, json: true, prose: true }, { stdout: out.stream, stderr: err.stream });
    return { code, json: JSON.parse(out.text()) as { total: number; places: { room: string; source: string; unanswered: string[] }[] } };
  }

  it('prints exactly { total, places: [{ room, source, unanswered }] } and exits 1 while nouns are unanswered', async () => {
    const { code, json } = await run(MINI);
    expect(code).toBe(1);
    expect(Object.keys(json)).toEqual(['total', 'places']);
    expect(json.places.length).toBeGreaterThan(0);
    for (const p of json.places) {
      expect(Object.keys(p)).toEqual(['room', 'source', 'unanswered']);
      expect(p.source).toMatch(/^(rooms|characters|scenes|items)\/[\w.-]+\.yaml: \S/);
      expect(p.unanswered.every((w) => typeof w === 'string' && w.length > 0)).toBe(true);
    }
    expect(json.total).toBe(json.places.reduce((n, p) => n + p.unanswered.length, 0));
  });

  it('exits 0 with total 0 when every noun is answered', async () => {
    const dir = mutated(MINI, 'game.yaml', (t) => `${t}unimportant: [desk, friend]\n`);
    const { code, json } = await run(dir);
    expect(code).toBe(0);
    expect(json).toEqual({ total: 0, places: [] });
  });

  it('the whole check, its search on two threads, reports the same prose from the thread that tags it', async () => {
    const out = sink();
    const code = await checkCommand({ contentDir: MINI, json: true, workers: 2, maxStates: 200 }, { stdout: out.stream, stderr: sink().stream });
    const whole = JSON.parse(out.text()) as { ok: boolean; prose: unknown };
    expect(code).toBe(1);
    expect(whole.ok).toBe(false);
    expect(whole.prose).toEqual((await run(MINI)).json);
  });

  it('the built command prints the same shape (compromise is in the bundle)', () => {
    const bin = join(REPO, 'bin', 'nanodream.cjs');
    if (!existsSync(join(REPO, 'dist', 'extra.cjs'))) spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
    const home = makeTemp('nd-prose-');
    try {
      const env = { ...process.env, NANODREAM_HOME: home, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_CACHE_HOME: home };
      const r = spawnSync(process.execPath, [bin, 'check', '--prose', '--json', '--content', MINI], { encoding: 'utf8', env, timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout);
      expect(Object.keys(json)).toEqual(['total', 'places']);
      expect(json.places.find((p: { room: string }) => p.room === 'study').unanswered).toEqual(['desk']);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('the real story', () => {
  // Not skipped when the story fails to load: that is a failure here too.
  it('names no noun that nothing answers to', () => {
    const dir = join(REPO, 'content');
    const r = prose(dir);
    const list = r.places.map((p) => `${p.room} (${p.source}): ${p.unanswered.join(', ')}`).join('\n');
    expect(list).toBe('');
    expect(r.total).toBe(0);
  });
});
