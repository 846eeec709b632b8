// The command line: picks between plain play and the full commander program, and turns errors
// into messages and exit codes. Nothing imports this module; bin/nanodream.cjs runs its bundled form.
//
// Most runs are play with a few flags (`nanodream`, `--seed 3 --script walk.txt`, `--new`): those
// are read with node:util's parseArgs, so commander (and its option machinery) loads only for
// help, versions, subcommands, mistakes and anything unusual, where it answers exactly as before.
import { parseArgs } from 'node:util';
import { ContentError } from '../content/errors.js';
import { systemText as say } from '../content/system.js';
import { type Io, type PlayFlags, UserError, playGame } from './play.js';

export type { Io } from './play.js';

const PLAY_OPTIONS = {
  plain: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  new: { type: 'boolean' },
  'reduced-motion': { type: 'boolean' },
  'screen-reader': { type: 'boolean' },
  seed: { type: 'string' },
  script: { type: 'string' },
  load: { type: 'string' },
  home: { type: 'string' },
  width: { type: 'string' },
} as const;

/**
 * The play flags, when `argv` holds nothing but the options above with non-empty values; null
 * sends everything else (subcommands, help, mistakes) to commander, which explains itself.
 */
export function quickPlayFlags(argv: readonly string[]): PlayFlags | null {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: PLAY_OPTIONS, strict: true, allowPositionals: false }));
  } catch {
    return null;
  }
  const f: PlayFlags = { color: true };
  if (values.plain) f.plain = true;
  if (values['no-color']) f.color = false;
  if (values.new) f.new = true;
  if (values['reduced-motion']) f.reducedMotion = true;
  if (values['screen-reader']) f.screenReader = true;
  for (const key of ['seed', 'script', 'load', 'home', 'width'] as const) {
    const v = values[key];
    if (v === undefined) continue;
    // Commander takes neither an empty value nor one that looks like a flag.
    if (v === '' || v.startsWith('-')) return null;
    f[key] = v;
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
      io.stderr.write(`nanodream: ${say('cli.content_problems')}\n${e.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return 1;
    }
    io.stderr.write(`nanodream: ${say('cli.crashed', { error: (e as Error)?.message ?? String(e) })}\n${say('cli.saves_untouched')}\n`);
    if (io.env.NANODREAM_DEBUG) io.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
