// The game's log file: details of a turn that could not be carried out, for a bug report.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE = 'nanodream.log';

/** What is known of a turn that threw. */
export interface TurnFailure {
  input: string;
  seed: number;
  turn: number;
  error: unknown;
}

/** Appends one failed turn to `<home>/nanodream.log`; returns the file's path, or null if it could not be written. */
export function appendTurnLog(home: string, f: TurnFailure, now: Date, version: string): string | null {
  const path = join(home, LOG_FILE);
  const error = f.error instanceof Error ? (f.error.stack ?? `${f.error.name}: ${f.error.message}`) : String(f.error);
  const entry = [
    `--- ${now.toISOString()} nanodream ${version}: a turn could not be carried out`,
    `input: ${JSON.stringify(f.input.slice(0, 2000))}`,
    `seed: ${f.seed}  turn: ${f.turn}`,
    error,
    '',
  ].join('\n');
  try {
    mkdirSync(home, { recursive: true });
    appendFileSync(path, entry, 'utf8');
    return path;
  } catch {
    return null;
  }
}
