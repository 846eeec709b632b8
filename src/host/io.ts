// What a front end is given to talk to the world: streams, the environment and the clock, and
// the hooks the launcher wires to the process. Both front ends and the command line use it, so
// it lives below all of them.
import type { Readable, Writable } from 'node:stream';

export interface Io {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  /**
   * Registers what must run before the process ends however it ends (exit, a closed pipe,
   * SIGTERM, SIGHUP, SIGINT, SIGPIPE): the autosave. start.ts wires it to the process.
   */
  onShutdown?: (fn: () => void) => void;
  /**
   * Stops the game's process group, as Ctrl+Z does in a shell, and calls `resumed` after `fg`.
   * False where there is no job control (Windows): the key then does nothing.
   */
  suspend?: (resumed: () => void) => boolean;
}
