// The engines every warehouse conformance test loops over (like dbt's adapter suites and Kysely's
// dialect loop): DuckDB in a temp dir, PostgreSQL in a fresh test database (policy in ./postgres.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter, type Adapter } from '../../src/warehouse/index.js';
import { withPostgresDatabase } from './postgres.js';

export interface TestEngine {
  name: 'duckdb' | 'postgres';
  /** Passed to describe({ skip }). */
  skip: false | string;
  open(): Promise<Adapter>;
  /** Removes what open() created (temp dir, test database). */
  cleanup(): Promise<void>;
  /** A statement that runs for many seconds, for cancellation tests. */
  longQuery: string;
}

export async function testEngines(): Promise<TestEngine[]> {
  const dir = mkdtempSync(join(tmpdir(), 'martflow-wh-'));
  const pg = await withPostgresDatabase();
  return [
    {
      name: 'duckdb',
      skip: false,
      open: () => createAdapter({ type: 'duckdb', path: join(dir, 'warehouse.duckdb'), threads: 4 }, { projectDir: dir, command: 'martflow test' }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      longQuery: 'select count(*) from range(1000000000) a, range(1000000000) b where a.range + b.range = -1',
    },
    {
      name: 'postgres',
      skip: pg.skip,
      open: () => createAdapter(pg.target, { projectDir: dir, targetName: 'test' }),
      cleanup: () => pg.drop(),
      longQuery: 'select pg_sleep(60)',
    },
  ];
}
