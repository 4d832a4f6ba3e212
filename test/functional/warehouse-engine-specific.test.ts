// What only one engine has: DuckDB's per-process instance sharing and settings, PostgreSQL's session
// options and per-pool type parsers.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createAdapter } from '../../src/warehouse/index.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

describe('duckdb specifics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'martflow-duck-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('two adapters on one file in one process share the database; the lock goes with the last', async () => {
    const target = { type: 'duckdb', path: 'shared.duckdb' };
    const a = await createAdapter(target, { projectDir: dir });
    const b = await createAdapter(target, { projectDir: dir });
    await a.execute('create table t as select 42 as answer');
    assert.deepEqual((await b.execute('select answer from t')).rows, [[42]]);
    await a.close();
    assert.deepEqual((await b.execute('select answer from t')).rows, [[42]], 'b still works after a closed');
    assert.ok(existsSync(join(dir, 'shared.duckdb.martflow.lock')));
    await b.close();
    assert.ok(!existsSync(join(dir, 'shared.duckdb.martflow.lock')));
  });

  test('in-memory targets are separate databases; settings are applied', async () => {
    const a = await createAdapter({ type: 'duckdb', path: ':memory:', settings: { memory_limit: '512MB' } }, { projectDir: dir });
    const b = await createAdapter({ type: 'duckdb', path: ':memory:' }, { projectDir: dir });
    await a.execute('create table only_in_a (id integer)');
    assert.equal(await b.getRelation({ database: null, schema: 'main', identifier: 'only_in_a' }), null);
    const limit = await a.execute("select current_setting('memory_limit')");
    assert.match(String(limit.rows[0][0]), /^(512\.0 MiB|488\.2 MiB|512MB)$/);
    assert.equal(a.defaultDatabase, 'memory');
    await a.close();
    await b.close();
  });

  test('the default path is target/warehouse.duckdb under the project', async () => {
    const a = await createAdapter({ type: 'duckdb' }, { projectDir: dir });
    assert.ok(existsSync(join(dir, 'target/warehouse.duckdb')));
    assert.equal(a.defaultDatabase, 'warehouse');
    await a.close();
  });

  test('threads bounds the pool: a third acquire waits for a release', async () => {
    const a = await createAdapter({ type: 'duckdb', path: ':memory:', threads: 2 }, { projectDir: dir });
    const c1 = await a.acquire();
    const c2 = await a.acquire();
    let third = false;
    const waiting = a.acquire().then((c) => {
      third = true;
      return c;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(third, false);
    c1.release();
    const c3 = await waiting;
    assert.equal(c3, c1);
    c2.release();
    c3.release();
    await a.close();
  });
});

const db = await withPostgresDatabase();
describe('postgres specifics', { skip: db.skip }, () => {
  after(() => db.drop());

  test('search_path from the target is the session search_path', async () => {
    const a = await createAdapter({ ...db.target, search_path: 'analytics, public' }, { projectDir: tmpdir() });
    assert.deepEqual((await a.execute('show search_path')).rows, [['analytics, public']]);
    assert.deepEqual((await a.execute('show timezone')).rows, [['UTC']]);
    await a.close();
  });

  test('martflow type parsers stay on its own pool, never global', async () => {
    const a = await createAdapter(db.target, { projectDir: tmpdir() });
    assert.deepEqual((await a.execute("select 1::int8, '2024-01-02'::date")).rows, [[1, '2024-01-02']]);
    await a.close();
    const plain = new pg.Client({ ...db.server, database: db.dbname });
    await plain.connect();
    const r = await plain.query('select 1::int8 as n');
    await plain.end();
    assert.equal(r.rows[0].n, '1', "pg's own default (int8 as string) is untouched");
  });

  test('result column types are named like format_type()', async () => {
    const a = await createAdapter(db.target, { projectDir: tmpdir() });
    const r = await a.execute("select 1::int8 as a, 'x'::varchar(5) as b, 1.5::numeric as c, now() as d, '{}'::jsonb as e, 'a'::name as f");
    assert.deepEqual(r.columns.map((c) => c.dataType), ['bigint', 'character varying', 'numeric', 'timestamp with time zone', 'jsonb', 'name']);
    assert.equal(r.rows[0][4], '{}', 'JSON stays text');
    await a.close();
  });
});
