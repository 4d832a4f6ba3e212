// A lock file beside the DuckDB database (`<path>.martflow.lock`) saying which martflow process has it
// open, so a second process gets "locked by PID 1234 (martflow run started 12:03:04)" instead of
// DuckDB's bare I/O error. A lock whose process is gone is stale and taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { UserError } from '../../util/errors.js';

export interface LockOwner {
  pid: number;
  command: string;
  /** ISO timestamp. */
  startedAt: string;
}

export function lockPathFor(databasePath: string): string {
  return `${databasePath}.martflow.lock`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number') return null;
    return { pid: owner.pid, command: String(owner.command ?? 'unknown command'), startedAt: String(owner.startedAt ?? '') };
  } catch {
    return null; // unreadable or half-written: treated as stale
  }
}

function clockTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'at an unknown time' : d.toTimeString().slice(0, 8);
}

/** The message both the lock file and DuckDB's own lock error turn into. */
export function lockedError(displayPath: string, pid: number, what: string, cause?: unknown): UserError {
  return new UserError(`warehouse ${displayPath} is locked by PID ${pid} (${what}). Wait for it to finish or stop it.`, {
    hint: `Only one process can open a DuckDB file for writing. If PID ${pid} is not running martflow, stop it (kill ${pid}).`,
    cause,
  });
}

/** Takes the lock for this process or throws the "locked by PID" UserError. Returns a release function. */
export function acquireLock(databasePath: string, displayPath: string, command: string): () => void {
  const lockPath = lockPathFor(databasePath);
  const owner: LockOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      return () => releaseLock(lockPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readOwner(lockPath);
    if (holder && holder.pid !== process.pid && processAlive(holder.pid)) {
      throw lockedError(displayPath, holder.pid, `${holder.command} started ${clockTime(holder.startedAt)}`);
    }
    // Stale (dead PID, unreadable, or left by this very process): take it over.
    try {
      unlinkSync(lockPath);
    } catch {
      // someone else removed it first; retry
    }
  }
  throw new UserError(`could not take the lock ${lockPath}`, { hint: 'Delete the lock file if no martflow process is running.' });
}

function releaseLock(lockPath: string): void {
  const holder = readOwner(lockPath);
  if (holder && holder.pid !== process.pid) return; // taken over by someone else: not ours to remove
  try {
    unlinkSync(lockPath);
  } catch {
    // already gone
  }
}

/** DuckDB's own "Could not set lock on file … (PID 1234)" as the same UserError, or null if it is not one. */
export function translateDuckDBLockError(error: unknown, displayPath: string): UserError | null {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Could not set lock on file/i.test(message)) return null;
  const pid = /PID (\d+)/.exec(message)?.[1];
  const holder = /held in (.+?) \(PID/.exec(message)?.[1] ?? 'another process';
  return lockedError(displayPath, pid ? Number(pid) : 0, holder, error);
}
