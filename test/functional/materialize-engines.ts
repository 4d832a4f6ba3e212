// The engines the materialization tests loop over: the real adapters from src/warehouse (through
// createAdapter) — DuckDB in memory, PostgreSQL on a fresh database from test/helpers/postgres.ts.
// Each engine holds one connection for the whole suite, as a build thread does (DuckDB's pool has
// one connection, so introspection that ignored the held connection would deadlock here).
import { createAdapter, type Adapter, type Connection } from '../../src/warehouse/index.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

export interface TestEngine {
  name: 'duckdb' | 'postgres';
  adapter: Adapter;
  conn: Connection;
  /** Rows of a query as objects, values normalised for assertions. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function duckdb(): Promise<TestEngine> {
  const adapter = await createAdapter({ type: 'duckdb', path: ':memory:' }, { projectDir: process.cwd() });
  const conn = await adapter.acquire();
  return engine('duckdb', adapter, conn, async () => {
    conn.release();
    await adapter.close();
  });
}

async function postgres(): Promise<TestEngine> {
  const db = await withPostgresDatabase();
  if (db.skip) throw new Error(db.skip);
  const adapter = await createAdapter(db.target, { projectDir: process.cwd() });
  const conn = await adapter.acquire();
  return engine('postgres', adapter, conn, async () => {
    conn.release();
    await adapter.close();
    await db.drop();
  });
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

/** Engine-neutral values for assertions: numbers for integers. */
function normalise(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

// The skip policy of test/helpers/postgres.ts (skipped only with MARTFLOW_SKIP_POSTGRES=1 and no server).
const probe = await withPostgresDatabase();
await probe.drop();

export const ENGINES: ReadonlyArray<{ name: TestEngine['name']; skip: false | string; open: () => Promise<TestEngine> }> = [
  { name: 'duckdb', skip: false, open: duckdb },
  { name: 'postgres', skip: probe.skip, open: postgres },
];
