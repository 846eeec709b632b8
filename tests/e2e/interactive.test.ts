// The built game in a real terminal (tmux): what a player sees and types.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, TmuxTerm, hasTmux, promptShown, tempHome, terminalPerTest } from './helpers.js';

if (!hasTmux) console.warn('tests/e2e/interactive: SKIPPED, tmux is not installed (the CI script installs it).');

const STATUS = /^(\S[^·\n]*) · .* · turn \d+ · /m;

describe.skipIf(!hasTmux)('interactive play in a real terminal', () => {
  const terminal = terminalPerTest();

  async function startGame(width = 100, height = 30, env: Record<string, string> = {}): Promise<TmuxTerm> {
    const term = await terminal.shell(width, height, env);
    term.type(`node ${BIN} --new --seed 1`);
    await term.waitFor(promptShown, 'the game prompt');
    return term;
  }

  /** The first reply line of each command in piped play: the same seed gives the same story. */
  function pipedReplies(commands: string[]): string[] {
    const h = tempHome();
    try {
      const r = spawnSync('node', [BIN, '--new', '--seed', '1', '--home', h.dir, '--no-color'], {
        input: commands.join('\n') + '\n', encoding: 'utf8', cwd: ROOT,
      });
      return r.stdout.split('\n> ').slice(1, commands.length + 1).map((chunk) => chunk.split('\n').find((l) => l.trim())!.trim());
    } finally {
      h.remove();
    }
  }

  async function command(t: TmuxTerm, cmd: string): Promise<string> {
    const before = t.count(`> ${cmd}`);
    t.type(cmd);
    await t.waitFor(() => t.count(`> ${cmd}`) > before, `the echo of "${cmd}"`);
    return t.settle();
  }

  it('shows the opening, the status line and the prompt', async () => {
    const t = await startGame();
    const s = await t.settle();
    expect(s).toMatch(STATUS);
    const lines = t.lines();
    expect(lines[lines.length - 1]).toBe('>');
    expect(lines[lines.length - 2]).toMatch(STATUS);
    expect(lines.filter((l) => l.trim()).length).toBeGreaterThan(5);
  });

  it('draws its status line and prompt in a terminal whose shell has CI set', async () => {
    // ink alone would draw no live area when it sees CI; a terminal is a terminal.
    const t = await startGame(100, 30, { CI: 'true', CONTINUOUS_INTEGRATION: '1' });
    await t.settle();
    const lines = t.lines();
    expect(lines[lines.length - 1]).toBe('>');
    expect(lines[lines.length - 2]).toMatch(STATUS);
    await command(t, 'look');
    expect(t.lines().at(-1)).toBe('>');
  });

  it('answers look, x me and i as piped play does', async () => {
    const cmds = ['look', 'x me', 'i'];
    const expected = pipedReplies(cmds);
    expect(expected).toHaveLength(3);
    const t = await startGame();
    for (const [k, cmd] of cmds.entries()) {
      const s = await command(t, cmd);
      const after = s.slice(s.lastIndexOf(`> ${cmd}`));
      expect(after.replace(/\s+/g, ' ')).toContain(expected[k].slice(0, 30));
    }
  });

  it('names the character in the status line, and switching changes it', async () => {
    const t = await startGame();
    const first = STATUS.exec(await t.settle())![1];
    expect(first).not.toBe('Mia');
    await command(t, 'switch to mia');
    const lines = t.lines();
    expect(lines[lines.length - 2]).toMatch(/^Mia · /);
  });

  it('brings back the last command with the up arrow', async () => {
    const t = await startGame();
    await command(t, 'x me');
    const echoes = () => t.count('> x me');
    const before = echoes();
    t.keys('Up');
    await t.waitFor(() => t.lines()[t.lines().length - 1] === '> x me', 'the recalled command');
    t.keys('Enter');
    // The echo of the recalled command, and an empty prompt again.
    await t.waitFor(() => echoes() === before + 1 && t.lines()[t.lines().length - 1] === '>', 'the second echo');
  });

  it('stays readable after the terminal shrinks to 40 columns', async () => {
    const t = await startGame();
    await command(t, 'look');
    t.tmux('resize-window', '-x', '40');
    await t.settle(300);
    await command(t, 'look');
    const joined = t.lines({ join: true });
    const from = joined.map((l) => l.trimEnd()).lastIndexOf('> look');
    const tail = joined.slice(from);
    expect(tail.length).toBeGreaterThan(3);
    for (const l of tail) expect(l.length, `"${l}" is wider than 40 columns`).toBeLessThanOrEqual(40);
    expect(tail[tail.length - 1]).toBe('>');
    expect(tail[tail.length - 2]).toMatch(/ · /);
    expect(tail.filter((l) => / · turn /.test(l) || / · .* · /.test(l)).length).toBe(1);
  });

  it('leaves a sane terminal after Ctrl+C', async () => {
    const t = await startGame();
    await command(t, 'look');
    t.keys('C-c');
    await t.waitFor((s) => t.lines()[t.lines().length - 1] === '$', 'the shell prompt after the game');
    expect(t.cursorVisible()).toBe(true);
    t.type('echo "rc=$?" plain-after');
    await t.waitFor((s) => s.includes('rc=0 plain-after'), 'the echo after the game');
    const styled = t.screen({ escapes: true }).split('\n');
    const echoed = styled.find((l) => l.includes('rc=0 plain-after'))!;
    expect(echoed).not.toMatch(/\x1b\[[0-9;]*m/);
    const lastPrompt = styled.filter((l) => l.includes('$')).pop()!;
    expect(lastPrompt.replace(/\x1b\[0?m/g, '')).not.toMatch(/\x1b\[/);
  });

  it('quits with the quit command and exits 0', async () => {
    const t = await startGame();
    t.type('quit');
    await t.waitFor(() => t.lines()[t.lines().length - 1] === '$', 'the shell prompt after quit');
    t.type('echo "rc=$?"');
    await t.waitFor((s) => s.includes('rc=0'), 'exit status 0');
    expect(t.cursorVisible()).toBe(true);
  });
});
