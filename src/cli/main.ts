// The command line: flags and subcommands, which front end to use, and the I/O wiring.
// Nothing imports this module; bin/nanodream.js runs its bundled form.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { loadWorld, packageRoot } from '../content/world.js';
import { ContentError } from '../content/errors.js';
import { GameHost } from '../host/host.js';
import { openSaves, formatSlotTable, type SaveStore } from '../saves/index.js';
import type { RenderSettings } from '../plain/render.js';
import { makeOnMeta, attachComforts, setVerbosity, applyToRender, Transcript, configCommand, sayFrom } from '../comforts/index.js';
import type { SettingsStore } from '../saves/index.js';

export interface Io {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

interface PlayFlags {
  seed?: string;
  plain?: boolean;
  color: boolean;
  script?: string;
  new?: boolean;
  load?: string;
  home?: string;
  reducedMotion?: boolean;
  screenReader?: boolean;
  width?: string;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export class UserError extends Error {}

function parseSeed(raw: string | undefined, fallback: () => number): number {
  if (raw === undefined) return fallback();
  const n = Number(raw);
  if (!Number.isFinite(n) || !/^-?\d+$/.test(raw.trim())) throw new UserError(`--seed takes a whole number, not "${raw}".`);
  return n;
}

function renderSettings(f: PlayFlags, io: Io, stored: { color: boolean; width: number | null; reducedMotion: boolean; screenReader: boolean }): RenderSettings {
  const env = io.env;
  const noColor = !f.color || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb' || !stored.color;
  const forced = !!env.FORCE_COLOR && env.FORCE_COLOR !== '0';
  const width = f.width ? Number(f.width) : (stored.width ?? io.stdout.columns ?? 80);
  if (!Number.isFinite(width)) throw new UserError(`--width takes a number of columns, not "${f.width}".`);
  return {
    color: !noColor && (forced || !!io.stdout.isTTY),
    width: Math.max(20, Math.min(200, Math.floor(width) - 1)),
    screenReader: !!f.screenReader || env.INK_SCREEN_READER === 'true' || stored.screenReader,
    reducedMotion: !!f.reducedMotion || stored.reducedMotion,
  };
}

async function playGame(f: PlayFlags, io: Io): Promise<number> {
  const world = await loadWorld();
  const script = f.script;
  const seed = parseSeed(f.seed, () => (script ? 0 : io.now().getTime() % 2147483647));
  let store: SaveStore | null = null;
  let home: string | null = null;
  let settings: SettingsStore | null = null;
  let stored = { color: true, width: null as number | null, reducedMotion: false, screenReader: false };
  const notes: string[] = [];
  if (!script) {
    const saves = openSaves({ home: f.home, env: io.env });
    store = saves.store;
    home = saves.home;
    settings = saves.settings;
    const all = saves.settings.all();
    stored = { color: all.color, width: all.width, reducedMotion: all.reducedMotion, screenReader: all.screenReader };
    notes.push(...saves.settings.messages);
  }
  const render = renderSettings(f, io, stored);
  const transcript = home ? new Transcript({ now: io.now }) : null;
  const canColor = renderSettings({ ...f, color: true }, io, { ...stored, color: true }).color;
  // The host and its meta handler refer to each other: the handler reads the live state.
  let host!: GameHost;
  const onMeta = makeOnMeta({
    world,
    getState: () => host.state,
    settings,
    transcript,
    home,
    screenReader: () => render.screenReader,
    width: () => render.width,
    onSettingChange: (key, value) =>
      key === 'verbosity'
        ? (setVerbosity(host, value as 'verbose' | 'brief' | 'superbrief'), true)
        : applyToRender(render, key, value, { columns: io.stdout.columns, canColor }),
  });
  const interactive = !script && !f.plain && !!io.stdin.isTTY && !!io.stdout.isTTY && io.env.TERM !== 'dumb';
  host = new GameHost({ world, seed, store, gameVersion: version(), now: io.now, onMeta, autosave: interactive ? 'turn' : 'deferred' });
  attachComforts(host, { world, transcript, settings });
  const opening = host.start(f.load ? { kind: 'load', name: f.load } : f.new ? { kind: 'new' } : { kind: 'continue' });
  if (settings) setVerbosity(host, settings.get('verbosity'));
  for (const n of notes) opening.blocks.unshift({ spans: [{ text: n, style: 'error' }] });

  if (script) {
    const { createReadStream, existsSync } = await import('node:fs');
    if (!existsSync(script)) throw new UserError(`The script file "${script}" does not exist.`);
    const { runPlain } = await import('../plain/run.js');
    await runPlain({ host, input: createReadStream(script), output: io.stdout, render, echo: true, opening });
    return 0;
  }
  if (interactive) {
    const ui = await import('../ui/run.js').catch(() => null);
    if (ui) {
      await ui.runInteractive({ host, opening, render, io });
      return 0;
    }
  }
  const { runPlain } = await import('../plain/run.js');
  await runPlain({ host, input: io.stdin, output: io.stdout, render, echo: false, opening });
  return 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
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
      code = await playGame(opts, io);
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
      code = configCommand({ home: opts.home ?? program.opts<PlayFlags>().home, env: io.env, say: sayFrom(world) }, key, value, io);
    });
  program
    .command('check')
    .description('prove the story can be finished: explore every state, report rooms, endings and dead ends')
    .option('--content <dir>', 'check another content folder')
    .option('--json', 'print the report as JSON')
    .option('--quick', 'a bounded search, for everyday test runs')
    .action(async (opts: { content?: string; json?: boolean; quick?: boolean }) => {
      const { checkCommand } = await import('../check/cli.js');
      code = await checkCommand({ contentDir: opts.content, json: !!opts.json, quick: !!opts.quick }, { stdout: io.stdout, stderr: io.stderr });
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
      const env = io.env;
      const color = opts.color && program.opts<PlayFlags>().color && !env.NO_COLOR && env.TERM !== 'dumb' && !!io.stdout.isTTY;
      io.stdout.write(
        runPreview({
          text: words.length ? words.join(' ') : undefined,
          intensity,
          seed: parseSeed(opts.seed, () => 1),
          width: Math.max(10, Math.min(300, Number(opts.width ?? io.stdout.columns ?? 80))),
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
