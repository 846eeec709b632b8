// The full command line through commander: every flag and subcommand, help and errors.
// main.ts loads it only when the arguments are more than plain play flags.
import { Command, CommanderError, Option } from 'commander';
import { loadWorld } from '../content/world.js';
import { systemText as say } from '../content/system.js';
import { openSaves, formatSlotTable } from '../saves/index.js';
import { configCommand, sayFrom } from '../comforts/index.js';
import { type Io, type PlayFlags, UserError, parseSeed, playGame, version, wantColor } from './play.js';

/** What each subcommand's definition needs: the program (for the global flags), the io, and where its exit code goes. */
interface Ctx {
  program: Command;
  io: Io;
  exit: (code: number) => void;
}

/** Runs the command line; `play` starts the game (tests pass a stand-in to see the flags). */
export async function runProgram(argv: string[], io: Io, play: (f: PlayFlags, io: Io) => Promise<number> = playGame): Promise<number> {
  let code = 0;
  const program = new Command();
  const ctx: Ctx = { program, io, exit: (c) => { code = c; } };
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program
    .name('nanodream')
    .description(say('cli_help.nanodream'))
    .version(version(), '-v, --version', say('cli_help.version'))
    .option('--seed <n>', say('cli_help.seed'))
    .option('--plain', say('cli_help.plain'))
    .option('--no-color', say('cli_help.no_color'))
    .option('--script <file>', say('cli_help.script'))
    .option('--new', say('cli_help.new'))
    .option('--load <name>', say('cli_help.load'))
    .option('--home <dir>', say('cli_help.home'))
    .option('--reduced-motion', say('cli_help.reduced_motion'))
    .option('--screen-reader', say('cli_help.screen_reader'))
    .addOption(new Option('--width <columns>', say('cli_help.width')).hideHelp(false))
    .action(async (opts: PlayFlags) => {
      code = await play(opts, io);
    });
  addSaves(ctx);
  addConfig(ctx);
  addCheck(ctx);
  addPreview(ctx);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
}

function addSaves({ program, io }: Ctx): void {
  program
    .command('saves')
    .description(say('cli_help.saves'))
    .option('--home <dir>', say('cli_help.saves_home'))
    .action((opts: { home?: string }) => {
      const { store } = openSaves({ home: opts.home ?? program.opts<PlayFlags>().home, env: io.env });
      io.stdout.write(formatSlotTable(store.list()).join('\n') + '\n');
    });
}

function addConfig({ program, io, exit }: Ctx): void {
  program
    .command('config')
    .description(say('cli_help.config'))
    .argument('[key]', say('cli_help.config_key'))
    .argument('[value]', say('cli_help.config_value'))
    .option('--home <dir>', say('cli_help.config_home'))
    .action(async (key: string | undefined, value: string | undefined, opts: { home?: string }) => {
      const world = await loadWorld();
      exit(await configCommand({ home: opts.home ?? program.opts<PlayFlags>().home, env: io.env, say: sayFrom(world) }, key, value, io));
    });
}

function addCheck({ program, io, exit }: Ctx): void {
  program
    .command('check')
    .description(say('cli_help.check'))
    .option('--content <dir>', say('cli_help.check_content'))
    .option('--json', say('cli_help.check_json'))
    .option('--quick', say('cli_help.check_quick'))
    .option('--prose', say('cli_help.check_prose'))
    .option('--unshown', say('cli_help.check_unshown'))
    .option('--witness <dir>', say('cli_help.check_witness'), (d: string, all: string[]) => [...all, d], [] as string[])
    .action(async (opts: { content?: string; json?: boolean; quick?: boolean; prose?: boolean; unshown?: boolean; witness: string[] }) => {
      const { checkCommand } = await import('../check/cli.js');
      exit(await checkCommand({ contentDir: opts.content, json: !!opts.json, quick: !!opts.quick, prose: !!opts.prose, unshown: !!opts.unshown, witness: opts.witness }, { stdout: io.stdout, stderr: io.stderr }));
    });
}

interface PreviewOpts { intensity: string; seed: string; width?: string; frames?: boolean; color: boolean }

function addPreview({ program, io }: Ctx): void {
  program
    .command('preview')
    .description(say('cli_help.preview'))
    .argument('<what>', say('cli_help.preview_what'))
    .argument('[text...]', say('cli_help.preview_text'))
    .option('--intensity <x>', say('cli_help.preview_intensity'), '0.6')
    .option('--seed <n>', say('cli_help.preview_seed'), '1')
    .option('--width <w>', say('cli_help.preview_width'))
    .option('--frames', say('cli_help.preview_frames'))
    .option('--no-color', say('cli_help.preview_no_color'))
    .action(async (what: string, words: string[], opts: PreviewOpts) => preview(program, io, what, words, opts));
}

async function preview(program: Command, io: Io, what: string, words: string[], opts: PreviewOpts): Promise<void> {
  if (what !== 'glitch') throw new UserError(say('cli.preview_what', { what }));
  const intensity = Number(opts.intensity);
  if (!Number.isFinite(intensity) || intensity < 0 || intensity > 1) throw new UserError(say('cli.bad_intensity'));
  const { runPreview } = await import('../glitch/index.js');
  // Without TEXT, the sample and its bleed-through memories come from the story's messages.
  const messages = words.length ? {} : (await loadWorld()).messages;
  const memories = Object.keys(messages).filter((k) => k.startsWith('preview.memory.')).sort().map((k) => messages[k]);
  const color = wantColor(io.env, io.stdout.isTTY, opts.color && program.opts<PlayFlags>().color);
  io.stdout.write(
    runPreview({
      text: words.length ? words.join(' ') : (messages['preview.sample'] ?? ''),
      memories,
      intensity,
      seed: parseSeed(opts.seed, () => 1),
      width: Math.max(10, Math.min(300, Number(opts.width ?? program.opts<PlayFlags>().width ?? io.stdout.columns ?? 80))),
      frames: !!opts.frames,
      color,
    }),
  );
}
