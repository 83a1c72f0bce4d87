/**
 * One process per PGlite data folder. PGlite is PostgreSQL inside this process, without the
 * postmaster that keeps a second server off a data directory: two processes writing one folder
 * (the server and `npm run sample-data`, say) corrupt it. A lock file in the folder names the
 * process that holds it; a second process stops at once with a message that says what to do.
 *
 * The lock is the holder's pid, as PostgreSQL's postmaster.pid is, not a lock that has to go stale
 * on a timer (proper-lockfile's way): a server killed by the OOM killer and restarted a second
 * later by systemd must start, and a dead pid says at once that nobody holds the folder.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'ltv-dojo.lock';

export class DataDirInUseError extends Error {
  constructor(dir: string, holder: string) {
    super(
      `The database folder ${dir} is open in another LTV Dojo process (${holder}): the server, or a script such as sample-data. ` +
        `Stop that process first: one process at a time can use a PGlite folder. To run several, set DATABASE_URL to a PostgreSQL database. ` +
        `If no such process runs, delete ${path.join(dir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirInUseError';
  }
}

interface Holder {
  pid: number;
  host: string;
}

/** Folders this process holds (a second open in the same process is refused like any other). */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? { pid: parsed.pid, host: parsed.host } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a lock left in the file still counts. A lock from another machine (a shared folder) always
 * does; on this machine only while its process lives. A lock naming this very process, which does
 * not hold the folder, was left by an earlier life of it (pid 1 in a restarted container).
 */
function stillHeld(holder: Holder | undefined): boolean {
  if (!holder) return false;
  if (holder.host !== hostname()) return true;
  return holder.pid !== process.pid && alive(holder.pid);
}

/** Locks the folder (which must exist) for this process; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  const resolved = path.resolve(dir);
  const file = path.join(resolved, LOCK_FILE);
  if (held.has(resolved)) throw new DataDirInUseError(resolved, `this process, pid ${process.pid}`);
  for (let attempt = 0; ; attempt++) {
    try {
      // `wx`: created only if absent, so of two processes starting at once exactly one gets it.
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (stillHeld(holder) || attempt > 0) throw new DataDirInUseError(resolved, holder ? `pid ${holder.pid} on ${holder.host}` : 'unknown process');
      // Left by a process that is gone: take it over (once; a second EEXIST means someone was faster).
      unlinkSync(file);
    }
  }
  held.add(resolved);
  const release = () => {
    if (!held.delete(resolved)) return;
    process.off('exit', release);
    if (readHolder(file)?.pid === process.pid) unlinkSync(file);
  };
  // Also on a plain exit; after a kill the dead pid frees the folder anyway.
  process.on('exit', release);
  return release;
}
