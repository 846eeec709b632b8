// SETTINGS in the game and `nanodream config` on the command line: list, show and change the
// player's settings (kept through conf by SettingsStore), with one set of names and checks.
import type { Writable } from 'node:stream';
import { SettingsStore, type Settings } from '../saves/settings.js';
import { resolveHome } from '../saves/paths.js';
import type { Say } from './say.js';

export type SettingKey = keyof Settings;

/** The store's surface this module uses (tests may pass a fake). */
export type SettingsLike = Pick<SettingsStore, 'get' | 'all' | 'set'> & Partial<Pick<SettingsStore, 'flush' | 'takeFailures' | 'isWriting'>> & { messages?: readonly string[] };

/** Settings in the order shown, with the name a player types first. */
export const SETTING_NAMES: Record<SettingKey, string> = {
  color: 'colour',
  reducedMotion: 'reduced-motion',
  screenReader: 'screen-reader',
  width: 'width',
  verbosity: 'verbosity',
};

const ORDER = Object.keys(SETTING_NAMES) as SettingKey[];

// Letters and digits only, so "screen reader", "screen-reader" and "screenReader" all match.
// A Map, since the key is player text: `settings constructor on` must not find Object's own.
const ALIASES = new Map<string, SettingKey>(Object.entries({
  color: 'color', colour: 'color', colors: 'color', colours: 'color',
  reducedmotion: 'reducedMotion', motion: 'reducedMotion', animation: 'reducedMotion', animations: 'reducedMotion',
  screenreader: 'screenReader', reader: 'screenReader', screenreadermode: 'screenReader',
  width: 'width', columns: 'width', textwidth: 'width',
  verbosity: 'verbosity', descriptions: 'verbosity',
} satisfies Record<string, SettingKey>));

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const VERBOSITIES = ['verbose', 'brief', 'superbrief'] as const;
const TRUE_WORDS = new Set(['on', 'true', 'yes', 'y', '1', 'enable', 'enabled']);
const FALSE_WORDS = new Set(['off', 'false', 'no', 'n', '0', 'disable', 'disabled']);
export const WIDTH_MIN = 20;
export const WIDTH_MAX = 200;

/** A setting's value as a player reads and types it. */
export function showValue(key: SettingKey, value: Settings[SettingKey], say: Say): string {
  if (key === 'width') return value === null ? say('settings.width_auto') : String(value);
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

/** Finds the setting named by the first words of `words`; returns it and the words left. */
export function findKey(words: string[]): { key: SettingKey; rest: string[] } | null {
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const key = ALIASES.get(squash(words.slice(0, n).join('')));
    if (key) return { key, rest: words.slice(n) };
  }
  return null;
}

export type Parsed<K extends SettingKey = SettingKey> = { ok: true; value: Settings[K] } | { ok: false; message: string };

/** Checks a typed value for a setting. */
export function parseValue(key: SettingKey, raw: string, say: Say): Parsed {
  const v = raw.trim().toLowerCase().replace(/[.!]+$/, '');
  const name = SETTING_NAMES[key];
  switch (key) {
    case 'color':
    case 'reducedMotion':
    case 'screenReader':
      if (TRUE_WORDS.has(v)) return { ok: true, value: true };
      if (FALSE_WORDS.has(v)) return { ok: true, value: false };
      return { ok: false, message: say('settings.bad_boolean', { name, value: raw.trim() }) };
    case 'width': {
      if (v === 'auto' || v === 'default' || v === 'terminal') return { ok: true, value: null };
      if (/^\d+$/.test(v)) {
        const n = Number(v);
        if (n >= WIDTH_MIN && n <= WIDTH_MAX) return { ok: true, value: n };
      }
      return { ok: false, message: say('settings.bad_width', { value: raw.trim(), min: WIDTH_MIN, max: WIDTH_MAX }) };
    }
    case 'verbosity':
      if ((VERBOSITIES as readonly string[]).includes(v)) return { ok: true, value: v as Settings['verbosity'] };
      return { ok: false, message: say('settings.bad_verbosity', { value: raw.trim() }) };
  }
}

export interface SettingsReply {
  lines: string[];
  /** Set when a value was stored (or kept for this session): what changed. */
  changed?: { key: SettingKey; value: Settings[SettingKey] };
  /** False when the request could not be carried out (unknown name, bad value, disk refused). */
  ok: boolean;
}

export interface SettingsCommandOptions {
  /** Which front door asked: changes the "how to change one" line. */
  via?: 'game' | 'cli';
}

/** Understands `[KEY [VALUE]]` (also `KEY=VALUE`, and a bare verbosity such as `brief`). */
export function runSettings(store: SettingsLike, args: string | undefined, say: Say, opts: SettingsCommandOptions = {}): SettingsReply {
  const words = (args ?? '').replace(/=/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { ok: true, lines: listAll(store, say, opts) };
  const found = findKey(words);
  if (!found) {
    // `settings brief` is clear enough to act on.
    if (words.length === 1 && (VERBOSITIES as readonly string[]).includes(words[0].toLowerCase())) return change(store, 'verbosity', words[0], say);
    return { ok: false, lines: [say('settings.unknown', { name: words.join(' '), names: ORDER.map((k) => SETTING_NAMES[k]).join(', ') })] };
  }
  if (!found.rest.length) return { ok: true, lines: [lineFor(store, found.key, say), say(`settings.values.${found.key}`)] };
  return change(store, found.key, found.rest.join(' '), say);
}

function change(store: SettingsLike, key: SettingKey, raw: string, say: Say): SettingsReply {
  const parsed = parseValue(key, raw, say);
  if (!parsed.ok) return { ok: false, lines: [parsed.message] };
  const name = SETTING_NAMES[key];
  const shown = showValue(key, parsed.value, say);
  if (store.get(key) === parsed.value) return { ok: true, lines: [say('settings.unchanged', { name, value: shown })] };
  const r = store.set(key, parsed.value as never);
  const lines = [say('settings.changed', { name, value: shown })];
  if (!r.ok) lines.push(r.message);
  return { ok: r.ok, lines, changed: { key, value: parsed.value } };
}

function lineFor(store: SettingsLike, key: SettingKey, say: Say): string {
  return say('settings.line', { name: SETTING_NAMES[key], value: showValue(key, store.get(key), say), explain: say(`settings.explain.${key}`) });
}

function listAll(store: SettingsLike, say: Say, opts: SettingsCommandOptions): string[] {
  return [
    say('settings.intro'),
    ...ORDER.map((k) => lineFor(store, k, say)),
    say(opts.via === 'cli' ? 'settings.how_cli' : 'settings.how_game'),
  ];
}

/** The in-game SETTINGS command: lines to show. */
export function settingsCommand(store: SettingsLike, args: string | undefined, say: Say): string[] {
  return runSettings(store, args, say, { via: 'game' }).lines;
}

export interface ConfigIo {
  stdout: Pick<Writable, 'write'>;
  stderr: Pick<Writable, 'write'>;
}

/**
 * `nanodream config [KEY [VALUE]]`: lists, shows or changes a setting in the player's folder
 * (`--home`, else NANODREAM_HOME, else conf's folder). Returns the exit code: 0 done, 2 the
 * request was not understood, 1 the setting could not be written.
 */
export async function configCommand(
  opts: { home?: string; env: NodeJS.ProcessEnv; say: Say; store?: SettingsLike },
  key: string | undefined,
  value: string | undefined,
  io: ConfigIo,
): Promise<number> {
  const store = opts.store ?? new SettingsStore(resolveHome({ home: opts.home, env: opts.env }));
  for (const m of store.messages ?? []) io.stderr.write(`nanodream: ${m}\n`);
  const args = [key, value].filter((x): x is string => x !== undefined).join(' ');
  const r = runSettings(store, args || undefined, opts.say, { via: 'cli' });
  // The change is written a moment later: wait for it, and count a refusal like one said at once.
  await store.flush?.();
  const failed = store.takeFailures?.() ?? [];
  if (failed.length) Object.assign(r, { ok: false, lines: [...r.lines, ...failed] });
  if (r.ok) {
    io.stdout.write(r.lines.join('\n') + '\n');
    return 0;
  }
  if (r.changed) {
    // Understood and used, but the disk refused: say what changed, then what went wrong.
    io.stdout.write(`${r.lines[0]}\n`);
    io.stderr.write(r.lines.slice(1).map((l) => `nanodream: ${l}\n`).join(''));
    return 1;
  }
  io.stderr.write(r.lines.map((l) => `nanodream: ${l}\n`).join(''));
  return 2;
}
