// The engines the materialization tests loop over: the real adapters from src/warehouse (through
// createAdapter), PostgreSQL on a fresh database from test/helpers/postgres.ts. While the PostgreSQL
// adapter is not written yet, a minimal stand-in (pg.Client + the real PostgresDialect) takes its place;
// likewise for DuckDB while the real adapter cannot open without the ICU extension on this machine.
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { DuckDBDialect } from '../../src/warehouse/duckdb/dialect.js';
import { createAdapter } from '../../src/warehouse/index.js';
import { PostgresDialect } from '../../src/warehouse/postgres/dialect.js';
import { withPostgresDatabase } from '../helpers/postgres.js';
import type {
  Adapter,
  Capabilities,
  ColumnDef,
  Connection,
  QueryResult,
  RelationInfo,
} from '../../src/warehouse/adapter.js';
import { DatabaseError } from '../../src/warehouse/adapter.js';

export interface TestEngine {
  name: 'duckdb' | 'postgres';
  adapter: Adapter;
  conn: Connection;
  /** Rows of a query as objects, sorted by the given SQL order. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

type Exec = (sql: string, params?: unknown[]) => Promise<QueryResult>;

function makeConnection(exec: Exec): Connection {
  let depth = 0;
  const conn: Connection = {
    execute: async (sql, options) => {
      try {
        return await exec(sql, options?.params);
      } catch (e) {
        throw new DatabaseError((e as Error).message, sql, e);
      }
    },
    async transaction(fn) {
      if (depth > 0) return fn(conn);
      depth++;
      await exec('begin');
      try {
        const out = await fn(conn);
        await exec('commit');
        return out;
      } catch (e) {
        await exec('rollback').catch(() => undefined);
        throw e;
      } finally {
        depth--;
      }
    },
    async bulkInsert(rel, columns, rows) {
      let n = 0;
      const head = `insert into ${new PostgresDialect().relation(rel)} (${columns.map(q).join(', ')}) values `;
      let batch: unknown[][] = [];
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        const params: unknown[] = [];
        const tuples = batch.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
        await conn.execute(head + tuples.join(', '), { params });
        n += batch.length;
        batch = [];
      };
      for await (const r of rows as AsyncIterable<unknown[]>) {
        batch.push(r);
        if (batch.length >= 200) await flush();
      }
      await flush();
      return n;
    },
    release: () => undefined,
  };
  return conn;
}

function makeAdapter(type: string, caps: Capabilities, conn: Connection, db: string | null, close: () => Promise<void>): Adapter {
  const dialect = type === 'duckdb' ? new DuckDBDialect() : new PostgresDialect();
  const relationsSql = `select table_schema, table_name, table_type from information_schema.tables where table_schema = $1`;
  const toInfo = (r: unknown[]): RelationInfo => ({
    database: db,
    schema: String(r[0]),
    identifier: String(r[1]),
    type: String(r[2]).toUpperCase() === 'VIEW' ? 'view' : 'table',
  });
  return {
    type,
    capabilities: caps,
    dialect,
    defaultDatabase: db,
    acquire: async () => conn,
    execute: (sql, o) => conn.execute(sql, o),
    listSchemas: async () => (await conn.execute('select schema_name from information_schema.schemata')).rows.map((r) => String(r[0])),
    listRelations: async (_d, schema) => (await conn.execute(relationsSql, { params: [schema] })).rows.map(toInfo),
    async getRelation(ref) {
      const res = await conn.execute(`${relationsSql} and table_name = $2`, { params: [ref.schema, ref.identifier] });
      return res.rows.length ? toInfo(res.rows[0]!) : null;
    },
    async getColumns(ref): Promise<ColumnDef[]> {
      const res = await conn.execute(
        `select column_name, data_type from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position`,
        { params: [ref.schema, ref.identifier] },
      );
      return res.rows.map((r) => ({ name: String(r[0]), dataType: String(r[1]) }));
    },
    close,
  };
}

async function duckdb(): Promise<TestEngine> {
  let adapter: Adapter;
  try {
    adapter = await createAdapter({ type: 'duckdb', path: ':memory:' }, { projectDir: process.cwd() });
  } catch (e) {
    if (!/icu extension/u.test(String(e))) throw e;
    adapter = await standInDuckDB();
  }
  const conn = await adapter.acquire();
  return engine('duckdb', adapter, conn, async () => {
    conn.release();
    await adapter.close();
  });
}

async function postgres(): Promise<TestEngine> {
  const db = await withPostgresDatabase();
  if (db.skip) throw new Error(db.skip);
  let adapter: Adapter;
  try {
    adapter = await createAdapter(db.target, { projectDir: process.cwd() });
  } catch (e) {
    if (!/Cannot find module|ERR_MODULE_NOT_FOUND/u.test(String(e))) throw e;
    adapter = await standInPostgres(db.url, db.dbname);
  }
  const conn = await adapter.acquire();
  return engine('postgres', adapter, conn, async () => {
    conn.release();
    await adapter.close();
    await db.drop();
  });
}

async function standInDuckDB(): Promise<Adapter> {
  const instance = await DuckDBInstance.create(':memory:');
  const raw = await instance.connect();
  const exec: Exec = async (sql, params) => {
    const reader = await raw.runAndReadAll(sql, params as never);
    const names = reader.columnNames();
    const types = reader.columnTypes();
    return {
      columns: names.map((n, i) => ({ name: n, dataType: String(types[i]) })),
      rows: reader.getRowsJS() as unknown[][],
      rowsAffected: reader.rowsChanged,
    };
  };
  const caps: Capabilities = {
    transactionalDdl: true, merge: true, atomicRename: true, concurrentWrites: false, cancel: true,
    enforcedConstraints: ['not_null', 'unique', 'primary_key', 'check'], materializedViews: false,
  };
  return makeAdapter('duckdb', caps, makeConnection(exec), 'memory', async () => {
    raw.closeSync();
    instance.closeSync();
  });
}

async function standInPostgres(url: string, dbname: string): Promise<Adapter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const exec: Exec = async (sql, params) => {
    const r = await client.query({ text: sql, values: params, rowMode: 'array' });
    const res = Array.isArray(r) ? r[r.length - 1] : r;
    return {
      columns: (res.fields ?? []).map((f: { name: string; dataTypeID: number }) => ({ name: f.name, dataType: String(f.dataTypeID) })),
      rows: (res.rows ?? []) as unknown[][],
      rowsAffected: res.rowCount ?? null,
    };
  };
  const caps: Capabilities = {
    transactionalDdl: true, merge: true, atomicRename: true, concurrentWrites: true, cancel: true,
    enforcedConstraints: ['not_null', 'unique', 'primary_key', 'check', 'foreign_key'], materializedViews: true,
  };
  return makeAdapter('postgres', caps, makeConnection(exec), dbname, () => client.end());
}

function engine(name: TestEngine['name'], adapter: Adapter, conn: Connection, close: () => Promise<void>): TestEngine {
  return {
    name,
    adapter,
    conn,
    async rows(sql) {
      const r = await conn.execute(sql);
      return r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c.name, normalise(row[i])])));
    },
    close,
  };
}

/** Engine-neutral values for assertions: numbers for small integers, ISO strings for dates. */
function normalise(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object' && 'toString' in v) return String(v);
  return v;
}

export const ENGINES: ReadonlyArray<{ name: TestEngine['name']; open: () => Promise<TestEngine> }> = [
  { name: 'duckdb', open: duckdb },
  { name: 'postgres', open: postgres },
];
