// The DuckDB adapter: one shared DuckDBInstance per database file, a pool of `threads` connections.
import { withConnection } from '../with-connection.js';
import type { DuckDBInstance } from '@duckdb/node-api';
import type { Adapter, Capabilities, ColumnDef, Connection, ExecuteOptions, QueryResult, RelationInfo, RelationRef } from '../adapter.js';
import { ConnectionPool } from '../connection-pool.js';
import type { AdapterOptions } from '../target-config.js';
import { UserError } from '../../util/errors.js';
import { parseDuckDBTarget, type DuckDBTarget } from './config.js';
import { DuckDBWarehouseConnection } from './connection.js';
import { DuckDBDialect } from './dialect.js';
import { acquireInstance, displayPathFor } from './instance-registry.js';
import * as introspect from './introspect.js';

export const DUCKDB_CAPABILITIES: Capabilities = {
  // CREATE/DROP/ALTER … RENAME roll back with the transaction (covered by the conformance suite).
  transactionalDdl: true,
  merge: true, // MERGE INTO since DuckDB 1.4
  atomicRename: true,
  // Optimistic concurrency: parallel writers to different tables are fine, the same rows conflict.
  concurrentWrites: true,
  cancel: true,
  enforcedConstraints: ['not_null', 'unique', 'primary_key', 'check', 'foreign_key'],
  materializedViews: false,
  replaceViewAnyColumns: true,
  dropCascadesToViews: false, // views are bound when queried, not tracked as dependents
};

export class DuckDBAdapter implements Adapter {
  readonly type = 'duckdb';
  readonly capabilities = DUCKDB_CAPABILITIES;
  readonly dialect = new DuckDBDialect();
  private readonly pool: ConnectionPool<DuckDBWarehouseConnection>;
  private closed = false;

  private constructor(
    readonly target: DuckDBTarget,
    private readonly instance: DuckDBInstance,
    private readonly releaseInstance: () => void,
    readonly defaultDatabase: string,
  ) {
    this.pool = new ConnectionPool(target.threads, async () => new DuckDBWarehouseConnection(await instance.connect(), (c) => this.pool.release(c)));
  }

  static async open(rawTarget: Record<string, unknown>, opts: AdapterOptions): Promise<DuckDBAdapter> {
    const target = parseDuckDBTarget(rawTarget, opts);
    const displayPath = displayPathFor(target, opts.projectDir);
    const command = opts.command ?? defaultCommand();
    const { instance, release } = await acquireInstance(target, displayPath, command);
    try {
      const conn = await instance.connect();
      try {
        for (const ext of target.extensions) await loadExtension(conn, ext);
        const database = String((await conn.runAndReadAll('select current_database()')).getRows()[0][0]);
        return new DuckDBAdapter(target, instance, release, database);
      } finally {
        conn.closeSync();
      }
    } catch (error) {
      release();
      throw error;
    }
  }

  async acquire(): Promise<Connection> {
    if (this.closed) throw new Error('DuckDB adapter is closed');
    return this.pool.acquire();
  }

  async execute(sql: string, options?: ExecuteOptions): Promise<QueryResult> {
    return withConnection(this, (c) => c.execute(sql, options));
  }

  listSchemas(database: string | null, conn?: Connection): Promise<string[]> {
    return withConnection(this, (c) => introspect.listSchemas(c, database), conn);
  }
  listRelations(database: string | null, schema: string, conn?: Connection): Promise<RelationInfo[]> {
    return withConnection(this, (c) => introspect.listRelations(c, database, schema), conn);
  }
  getRelation(ref: RelationRef, conn?: Connection): Promise<RelationInfo | null> {
    return withConnection(this, (c) => introspect.getRelation(c, ref), conn);
  }
  getColumns(ref: RelationRef, conn?: Connection): Promise<ColumnDef[]> {
    return withConnection(this, (c) => introspect.getColumns(c, ref), conn);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Running statements are interrupted and awaited: closing under a running query would hang.
    await Promise.all(this.pool.connections.map((conn) => conn.close()));
    this.releaseInstance();
  }
}

function defaultCommand(): string {
  const sub = process.argv.slice(2).find((a) => !a.startsWith('-'));
  return sub ? `martflow ${sub}` : 'martflow';
}

async function loadExtension(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, name: string): Promise<void> {
  const ident = `"${name.replaceAll('"', '""')}"`;
  try {
    await conn.run(`LOAD ${ident}`);
  } catch {
    try {
      await conn.run(`INSTALL ${ident}`);
      await conn.run(`LOAD ${ident}`);
    } catch (error) {
      throw new UserError(`could not load DuckDB extension '${name}': ${(error as Error).message}`, {
        hint: 'Check the name under extensions: in profiles.yml; installing needs network access the first time.',
        cause: error,
      });
    }
  }
}
