// A turn that throws never ends the game: the state from before stands, the player is told once,
// the details go to the log, and the next command plays, in line mode and on the ink screen.
import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { GameHost, type TurnFailure } from '../../src/host/host.js';
import { play } from '../../src/engine/index.js';
import { appendTurnLog } from '../../src/saves/index.js';
import { blocksToText } from '../../src/narrate/index.js';
import { runPlain } from '../../src/plain/run.js';
import { UiModel } from '../../src/ui/model.js';
import { mini } from '../engine/helpers.js';
import { settings, mountModel, cleanup } from '../ui/helpers.js';
import { makeTemp } from '../temp.js';

const FAILED = 'That command could not be carried out, so nothing changed; the game goes on.';

/** The real engine, except that `boom` throws inside the turn. */
const throwing: typeof play = (w, session, input) => {
  if (input.trim() === 'boom') throw new TypeError("Cannot read properties of undefined (reading 'portable')");
  return play(w, session, input);
};

function host(failures: TurnFailure[] = []) {
  return new GameHost({
    world: mini, seed: 7, store: null, gameVersion: 'test', play: throwing,
    onTurnFailed: (d) => (failures.push(d), null),
  });
}

afterEach(() => cleanup());

describe('the host keeps a failed turn out of the game', () => {
  it('keeps the state from before, says so once, hands over the details, and plays on', () => {
    const failures: TurnFailure[] = [];
    const h = host(failures);
    h.start({ kind: 'new' });
    blocksToText(h.submit('take apple').blocks);
    const before = h.session;
    const reply = blocksToText(h.submit('boom').blocks);
    expect(reply).toBe(FAILED);
    expect(h.session).toBe(before);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ input: 'boom', seed: 7, turn: before.state.turn });
    expect(String((failures[0]!.error as Error).message)).toContain('portable');
    // Undo still takes back the turn before the failure, not the failure.
    expect(blocksToText(h.submit('undo').blocks)).toContain('take apple');
  });

  it('names the log file when the details were written there', () => {
    const home = makeTemp('nd-guard-');
    try {
      const h = new GameHost({
        world: mini, seed: 3, store: null, gameVersion: 'test', play: throwing,
        onTurnFailed: (d) => appendTurnLog(home, d, new Date('2042-01-01T20:00:00Z'), '9.9.9'),
      });
      h.start({ kind: 'new' });
      const reply = blocksToText(h.submit('boom').blocks);
      const log = join(home, 'nanodream.log');
      expect(reply).toContain(log);
      const text = readFileSync(log, 'utf8');
      expect(text).toContain('input: "boom"');
      expect(text).toContain('seed: 3  turn: 0');
      expect(text).toContain('TypeError');
      expect(text).toContain('2042-01-01T20:00:00.000Z');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe('both front ends play on after a failed turn', () => {
  it('line mode answers the failure and the commands after it', async () => {
    const h = host();
    const input = new PassThrough();
    let out = '';
    const output = new Writable({ write(c, _e, cb) { out += String(c); cb(); } });
    const done = runPlain({
      host: h, input, output, echo: false, opening: h.start({ kind: 'new' }),
      render: { color: false, width: 79, screenReader: false, reducedMotion: false },
    });
    input.end('boom\nlook\n');
    await done;
    expect(out).toContain(FAILED);
    expect(out.indexOf(FAILED)).toBeLessThan(out.lastIndexOf('Hall'));
  });

  it('the ink screen shows the failure and takes the next command', async () => {
    const h = host();
    h.start({ kind: 'new' });
    const model = new UiModel({
      host: h, render: settings(), explicitWidth: false,
      screen: { columns: () => 100, rows: () => 30 },
    });
    const ui = await mountModel(model);
    for (const s of ['boom\r', 'look\r']) await ui.type(s);
    const frame = ui.frame();
    expect(frame).toContain(FAILED);
    expect(frame.lastIndexOf('Hall')).toBeGreaterThan(frame.indexOf(FAILED));
  });
});
