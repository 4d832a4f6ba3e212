// store_failures keeps a test's failing rows in <schema>_dbt_test__audit (as a table or a view), and
// every test execution is appended to martflow_meta.test_results, on DuckDB and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { martflow, type Engine as CliEngine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

const FILES: Record<string, string> = {
  'dbt_project.yml': 'name: history\nprofile: history\nmodels:\n  history:\n    +materialized: table\n',
  'profiles.yml': [
    'history:',
    '  target: dev',
    '  outputs:',
    '    dev: {type: duckdb, path: target/history.duckdb, schema: main, threads: 2}',
    "    pg: {type: postgres, host: 127.0.0.1, port: 5432, user: postgres, password: '', dbname: \"{{ env_var('HISTORY_PG_DB', 'postgres') }}\", schema: hist, threads: 2}",
    '',
  ].join('\n'),
  'seeds/raw_orders.csv': 'id,status\n1,placed\n2,shipped\n2,shipped\n3,\n',
  'models/orders.sql': "select * from {{ ref('raw_orders') }}\n",
  'models/schema.yml': [
    'version: 2',
    'models:',
    '  - name: orders',
    '    columns:',
    '      - name: id',
    '        data_tests:',
    '          - unique:',
    '              config: {store_failures: true}',
    '      - name: status',
    '        data_tests:',
    '          - not_null:',
    '              config: {store_failures_as: view, severity: warn}',
    '          - unique',
    '          - accepted_values:',
    '              values: [placed, shipped]',
    '              config: {store_failures: true}',
    '',
  ].join('\n'),
};

interface Engine extends CliEngine {
  schema: string;
}

type Row = Record<string, unknown>;

function suite(engineOf: () => Engine): void {
  let dir: string;
  const run = (args: string[]) => {
    const e = engineOf();
    return martflow([...args, ...e.args], { cwd: dir, env: e.env });
  };
  const show = (sql: string): Row[] => {
    const r = run(['show', '--inline', sql, '--output', 'json', '--quiet', '--limit', '100']);
    assert.equal(r.code, 0, r.output);
    return JSON.parse(r.stdout.trim().split('\n').pop()!).show as Row[];
  };
  const invocationOf = () => JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8')).metadata.invocation_id as string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'martflow-history-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('failing rows are stored in the audit schema as a table or a view', () => {
    const r = run(['build']);
    assert.equal(r.code, 1, r.output);
    const audit = `${engineOf().schema}_dbt_test__audit`;
    assert.deepEqual(
      show(`select unique_field, n_records from ${audit}.unique_orders_id`).map((x) => [Number(x.unique_field), Number(x.n_records)]),
      [[2, 2]],
    );
    // not_null stores whole rows (should_store_failures() makes it select *).
    assert.deepEqual(show(`select id from ${audit}.not_null_orders_status`).map((x) => Number(x.id)), [3]);
    assert.deepEqual(show(`select count(*) as n from ${audit}.accepted_values_orders_status__placed__shipped`).map((x) => Number(x.n)), [0]);
    const kinds = show(
      `select table_name, table_type from information_schema.tables where table_schema = '${audit}' order by table_name`,
    ).map((x) => [x.table_name, String(x.table_type).toUpperCase()]);
    assert.deepEqual(kinds, [
      ['accepted_values_orders_status__placed__shipped', 'BASE TABLE'],
      ['not_null_orders_status', 'VIEW'],
      ['unique_orders_id', 'BASE TABLE'],
    ]);
  });

  test('each test execution is appended to martflow_meta.test_results', () => {
    const first = invocationOf();
    const rows = show(`select invocation_id, test_name, status, failures, test_type, attached_node from martflow_meta.test_results order by test_name`);
    assert.deepEqual(
      rows.map((x) => [x.invocation_id, x.test_name, x.status, Number(x.failures), x.test_type, x.attached_node]),
      [
        [first, 'accepted_values_orders_status__placed__shipped', 'pass', 0, 'generic', 'model.history.orders'],
        [first, 'not_null_orders_status', 'warn', 1, 'generic', 'model.history.orders'],
        [first, 'unique_orders_id', 'fail', 1, 'generic', 'model.history.orders'],
        [first, 'unique_orders_status', 'fail', 1, 'generic', 'model.history.orders'],
      ],
    );
    // A second run appends (and replaces the stored failures instead of failing on them); the
    // --store-failures flag stores the tests that do not ask for it themselves.
    const audit = `${engineOf().schema}_dbt_test__audit`;
    const unstored = run(['show', '--inline', `select count(*) as n from information_schema.tables where table_schema = '${audit}' and table_name = 'unique_orders_status'`, '--output', 'json', '--quiet']);
    assert.equal(JSON.parse(unstored.stdout.trim().split('\n').pop()!).show[0].n, 0);
    const again = run(['test', '--store-failures']);
    assert.equal(again.code, 1, again.output);
    const second = invocationOf();
    assert.notEqual(second, first);
    const counts = show(`select invocation_id, count(*) as n from martflow_meta.test_results group by invocation_id`);
    assert.deepEqual(Object.fromEntries(counts.map((x) => [x.invocation_id, Number(x.n)])), { [first]: 4, [second]: 4 });
    const timing = show('select min(execution_seconds) as s, count(completed_at) as stamped from martflow_meta.test_results')[0]!;
    assert.ok(Number(timing.s) >= 0);
    assert.equal(Number(timing.stamped), 8);
    assert.deepEqual(show(`select unique_field from ${audit}.unique_orders_status`).map((x) => x.unique_field), ['shipped']);
  });
}

// Created before any test runs: the CLI runs are synchronous and would starve the connection attempt.
const pg = await withPostgresDatabase();

describe('test history and stored failures on DuckDB', () => {
  suite(() => ({ args: [], env: {}, schema: 'main' }));
});

describe('test history and stored failures on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ args: ['--target', 'pg'], env: { HISTORY_PG_DB: pg.dbname }, schema: 'hist' }));
});
