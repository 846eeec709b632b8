// One game per home at a time. A second window on the same folder would otherwise write over
// the first one's autosave. The lock is proper-lockfile's (an atomic mkdir whose mtime the owner
// keeps fresh, released at exit); beside it we note the owner's pid, so a lock left by a game
// that was killed outright (kill -9, a crash) is taken over at once instead of after it goes stale.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export const LOCK_DIR = 'nanodream.lock';
/** Beside the lock, not in it: proper-lockfile removes its lock folder with rmdir, empty only. */
const OWNER = 'nanodream.lock.owner';
/** The owner refreshes the lock every STALE_MS / 2; a lock not refreshed for this long is stale. */
const STALE_MS = 6000;

export type LockResult =
  | { ok: true; release: () => void }
  /** Another game has this home: its pid, when it could be read. */
  | { ok: false; held: true; pid: number | null }
  /** The lock could not be made at all (a read-only home, say): play on, as nothing can be clobbered there. */
  | { ok: false; held: false; error: unknown };

interface Owner { pid: number; host: string }

function readOwner(dir: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(join(dir, OWNER), 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? { pid: o.pid, host: o.host } : null;
  } catch {
    return null;
  }
}

/** Whether a process of this machine still runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the home's lock, taking over one whose owner on this machine is gone. */
export async function lockHome(dir: string, deps: { pid?: number; alive?: (pid: number) => boolean } = {}): Promise<LockResult> {
  const pid = deps.pid ?? process.pid;
  const alive = deps.alive ?? processAlive;
  const options = { realpath: false, stale: STALE_MS, lockfilePath: join(dir, LOCK_DIR), onCompromised: () => {} };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    return { ok: false, held: false, error: e };
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await lockfile.lock(dir, options);
      try {
        writeFileSync(join(dir, OWNER), JSON.stringify({ pid, host: hostname() }));
      } catch { /* the lock holds without the note; a takeover then waits for staleness */ }
      let held = true;
      // Synchronous, so it is done before the process exits.
      const release = () => {
        if (!held) return;
        held = false;
        try {
          if (readOwner(dir)?.pid === pid) rmSync(join(dir, OWNER), { force: true });
          lockfile.unlockSync(dir, options);
        } catch { /* already gone */ }
      };
      return { ok: true, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') return { ok: false, held: false, error: e };
      const owner = readOwner(dir);
      // A lock from a game on this machine that is no longer running is left over: take it.
      if (attempt === 0 && owner && owner.host === hostname() && owner.pid !== pid && !alive(owner.pid)) {
        rmSync(join(dir, LOCK_DIR), { recursive: true, force: true });
        continue;
      }
      return { ok: false, held: true, pid: owner?.pid ?? null };
    }
  }
  return { ok: false, held: true, pid: null };
}

/** Whether a lock is there now (for tests and `nanodream saves`). */
export const homeLocked = (dir: string): boolean => existsSync(join(dir, LOCK_DIR));
