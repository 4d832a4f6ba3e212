// The PostgreSQL test policy of test/helpers/postgres.ts: fail in CI, skip only when asked.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unreachablePolicy, withPostgresDatabase } from '../helpers/postgres.js';

const server = { host: '127.0.0.1', port: 1, user: 'postgres' };

function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  try {
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

describe('postgres test policy', () => {
  test('CI fails loudly even when skipping is requested', () => {
    withEnv({ CI: 'true', MARTFLOW_SKIP_POSTGRES: '1' }, () => {
      assert.throws(() => unreachablePolicy(server, new Error('connect ECONNREFUSED')), /PostgreSQL is required in CI/);
    });
  });
  test('outside CI, MARTFLOW_SKIP_POSTGRES=1 skips with the reason', () => {
    const reason = withEnv({ CI: undefined, MARTFLOW_SKIP_POSTGRES: '1' }, () => unreachablePolicy(server, new Error('connect ECONNREFUSED')));
    assert.match(reason, /unreachable at 127\.0\.0\.1:1.*ECONNREFUSED.*MARTFLOW_SKIP_POSTGRES=1/);
  });
  test('outside CI without the opt-out, it fails and says how to skip', () => {
    withEnv({ CI: undefined, MARTFLOW_SKIP_POSTGRES: undefined }, () => {
      assert.throws(() => unreachablePolicy(server, new Error('x')), /MARTFLOW_SKIP_POSTGRES=1 to skip/);
    });
  });
});

/** Runs withPostgresDatabase() in a child process against a port nobody listens on. */
function againstDeadServer(env: Record<string, string>): { status: number | null; out: string } {
  const helper = pathToFileURL(resolve(import.meta.dirname, '../helpers/postgres.ts')).href;
  const code = `const { withPostgresDatabase } = await import(${JSON.stringify(helper)}); const db = await withPostgresDatabase(); console.log('skip=' + db.skip);`;
  const childEnv: Record<string, string | undefined> = { ...process.env, PGHOST: '127.0.0.1', PGPORT: '1', ...env };
  for (const k of ['CI', 'MARTFLOW_SKIP_POSTGRES']) if (!(k in env)) delete childEnv[k];
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: childEnv, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('withPostgresDatabase against an unreachable server', () => {
  test('skips with the reason when MARTFLOW_SKIP_POSTGRES=1', () => {
    const r = againstDeadServer({ MARTFLOW_SKIP_POSTGRES: '1' });
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /skip=PostgreSQL unreachable at 127\.0\.0\.1:1/);
  });
  test('fails loudly in CI', () => {
    const r = againstDeadServer({ CI: 'true', MARTFLOW_SKIP_POSTGRES: '1' });
    assert.notEqual(r.status, 0);
    assert.match(r.out, /PostgreSQL is required in CI/);
  });
});

const db = await withPostgresDatabase();
describe('withPostgresDatabase', { skip: db.skip }, () => {
  after(() => db.drop());
  test('creates a fresh database that is dropped afterwards', async () => {
    assert.match(db.dbname, /^martflow_test_[0-9a-f]{12}$/);
    const client = new pg.Client({ ...db.server, database: db.dbname });
    await client.connect();
    const r = await client.query('select current_database() as d');
    await client.end();
    assert.equal(r.rows[0].d, db.dbname);
    await db.drop();
    const admin = new pg.Client({ ...db.server, database: 'postgres' });
    await admin.connect();
    const gone = await admin.query('select 1 from pg_database where datname = $1', [db.dbname]);
    await admin.end();
    assert.equal(gone.rowCount, 0);
  });
});
