// The PostgreSQL adapter: a pg.Pool sized by `threads`, with martflow's type parsers on its clients.
import { withConnection } from '../with-connection.js';
import pg, { type PoolClient } from 'pg';
import type { Adapter, Capabilities, ColumnDef, Connection, ExecuteOptions, QueryResult, RelationInfo, RelationRef } from '../adapter.js';
import type { AdapterOptions } from '../target-config.js';
import { parsePostgresTarget, poolConfig, type PostgresTarget } from './config.js';
import { PostgresConnection, type PostgresSession } from './connection.js';
import { PostgresDialect } from './dialect.js';
import { connectionError } from './errors.js';
import * as introspect from './introspect.js';
import { KNOWN_TYPE_NAMES, martflowTypes } from './types.js';

function capabilitiesFor(serverVersion: number): Capabilities {
  return {
    transactionalDdl: true,
    merge: serverVersion >= 150000, // MERGE arrived in PostgreSQL 15
    atomicRename: true,
    concurrentWrites: true,
    cancel: true,
    enforcedConstraints: ['not_null', 'unique', 'primary_key', 'check', 'foreign_key'],
    materializedViews: true,
    replaceViewAnyColumns: false, // CREATE OR REPLACE VIEW cannot drop or retype columns
    dropCascadesToViews: true,
  };
}

export class PostgresAdapter implements Adapter, PostgresSession {
  readonly type = 'postgres';
  readonly dialect = new PostgresDialect();
  private readonly typeNameCache = new Map(KNOWN_TYPE_NAMES);
  private readonly active = new Set<PostgresConnection>();
  private closed = false;

  private constructor(
    readonly target: PostgresTarget,
    private readonly pool: pg.Pool,
    private readonly config: pg.PoolConfig,
    readonly capabilities: Capabilities,
    private readonly opts: AdapterOptions,
  ) {}

  get defaultDatabase(): string {
    return this.target.dbname;
  }

  static async open(rawTarget: Record<string, unknown>, opts: AdapterOptions): Promise<PostgresAdapter> {
    const target = parsePostgresTarget(rawTarget, opts);
    const config = { ...poolConfig(target), types: martflowTypes };
    const pool = new pg.Pool(config);
    // An idle client dropped by the server emits 'error' on the pool; the next acquire reconnects.
    pool.on('error', () => {});
    let version: number;
    try {
      const client = await pool.connect();
      try {
        version = Number((await client.query('show server_version_num')).rows[0].server_version_num);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw connectionError(error, target, opts);
    }
    return new PostgresAdapter(target, pool, config, capabilitiesFor(version), opts);
  }

  async acquire(): Promise<Connection> {
    if (this.closed) throw new Error('PostgreSQL adapter is closed');
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw connectionError(error, this.target, this.opts);
    }
    const conn = new PostgresConnection(client, this, (c, broken) => {
      this.active.delete(c);
      c.client.release(broken); // true destroys the client instead of pooling it
    });
    this.active.add(conn);
    return conn;
  }

  async execute(sql: string, options?: ExecuteOptions): Promise<QueryResult> {
    return withConnection(this, (c) => c.execute(sql, options));
  }

  listSchemas(_database: string | null, conn?: Connection): Promise<string[]> {
    return withConnection(this, (c) => introspect.listSchemas(c), conn);
  }
  listRelations(_database: string | null, schema: string, conn?: Connection): Promise<RelationInfo[]> {
    return withConnection(this, (c) => introspect.listRelations(c, schema), conn);
  }
  getRelation(ref: RelationRef, conn?: Connection): Promise<RelationInfo | null> {
    return withConnection(this, (c) => introspect.getRelation(c, ref), conn);
  }
  getColumns(ref: RelationRef, conn?: Connection): Promise<ColumnDef[]> {
    return withConnection(this, (c) => introspect.getColumns(c, ref), conn);
  }

  async cancelBackend(pid: number): Promise<void> {
    const client = new pg.Client({ ...this.config, types: undefined });
    client.on('error', () => {});
    await client.connect();
    try {
      await client.query('select pg_cancel_backend($1)', [pid]);
    } finally {
      await client.end();
    }
  }

  async typeNames(client: PoolClient, oids: number[]): Promise<Map<number, string>> {
    const missing = [...new Set(oids)].filter((o) => !this.typeNameCache.has(o));
    if (missing.length > 0) {
      const r = await client.query({ text: 'select oid::int, format_type(oid, null) from pg_type where oid = any($1)', values: [missing], rowMode: 'array' });
      for (const [oid, name] of r.rows as [number, string][]) this.typeNameCache.set(oid, name);
    }
    return this.typeNameCache;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Running statements are cancelled and awaited so every client is back before the pool ends.
    await Promise.all([...this.active].map((c) => c.close()));
    await this.pool.end();
  }
}
