// dbt 1.8 unit tests through `martflow test`: given rows (dict, csv, sql) for refs and sources, expected
// rows, is_incremental overridden; upstream models are never built; a failure shows the differing rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { martflow, type Engine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

const FILES: Record<string, string> = {
  'dbt_project.yml': 'name: units\nprofile: units\n',
  'profiles.yml': [
    'units:',
    '  target: dev',
    '  outputs:',
    '    dev: {type: duckdb, path: target/units.duckdb, schema: main, threads: 2}',
    "    pg: {type: postgres, host: 127.0.0.1, port: 5432, user: postgres, password: '', dbname: \"{{ env_var('UNITS_PG_DB', 'postgres') }}\", schema: units, threads: 2}",
    '',
  ].join('\n'),
  'models/stg_orders.sql': "select * from {{ source('shop', 'orders') }}\n",
  'models/order_totals.sql': [
    'select customer_id, sum(amount) as total',
    "from {{ ref('stg_orders') }}",
    "where status <> 'cancelled'",
    'group by customer_id',
    '',
  ].join('\n'),
  'models/new_orders.sql': [
    "{{ config(materialized='incremental') }}",
    "select id from {{ ref('stg_orders') }}",
    '{% if is_incremental() %}where id > 100{% endif %}',
    '',
  ].join('\n'),
  'models/thresholded.sql': "select id from {{ ref('stg_orders') }} where id >= {{ var('min_id', 0) }}\n",
  'tests/fixtures/orders_fixture.csv': 'customer_id,amount,status\n7,3,placed\n7,4,placed\n',
  'tests/fixtures/totals_fixture.csv': 'customer_id,total\n7,7\n',
  'models/schema.yml': [
    'version: 2',
    'sources:',
    '  - name: shop',
    '    tables: [{name: orders}]',
    'unit_tests:',
    '  - name: totals_skip_cancelled',
    '    model: order_totals',
    '    given:',
    "      - input: ref('stg_orders')",
    '        rows:',
    '          - {customer_id: 1, amount: 10, status: placed}',
    '          - {customer_id: 1, amount: 5, status: shipped}',
    '          - {customer_id: 2, amount: 7, status: cancelled}',
    '          - {customer_id: 3, amount: 4, status: placed}',
    '    expect:',
    '      rows: [{customer_id: 1, total: 15}, {customer_id: 3, total: 4}]',
    '  - name: totals_from_csv',
    '    model: order_totals',
    '    given:',
    "      - input: ref('stg_orders')",
    '        format: csv',
    '        rows: |',
    '          customer_id,amount,status',
    '          1,10,placed',
    '          1,2,cancelled',
    '    expect:',
    '      format: csv',
    '      rows: |',
    '        customer_id,total',
    '        1,10',
    '  - name: totals_wrong_on_purpose',
    '    model: order_totals',
    '    given:',
    "      - input: ref('stg_orders')",
    '        rows: [{customer_id: 1, amount: 10, status: placed}]',
    '    expect:',
    '      rows: [{customer_id: 1, total: 99}]',
    '  - name: staging_from_source_sql',
    '    model: stg_orders',
    '    given:',
    "      - input: source('shop', 'orders')",
    '        format: sql',
    "        rows: \"select 1 as id, 'placed' as status\"",
    '    expect:',
    '      rows: [{id: 1, status: placed}]',
    '  - name: incremental_keeps_new_ids',
    '    model: new_orders',
    '    overrides:',
    '      macros: {is_incremental: true}',
    '    given:',
    "      - input: ref('stg_orders')",
    '        rows: [{id: 5}, {id: 150}]',
    '    expect:',
    '      rows: [{id: 150}]',
    '  - name: totals_from_fixture_files',
    '    model: order_totals',
    '    given:',
    "      - {input: ref('stg_orders'), format: csv, fixture: orders_fixture}",
    '    expect: {format: csv, fixture: totals_fixture}',
    '  - name: vars_overridden',
    '    model: thresholded',
    '    overrides:',
    '      vars: {min_id: 10}',
    '    given:',
    "      - input: ref('stg_orders')",
    '        rows: [{id: 5}, {id: 20}]',
    '    expect:',
    '      rows: [{id: 20}]',
    '',
  ].join('\n'),
};

function suite(engineOf: () => Engine): void {
  let dir: string;
  let result: ReturnType<typeof martflow>;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'martflow-units-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const e = engineOf();
    // No build first: the source table and the models do not exist in the warehouse.
    result = martflow(['test', ...e.args], { cwd: dir, env: e.env });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('unit tests pass on their fixtures without building anything upstream', () => {
    for (const name of ['totals_skip_cancelled', 'totals_from_csv', 'staging_from_source_sql', 'incremental_keeps_new_ids', 'vars_overridden', 'totals_from_fixture_files']) {
      assert.match(result.output, new RegExp(`PASS unit_test \\w+::${name}`), result.output);
    }
    assert.match(result.output, /Unit tests: PASS=6 FAIL=1 ERROR=0 TOTAL=7/);
    const results = JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8')).results as { unique_id: string; status: string }[];
    assert.equal(results.find((r) => r.unique_id === 'unit_test.units.order_totals.totals_wrong_on_purpose')?.status, 'fail');
    assert.equal(results.filter((r) => r.unique_id.startsWith('unit_test.') && r.status === 'pass').length, 6);
    // Unit tests are part of the test history too.
    const e = engineOf();
    const h = martflow(['show', ...e.args, '--inline', "select status, count(*) as n from martflow_meta.test_results where test_type = 'unit' group by status order by status", '--output', 'json', '--quiet'], { cwd: dir, env: e.env });
    assert.equal(h.code, 0, h.output);
    assert.deepEqual(JSON.parse(h.stdout.trim().split('\n').pop()!).show.map((x: { status: string; n: unknown }) => [x.status, Number(x.n)]), [['fail', 1], ['pass', 6]]);
  });

  test('a failing unit test exits 1 and shows the differing rows', () => {
    assert.equal(result.code, 1, result.output);
    assert.match(result.output, /FAIL unit_test order_totals::totals_wrong_on_purpose/);
    assert.match(result.output, /- 1 \| 99 +\(expected, not returned\)/);
    assert.match(result.output, /\+ 1 \| 10 +\(returned, not expected\)/);
  });

  test('test_type:unit selects unit tests; a model selects its own', () => {
    const e = engineOf();
    const only = martflow(['test', '-s', 'test_type:unit', ...e.args], { cwd: dir, env: e.env });
    assert.match(only.output, /Unit tests: PASS=6 FAIL=1 ERROR=0 TOTAL=7/);
    const generic = martflow(['test', '-s', 'test_type:generic', ...e.args], { cwd: dir, env: e.env });
    assert.equal(generic.code, 0, generic.output);
    assert.doesNotMatch(generic.output, /unit_test/);
    const one = martflow(['test', '-s', 'stg_orders', ...e.args], { cwd: dir, env: e.env });
    assert.equal(one.code, 0, one.output);
    assert.match(one.output, /Unit tests: PASS=1 FAIL=0 ERROR=0 TOTAL=1/);
  });
}

// Created before any test runs: the CLI runs are synchronous and would starve the connection attempt.
const pg = await withPostgresDatabase();

describe('unit tests on DuckDB', () => {
  suite(() => ({ args: [], env: {} }));
});

describe('unit tests on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ args: ['--target', 'pg'], env: { UNITS_PG_DB: pg.dbname } }));
});
