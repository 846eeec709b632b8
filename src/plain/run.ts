// The line-mode front end: reads lines, writes plain (optionally coloured) text, never loads ink.
// Used for pipes, --plain, --script, screen readers and CI. A `>` prompt starts a line whenever
// it waits, as dumb-terminal interpreters do, so regtest-style tools can drive it.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { GameHost, Output } from '../host/host.js';
import type { Block } from '../narrate/index.js';
import { renderBlocks, type RenderSettings } from './render.js';

export interface PlainOptions {
  host: GameHost;
  input: Readable;
  output: Writable;
  render: RenderSettings;
  /** Echo each command after the prompt (for --script transcripts). */
  echo: boolean;
  opening: Output;
}

export async function runPlain(o: PlainOptions): Promise<void> {
  const write = (s: string) => o.output.write(s);
  // A turn's reply and the next prompt go out in one write: each write to a pipe is a system call.
  const text = (blocks: Block[]) => {
    const t = renderBlocks(blocks, o.render, o.host.state.memories);
    return t ? `${t}\n` : '';
  };
  const show = (blocks: Block[]) => {
    const t = text(blocks);
    if (t) write(t);
  };
  write(`${text(o.opening.blocks)}\n> `);
  const rl = createInterface({ input: o.input, crlfDelay: Infinity, terminal: false });
  // Lines already waiting are played first; the autosave is written when input runs dry.
  let flushQueued = false;
  const flushSoon = () => {
    if (flushQueued) return;
    flushQueued = true;
    setImmediate(() => {
      flushQueued = false;
      show(o.host.flushAutosave());
    });
  };
  for await (const raw of rl) {
    const line = raw.length > 10_000 ? raw.slice(0, 10_000) : raw;
    if (o.echo) write(`${printable(line)}\n`);
    const out = o.host.submit(line);
    if (out.quit) {
      show(out.blocks);
      show(o.host.flushAutosave());
      rl.close();
      return;
    }
    const reply = text(out.blocks);
    flushSoon();
    write(`${reply}\n> `);
  }
  // End of input: the game is kept in the autosave.
  write(`${text(o.host.flushAutosave())}\n`);
}

/** A command echoed back never carries control characters to the terminal. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x1f\x7f-\x9f]/g, '').slice(0, 200);
}
