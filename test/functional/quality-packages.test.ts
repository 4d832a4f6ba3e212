// dbt_utils and dbt_expectations, provided natively: the fixture quality_packages applies every
// generic test of both packages to a model built to pass (`good`) and one built to fail (`bad`), and
// calls the dbt_utils macros in models whose rows are compared, on DuckDB and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, martflow, REPO_ROOT, type Engine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'quality_packages');

/** Every package test the fixture applies to each of the two models (a test is named after it). */
const PACKAGE_TESTS = [
  'dbt_utils.expression_is_true', 'dbt_utils.unique_combination_of_columns', 'dbt_utils.accepted_range',
  'dbt_utils.not_constant', 'dbt_utils.not_empty_string', 'dbt_utils.at_least_one', 'dbt_utils.cardinality_equality',
  'dbt_utils.relationships_where', 'dbt_utils.recency', 'dbt_utils.equal_rowcount', 'dbt_utils.fewer_rows_than',
  'dbt_utils.sequential_values', 'dbt_utils.mutually_exclusive_ranges', 'dbt_utils.not_null_proportion',
  'dbt_utils.not_accepted_values',
  'dbt_expectations.expect_column_to_exist', 'dbt_expectations.expect_table_columns_to_match_set',
  'dbt_expectations.expect_table_columns_to_match_ordered_list', 'dbt_expectations.expect_table_columns_to_contain_set',
  'dbt_expectations.expect_table_columns_to_not_contain_set', 'dbt_expectations.expect_table_column_count_to_equal',
  'dbt_expectations.expect_table_column_count_to_be_between', 'dbt_expectations.expect_table_column_count_to_equal_other_table',
  'dbt_expectations.expect_table_row_count_to_be_between', 'dbt_expectations.expect_table_row_count_to_equal',
  'dbt_expectations.expect_table_row_count_to_equal_other_table', 'dbt_expectations.expect_row_values_to_have_recent_data',
  'dbt_expectations.expect_column_values_to_be_between', 'dbt_expectations.expect_column_values_to_be_in_set',
  'dbt_expectations.expect_column_values_to_not_be_in_set', 'dbt_expectations.expect_column_values_to_be_unique',
  'dbt_expectations.expect_column_values_to_not_be_null', 'dbt_expectations.expect_column_values_to_be_null',
  'dbt_expectations.expect_column_values_to_be_of_type', 'dbt_expectations.expect_column_values_to_match_regex',
  'dbt_expectations.expect_column_values_to_match_like_pattern', 'dbt_expectations.expect_column_value_lengths_to_be_between',
  'dbt_expectations.expect_column_value_lengths_to_equal', 'dbt_expectations.expect_column_distinct_count_to_equal',
  'dbt_expectations.expect_column_distinct_count_to_be_greater_than', 'dbt_expectations.expect_column_distinct_count_to_be_less_than',
  'dbt_expectations.expect_column_min_to_be_between', 'dbt_expectations.expect_column_max_to_be_between',
  'dbt_expectations.expect_column_mean_to_be_between', 'dbt_expectations.expect_column_sum_to_be_between',
  'dbt_expectations.expect_compound_columns_to_be_unique',
];

type Row = Record<string, unknown>;

function suite(engineOf: () => Engine): void {
  let project: { dir: string; remove: () => void };
  let buildCode = -1;
  let buildOutput = '';
  const show = (sql: string): Row[] => {
    const e = engineOf();
    const r = martflow(['show', ...e.args, '--inline', sql, '--output', 'json', '--quiet', '--limit', '100'], { cwd: project.dir, env: e.env });
    assert.equal(r.code, 0, r.output);
    return JSON.parse(r.stdout.trim().split('\n').pop()!).show as Row[];
  };

  before(() => {
    project = copyProject(FIXTURE);
    const e = engineOf();
    const deps = martflow(['deps', ...e.args], { cwd: project.dir, env: e.env });
    assert.equal(deps.code, 0, deps.output);
    const r = martflow(['build', ...e.args], { cwd: project.dir, env: e.env });
    buildCode = r.code;
    buildOutput = r.output;
  });
  after(() => project.remove());

  test('every package test passes on the good model and fails on the bad one', () => {
    assert.equal(buildCode, 1, buildOutput);
    const results = JSON.parse(readFileSync(join(project.dir, 'target', 'run_results.json'), 'utf8')).results as { unique_id: string; status: string; message: string }[];
    const nodes = JSON.parse(readFileSync(join(project.dir, 'target', 'manifest.json'), 'utf8')).nodes as Record<string, { attached_node?: string; test_metadata?: { name: string; namespace: string | null } }>;
    const seen: Record<string, Record<string, string>> = { good: {}, bad: {} };
    for (const r of results) {
      const node = nodes[r.unique_id];
      if (!node?.test_metadata) {
        assert.equal(r.status, 'success', `${r.unique_id}: ${r.message}`);
        continue;
      }
      const model = node.attached_node?.split('.').pop() ?? '?';
      const name = `${node.test_metadata.namespace}.${node.test_metadata.name}`;
      seen[model]![name] = r.status;
    }
    for (const name of PACKAGE_TESTS) {
      assert.equal(seen.good![name], 'pass', `${name} on good`);
      assert.equal(seen.bad![name], 'fail', `${name} on bad`);
    }
    assert.deepEqual(Object.keys(seen.good!).sort(), [...PACKAGE_TESTS].sort());
  });

  test('dbt_utils macros compute the expected rows', () => {
    const marker = '_dbt_utils_surrogate_key_null_';
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    assert.deepEqual(show("select id, sk from {{ ref('m_surrogate') }} order by id").slice(0, 2), [
      { id: 1, sk: md5(`1-${marker}`) },
      { id: 2, sk: md5(`2-${marker}`) },
    ]);
    assert.deepEqual(show("select * from {{ ref('m_star') }} order by 1"), [{ p_id: 1 }, { p_id: 2 }, { p_id: 3 }]);
    assert.deepEqual(
      show("select cast(date_day as date) as d from {{ ref('m_spine') }} order by 1").map((r) => String(r.d).slice(0, 10)),
      ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'],
    );
    const union = show("select _dbt_source_relation as src, id, label, n from {{ ref('m_union') }} order by n nulls first, id");
    assert.equal(union.length, 9);
    assert.match(String(union[0]!.src), /parents/);
    assert.deepEqual(union[0], { ...union[0], id: 1, label: 'one', n: null });
    assert.deepEqual(union[8], { ...union[8], id: null, label: null, n: 6 });
    assert.deepEqual(show("select * from {{ ref('m_pivot') }} order by grp"), [
      { grp: 'a', x: 1, y: 1, z: 0 },
      { grp: 'b', x: 1, y: 1, z: 1 },
    ]);
    assert.deepEqual(show("select * from {{ ref('m_unpivot') }} order by id"), [
      { id: 1, field: 'label', val: 'one' },
      { id: 2, field: 'label', val: 'two' },
      { id: 3, field: 'label', val: 'three' },
    ]);
    assert.deepEqual(show("select * from {{ ref('m_relations') }}"), [{ n_relations: 1, names: 'six_rows' }]);
    assert.deepEqual(show("select id, amount from {{ ref('m_dedup') }} order by id"), [
      { id: 1, amount: 999 },
      { id: 2, amount: 1 },
      { id: 3, amount: 30 },
      { id: 4, amount: 40 },
      { id: 5, amount: 50 },
    ]);
    const safe = show("select * from {{ ref('m_safe') }}")[0]!;
    assert.equal(Number(safe.added), 3);
    assert.equal(safe.divided_by_zero, null);
    assert.equal(Number(safe.divided), 2.5);
  });
}

// Created before any test runs: the CLI runs are synchronous and would starve the connection attempt.
const pg = await withPostgresDatabase();

describe('dbt_utils and dbt_expectations on DuckDB', () => {
  suite(() => ({ args: [], env: {} }));
});

describe('dbt_utils and dbt_expectations on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ args: ['--target', 'pg'], env: { QUALITY_PG_DB: pg.dbname } }));
});

describe('packages martflow does not provide', () => {
  test('deps names the package it cannot install', () => {
    const project = copyProject(FIXTURE);
    try {
      writeFileSync(join(project.dir, 'packages.yml'), 'packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n  - package: acme/not_a_real_package\n    version: 0.1.0\n');
      const r = martflow(['deps'], { cwd: project.dir });
      assert.notEqual(r.code, 0, r.output);
      assert.match(r.output, /acme\/not_a_real_package/);
    } finally {
      project.remove();
    }
  });
});
