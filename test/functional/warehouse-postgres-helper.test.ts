// The PostgreSQL test policy of test/helpers/postgres.ts: fail in CI, skip only when asked.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
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
