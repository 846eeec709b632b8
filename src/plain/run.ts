// The line-mode front end: reads lines, writes plain (optionally coloured) text, never loads ink.
// Used for pipes, --plain, --script, screen readers and CI. A `>` prompt starts a line whenever
// it waits, as dumb-terminal interpreters do, so regtest-style tools can drive it.
import type { Readable, Writable } from 'node:stream';
import { createInterface, type Interface } from 'node:readline';
import type { GameHost, Output } from '../host/host.js';
import type { Block } from '../narrate/index.js';
import { renderBlocks, type RenderSettings } from '../render/text.js';
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

/** Longer lines are cut here before they reach the parser. */
const MAX_LINE = 10_000;

export function runPlain(o: PlainOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => new LineSession(o, resolve, reject).start());
}

/**
 * One run of line mode. readline cuts the lines (at \n, \r\n or a lone \r, the last one even
 * without an ending); every line of a chunk arrives in the same tick, and their replies go out
 * together in one write, after the autosave has taken them, in a microtask once the batch is
 * played. A turn that leaves something to finish (a setting being written) holds the lines
 * after it until its outcome is said.
 */
class LineSession {
  /** Replies not written yet: each write to a pipe is a system call. */
  private out = '';
  /** Glitches already shown this run: looking again shows the text, not the damage again. */
  private readonly shownGlitches = new Set<string>();
  private readonly waiting: string[] = [];
  private readonly rl: Interface;
  private done = false;
  private busy = false;
  private inputEnded = false;
  private batchDue = false;

  constructor(private readonly o: PlainOptions, private readonly resolve: () => void, private readonly reject: (e: Error) => void) {
    o.input.setEncoding('utf8');
    this.rl = createInterface({ input: o.input, crlfDelay: Infinity, terminal: false });
  }

  start(): void {
    this.write(`${this.text(this.o.opening.blocks)}\n> `);
    this.send();
    this.rl.on('line', this.onLine);
    this.rl.on('close', this.onClose);
    // readline passes on the input's errors. The listener stays: an input that fails after the
    // game ended is no one's concern.
    this.rl.on('error', this.onError);
  }

  private write(s: string): void {
    this.out += s;
  }

  private send(): void {
    if (this.out) this.o.output.write(this.out);
    this.out = '';
  }

  private text(blocks: Block[]): string {
    const t = renderBlocks(blocks, this.o.render, this.o.host.state.memories, this.shownGlitches);
    return t ? `${t}\n` : '';
  }

  private show(blocks: Block[]): void {
    const t = this.text(blocks);
    if (t) this.write(t);
  }

  /** Every turn whose reply goes out is on disk first (one small journal write per batch). */
  private sendSaved(): void {
    this.show(this.o.host.flushAutosave());
    this.send();
  }

  /**
   * Plays one line: false once the player has quit; a promise when the turn left something to
   * finish, which resolves once its outcome and the prompt are written.
   */
  private turn(raw: string): boolean | Promise<void> {
    const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
    if (this.o.echo) this.write(`${printableInput(line)}\n`);
    const out = this.o.host.submit(line);
    if (out.quit) {
      // The host wrote the autosave before saying goodbye.
      this.show(out.blocks);
      return false;
    }
    if (!out.settled) {
      this.write(`${this.text(out.blocks)}\n> `);
      return true;
    }
    this.show(out.blocks);
    const prompt = () => this.write('\n> ');
    return out.settled.then((later) => {
      this.show(later);
      prompt();
    }, prompt);
  }

  /** Plays the lines waiting, until one has to be waited for, the player quits, or none is left. */
  private pump(): void {
    while (this.waiting.length && !this.done) {
      const r = this.turn(this.waiting.shift()!);
      if (r === false) return this.stop();
      if (r !== true) return this.holdFor(r);
    }
    if (this.done) return;
    if (this.inputEnded) return this.finish();
    this.sendBatchSoon();
  }

  private holdFor(finishing: Promise<void>): void {
    this.busy = true;
    this.sendSaved();
    void finishing.then(() => {
      this.busy = false;
      if (this.done) return;
      this.sendSaved();
      this.guard(() => this.pump());
    });
  }

  private sendBatchSoon(): void {
    if (this.batchDue) return;
    this.batchDue = true;
    queueMicrotask(() => {
      this.batchDue = false;
      if (!this.done) this.guard(() => this.sendSaved());
    });
  }

  /** Whatever goes wrong inside a turn comes back from runPlain, as it would from a loop. */
  private guard(play: () => void): void {
    try {
      play();
    } catch (e) {
      this.onError(e as Error);
    }
  }

  private readonly onLine = (raw: string): void => {
    if (this.done) return;
    this.waiting.push(raw);
    if (!this.busy) this.guard(() => this.pump());
  };

  private readonly onClose = (): void => {
    if (this.done) return;
    this.inputEnded = true;
    if (!this.busy) this.guard(() => this.pump());
  };

  private readonly onError = (e: Error): void => {
    if (this.done) return;
    this.detach();
    this.sendSaved();
    this.reject(e);
  };

  private detach(): void {
    this.done = true;
    this.rl.off('line', this.onLine);
    this.rl.off('close', this.onClose);
    this.rl.close();
    this.o.input.pause();
  }

  private stop(): void {
    this.detach();
    this.sendSaved();
    this.resolve();
  }

  /** End of input: the game is kept in the autosave. */
  private finish(): void {
    this.write(`${this.text(this.o.host.flushAutosave())}\n`);
    this.stop();
  }
}
