// One DuckDB connection of the pool. Statements run through runAndReadAll; an AbortSignal interrupts
// the running statement with DuckDBConnection.interrupt().
import type { DuckDBConnection } from '@duckdb/node-api';
import { duckdb } from './duckdb-api.js';
import { CancelledError, type ExecuteOptions, type QueryResult, type RelationRef } from '../adapter.js';
import { BaseConnection } from '../base-connection.js';
import { bulkLoad } from './bulk-load.js';
import { isInterrupt, toDatabaseError } from './errors.js';
import { fromDuckDB } from './from-duckdb.js';
import { paramToDuckDB } from './to-duckdb.js';

export class DuckDBWarehouseConnection extends BaseConnection {
  private running: Promise<unknown> | null = null;
  private closing = false;

  constructor(
    readonly raw: DuckDBConnection,
    private readonly onRelease: (conn: DuckDBWarehouseConnection) => void,
  ) {
    super();
  }

  /** Interrupts the running statement, waits for it to stop, and disconnects (used by close()). */
  async close(): Promise<void> {
    this.closing = true;
    const running = this.running;
    if (running) {
      this.raw.interrupt();
      await running.catch(() => undefined);
    }
    this.raw.closeSync();
  }

  protected async run(sql: string, options: ExecuteOptions): Promise<QueryResult> {
    const { signal } = options;
    if (signal?.aborted) throw new CancelledError();
    const onAbort = () => this.raw.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (this.closing) throw new CancelledError('query cancelled: the warehouse connection is closed');
    try {
      const params = options.params?.map(paramToDuckDB);
      const pending = this.raw.runAndReadAll(sql, params && params.length > 0 ? params : undefined);
      this.running = pending;
      const reader = await pending;
      if (signal?.aborted) throw new CancelledError();
      // DML answers with a one-row "Count" result in DuckDB; like PostgreSQL, report only rowsAffected.
      if (reader.returnType === duckdb.ResultReturnType.CHANGED_ROWS) return { columns: [], rows: [], rowsAffected: reader.rowsChanged };
      const types = reader.columnTypes();
      return {
        columns: reader.columnNames().map((name, i) => ({ name, dataType: types[i].toString() })),
        rows: reader.getRows().map((row) => row.map(fromDuckDB)),
        rowsAffected: null,
      };
    } catch (error) {
      if (this.closing && isInterrupt(error)) throw new CancelledError('query cancelled: the warehouse connection was closed');
      throw toDatabaseError(error, sql, signal);
    } finally {
      this.running = null;
      signal?.removeEventListener('abort', onAbort);
    }
  }

  protected async load(relation: RelationRef, columns: string[], rows: AsyncIterable<unknown[]> | Iterable<unknown[]>): Promise<number> {
    // A load is all or nothing: it gets its own transaction unless it is part of the caller's.
    const own = !this.inTransaction;
    if (own) await this.run('BEGIN', {});
    try {
      const count = await bulkLoad(this.raw, relation, columns, rows, (sql) => this.run(sql, {}));
      if (own) await this.run('COMMIT', {});
      return count;
    } catch (error) {
      if (own) await this.run('ROLLBACK', {}).catch(() => undefined);
      throw error;
    }
  }

  release(): void {
    this.onRelease(this);
  }
}
