// The jaffle fixture project built through the CLI on DuckDB and on PostgreSQL: seeds, views, tables,
// an ephemeral model, an incremental model, a snapshot, generic and singular tests, hooks — then the
// resulting tables are compared with expected rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, martflow, REPO_ROOT, type Engine as CliEngine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'jaffle');

const EXPECTED_CUSTOMERS = [
  { customer_id: 1, number_of_orders: 2, customer_lifetime_value: 35, first_order: '2018-01-01', most_recent_order: '2018-01-05' },
  { customer_id: 2, number_of_orders: 2, customer_lifetime_value: 40, first_order: '2018-01-05', most_recent_order: '2018-01-11' },
  { customer_id: 3, number_of_orders: 2, customer_lifetime_value: 36, first_order: '2018-01-02', most_recent_order: '2018-01-09' },
  { customer_id: 4, number_of_orders: 1, customer_lifetime_value: 6, first_order: '2018-01-07', most_recent_order: '2018-01-07' },
  { customer_id: 5, number_of_orders: 1, customer_lifetime_value: 3, first_order: '2018-01-04', most_recent_order: '2018-01-04' },
];

interface Engine extends CliEngine {
  name: string;
  schema: string;
}

function query(dir: string, engine: Engine, sql: string): Record<string, unknown>[] {
  const r = martflow(['show', '--inline', sql, '--limit', '-1', '--output', 'json', '--quiet', ...engine.args], { cwd: dir, env: engine.env });
  assert.equal(r.code, 0, r.output);
  return (JSON.parse(r.stdout.trim().split('\n').pop()!) as { show: Record<string, unknown>[] }).show;
}

function day(v: unknown): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
}

function suite(engineOf: () => Engine) {
  let project: { dir: string; remove: () => void };
  before(() => {
    project = copyProject(FIXTURE);
  });
  after(() => project.remove());

  test('build runs seeds, models, snapshot and tests; every node passes', () => {
    const engine = engineOf();
    const r = martflow(['build', ...engine.args], { cwd: project.dir, env: engine.env });
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /Done\. PASS=\d+ WARN=0 ERROR=0 FAIL=0 SKIP=0/);
    const results = JSON.parse(readFileSync(join(project.dir, 'target', 'run_results.json'), 'utf8'));
    assert.equal(results.metadata.dbt_schema_version, 'https://schemas.getdbt.com/dbt/run-results/v6.json');
    const statuses = new Set(results.results.map((x: { status: string }) => x.status));
    assert.deepEqual([...statuses].sort(), ['pass', 'success']);
    // 3 seeds + 5 built models (ephemeral is not) + 1 snapshot + 11 tests
    assert.equal(results.results.length, 3 + 5 + 1 + 11, results.results.map((x: { unique_id: string }) => x.unique_id).join('\n'));
  });

  test('customers mart has the expected rows', () => {
    const engine = engineOf();
    const rows = query(project.dir, engine, `select customer_id, number_of_orders, customer_lifetime_value, first_order, most_recent_order from {{ ref('customers') }} order by customer_id`);
    assert.deepEqual(
      rows.map((r) => ({ ...r, customer_id: Number(r.customer_id), number_of_orders: Number(r.number_of_orders), customer_lifetime_value: Number(r.customer_lifetime_value), first_order: day(r.first_order), most_recent_order: day(r.most_recent_order) })),
      EXPECTED_CUSTOMERS,
    );
  });

  test('ephemeral model is inlined as a CTE and not built', () => {
    const engine = engineOf();
    const compiled = readFileSync(join(project.dir, 'target', 'compiled', 'jaffle', 'models', 'marts', 'orders.sql'), 'utf8');
    assert.match(compiled, /__dbt__cte__stg_payments as \(/);
    const rels = query(project.dir, engine, `select count(*) as n from information_schema.tables where table_name = 'stg_payments'`);
    assert.equal(Number(rels[0]!.n), 0);
  });

  test('on-run-end hook wrote one log row per invocation', () => {
    const engine = engineOf();
    const rows = query(project.dir, engine, `select results from ${engine.schema}_audit.run_log`);
    assert.equal(rows.length, 1);
    assert.equal(Number(rows[0]!.results), 20);
  });

  test('second run: incremental model merges, snapshot records the changed status', () => {
    const engine = engineOf();
    const seedPath = join(project.dir, 'seeds', 'raw_orders.csv');
    writeFileSync(seedPath, readFileSync(seedPath, 'utf8').replace('5,2,2018-01-05,placed', '5,2,2018-01-05,shipped'));
    appendFileSync(seedPath, '9,4,2018-01-12,placed\n');
    const r = martflow(['build', ...engine.args], { cwd: project.dir, env: engine.env });
    assert.equal(r.code, 0, r.output);
    const events = query(project.dir, engine, `select order_id, status from {{ ref('order_events') }} order by order_id`);
    assert.equal(events.length, 9);
    const snap = query(project.dir, engine, `select order_id, status, dbt_valid_to from {{ ref('orders_snapshot') }} order by order_id, dbt_valid_from`);
    assert.equal(snap.length, 10, JSON.stringify(snap));
    const five = snap.filter((s) => Number(s.order_id) === 5);
    assert.deepEqual(five.map((s) => s.status), ['placed', 'shipped']);
    assert.notEqual(five[0]!.dbt_valid_to, null);
    assert.equal(five[1]!.dbt_valid_to, null);
  });

  test('a failing test skips the models downstream of what it tests', () => {
    const engine = engineOf();
    appendFileSync(join(project.dir, 'seeds', 'raw_customers.csv'), '5,Duplicate,X.\n');
    const r = martflow(['build', ...engine.args], { cwd: project.dir, env: engine.env });
    assert.equal(r.code, 1, r.output);
    assert.match(r.stdout, /FAIL 1 .*unique_stg_customers_customer_id/s);
    const results = JSON.parse(readFileSync(join(project.dir, 'target', 'run_results.json'), 'utf8')).results as { unique_id: string; status: string }[];
    const status = (id: string) => results.find((x) => x.unique_id === id || x.unique_id.startsWith(id + '.'))?.status;
    assert.equal(status('test.jaffle.unique_stg_customers_customer_id'), 'fail');
    assert.equal(status('model.jaffle.customers'), 'skipped');
    assert.equal(status('model.jaffle.orders'), 'success');
  });
}

// Created before any test runs: the CLI runs are synchronous and would starve the connection attempt.
const pg = await withPostgresDatabase();

describe('jaffle on DuckDB', () => {
  suite(() => ({ name: 'duckdb', args: [], env: {}, schema: 'main' }));
});

describe('jaffle on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ name: 'postgres', args: ['--target', 'pg'], env: { JAFFLE_PG_DB: pg.dbname }, schema: 'jaffle' }));
});
