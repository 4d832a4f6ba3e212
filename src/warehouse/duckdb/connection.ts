// One DuckDB connection of the pool. Statements run through runAndReadAll; an AbortSignal interrupts
// the running statement with DuckDBConnection.interrupt().
import { ResultReturnType, type DuckDBConnection } from '@duckdb/node-api';
import { CancelledError, type ExecuteOptions, type QueryResult, type RelationRef } from '../adapter.js';
import { BaseConnection } from '../base-connection.js';
import { bulkLoad } from './bulk-load.js';
import { toDatabaseError } from './errors.js';
import { fromDuckDB } from './from-duckdb.js';
import { paramToDuckDB } from './to-duckdb.js';

export class DuckDBWarehouseConnection extends BaseConnection {
  private running = false;

  constructor(
    readonly raw: DuckDBConnection,
    private readonly onRelease: (conn: DuckDBWarehouseConnection) => void,
  ) {
    super();
  }

  /** Stops the running statement, if any (used by close()). */
  interrupt(): void {
    if (this.running) this.raw.interrupt();
  }

  protected async run(sql: string, options: ExecuteOptions): Promise<QueryResult> {
    const { signal } = options;
    if (signal?.aborted) throw new CancelledError();
    const onAbort = () => this.raw.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    this.running = true;
    try {
      const params = options.params?.map(paramToDuckDB);
      const reader = await this.raw.runAndReadAll(sql, params && params.length > 0 ? params : undefined);
      if (signal?.aborted) throw new CancelledError();
      // DML answers with a one-row "Count" result in DuckDB; like PostgreSQL, report only rowsAffected.
      if (reader.returnType === ResultReturnType.CHANGED_ROWS) return { columns: [], rows: [], rowsAffected: reader.rowsChanged };
      const types = reader.columnTypes();
      return {
        columns: reader.columnNames().map((name, i) => ({ name, dataType: types[i].toString() })),
        rows: reader.getRows().map((row) => row.map(fromDuckDB)),
        rowsAffected: null,
      };
    } catch (error) {
      throw toDatabaseError(error, sql, signal);
    } finally {
      this.running = false;
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
