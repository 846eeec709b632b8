// The line-mode front end: reads lines, writes plain (optionally coloured) text, never loads ink.
// Used for pipes, --plain, --script, screen readers and CI. A `>` prompt starts a line whenever
// it waits, as dumb-terminal interpreters do, so regtest-style tools can drive it.
import type { Readable, Writable } from 'node:stream';
import type { GameHost, Output } from '../host/host.js';
import type { Block } from '../narrate/index.js';
import { renderBlocks, type RenderSettings } from '../render/text.js';
import { createInterface } from 'node:readline';
import { printableInput } from '../engine/index.js';

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
  // Replies wait here until the lines that arrived together are played, then go out in one
  // write: each write to a pipe is a system call, and piped input often arrives all at once.
  let waiting = '';
  const write = (s: string) => {
    waiting += s;
  };
  const send = () => {
    if (waiting) o.output.write(waiting);
    waiting = '';
  };
  // Glitches already shown this run: looking again shows the text, not the damage again.
  const shownGlitches = new Set<string>();
  const text = (blocks: Block[]) => {
    const t = renderBlocks(blocks, o.render, o.host.state.memories, shownGlitches);
    return t ? `${t}\n` : '';
  };
  const show = (blocks: Block[]) => {
    const t = text(blocks);
    if (t) write(t);
  };
  write(`${text(o.opening.blocks)}\n> `);
  send();
  // Every turn whose reply goes out is on disk first: the autosave takes each batch of lines
  // (one small journal write) before its replies are sent.
  const sendSaved = () => {
    show(o.host.flushAutosave());
    send();
  };
  /**
   * Plays one line: false once the player has quit; a promise when the turn left something to
   * finish (a setting being written), which resolves once its outcome and the prompt are out.
   */
  const turn = (raw: string): boolean | Promise<void> => {
    const line = raw.length > 10_000 ? raw.slice(0, 10_000) : raw;
    if (o.echo) write(`${printableInput(line)}\n`);
    const out = o.host.submit(line);
    if (out.quit) {
      // The host wrote the autosave before saying goodbye.
      show(out.blocks);
      return false;
    }
    if (!out.settled) {
      write(`${text(out.blocks)}\n> `);
      return true;
    }
    show(out.blocks);
    return out.settled.then((later) => {
      show(later);
      write('\n> ');
    }, () => {
      write('\n> ');
    });
  };
  const input = o.input;
  input.setEncoding('utf8');
  // readline cuts the lines (at \n, \r\n or a lone \r, the last one even without an ending);
  // every line of a chunk arrives in the same tick, so the replies to a batch go out together,
  // after its autosave, in a microtask once the batch is played.
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    // Lines wait here while a turn finishes something (see turn); otherwise they are played as
    // they come, and those of one chunk are answered together in a microtask.
    const waiting: string[] = [];
    let busy = false;
    let ended = false;
    let batchDue = false;
    const detach = () => {
      settled = true;
      rl.off('line', onLine);
      rl.off('close', onClose);
      rl.close();
      input.pause();
    };
    const stop = () => {
      detach();
      sendSaved();
      resolve();
    };
    const finish = () => {
      // End of input: the game is kept in the autosave.
      write(`${text(o.host.flushAutosave())}\n`);
      stop();
    };
    // Whatever goes wrong inside a turn comes back from runPlain, as it would from a loop.
    const guard = (play: () => void) => {
      try {
        play();
      } catch (e) {
        onError(e as Error);
      }
    };
    const pump = (): void => guard(() => {
      while (waiting.length && !settled) {
        const r = turn(waiting.shift()!);
        if (r === false) return stop();
        if (r !== true) {
          busy = true;
          sendSaved();
          void r.then(() => {
            busy = false;
            if (settled) return;
            sendSaved();
            pump();
          });
          return;
        }
      }
      if (settled) return;
      if (ended) return finish();
      if (batchDue) return;
      batchDue = true;
      queueMicrotask(() => {
        batchDue = false;
        if (!settled) guard(sendSaved);
      });
    });
    const onLine = (raw: string) => {
      if (settled) return;
      waiting.push(raw);
      if (!busy) pump();
    };
    const onClose = () => {
      if (settled) return;
      ended = true;
      if (!busy) pump();
    };
    // readline passes on the input's errors. The listener stays: an input that fails after the
    // game ended is no one's concern.
    const onError = (e: Error) => {
      if (settled) return;
      detach();
      sendSaved();
      reject(e);
    };
    rl.on('line', onLine);
    rl.on('close', onClose);
    rl.on('error', onError);
  });
}
