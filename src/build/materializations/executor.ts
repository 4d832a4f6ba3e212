// Runs statement lists on a connection. The only place in materializations that executes SQL.
import type { Connection, QueryResult } from '../../warehouse/adapter.js';

/** Runs statements in order; returns the last result (or null when there were none). */
export async function runAll(conn: Connection, statements: string[], signal?: AbortSignal): Promise<QueryResult | null> {
  let last: QueryResult | null = null;
  for (const sql of statements) last = await conn.execute(sql, signal ? { signal } : undefined);
  return last;
}

/**
 * Runs fn in one transaction together with the runner's afterWrite hook, so data and run state
 * commit together. On engines without transactional DDL, DDL inside still commits as it runs; the
 * leftover cleanup of the next run (relation-names.ts) restores a consistent state after a crash.
 */
export async function commitWithState<T>(
  input: { conn: Connection; afterWrite?: (conn: Connection) => Promise<void> },
  fn: (conn: Connection) => Promise<T>): Promise<T> {
  return input.conn.transaction(async (tx) => {
    const out = await fn(tx);
    if (input.afterWrite) await input.afterWrite(tx);
    return out;
  });
}

/**
 * Counts a freshly built relation's rows. Engines disagree on what CREATE TABLE AS reports (DuckDB
 * says 0), so the count is asked for rather than trusted.
 */
export async function countRows(conn: Connection, relationSql: string): Promise<number> {
  const res = await conn.execute(`select count(*) from ${relationSql}`);
  return Number(res.rows[0]?.[0] ?? 0);
}
