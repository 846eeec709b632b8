// The command line: picks between plain play and the full commander program, and turns errors
// into messages and exit codes. Nothing imports this module; bin/nanodream.cjs runs its bundled form.
//
// Most runs are play with a few flags (`nanodream`, `--seed 3 --script walk.txt`, `--new`): those
// are read here by hand, so commander (and its option machinery) loads only for help, versions,
// subcommands, mistakes and anything unusual, where it answers exactly as before.
import { ContentError } from '../content/errors.js';
import { type Io, type PlayFlags, UserError, playGame } from './play.js';

export type { Io } from './play.js';

const SWITCHES: Record<string, (f: PlayFlags) => void> = {
  '--plain': (f) => { f.plain = true; },
  '--no-color': (f) => { f.color = false; },
  '--new': (f) => { f.new = true; },
  '--reduced-motion': (f) => { f.reducedMotion = true; },
  '--screen-reader': (f) => { f.screenReader = true; },
};
const VALUES: Record<string, 'seed' | 'script' | 'load' | 'home' | 'width'> = {
  '--seed': 'seed', '--script': 'script', '--load': 'load', '--home': 'home', '--width': 'width',
};

/**
 * The play flags, when `argv` holds nothing but the flags above, each value given as the next
 * argument (not starting with "-") or after "="; null sends everything else to commander.
 */
export function quickPlayFlags(argv: readonly string[]): PlayFlags | null {
  const f: PlayFlags = { color: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const sw = Object.hasOwn(SWITCHES, arg) ? SWITCHES[arg] : undefined;
    if (sw) {
      sw(f);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const key = Object.hasOwn(VALUES, name) ? VALUES[name] : undefined;
    if (!key) return null;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('-')) return null;
    f[key] = value;
  }
  return f;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const quick = quickPlayFlags(argv);
    if (quick) return await playGame(quick, io);
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.stderr.write(`nanodream: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ContentError) {
      io.stderr.write(`nanodream: the story files have problems:\n${e.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 1;
    }
    io.stderr.write(`nanodream: something went wrong inside the game: ${(e as Error)?.message ?? String(e)}\nYour saves are untouched.\n`);
    if (io.env.NANODREAM_DEBUG) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
