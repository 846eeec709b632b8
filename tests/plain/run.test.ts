// Line mode's loop: every line is played in order however the input arrives, quitting stops
// reading, and a failure (of the input or inside a turn) comes back as an error, never a crash.
import { describe, it, expect } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import { runPlain } from '../../src/plain/run.js';
import type { GameHost } from '../../src/host/host.js';

function fakeHost(onLine: (line: string) => { text?: string; quit?: boolean; throws?: boolean }) {
  const seen: string[] = [];
  let flushes = 0;
  const host = {
    state: { memories: [] },
    submit(line: string) {
      seen.push(line);
      const r = onLine(line);
      if (r.throws) throw new Error('the engine broke');
      return { blocks: r.text ? [{ spans: [{ text: r.text }] }] : [], quit: r.quit };
    },
    flushAutosave() {
      flushes++;
      return [];
    },
  } as unknown as GameHost;
  return { host, seen, flushes: () => flushes };
}

function sink() {
  const chunks: string[] = [];
  let listener: (() => void) | null = null;
  const output = new Writable({ write(c, _e, cb) { chunks.push(String(c)); listener?.(); cb(); } });
  /** Resolves once the output holds `text`. */
  const until = (text: string) => new Promise<void>((resolve) => {
    const check = () => { if (chunks.join('').includes(text)) resolve(); };
    listener = check;
    check();
  });
  return { output, text: () => chunks.join(''), writes: () => chunks.length, until };
}

const render = { color: false, width: 80, screenReader: false, reducedMotion: false };

describe('runPlain', () => {
  it('plays each line once, in order, across chunks and line endings, and saves at the end', async () => {
    const { host, seen, flushes } = fakeHost((l) => ({ text: `you typed ${l}` }));
    const input = new PassThrough();
    const out = sink();
    const done = runPlain({ host, input, output: out.output, render, echo: false, opening: { blocks: [] } });
    input.write('lo');
    input.write('ok\r');
    input.write('\nx me\ni\rwait\n\nz');
    input.end();
    await done;
    // \r\n split across chunks is one ending; a lone \r ends a line; the last needs no ending.
    expect(seen).toEqual(['look', 'x me', 'i', 'wait', '', 'z']);
    expect(out.text()).toContain('you typed x me\n\n> ');
    expect(flushes()).toBeGreaterThanOrEqual(1);
  });

  it('lines that arrive together are answered in one write; a line on its own is answered before the next arrives', async () => {
    const { host } = fakeHost((l) => ({ text: `you typed ${l}` }));
    const input = new PassThrough();
    const out = sink();
    const done = runPlain({ host, input, output: out.output, render, echo: false, opening: { blocks: [{ spans: [{ text: 'Hello' }] }] } });
    await out.until('Hello\n\n> ');
    const before = out.writes();
    input.write('a\nb\nc\n');
    await out.until('you typed c');
    expect(out.writes()).toBe(before + 1);
    // A driver that waits for each reply before typing again is never left waiting.
    input.write('d\n');
    await out.until('you typed d\n\n> ');
    input.write('e\n');
    await out.until('you typed e\n\n> ');
    input.end();
    await done;
    expect(out.text()).toBe('Hello\n\n> ' + ['a', 'b', 'c', 'd', 'e'].map((l) => `you typed ${l}\n\n> `).join('') + '\n');
  });

  it('waits for what a turn left to finish, says it before the prompt, and only then plays the next line', async () => {
    let release!: () => void;
    const seen: string[] = [];
    const host = {
      state: { memories: [] },
      submit(line: string) {
        seen.push(line);
        const blocks = [{ spans: [{ text: `you typed ${line}` }] }];
        if (line !== 'settings') return { blocks };
        const settled = new Promise<{ spans: { text: string }[] }[]>((r) => { release = () => r([{ spans: [{ text: 'written badly' }] }]); });
        return { blocks, settled };
      },
      flushAutosave: () => [],
    } as unknown as GameHost;
    const input = new PassThrough();
    const out = sink();
    const done = runPlain({ host, input, output: out.output, render, echo: false, opening: { blocks: [] } });
    input.write('settings\nlook\n');
    await out.until('you typed settings');
    // The next line waits while the setting is being written.
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['settings']);
    release();
    await out.until('you typed look');
    input.end();
    await done;
    expect(out.text()).toBe('\n> you typed settings\nwritten badly\n\n> you typed look\n\n> \n');
  });

  it('stops reading at QUIT: later lines are not played', async () => {
    const { host, seen } = fakeHost((l) => (l === 'quit' ? { text: 'bye', quit: true } : { text: 'ok' }));
    const input = new PassThrough();
    const out = sink();
    const done = runPlain({ host, input, output: out.output, render, echo: true, opening: { blocks: [] } });
    input.write('look\nquit\nlook\n');
    await done;
    expect(seen).toEqual(['look', 'quit']);
    expect(out.text()).toMatch(/bye\n$/);
  });

  it('an input that fails rejects with its error', async () => {
    const { host } = fakeHost(() => ({ text: 'ok' }));
    const input = new PassThrough();
    const done = runPlain({ host, input, output: sink().output, render, echo: false, opening: { blocks: [] } });
    input.destroy(new Error('EIO: the disk went away'));
    await expect(done).rejects.toThrow('EIO: the disk went away');
  });

  it('a turn that throws rejects (the caller says so), and no later line is played', async () => {
    const { host, seen } = fakeHost((l) => (l === 'boom' ? { throws: true } : { text: 'ok' }));
    const input = new PassThrough();
    const done = runPlain({ host, input, output: sink().output, render, echo: false, opening: { blocks: [] } });
    input.write('look\nboom\nlook\n');
    await expect(done).rejects.toThrow('the engine broke');
    expect(seen).toEqual(['look', 'boom']);
  });
});
