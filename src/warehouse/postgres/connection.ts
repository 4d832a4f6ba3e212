// One pooled pg client. Cancellation asks the server to cancel the backend's running statement
// (pg_cancel_backend from a separate connection); the next statement waits until that request is
// done so it can never hit a later statement.
import type { PoolClient, QueryResult as PgResult } from 'pg';
import { CancelledError, type ExecuteOptions, type QueryResult, type RelationRef } from '../adapter.js';
import { BaseConnection } from '../base-connection.js';
import { copyRows, copyStatement, naiveTimestampColumns } from './copy.js';
import { PostgresDialect } from './dialect.js';
import { toDatabaseError } from './errors.js';

export interface PostgresSession {
  dialect: PostgresDialect;
  /** Runs pg_cancel_backend(pid) on a fresh connection. */
  cancelBackend(pid: number): Promise<void>;
  /** format_type() names for result column type oids. */
  typeNames(client: PoolClient, oids: number[]): Promise<Map<number, string>>;
}

export class PostgresConnection extends BaseConnection {
  private pendingCancel: Promise<void> = Promise.resolve();
  private released = false;
  private broken = false;
  private closing = false;
  private running: Promise<unknown> | null = null;

  constructor(
    readonly client: PoolClient,
    private readonly session: PostgresSession,
    private readonly onRelease: (conn: PostgresConnection, broken: boolean) => void,
  ) {
    super();
  }

  get backendPid(): number {
    return (this.client as unknown as { processID: number }).processID;
  }

  protected async run(sql: string, options: ExecuteOptions): Promise<QueryResult> {
    const { signal } = options;
    await this.pendingCancel;
    if (signal?.aborted) throw new CancelledError();
    const onAbort = () => {
      this.pendingCancel = this.session.cancelBackend(this.backendPid).catch(() => undefined);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // Without params pg uses the simple protocol, which also runs several statements in one string.
      const values = options.params && options.params.length > 0 ? options.params.map(toParam) : undefined;
      if (this.closing) throw new CancelledError('query cancelled: the warehouse connection is closed');
      const pending = this.client.query({ text: sql, values, rowMode: 'array' });
      this.running = pending;
      const raw: unknown = await pending;
      // A multi-statement string answers with one result per statement: the last one is the answer.
      const result = (Array.isArray(raw) ? raw[raw.length - 1] : raw) as PgResult;
      return await this.toQueryResult(result);
    } catch (error) {
      // No SQLSTATE means the connection itself failed (server restart, network): don't pool it again.
      const code = String((error as { code?: string }).code);
      if (!/^[0-9A-Z]{5}$/.test(code)) this.broken = true;
      if (this.closing && code === '57014') throw new CancelledError('query cancelled: the warehouse connection was closed');
      throw toDatabaseError(error, sql, signal);
    } finally {
      this.running = null;
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async toQueryResult(result: PgResult | undefined): Promise<QueryResult> {
    if (!result) return { columns: [], rows: [], rowsAffected: null };
    const fields = result.fields ?? [];
    const names = await this.session.typeNames(this.client, fields.map((f) => f.dataTypeID));
    const dml = result.command === 'INSERT' || result.command === 'UPDATE' || result.command === 'DELETE' || result.command === 'MERGE' || result.command === 'COPY';
    return {
      columns: fields.map((f) => ({ name: f.name, dataType: names.get(f.dataTypeID) ?? String(f.dataTypeID) })),
      rows: result.rows as unknown[][],
      rowsAffected: dml ? result.rowCount : null,
    };
  }

  protected async load(relation: RelationRef, columns: string[], rows: AsyncIterable<unknown[]> | Iterable<unknown[]>): Promise<number> {
    const sql = copyStatement(this.session.dialect, relation, columns);
    try {
      const naive = await naiveTimestampColumns(this.client, this.session.dialect, relation, columns);
      return await copyRows(this.client, sql, columns.length, rows, naive);
    } catch (error) {
      throw toDatabaseError(error, sql);
    }
  }

  /** Cancels the running statement, waits for it to stop, and returns the client (used by close()). */
  async close(): Promise<void> {
    this.closing = true;
    const running = this.running;
    if (running) {
      await this.session.cancelBackend(this.backendPid).catch(() => undefined);
      await running.catch(() => undefined);
    }
    this.release();
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.onRelease(this, this.broken);
  }
}

/** pg sends params as text; Dates as UTC timestamps per ../values.ts, bigint as its digits. */
function toParam(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined) return null;
  return value;
}
