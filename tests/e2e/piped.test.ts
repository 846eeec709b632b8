// Piped play of the built game: what scripts, screen readers on a pipe and CI get.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, ensureBuilt, tempHome } from './helpers.js';

describe('piped play', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it('plays a few commands, prints prompts, exits 0 without a stack trace', () => {
    const home = tempHome();
    try {
      const r = spawnSync('node', [BIN, '--new', '--home', home.dir], {
        input: 'look\nx me\ni\nswitch to mia\nlook\nleo\nundo\n', encoding: 'utf8', cwd: ROOT, timeout: 20_000,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(r.stderr).not.toMatch(/Error|went wrong/);
      expect(r.stdout).toMatch(/(^|\n)> /);
      expect(r.stdout.split('\n> ').length).toBeGreaterThanOrEqual(8);
      // No ink on a pipe: no cursor movement or screen clearing.
      expect(r.stdout).not.toMatch(/\x1b\[\d*[ABJK]|\x1b\[\?25[hl]/);
    } finally {
      home.remove();
    }
  });
});
