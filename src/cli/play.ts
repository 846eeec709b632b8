// Playing the game from the command line: the flags, which front end to use, and the I/O wiring.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { loadWorld, packageRoot } from '../content/world.js';
import { systemText as say } from '../content/system.js';
import { GameHost, type Output, type TurnFailure } from '../host/host.js';
import type { World } from '../engine/types.js';
import type { Io as HostIo } from '../host/io.js';
import { appendTurnLog, lockHome, openSaves, type SaveStore } from '../saves/index.js';
import type { RenderSettings } from '../render/text.js';
import { runPlain } from '../plain/run.js';
import { makeOnMeta, attachComforts, setVerbosity, applyToRender, Transcript } from '../comforts/index.js';
import type { SettingsStore } from '../saves/index.js';

/** The command line's Io: the host's, and the interactive screen's loader. */
export interface Io extends HostIo {
  /** The interactive screen; the built game loads its own bundle of it (see start.ts). */
  loadUi?: () => Promise<typeof import('../ui/run.js')>;
}

export interface PlayFlags {
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

declare const __NANODREAM_VERSION__: string | undefined;

/** The package's version: put in by the build, read from package.json when run from source. */
export function version(): string {
  if (typeof __NANODREAM_VERSION__ === 'string') return __NANODREAM_VERSION__;
  try {
    return (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

const USER_ERROR = Symbol.for('nanodream.UserError');

/**
 * A mistake on the command line, said in one line. The built game is two bundles, each with a
 * copy of this class: `instanceof` asks for the mark every copy sets.
 */
export class UserError extends Error {
  readonly [USER_ERROR] = true;

  static override [Symbol.hasInstance](x: unknown): boolean {
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[USER_ERROR] === true;
  }
}

export function parseSeed(raw: string | undefined, fallback: () => number): number {
  if (raw === undefined) return fallback();
  const n = Number(raw);
  if (!Number.isFinite(n) || !/^-?\d+$/.test(raw.trim())) throw new UserError(say('cli.bad_seed', { value: raw }));
  return n;
}

/**
 * Whether to colour output, as chalk decides it: never with --no-color, NO_COLOR or TERM=dumb;
 * always with FORCE_COLOR (other than 0); otherwise only on a terminal.
 */
export function wantColor(env: NodeJS.ProcessEnv, isTTY: boolean | undefined, allowed = true): boolean {
  const noColor = !allowed || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.TERM === 'dumb';
  const forced = !!env.FORCE_COLOR && env.FORCE_COLOR !== '0';
  return !noColor && (forced || !!isTTY);
}

function renderSettings(f: PlayFlags, io: Io, stored: Stored): RenderSettings {
  const env = io.env;
  const width = f.width ? Number(f.width) : (stored.width ?? io.stdout.columns ?? 80);
  if (!Number.isFinite(width)) throw new UserError(say('cli.bad_width', { value: String(f.width) }));
  return {
    color: wantColor(env, io.stdout.isTTY, f.color && stored.color),
    width: Math.max(20, Math.min(200, Math.floor(width) - 1)),
    screenReader: !!f.screenReader || env.INK_SCREEN_READER === 'true' || stored.screenReader,
    reducedMotion: !!f.reducedMotion || stored.reducedMotion,
    widthSet: !!f.width || stored.width !== null,
  };
}

type Stored = { color: boolean; width: number | null; reducedMotion: boolean; screenReader: boolean };

/** The player's folder for a game that is not a script: its saves, settings and lock. */
interface Folder {
  store: SaveStore | null;
  home: string | null;
  settings: SettingsStore | null;
  stored: Stored;
  /** What went wrong opening the settings, said before the opening. */
  notes: string[];
  release: () => void;
}

async function openFolder(f: PlayFlags, io: Io, world: World): Promise<Folder> {
  const none: Folder = { store: null, home: null, settings: null, stored: { color: true, width: null, reducedMotion: false, screenReader: false }, notes: [], release: () => {} };
  if (f.script) return none;
  const saves = openSaves({ home: f.home, env: io.env, deps: { world } });
  // One game per home: a second window would write over the first one's autosave.
  const lock = await lockHome(saves.home);
  if (!lock.ok && lock.held) {
    throw new UserError(lock.pid ? say('cli.already_open_by', { pid: lock.pid, home: saves.home }) : say('cli.already_open', { home: saves.home }));
  }
  const all = saves.settings.all();
  return {
    store: saves.store,
    home: saves.home,
    settings: saves.settings,
    stored: { color: all.color, width: all.width, reducedMotion: all.reducedMotion, screenReader: all.screenReader },
    notes: [...saves.settings.messages],
    release: lock.ok ? lock.release : () => {},
  };
}

/** The host, with the game's meta commands (settings, transcript, map…) wired to this run. */
function makeHost(f: PlayFlags, io: Io, world: World, folder: Folder, render: RenderSettings, interactive: boolean): GameHost {
  const { home, settings, stored } = folder;
  const seed = parseSeed(f.seed, () => (f.script ? 0 : io.now().getTime() % 2147483647));
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
  // A turn that throws is kept out of the game; its details go to the log in the game's home,
  // or, for a script (which has no home), to stderr.
  const onTurnFailed = (d: TurnFailure): string | null => {
    if (home) return appendTurnLog(home, d, io.now(), version());
    io.stderr.write(`nanodream: ${say('cli.turn_failed', { turn: d.turn, input: JSON.stringify(d.input.slice(0, 200)), seed: d.seed, details: (d.error as Error)?.stack ?? String(d.error) })}\n`);
    return null;
  };
  // Started with `npm start`, the game is started again the same way (else as `nanodream`, the host's default).
  const relaunch = io.env.npm_lifecycle_event === 'start' ? { again: 'npm start', fresh: 'npm start -- --new' } : undefined;
  host = new GameHost({
    world, seed, store: folder.store, gameVersion: version(), now: io.now, onMeta, onTurnFailed, ...(relaunch ? { relaunch } : {}), autosave: interactive ? 'turn' : 'deferred',
  });
  attachComforts(host, { world, transcript, settings });
  return host;
}

export async function playGame(f: PlayFlags, io: Io): Promise<number> {
  const world = await loadWorld();
  const folder = await openFolder(f, io, world);
  const { settings, release } = folder;
  const render = renderSettings(f, io, folder.stored);
  const interactive = !f.script && !f.plain && !!io.stdin.isTTY && !!io.stdout.isTTY && io.env.TERM !== 'dumb';
  const host = makeHost(f, io, world, folder, render, interactive);
  const opening = host.start(f.load ? { kind: 'load', name: f.load } : f.new ? { kind: 'new' } : { kind: 'continue' });
  // The game to play is not settled (a --load that cannot be played): end before anything is written.
  if (opening.refused !== undefined) {
    release();
    throw new UserError(opening.refused);
  }
  // However the run ends, what was played is on disk first.
  io.onShutdown?.(() => {
    host.close();
    release();
  });
  if (settings) setVerbosity(host, settings.get('verbosity'));
  for (const n of folder.notes) opening.blocks.unshift({ spans: [{ text: n, style: 'error' }] });

  if (f.script) {
    await playScript(f.script, host, opening, render, io);
    return 0;
  }
  if (!interactive || !(await playInteractive(host, opening, render, io))) {
    await runPlain({ host, input: io.stdin, output: io.stdout, render, echo: false, opening });
  }
  closeHost(host, io);
  release();
  return settingsWritten(settings, io);
}

async function playScript(script: string, host: GameHost, opening: Output, render: RenderSettings, io: Io): Promise<void> {
  if (!existsSync(script)) throw new UserError(say('cli.no_script', { file: script }));
  if (statSync(script).isDirectory()) throw new UserError(say('cli.script_is_folder', { file: script }));
  await runPlain({ host, input: createReadStream(script), output: io.stdout, render, echo: true, opening });
  host.close();
}

/** The interactive screen; false when it could not load (line mode then plays; said once). */
async function playInteractive(host: GameHost, opening: Output, render: RenderSettings, io: Io): Promise<boolean> {
  const ui = await (io.loadUi ? io.loadUi() : import('../ui/run.js')).catch((e: unknown) => {
    io.stderr.write(`nanodream: ${say('cli.no_screen', { error: String((e as Error)?.message ?? e) })}\n`);
    return null;
  });
  if (!ui) return false;
  await ui.runInteractive({ host, opening, render, io });
  return true;
}

/** Ends the game: the autosave folded into one snapshot; a refusal is said on stderr. */
function closeHost(host: GameHost, io: Io): void {
  const err = host.close();
  if (err) io.stderr.write(`nanodream: ${err}\n`);
}

/** Waits for a settings change still being written; one the disk refused is said on stderr. */
async function settingsWritten(settings: SettingsStore | null, io: Io): Promise<number> {
  if (!settings) return 0;
  await settings.flush();
  for (const m of settings.takeFailures()) io.stderr.write(`nanodream: ${m}\n`);
  return 0;
}

