// One DuckDBInstance per database file per process, shared by every adapter on that path and closed
// when the last one closes. Opening takes the martflow lock file first, then DuckDB's own file lock.
import { mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { DuckDBInstance } from '@duckdb/node-api';
import { duckdb } from './duckdb-api.js';
import { UserError } from '../../util/errors.js';
import { isInMemory, type DuckDBTarget } from './config.js';
import { acquireLock, translateDuckDBLockError } from './lock-file.js';

interface OpenDatabase {
  instance: DuckDBInstance;
  users: number;
  releaseLock: () => void;
}

const open = new Map<string, Promise<OpenDatabase>>();
const locks = new Set<() => void>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A crashed or interrupted process must not leave a live-looking lock; a dead PID is stale anyway.
  process.once('exit', () => {
    for (const release of locks) release();
  });
}

export function displayPathFor(target: DuckDBTarget, projectDir: string): string {
  if (isInMemory(target.resolvedPath)) return target.resolvedPath;
  const rel = relative(projectDir, target.resolvedPath);
  return rel.startsWith('..') ? target.resolvedPath : rel;
}

async function openDatabase(target: DuckDBTarget, displayPath: string, command: string): Promise<OpenDatabase> {
  // No TimeZone default: it needs the ICU extension, and without ICU DuckDB works in UTC already.
  const settings = target.settings;
  if (isInMemory(target.resolvedPath)) {
    return { instance: await duckdb.DuckDBInstance.create(target.resolvedPath, settings), users: 1, releaseLock: () => {} };
  }
  mkdirSync(dirname(target.resolvedPath), { recursive: true });
  const release = acquireLock(target.resolvedPath, displayPath, command);
  try {
    const instance = await duckdb.DuckDBInstance.create(target.resolvedPath, settings);
    locks.add(release);
    installExitHook();
    return { instance, users: 1, releaseLock: () => { locks.delete(release); release(); } };
  } catch (error) {
    release();
    throw translateDuckDBLockError(error, displayPath) ?? new UserError(`could not open DuckDB warehouse ${displayPath}: ${(error as Error).message}`, {
      hint: 'Check the path and the settings of the duckdb target in profiles.yml.',
      cause: error,
    });
  }
}

/** The shared instance for this target; call the returned release() once when done with it. */
export async function acquireInstance(target: DuckDBTarget, displayPath: string, command: string): Promise<{ instance: DuckDBInstance; release: () => void }> {
  // In-memory databases are private to each adapter: two ':memory:' targets are two databases.
  if (isInMemory(target.resolvedPath)) {
    const db = await openDatabase(target, displayPath, command);
    return { instance: db.instance, release: () => db.instance.closeSync() };
  }
  const key = target.resolvedPath;
  let pending = open.get(key);
  if (pending) {
    const db = await pending;
    db.users++;
  } else {
    pending = openDatabase(target, displayPath, command);
    open.set(key, pending);
    pending.catch(() => open.delete(key));
  }
  const db = await pending;
  let released = false;
  return {
    instance: db.instance,
    release: () => {
      if (released) return;
      released = true;
      if (--db.users > 0) return;
      open.delete(key);
      db.instance.closeSync();
      db.releaseLock();
    },
  };
}
