// The interactive screen in a real terminal (tmux) at the moments that used to lose keys or leave
// debris: typing and resizing while a glitch animates, Ctrl+Z and fg, a long paste, and each way
// of leaving. The game starts from an autosave made by piping the walkthrough up to the turn
// where the sky cracks (three glitching paragraphs).
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, TmuxTerm, hasTmux, promptShown, terminalPerTest } from './helpers.js';

const STATUS = / · turn \d+ · /;
const SKY = 'THE SKY CRACKS.';
const SAVED = 'Your game is saved; type nanodream to continue it.';

/** The walkthrough's commands up to the one that cracks the sky (kept out), and that one. */
function beforeTheSky(): { before: string[]; glitching: string } {
  const all = readFileSync(join(ROOT, 'tests', 'playthroughs', 'ending-balance.txt'), 'utf8')
    .split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2).trim());
  let chimes = 0;
  const at = all.findIndex((c) => c === 'strike chime' && ++chimes === 2);
  return { before: all.slice(0, at + 1), glitching: all[at + 1]! };
}

describe.skipIf(!hasTmux)('the screen at awkward moments', () => {
  const terminal = terminalPerTest();

  /** A shell in tmux; `ready` pipes the walkthrough first so the game continues just before the sky cracks. */
  function shell(opts: { ready?: boolean; width?: number; height?: number } = {}): Promise<TmuxTerm> {
    return terminal.shell(opts.width ?? 100, opts.height ?? 30, {}, opts.ready ? (dir) => {
      const r = spawnSync('node', [BIN, '--new', '--seed', '1', '--plain', '--home', dir], {
        input: beforeTheSky().before.join('\n') + '\n', encoding: 'utf8', cwd: ROOT,
      });
      expect(r.status, r.stderr).toBe(0);
    } : undefined);
  }

  async function play(t: TmuxTerm, args = ''): Promise<void> {
    t.type(`node ${BIN} ${args} 2>${join(terminal.homeDir(), 'stderr.txt')}`);
    await t.waitFor(promptShown, 'the game prompt');
    await t.settle();
  }

  const history = (t: TmuxTerm) => t.screen({ history: true, join: true }).split('\n').map((l) => l.trimEnd());

  it('keeps a command typed while the glitch animates, and runs it after the settled text', async () => {
    const t = await shell({ ready: true });
    await play(t);
    t.type(beforeTheSky().glitching);
    await t.waitFor((s) => !promptShown(s) || s.includes(SKY) || /[^\x00-\x7f]/.test(s), 'the turn to start');
    // Typed key by key, well inside the 1.5 s the turn may animate.
    for (const c of 'x me') t.type(c, false);
    t.keys('Enter');
    await t.waitFor(() => history(t).includes('> x me'), 'the typed-ahead command');
    await t.settle();
    const h = history(t);
    expect(h.join('\n')).not.toMatch(/I don't know the word/);
    expect(h.findIndex((l) => l.startsWith(SKY))).toBeLessThan(h.indexOf('> x me'));
    expect(h.filter((l) => l.startsWith(SKY))).toHaveLength(1);
    expect(t.lines().at(-1)).toBe('>');
  });

  it('in a terminal four rows tall, shows the glitch settled and keeps the whole transcript in the scrollback', async () => {
    const t = await shell({ ready: true, width: 60, height: 4 });
    // Every byte the game writes to the terminal.
    const bytes = join(terminal.homeDir(), 'pane.bytes');
    t.tmux('pipe-pane', '-o', `cat >> ${bytes}`);
    await play(t);
    for (const c of [beforeTheSky().glitching, 'x me', 'look']) {
      t.type(c);
      await t.waitFor(() => history(t).includes(`> ${c}`), `the command ${c}`);
      await t.settle(300);
    }
    const h = history(t);
    // Each command and the sky's first line once each: ink never had to clear the screen and
    // write the transcript again (it would, were the live area as tall as the terminal).
    for (const c of [beforeTheSky().glitching, 'x me', 'look']) expect(h.filter((l) => l === `> ${c}`)).toHaveLength(1);
    expect(h.filter((l) => l.startsWith(SKY))).toHaveLength(1);
    expect(t.lines().at(-1)).toBe('>');
    expect(t.lines().some((l) => STATUS.test(l))).toBe(true);
    // ink's redraw of a live area as tall as the terminal begins by clearing screen and scrollback.
    const written = readFileSync(bytes, 'latin1');
    expect(written).toContain('> look');
    expect(written).not.toContain('\x1b[3J');
  });

  it('resized while the glitch animates, leaves no stale frame and draws the rest at the new width', async () => {
    const t = await shell({ ready: true });
    await play(t);
    t.type(beforeTheSky().glitching);
    await t.waitFor((s) => s.includes(SKY) || /[^\x00-\x7f]/.test(s.split('\n').slice(-12).join('')), 'the animation');
    t.tmux('resize-window', '-x', '50');
    await t.settle(400);
    const h = history(t);
    // One copy of the paragraph (settled), none garbled or cut off above it.
    expect(h.filter((l) => l.includes('THE SKY CRACK'))).toHaveLength(1);
    const lines = t.lines();
    for (const l of lines) expect(l.length, `"${l}"`).toBeLessThanOrEqual(50);
    expect(lines.at(-1)).toBe('>');
    expect(lines.filter((l) => STATUS.test(l))).toHaveLength(1);
  });

  it('suspends on Ctrl+Z and comes back with its prompt after fg', async () => {
    const t = await shell();
    await play(t, '--new');
    t.keys('C-z');
    await t.waitFor((s) => /Stopped/.test(s) && t.lines().at(-1) === '$', 'the shell after Ctrl+Z');
    expect(t.cursorVisible()).toBe(true);
    t.type('fg');
    await t.waitFor(() => t.lines().at(-1) === '>' && STATUS.test(t.lines().at(-2) ?? ''), 'the game after fg');
    t.type('x me');
    await t.waitFor(() => history(t).includes('> x me'), 'a command after fg');
    await t.settle();
    expect(t.lines().at(-1)).toBe('>');
    expect(t.lines().filter((l) => STATUS.test(l))).toHaveLength(1);
  });

  it('keeps a 5,000-character paste up to the line limit and says what was left out', async () => {
    const t = await shell();
    await play(t, '--new');
    t.type('x'.repeat(5000), false);
    await t.waitFor((s) => /left out/.test(s), 'the message about the long paste');
    expect(t.screen({ join: true })).toMatch(/at most 1000 characters; the last 4000 of what you typed or pasted were left out/);
  });

  for (const [how, keys] of [['quit', ['quit', 'Enter']], ['Ctrl+C', ['C-c']], ['Ctrl+D', ['C-d']]] as const) {
    it(`leaving with ${how} says the game is saved, exits 0 and writes nothing to stderr`, async () => {
      const t = await shell();
      await play(t, '--new');
      if (how === 'quit') t.type('quit');
      else t.keys(...keys);
      await t.waitFor(() => t.lines().at(-1) === '$', 'the shell prompt');
      expect(t.screen({ join: true })).toContain(SAVED);
      t.type('echo "rc=$?"');
      await t.waitFor((s) => /rc=\d+/.test(s), 'the exit status');
      expect(t.screen()).toContain('rc=0');
      expect(readFileSync(join(terminal.homeDir(), 'stderr.txt'), 'utf8')).toBe('');
      expect(t.cursorVisible()).toBe(true);
    });
  }
});
