// The comforts wired into the real host as the CLI does it: MAP, SETTINGS and TRANSCRIPT in play.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GameHost } from '../../src/host/host.js';
import { blocksToText } from '../../src/narrate/index.js';
import { SettingsStore } from '../../src/saves/settings.js';
import { makeOnMeta, attachComforts, setVerbosity, applyToRender, Transcript, findBadOutput } from '../../src/comforts/index.js';
import { miniWorld, tempHome } from './helpers.js';

let home: ReturnType<typeof tempHome>;
afterEach(() => home?.done());

function wired(opts: { kept?: boolean } = {}) {
  home = tempHome();
  const world = miniWorld();
  const settings = opts.kept === false ? null : new SettingsStore(home.dir);
  const transcript = opts.kept === false ? null : new Transcript({ now: () => new Date(2026, 0, 2, 3, 4) });
  const render = { color: false, width: 79, screenReader: false, reducedMotion: false };
  let host!: GameHost;
  const onMeta = makeOnMeta({
    world, getState: () => host.state, settings, transcript, home: opts.kept === false ? null : home.dir,
    screenReader: () => render.screenReader, width: () => render.width,
    onSettingChange: (key, value) => key === 'verbosity'
      ? (setVerbosity(host, value as 'verbose' | 'brief' | 'superbrief'), true)
      : applyToRender(render, key, value, { columns: 80, canColor: false }),
  });
  host = new GameHost({ world, seed: 1, store: null, gameVersion: 'test', onMeta });
  attachComforts(host, { world, transcript, settings });
  host.start({ kind: 'new' });
  if (settings) setVerbosity(host, settings.get('verbosity'));
  const all: string[] = [];
  const say = (line: string) => {
    const t = blocksToText(host.submit(line).blocks);
    all.push(t);
    return t;
  };
  return { host, say, all, settings, render, transcriptsDir: join(home.dir, 'transcripts') };
}

describe('comforts in play', () => {
  it('MAP draws where you have been, and the list in screen-reader mode', () => {
    const g = wired();
    g.say('east');
    g.say('west');
    const map = g.say('map');
    expect(map).toMatch(/\[\*Hall\*\]-+\[Study\]/);
    expect(map).not.toContain('Garden');
    g.say('settings screen reader on');
    expect(g.render.screenReader).toBe(true);
    const list = g.say('map');
    expect(list).toContain('You are in Hall.');
    expect(list).toContain('Hall: east to Study and one way you have not taken.');
    expect(list).not.toMatch(/[|+[\]]/);
    expect(findBadOutput(g.all.join('\n'))).toEqual([]);
  });

  it('SETTINGS lists, changes and keeps; a bad value gets a sentence', async () => {
    const g = wired();
    expect(g.say('settings')).toContain('width: auto.');
    expect(g.say('settings width 60')).toBe('The width setting is now 60.');
    expect(g.render.width).toBe(59);
    // Set by the player: the screen keeps it however wide the terminal is.
    expect((g.render as { widthSet?: boolean }).widthSet).toBe(true);
    expect(g.say('settings width lots')).toBe('The width can be a number from 20 to 200, or auto, not "lots".');
    await g.settings!.flush();
    expect(new SettingsStore(home.dir).get('width')).toBe(60);
    g.say('settings width auto');
    expect((g.render as { widthSet?: boolean }).widthSet).toBe(false);
    expect(findBadOutput(g.all.join('\n'))).toEqual([]);
  });

  it('a setting the disk refuses is said in the turn that changed it, once the write has failed', async () => {
    const g = wired();
    // conf writes settings.json through a temporary file and a rename: a folder in its place refuses it.
    mkdirSync(join(home.dir, 'settings.json'));
    const out = g.host.submit('settings width 60');
    expect(blocksToText(out.blocks)).toBe('The width setting is now 60.');
    expect(out.settled).toBeDefined();
    const later = blocksToText(await out.settled!);
    expect(later).toMatch(/^The setting is used until you quit, but it could not be written: /);
    expect(g.render.width).toBe(59);
    // Said once: the next turn does not repeat it, and has nothing left to wait for.
    const next = g.host.submit('look');
    expect(blocksToText(next.blocks)).not.toMatch(/could not be written/);
    expect(next.settled).toBeUndefined();
  });

  it('a setting written without trouble leaves nothing to say', async () => {
    const g = wired();
    const out = g.host.submit('settings width 70');
    expect(blocksToText(await (out.settled ?? Promise.resolve([])))).toBe('');
    expect(new SettingsStore(home.dir).get('width')).toBe(70);
  });

  it('VERBOSE, BRIEF and SUPERBRIEF are kept for the next run, and SETTINGS VERBOSITY changes the game', async () => {
    const g = wired();
    g.say('brief');
    await g.settings!.flush();
    expect(new SettingsStore(home.dir).get('verbosity')).toBe('brief');
    g.say('settings verbosity superbrief');
    expect(g.host.state.verbosity).toBe('superbrief');
    g.say('verbose');
    expect(g.settings!.get('verbosity')).toBe('verbose');
  });

  it('TRANSCRIPT ON writes commands and replies to a plain file in the player folder; OFF stops', () => {
    const g = wired();
    expect(g.say('transcript')).toContain('No transcript is being written.');
    const on = g.say('transcript on Night One');
    expect(on).toContain(join(g.transcriptsDir, 'Night One.txt'));
    g.say('look');
    g.say('east');
    g.say('map');
    const off = g.say('transcript off');
    expect(off).toContain('The transcript is stopped.');
    g.say('west');
    const text = readFileSync(join(g.transcriptsDir, 'Night One.txt'), 'utf8');
    expect(text).not.toContain('\x1b');
    expect(text).toMatch(/^Mini \(story version 0\.0\.1\): a transcript\.\n2026-01-02 03:04\n\n> transcript on Night One\n/);
    expect(text).toContain('> look\nHall\n\nA plain hall.');
    expect(text).toContain('> east\nStudy');
    // The garden north of the hall, known of but not yet seen, is drawn as [?].
    expect(text).toMatch(/> map\n.*\n\+-+\+\n\| +\[\?\] +\|\n\| +\| +\|\n\| +\[Hall\]-+\[\*Study\*\] \|/);
    expect(text).toContain('The transcript ends here.');
    expect(text).not.toContain('> west');
    expect(findBadOutput(text)).toEqual([]);
  });

  it('TRANSCRIPT ON alone picks a dated name; a path out of the folder is refused', () => {
    const g = wired();
    expect(g.say('transcript on "../../etc/evil"')).toContain('Transcripts stay inside your nanodream folder');
    g.say('transcript on');
    expect(g.say('transcript on other')).toContain('already being written');
    g.say('transcript off');
    expect(readdirSync(g.transcriptsDir)).toEqual(['transcript-2026-01-02.txt']);
    expect(findBadOutput(g.all.join('\n'))).toEqual([]);
  });

  it('without a player folder (scripts) both say so in a sentence', () => {
    const g = wired({ kept: false });
    expect(g.say('transcript on')).toBe('Transcripts are not available in this mode. A --script run already prints every command and reply.');
    expect(g.say('settings')).toBe('Settings are not kept in this mode, so there is nothing to show or change.');
    expect(g.say('map')).toContain('[*Hall*]');
  });
});
