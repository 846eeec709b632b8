// The full command line through commander: every flag and subcommand, help and errors.
// main.ts loads it only when the arguments are more than plain play flags.
import { Command, CommanderError, Option } from 'commander';
import { loadWorld } from '../content/world.js';
import { openSaves, formatSlotTable } from '../saves/index.js';
import { configCommand, sayFrom } from '../comforts/index.js';
import { type Io, type PlayFlags, UserError, parseSeed, playGame, version, wantColor } from './play.js';

/** Runs the command line; `play` starts the game (tests pass a stand-in to see the flags). */
export async function runProgram(argv: string[], io: Io, play: (f: PlayFlags, io: Io) => Promise<number> = playGame): Promise<number> {
  const program = new Command();
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program
    .name('nanodream')
    .description('A terminal text adventure: four dreamers, one failing simulation, and the Night Specter.')
    .version(version(), '-v, --version', 'print the version')
    .option('--seed <n>', 'seed for the dream (same seed, same commands, same story)')
    .option('--plain', 'line mode: plain text, no interactive screen')
    .option('--no-color', 'no colour at all (NO_COLOR and TERM=dumb are honoured too)')
    .option('--script <file>', 'play a file of commands and print the transcript')
    .option('--new', 'start a new game (the autosave is kept as "autosave-previous")')
    .option('--load <name>', 'start from a save slot')
    .option('--home <dir>', 'where saves and settings live (also NANODREAM_HOME)')
    .option('--reduced-motion', 'no glitch animation: one still frame, then the text')
    .option('--screen-reader', 'screen-reader mode: glitches described in words, no decoration')
    .addOption(new Option('--width <columns>', 'wrap text at this width').hideHelp(false))
    .action(async (opts: PlayFlags) => {
      code = await play(opts, io);
    });

  let code = 0;
  program
    .command('saves')
    .description('list the save slots')
    .option('--home <dir>', 'where saves live')
    .action((opts: { home?: string }) => {
      const { store } = openSaves({ home: opts.home ?? program.opts<PlayFlags>().home, env: io.env });
      io.stdout.write(formatSlotTable(store.list()).join('\n') + '\n');
    });
  program
    .command('config')
    .description('show or change settings: config [KEY [VALUE]] (colour, reduced-motion, screen-reader, width, verbosity)')
    .argument('[key]', 'the setting')
    .argument('[value]', 'its new value')
    .option('--home <dir>', 'where settings live')
    .action(async (key: string | undefined, value: string | undefined, opts: { home?: string }) => {
      const world = await loadWorld();
      code = await configCommand({ home: opts.home ?? program.opts<PlayFlags>().home, env: io.env, say: sayFrom(world) }, key, value, io);
    });
  program
    .command('check')
    .description('prove the story can be finished: explore every state, report rooms, endings and dead ends')
    .option('--content <dir>', 'check another content folder')
    .option('--json', 'print the report as JSON')
    .option('--quick', 'a bounded search, for everyday test runs')
    .option('--prose', 'only list the nouns the text names that nothing in the room answers to')
    .action(async (opts: { content?: string; json?: boolean; quick?: boolean; prose?: boolean }) => {
      const { checkCommand } = await import('../check/cli.js');
      code = await checkCommand({ contentDir: opts.content, json: !!opts.json, quick: !!opts.quick, prose: !!opts.prose }, { stdout: io.stdout, stderr: io.stderr });
    });
  program
    .command('preview')
    .description('writers\' tools: preview glitch [TEXT]')
    .argument('<what>', 'what to preview: glitch')
    .argument('[text...]', 'the text to glitch (a sample when absent)')
    .option('--intensity <x>', 'from 0 to 1', '0.6')
    .option('--seed <n>', 'seed', '1')
    .option('--width <w>', 'columns')
    .option('--frames', 'print every animation frame')
    .option('--no-color', 'characters only, no escape codes')
    .action(async (what: string, words: string[], opts: { intensity: string; seed: string; width?: string; frames?: boolean; color: boolean }) => {
      if (what !== 'glitch') throw new UserError(`I can only preview "glitch", not "${what}".`);
      const intensity = Number(opts.intensity);
      if (!Number.isFinite(intensity) || intensity < 0 || intensity > 1) throw new UserError('--intensity takes a number from 0 to 1.');
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
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
}
