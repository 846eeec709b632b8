// The ink UI driven like a player: typing, history, pasted junk, glitches, quitting.
import './no-ci.js';
import { describe, it, expect, afterEach } from 'vitest';
import { mountUi, lastLines, tick, GLITCH_TEXT, FakeHost, settings, cleanup } from './helpers.js';
import { UiModel, TURN_ANIMATION_MS } from '../../src/ui/model.js';
import type { GameHost } from '../../src/host/host.js';

afterEach(() => cleanup());

describe('the ink UI', () => {
  it('shows a status line and a prompt, and a typed command gets its reply', async () => {
    const { type, frame, host } = await mountUi();
    expect(lastLines(frame(), 2)).toEqual(['Leo · Bedroom · turn 0 · Act 1: Bedtime', '>']);
    for (const c of 'look') await type(c);
    expect(lastLines(frame(), 1)).toEqual(['> look']);
    await type('\r');
    expect(host.received).toEqual(['look']);
    const f = frame();
    expect(f).toContain('> look\nBedroom\n\nA small room with a window.');
    expect(lastLines(f, 2)).toEqual(['Leo · Bedroom · turn 1 · Act 1: Bedtime', '>']);
  });

  it('updates the status line when the player switches character', async () => {
    const { type, frame } = await mountUi();
    await type('switch to mia\r');
    expect(frame()).toContain('You are now playing Mia.');
    expect(lastLines(frame(), 2)[0]).toBe('Mia · Kitchen · turn 1 · Act 1: Bedtime');
  });

  it('submits a command that arrives in one chunk, and several lines in one paste', async () => {
    const { type, host, frame } = await mountUi();
    await type('look\r');
    expect(host.received).toEqual(['look']);
    await type('x me\r\ni\r');
    expect(host.received).toEqual(['look', 'x me', 'i']);
    expect(frame()).toContain('You look like someone who should be asleep.');
  });

  it('brings back earlier commands with the up and down arrows', async () => {
    const { type, frame, host } = await mountUi();
    await type('look\r');
    await type('x me\r');
    await type('\x1b[A');
    expect(lastLines(frame(), 1)).toEqual(['> x me']);
    await type('\x1b[A');
    expect(lastLines(frame(), 1)).toEqual(['> look']);
    await type('\x1b[B');
    expect(lastLines(frame(), 1)).toEqual(['> x me']);
    await type('\r');
    expect(host.received).toEqual(['look', 'x me', 'x me']);
  });

  it('edits in the middle of the line and clears it with Ctrl+U', async () => {
    const { type, frame, host } = await mountUi();
    await type('lk');
    await type('\x1b[D');
    await type('oo');
    expect(lastLines(frame(), 1)).toEqual(['> look']);
    await type('\x01');
    await type('\x1b[3~');
    await type('b');
    expect(lastLines(frame(), 1)).toEqual(['> book']);
    await type('\x15');
    expect(lastLines(frame(), 1)).toEqual(['>']);
    await type('x mz\x7fe\r');
    expect(host.received).toEqual(['x me']);
  });

  it('drops pasted control characters and escape sequences instead of echoing them', async () => {
    const { type, ui, host, frame } = await mountUi();
    await type('\x1b[200~lo\x07o\x00k\x1b[201~');
    await type('\x1b[15~');
    await type('\x9b\x1b');
    await tick(30);
    await ui.settle();
    expect(lastLines(frame(), 1)).toEqual(['> look']);
    // Nothing of the pasted junk reached the terminal: every byte ink wrote is checked.
    expect(ui.raw()).toContain('> look');
    expect(ui.raw()).not.toMatch(/\x07|\x00|200~|201~|15~|\x9b/);
    await type('\r');
    expect(host.received).toEqual(['look']);
  });

  it('caps the line at 1,000 characters and keeps it on one row', async () => {
    const { type, frame } = await mountUi();
    await type('a'.repeat(1500));
    const last = lastLines(frame(), 1)[0];
    expect(last.length).toBeLessThan(100);
    expect(last.startsWith('> aaa')).toBe(true);
  });

  it('plays a glitch in the live area, then settles it into readable text in the transcript', async () => {
    const { type, frame, model } = await mountUi();
    await type('glitch\r');
    expect(model.animating).toBe(true);
    expect(frame()).toContain('Before.');
    expect(frame()).not.toContain('After.');
    await tick(1600);
    expect(model.animating).toBe(false);
    const f = frame();
    expect(f).toContain(GLITCH_TEXT.slice(0, 40));
    expect(f.indexOf('Before.')).toBeLessThan(f.indexOf('After.'));
    expect(lastLines(f, 2)[1]).toBe('>');
  });

  it('skips the glitch animation on any key', async () => {
    const { type, frame, model } = await mountUi();
    await type('glitch\r');
    expect(model.animating).toBe(true);
    await type(' ');
    expect(model.animating).toBe(false);
    expect(frame()).toContain('After.');
    expect(lastLines(frame(), 1)).toEqual(['>']);
  });

  it('with reduced motion prints one still frame and the text, without animating', async () => {
    const { type, frame, model } = await mountUi({ reducedMotion: true });
    await type('glitch\r');
    expect(model.animating).toBe(false);
    const f = frame();
    expect(f).toContain('After.');
    expect(f).toContain(GLITCH_TEXT.slice(0, 40));
  });

  it('for screen readers describes the glitch, announces changes of character, and shows no status line', async () => {
    const { type, frame, model } = await mountUi({ screenReader: true });
    expect(frame().trim()).toBe('>');
    await type('glitch\r');
    expect(model.animating).toBe(false);
    expect(frame()).toMatch(/\[The .*\]/);
    expect(frame()).not.toContain('> glitch');
    await type('switch to mia\r');
    expect(frame()).toContain('You are playing Mia, in Kitchen.');
    expect(frame()).not.toContain('·');
  });

  it('ends on quit, on Ctrl+D at an empty line and on Ctrl+C', async () => {
    for (const keys of ['quit\r', '\x04', 'look\x03']) {
      const { type, model, frame } = await mountUi();
      await type(keys);
      expect(model.ended).toBe(true);
      expect(frame()).not.toContain('turn 0 ·');
      // Each way of leaving says so in one line, as quit does.
      expect(frame()).toMatch(/^Goodbye\.$/m);
      cleanup();
    }
  });

  it('does not end on Ctrl+D while the line has text', async () => {
    const { type, model, frame } = await mountUi();
    await type('look');
    await type('\x01\x04');
    expect(model.ended).toBe(false);
    expect(lastLines(frame(), 1)).toEqual(['> ook']);
  });

  it('only ever appends to the transcript, and does not keep what is already on the screen', async () => {
    const { type, model, frame } = await mountUi();
    // Every item the model hands ink, by id: ids only grow, and an item never changes.
    const seen = new Map<number, string>();
    let lastId = -1;
    model.subscribe(() => {
      for (const it of model.items) {
        if (seen.has(it.id)) expect(it.text).toBe(seen.get(it.id));
        else {
          expect(it.id).toBeGreaterThan(lastId);
          lastId = it.id;
          seen.set(it.id, it.text);
        }
      }
    });
    for (const cmd of ['look', 'glitch', 'x me', 'long', 'switch to mia', 'look', 'x me']) await type(`${cmd}\r`);
    await tick(1600);
    // All of it was written, in order…
    const f = frame();
    let at = -1;
    for (const text of seen.values()) {
      const next = f.indexOf(text.split('\n')[0]!, at + 1);
      expect(next, text).toBeGreaterThan(at);
      at = next;
    }
    // …and the model holds only the last batch, not the whole transcript.
    expect(seen.size).toBeGreaterThan(10);
    expect(model.items.length).toBeLessThan(seen.size / 2);
  });
});

describe('a long paste', () => {
  afterEach(() => cleanup());

  it('is kept whole up to the line limit, and past it the screen says how much was left out', async () => {
    const { type, model, frame } = await mountUi();
    // A terminal delivers a long paste in pieces: what was left out is said once, added up.
    await type('x'.repeat(700));
    await type('x'.repeat(500));
    await type('x'.repeat(300));
    expect(model.line.chars.length).toBe(1000);
    await tick(100);
    expect(frame().match(/left out/g)).toHaveLength(1);
    expect(frame()).toMatch(/at most 1000 characters; the last 500 of what you typed or pasted were left out/);
    const short = await mountUi();
    await short.type('y'.repeat(900));
    await tick(100);
    expect(short.model.line.chars.length).toBe(900);
    expect(short.frame()).not.toMatch(/left out/);
  });

  it('says what was left out before the line it belonged to is run', async () => {
    const { type, frame } = await mountUi();
    await type('x'.repeat(1100) + '\r');
    const f = frame();
    expect(f.indexOf('left out')).toBeGreaterThan(-1);
    expect(f.indexOf('left out')).toBeLessThan(f.indexOf('You said:'));
    expect(f).toContain('You said:');
  });
});

describe('typing while a glitch animates', () => {
  afterEach(() => cleanup());

  it('keeps the keys, in order, on the prompt; the first key ends the whole turn\'s animation', async () => {
    const { type, frame, model, host } = await mountUi();
    await type('glitch3\r');
    expect(model.animating).toBe(true);
    for (const c of 'x me') await type(c);
    expect(model.animating).toBe(false);
    // Every paragraph of the turn is settled, none is left to swallow a later space.
    for (const k of [1, 2, 3]) expect(frame()).toContain(`${k}. ${GLITCH_TEXT.slice(0, 30)}`);
    expect(lastLines(frame(), 1)).toEqual(['> x me']);
    await type('\r');
    expect(host.received).toEqual(['glitch3', 'x me']);
  });

  it('runs a line typed ahead when Enter is pressed during the animation', async () => {
    const { type, frame, model, host } = await mountUi();
    await type('glitch\r');
    expect(model.animating).toBe(true);
    // The whole line arrives while the paragraph animates (a fast typist, or a paste).
    await type('x me\r');
    expect(model.animating).toBe(false);
    expect(host.received).toEqual(['glitch', 'x me']);
    const f = frame();
    expect(f.indexOf('After.')).toBeLessThan(f.indexOf('You look like someone who should be asleep.'));
  });

  it('on an empty line, Enter, Space and Esc only end the animation', async () => {
    for (const key of ['\r', ' ', '\x1b']) {
      const { type, model, host, frame } = await mountUi();
      await type('glitch\r');
      expect(model.animating).toBe(true);
      await type(key);
      expect(model.animating).toBe(false);
      expect(host.received).toEqual(['glitch']);
      expect(lastLines(frame(), 1)).toEqual(['>']);
      cleanup();
    }
  });

  it('plays at most 1.5 s of animation in one turn, however many paragraphs glitch', () => {
    // Timers run by hand: every delay the model asks for is added up.
    const pending: Array<{ fn: () => void; ms: number }> = [];
    const model = new UiModel({
      host: new FakeHost() as unknown as GameHost,
      render: settings(),
      screen: { columns: () => 100, rows: () => 30 },
      explicitWidth: false,
      timers: { set: (fn, ms) => { const t = { fn, ms }; pending.push(t); return t; }, clear: (t) => { const i = pending.indexOf(t as never); if (i >= 0) pending.splice(i, 1); } },
    });
    const played = (line: string) => {
      let total = 0;
      let animated = 0;
      for (const c of line) model.input(c);
      model.input('\r');
      let seen: unknown = null;
      while (pending.length) {
        const t = pending.shift()!;
        total += t.ms;
        if (model.frame !== seen) { animated++; seen = model.frame; }
        t.fn();
      }
      return { total, animated };
    };
    const one = played('glitch');
    expect(one.total).toBeGreaterThan(500);
    const three = played('glitch3');
    expect(three.total).toBeGreaterThan(one.total);
    expect(three.total).toBeLessThanOrEqual(TURN_ANIMATION_MS);
    // Every paragraph reached the transcript, settled: its readable text, and no still of the
    // damage above it (that is for reduced motion and line mode), even past the turn's budget.
    const text = model.items.map((i) => i.text).join('\n');
    for (const k of [1, 2, 3]) expect(text).toContain(`${k}. ${GLITCH_TEXT.slice(0, 30)}`);
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const fromGlitch3 = lines.slice(lines.findIndex((l) => l.includes('glitch3')) + 1);
    for (const l of fromGlitch3) expect(`1. 2. 3. ${GLITCH_TEXT}`).toContain(l.trim().replace(/^\d\. /, ''));
  });
});

describe('the width', () => {
  afterEach(() => cleanup());

  it('set during play (settings width) applies at once to the next reply; set back to auto, it follows the terminal', async () => {
    const { type, frame, render, model } = await mountUi();
    const widest = () => Math.max(...model.items.at(-1)!.text.split('\n').map((l) => l.length));
    await type('long\r');
    expect(widest()).toBeGreaterThan(60);
    // What applyToRender does for `settings width 41`.
    render.width = 40;
    render.widthSet = true;
    await type('long\r');
    expect(widest()).toBeLessThanOrEqual(40);
    expect(frame()).toContain('word59');
    render.widthSet = false;
    await type('long\r');
    expect(widest()).toBeGreaterThan(60);
  });
});

describe('a turn that leaves something to finish', () => {
  afterEach(() => cleanup());

  it('shows how it went when it is done (a setting the disk refused)', async () => {
    const { type, frame } = await mountUi();
    await type('settings\r');
    expect(frame()).toContain('The width setting is now 60.');
    await tick(80);
    const f = frame();
    expect(f.indexOf('It could not be written.')).toBeGreaterThan(f.indexOf('The width setting is now 60.'));
    expect(lastLines(f, 1)).toEqual(['>']);
  });
});
