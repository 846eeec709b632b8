// Player settings, read once into memory; a broken settings file is set aside, never lost.
//
// conf holds the file (its place, its format, its atomic writes): every change goes through
// it. Loading conf (with ajv and its validator for the schema) cost more than the rest of
// start-up together, so at start the file is read here with the same rules and messages, and
// conf is loaded only when a setting is first changed: that first write finishes a moment
// later (`flush()` waits for it; a failure comes back from `takeFailures()`). In the game the
// turn's output carries that wait (`settled`), and the screen or line mode says how it went
// before the next command is played.

import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Conf from 'conf';
import { describeIoError } from './store.js';
import { systemText as say } from '../content/system.js';

export interface Settings {
  color: boolean;
  reducedMotion: boolean;
  screenReader: boolean;
  /** Columns to wrap at; null follows the terminal. */
  width: number | null;
  verbosity: 'verbose' | 'brief' | 'superbrief';
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  color: true,
  reducedMotion: false,
  screenReader: false,
  width: null,
  verbosity: 'verbose',
});

const VERBOSITIES: readonly unknown[] = ['verbose', 'brief', 'superbrief'];

/** Whether a value is allowed for a setting. */
const fieldChecks: { [K in keyof Settings]: (v: unknown) => v is Settings[K] } = {
  color: (v): v is boolean => typeof v === 'boolean',
  reducedMotion: (v): v is boolean => typeof v === 'boolean',
  screenReader: (v): v is boolean => typeof v === 'boolean',
  width: (v): v is number | null => v === null || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 20 && v <= 1000),
  verbosity: (v): v is Settings['verbosity'] => VERBOSITIES.includes(v),
};

/**
 * The file's rules, as conf checked them (JSON schema through ajv, all errors): the problems in
 * ajv's words, empty when the document is fine. Missing keys are fine (they take the defaults).
 */
export function settingsFileProblems(doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['`` must be object'];
  const d = doc as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ['color', 'reducedMotion', 'screenReader'] as const) {
    if (d[key] !== undefined && typeof d[key] !== 'boolean') out.push(`\`${key}\` must be boolean`);
  }
  const w = d.width;
  if (w !== undefined && w !== null) {
    if (typeof w !== 'number' || !Number.isInteger(w)) out.push('`width` must be integer,null');
    if (typeof w === 'number' && w < 20) out.push('`width` must be >= 20');
    if (typeof w === 'number' && w > 1000) out.push('`width` must be <= 1000');
  }
  if (d.verbosity !== undefined && !VERBOSITIES.includes(d.verbosity)) out.push('`verbosity` must be equal to one of the allowed values');
  return out;
}

/**
 * The settings file's contents with defaults for missing keys, or {} when there is no file
 * (its folder is made then); throws what conf threw for an unreadable or broken file.
 */
function readFileStore(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      mkdirSync(dirname(file), { recursive: true });
      return Object.create(null);
    }
    throw err;
  }
  // Editors may start the file with a UTF-8 byte-order mark; it is not damage.
  const doc: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const problems = settingsFileProblems(doc);
  if (problems.length) throw new Error(`Config schema violation: ${problems.join('; ')}`);
  // ajv's useDefaults: keys the file lacks take their defaults, appended in the schema's order.
  const store: Record<string, unknown> = Object.assign(Object.create(null), doc);
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) if (store[key] === undefined) store[key] = DEFAULT_SETTINGS[key];
  return store;
}

/** The same rules as JSON schema, for conf's own check of the file when it writes. */
export const SETTINGS_SCHEMA = {
  color: { type: 'boolean', default: true },
  reducedMotion: { type: 'boolean', default: false },
  screenReader: { type: 'boolean', default: false },
  width: { type: ['integer', 'null'], minimum: 20, maximum: 1000, default: null },
  verbosity: { type: 'string', enum: ['verbose', 'brief', 'superbrief'], default: 'verbose' },
} as const;

export const SETTINGS_FILE = 'settings.json';

export type SetResult = { ok: true } | { ok: false; message: string };

export class SettingsStore {
  private readonly values: Settings = { ...DEFAULT_SETTINGS };
  /** Whether the file can be written (false when it could not be opened). */
  private writable = false;
  private conf: Conf<Settings> | null = null;
  /** Writes waiting for conf to load, in order. */
  private writing: Promise<void> = Promise.resolve();
  private pending = 0;
  private failures: string[] = [];
  private readonly home: string;
  /** What went wrong while opening the settings, for the caller to show once. */
  readonly messages: string[] = [];
  readonly file: string;

  constructor(home: string) {
    this.home = home;
    this.file = join(home, SETTINGS_FILE);
    const stored = this.open();
    if (stored) {
      for (const key of Object.keys(fieldChecks) as (keyof Settings)[]) {
        if (fieldChecks[key](stored[key])) (this.values as unknown as Record<string, unknown>)[key] = stored[key];
      }
    }
  }

  /** Reads the file, with the defaults for missing keys (conf writes them at its first change). */
  private load(): Record<string, unknown> {
    const fileStore = readFileStore(this.file);
    this.writable = true;
    return Object.assign(Object.create(null), DEFAULT_SETTINGS, fileStore);
  }

  private open(): Record<string, unknown> | null {
    try {
      return this.load();
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const broken = e.name === 'SyntaxError' || /schema violation/i.test(e.message ?? '');
      if (!broken) {
        this.messages.push(say('settings_file.unopenable', { reason: describeIoError(err) }));
        return null;
      }
      const aside = this.setAside();
      if (!aside) {
        this.messages.push(say('settings_file.unmovable', { file: this.file }));
        return null;
      }
      const problem = e.name === 'SyntaxError' ? say('settings_file.not_json') : e.message;
      this.messages.push(say('settings_file.set_aside', { problem, file: basename(aside) }));
      try {
        return this.load();
      } catch (err2) {
        this.messages.push(say('settings_file.unwritable', { reason: describeIoError(err2) }));
        return null;
      }
    }
  }

  private setAside(): string | null {
    for (let n = 1; n < 1000; n++) {
      const target = `${this.file}.broken-${n}`;
      if (existsSync(target)) continue;
      try {
        renameSync(this.file, target);
        return target;
      } catch {
        return null;
      }
    }
    return null;
  }

  get<K extends keyof Settings>(key: K): Settings[K] {
    return this.values[key];
  }

  all(): Settings {
    return { ...this.values };
  }

  /** Validates, keeps the value for this session, and writes it to the file. */
  set<K extends keyof Settings>(key: K, value: Settings[K]): SetResult {
    if (!Object.hasOwn(fieldChecks, key)) return { ok: false, message: say('settings_file.unknown', { name: String(key) }) };
    if (!fieldChecks[key](value)) return { ok: false, message: say('settings_file.bad_value', { name: String(key), value: JSON.stringify(value) }) };
    this.values[key] = value;
    if (!this.writable) return { ok: false, message: say('settings_file.session_only') };
    // Once conf is open (and nothing is queued before this change), the write happens now.
    if (this.conf && this.pending === 0) {
      const err = this.write(this.conf, key, value);
      return err ? { ok: false, message: err } : { ok: true };
    }
    this.pending++;
    this.writing = this.writing.then(async () => {
      let err: string | null;
      try {
        this.conf ??= await this.openConf();
        err = this.write(this.conf, key, value);
      } catch (e) {
        err = writeFailure(e);
      }
      this.pending--;
      if (err) this.failures.push(err);
    });
    return { ok: true };
  }

  /** Whether a change is still being written. */
  isWriting(): boolean {
    return this.pending > 0;
  }

  /** Resolves when every change so far has been written (or has failed: see takeFailures). */
  flush(): Promise<void> {
    return this.writing;
  }

  /** Messages for changes that could not be written since the last call. */
  takeFailures(): string[] {
    return this.failures.splice(0);
  }

  private async openConf(): Promise<Conf<Settings>> {
    const { default: Conf } = await import('conf');
    return new Conf<Settings>({
      cwd: this.home,
      configName: 'settings',
      projectName: 'nanodream',
      schema: SETTINGS_SCHEMA as never,
      defaults: { ...DEFAULT_SETTINGS },
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      // A byte-order mark (some editors write one) is not part of the JSON.
      deserialize: (text: string) => JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Settings,
    });
  }

  /** conf reads the file as it is now (another run may have changed other keys), then writes. */
  private write<K extends keyof Settings>(conf: Conf<Settings>, key: K, value: Settings[K]): string | null {
    try {
      conf.set(key, value);
      return null;
    } catch (err) {
      return writeFailure(err);
    }
  }
}

function writeFailure(err: unknown): string {
  return say('settings_file.not_written', { reason: describeIoError(err) });
}
