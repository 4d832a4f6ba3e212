// Dashboard queries run inside a READ ONLY transaction on a pooled connection, rolled back after.
// Why a read-only transaction rather than a second read-only connection: `START TRANSACTION READ
// ONLY` is standard SQL that DuckDB and PostgreSQL both enforce (any write fails), it needs no second
// set of credentials, and an embedded DuckDB file cannot be opened a second time read-only by the
// process that already holds it read-write. Tile SQL is also checked to be a single statement, so a
// COMMIT inside it cannot end the read-only transaction early.
import type { Adapter, QueryResult } from '../../warehouse/adapter.js';

export async function runReadOnly(adapter: Adapter, sql: string, params: unknown[], signal?: AbortSignal): Promise<QueryResult> {
  const conn = await adapter.acquire();
  try {
    await conn.execute('start transaction read only');
    try {
      return await conn.execute(sql, { params, signal });
    } finally {
      await conn.execute('rollback').catch(() => undefined);
    }
  } finally {
    conn.release();
  }
}
