// Player settings through conf, read once into memory; a broken settings file is set aside, never lost.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { describeIoError } from './store.js';

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

const fieldSchemas: { [K in keyof Settings]: z.ZodType<Settings[K]> } = {
  color: z.boolean(),
  reducedMotion: z.boolean(),
  screenReader: z.boolean(),
  width: z.number().int().min(20).max(1000).nullable(),
  verbosity: z.enum(['verbose', 'brief', 'superbrief']),
};

// The same rules for conf's own check of the file.
const jsonSchema = {
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
  private conf: Conf<Settings> | null = null;
  /** What went wrong while opening the settings, for the caller to show once. */
  readonly messages: string[] = [];
  readonly file: string;

  constructor(home: string) {
    this.file = path.join(home, SETTINGS_FILE);
    this.conf = this.open(home);
    if (this.conf) {
      let stored: Record<string, unknown> = {};
      try { stored = this.conf.store as unknown as Record<string, unknown>; } catch { /* keep defaults */ }
      for (const key of Object.keys(fieldSchemas) as (keyof Settings)[]) {
        const r = fieldSchemas[key].safeParse(stored[key]);
        if (r.success) (this.values as unknown as Record<string, unknown>)[key] = r.data;
      }
    }
  }

  private open(home: string): Conf<Settings> | null {
    const make = () => new Conf<Settings>({
      cwd: home,
      configName: 'settings',
      projectName: 'nanodream',
      schema: jsonSchema as never,
      defaults: { ...DEFAULT_SETTINGS },
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
    });
    try {
      return make();
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const broken = e.name === 'SyntaxError' || /schema violation/i.test(e.message ?? '');
      if (!broken) {
        this.messages.push(`Settings could not be opened (${describeIoError(err)}); using the defaults for now.`);
        return null;
      }
      const aside = this.setAside();
      if (!aside) {
        this.messages.push(`The settings file ${this.file} is damaged and could not be moved aside; using the defaults for now.`);
        return null;
      }
      this.messages.push(`The settings file was damaged (${e.name === 'SyntaxError' ? 'not valid JSON' : e.message}); it was kept as ${path.basename(aside)} and the defaults are in use.`);
      try {
        return make();
      } catch (err2) {
        this.messages.push(`Settings cannot be saved (${describeIoError(err2)}); changes last until you quit.`);
        return null;
      }
    }
  }

  private setAside(): string | null {
    for (let n = 1; n < 1000; n++) {
      const target = `${this.file}.broken-${n}`;
      if (fs.existsSync(target)) continue;
      try {
        fs.renameSync(this.file, target);
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

  /** Validates, keeps the value for this session, and writes it through conf. */
  set<K extends keyof Settings>(key: K, value: Settings[K]): SetResult {
    if (!Object.hasOwn(fieldSchemas, key)) return { ok: false, message: `There is no setting called "${String(key)}".` };
    const r = fieldSchemas[key].safeParse(value);
    if (!r.success) return { ok: false, message: `"${String(key)}" cannot be set to ${JSON.stringify(value)}.` };
    this.values[key] = r.data as Settings[K];
    if (!this.conf) return { ok: false, message: 'The setting is used until you quit, but it cannot be written to disk.' };
    try {
      this.conf.set(key, r.data as Settings[K]);
      return { ok: true };
    } catch (err) {
      return { ok: false, message: `The setting is used until you quit, but it could not be written: ${describeIoError(err)}.` };
    }
  }
}
