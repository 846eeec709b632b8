// Plain play flags are read without commander; wherever that happens, commander would have
// read the same flags, and everything else still goes to commander.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { quickPlayFlags } from '../../src/cli/main.js';
import { runProgram } from '../../src/cli/program.js';
import type { Io, PlayFlags } from '../../src/cli/play.js';

const io = (): Io => ({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {}, now: () => new Date(0) });

async function commanderFlags(argv: string[]): Promise<PlayFlags | null> {
  let seen: PlayFlags | null = null;
  const code = await runProgram(argv, io(), async (f) => { seen = { ...f }; return 0; });
  return code === 0 ? seen : null;
}

const token = fc.constantFrom(
  '--plain', '--no-color', '--new', '--reduced-motion', '--screen-reader', '--seed', '--script', '--load', '--home', '--width',
  '--seed=5', '--width=60', '--home=/tmp/x', '--load=my save', '--seed=', '5', '-3', 'walk.txt', 'my save', '/tmp/h', '80',
  'saves', 'config', 'check', 'preview', '--help', '-h', '-v', '--version', '--', '--colour', '--seed-', '--no-plain', '-', 'x=y',
);

describe('quick play flags', () => {
  it('reads the common runs', () => {
    expect(quickPlayFlags([])).toEqual({ color: true });
    expect(quickPlayFlags(['--new', '--seed', '1', '--home', '/h'])).toEqual({ color: true, new: true, seed: '1', home: '/h' });
    expect(quickPlayFlags(['--script', 'walk.txt', '--seed=3', '--no-color', '--width', '60'])).toEqual({ color: false, script: 'walk.txt', seed: '3', width: '60' });
    for (const odd of [['saves'], ['--help'], ['-v'], ['--seed'], ['--seed', '-3'], ['--seed='], ['--', '--new'], ['x']]) expect(quickPlayFlags(odd)).toBeNull();
  });

  it('agrees with commander wherever it answers', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 7 }), async (argv) => {
        const quick = quickPlayFlags(argv);
        if (quick === null) return;
        answered++;
        expect(await commanderFlags(argv)).toEqual(quick);
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(300);
  });
});
