// The file-system calls saves make, as one injectable object (tests pass failing ones).
import {
  closeSync, existsSync, fdatasync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync,
} from 'node:fs';

export type FsLike = Pick<
  typeof import('node:fs'),
  | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync'
  | 'readFileSync' | 'readdirSync' | 'mkdirSync' | 'statSync' | 'existsSync'
> & { fdatasync?: typeof fdatasync };

// Named, not `import * as`: the bundle then reads the functions straight from node:fs instead of
// copying the whole module into an ES namespace at start-up.
export const nodeFs: FsLike = {
  openSync, writeSync, fsyncSync, closeSync, renameSync, unlinkSync, readFileSync, readdirSync, mkdirSync, statSync, existsSync, fdatasync,
};

