// Errors people meet when a profiles.yml target is wrong: they say what failed, where, and what to check.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../../src/warehouse/index.js';
import { UserError } from '../../src/util/errors.js';
import { postgresServerFromEnv, withPostgresDatabase } from '../helpers/postgres.js';

const opts = { projectDir: tmpdir(), targetName: 'dev' };

async function userError(target: Record<string, unknown>): Promise<UserError> {
  try {
    const adapter = await createAdapter(target, opts);
    await adapter.close();
  } catch (e) {
    assert.ok(e instanceof UserError, `expected a UserError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected createAdapter to fail');
}

describe('warehouse target errors', () => {
  test('an unknown type lists the supported engines and suggests the nearest', async () => {
    assert.equal((await userError({ type: 'snowflak' })).message, "unknown warehouse type 'snowflak' in profiles.yml. martflow supports duckdb, postgres");
    assert.equal(
      (await userError({ type: 'postgress' })).message,
      "unknown warehouse type 'postgress' in profiles.yml. Did you mean 'postgres'? martflow supports duckdb, postgres",
    );
    assert.match((await userError({})).message, /profiles\.yml target 'dev' has no type/);
  });

  test('bad settings name the target and the key', async () => {
    const e = await userError({ type: 'postgres', host: '127.0.0.1', port: 'abc', user: 'postgres', dbname: 'x' });
    assert.match(e.message, /^invalid postgres settings in profiles\.yml target 'dev': port: /);
    assert.match((await userError({ type: 'postgres', host: 'h', user: 'u' })).message, /dbname: dbname is required/);
    assert.match((await userError({ type: 'duckdb', threads: 0 })).message, /^invalid duckdb settings in profiles\.yml target 'dev': threads: /);
  });

  test('a refused PostgreSQL connection says where and what to check', async () => {
    const e = await userError({ type: 'postgres', host: '127.0.0.1', port: 1, user: 'postgres', dbname: 'x' });
    assert.equal(
      e.message,
      "could not connect to PostgreSQL at 127.0.0.1:1 (database 'x'): connection refused. Is the server running? Check profiles.yml target 'dev'.",
    );
  });

  test('an unknown host is named', async () => {
    const e = await userError({ type: 'postgres', host: 'no-such-host.invalid', user: 'postgres', dbname: 'x', connect_timeout: 5 });
    assert.match(e.message, /^could not connect to PostgreSQL at no-such-host\.invalid:5432 \(database 'x'\): /);
  });

  test('a DuckDB path that cannot be opened is a UserError naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-err-'));
    writeFileSync(join(dir, 'not-a-db.duckdb'), 'this is not a DuckDB file');
    try {
      const e = await userError({ type: 'duckdb', path: join(dir, 'not-a-db.duckdb') });
      assert.match(e.message, /could not open DuckDB warehouse .*not-a-db\.duckdb/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const pg = await withPostgresDatabase();
describe('PostgreSQL connection errors against a live server', { skip: pg.skip }, () => {
  test('a missing database is named', async () => {
    const { host, port, user, password } = postgresServerFromEnv();
    const e = await userError({ type: 'postgres', host, port, user, password, dbname: `${pg.dbname}_missing` });
    assert.equal(
      e.message,
      `could not connect to PostgreSQL at ${host}:${port} (database '${pg.dbname}_missing'): database '${pg.dbname}_missing' does not exist. Create it, or fix dbname. Check profiles.yml target 'dev'.`,
    );
    await pg.drop();
  });
});
