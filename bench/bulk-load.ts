// Bulk-load throughput of each warehouse engine: 1M rows of (bigint, text, numeric, date, boolean)
// through Connection.bulkInsert (DuckDB appender, PostgreSQL COPY). Prints rows/s; asserts nothing.
//   npx tsx bench/bulk-load.ts [rows]      PostgreSQL from PGHOST/PGPORT/PGUSER/PGDATABASE (127.0.0.1:5432 postgres/postgres)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAdapter, type Adapter } from '../src/warehouse/index.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const SCHEMA = `martflow_bench_${process.pid}`;

function* rows(n: number): Generator<unknown[]> {
  for (let i = 0; i < n; i++) {
    yield [i, i % 10 === 0 ? null : `customer "${i}", segment ${i % 7}`, `${i % 1000}.${i % 100}`, '2024-03-01', i % 2 === 0];
  }
}

async function bench(name: string, adapter: Adapter): Promise<void> {
  const d = adapter.dialect;
  const rel = { database: null, schema: SCHEMA, identifier: 'events' };
  await adapter.execute(d.createSchemaIfNotExists(SCHEMA, null));
  try {
    await adapter.execute(`create table ${d.relation(rel)} (id bigint, name ${d.types.string}, amount numeric(12,2), day date, flag boolean)`);
    const conn = await adapter.acquire();
    const start = performance.now();
    let loaded: number;
    try {
      loaded = await conn.bulkInsert(rel, ['id', 'name', 'amount', 'day', 'flag'], rows(ROWS));
    } finally {
      conn.release();
    }
    const seconds = (performance.now() - start) / 1000;
    const check = await adapter.execute(`select count(*) from ${d.relation(rel)}`);
    console.log(`${name.padEnd(9)} ${loaded.toLocaleString('en')} rows in ${seconds.toFixed(2)}s = ${Math.round(loaded / seconds).toLocaleString('en')} rows/s (table has ${String(check.rows[0][0])})`);
  } finally {
    await adapter.execute(d.dropSchemaCascade(SCHEMA, null));
    await adapter.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'martflow-bench-'));
try {
  await bench('duckdb', await createAdapter({ type: 'duckdb', path: join(dir, 'bench.duckdb') }, { projectDir: dir, command: 'bench' }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pgTarget = {
  type: 'postgres',
  host: process.env.PGHOST ?? '127.0.0.1',
  port: Number(process.env.PGPORT ?? 5432),
  user: process.env.PGUSER ?? 'postgres',
  password: process.env.PGPASSWORD,
  dbname: process.env.PGDATABASE ?? 'postgres',
};
let pg: Adapter | null = null;
try {
  pg = await createAdapter(pgTarget, { projectDir: process.cwd(), targetName: 'bench' });
} catch (e) {
  console.log(`postgres  skipped: ${(e as Error).message}`);
}
if (pg) await bench('postgres', pg);
