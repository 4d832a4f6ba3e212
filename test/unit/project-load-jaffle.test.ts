// loadProject on a jaffle-shop-like fixture: dbt_project.yml, files, schema YAML, sources, tests,
// docs, snapshots, macros, selectors and builtin packages.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadProject } from '../../src/project/index.js';
import type { LoadedProject } from '../../src/project/index.js';
import { emptyDir, fakeRenderer, fixture } from './project-helpers.js';

describe('loadProject (jaffle fixture)', () => {
  let p: LoadedProject;
  const render = fakeRenderer({ RAW_SCHEMA: 'landing' });
  before(async () => {
    p = await loadProject(fixture('jaffle'), { renderYaml: render, homeDir: emptyDir() });
  });

  test('dbt_project.yml: rendered values, unrendered hooks and vars, scoped vars', () => {
    const c = p.root.project;
    assert.equal(c.name, 'jaffle_shop');
    assert.equal(c.profile, 'jaffle');
    assert.deepEqual(c.vars, { start_date: '2020-01-01' });
    assert.deepEqual(c.packageVars, { dbt_utils: { surrogate_key_treat_nulls_as_empty_strings: true } });
    assert.deepEqual(c.onRunStart, ['create schema if not exists {{ target.schema }}_audit']);
    assert.deepEqual(c.dispatch, [{ macro_namespace: 'dbt_utils', search_order: ['jaffle_shop', 'dbt_utils'] }]);
    assert.deepEqual(c.cleanTargets, ['target', 'dbt_packages']);
    assert.equal(c.configTrees.models.children.jaffle_shop?.children.marts?.config.materialized, 'table', 'a known key without + is config');
    assert.deepEqual(c.configTrees.data_tests.children.jaffle_shop?.config, { severity: 'WARN' });
    assert.ok(!render.calls.some((t) => t.includes('target.schema')), 'on-run-start is never rendered');
  });

  test('files: models with fqn, seeds, analyses, singular tests, macros, docs', () => {
    assert.deepEqual(p.root.models.map((m) => m.fqn.join('.')), ['jaffle_shop.marts.customers', 'jaffle_shop.marts.orders', 'jaffle_shop.staging.stg_customers', 'jaffle_shop.staging.stg_orders']);
    const stg = p.root.models.find((m) => m.name === 'stg_orders')!;
    assert.equal(stg.path, 'staging/stg_orders.sql');
    assert.equal(stg.file.path, 'models/staging/stg_orders.sql');
    assert.match(stg.file.checksum, /^[0-9a-f]{64}$/);
    assert.deepEqual(p.root.seeds.map((s) => s.name), ['raw_customers']);
    assert.deepEqual(p.root.analyses.map((a) => a.name), ['order_counts']);
    assert.deepEqual(p.root.singularTests.map((t) => t.file.path), ['tests/assert_positive_total.sql'], 'tests/generic is not a singular test');
    assert.deepEqual(p.root.macros.map((m) => m.path), ['macros/cents_to_dollars.sql', 'tests/generic/is_even.sql']);
    assert.deepEqual(p.root.macros[1]!.genericTests.map((t) => t.name), ['is_even']);
    assert.deepEqual(p.root.docs.map((d) => [d.name, d.location.line]), [['jaffle_raw', 1], ['stg_customers', 5]]);
    assert.equal(p.root.docs[0]!.contents, "The Jaffle Shop's raw **app** database.");
  });

  test('snapshot blocks with their line', () => {
    const [s] = p.root.snapshots;
    assert.equal(s?.name, 'orders_snapshot');
    assert.deepEqual(s?.location, { file: 'snapshots/orders_snapshot.sql', line: 3, col: 1 });
    assert.match(s!.body, /^\n\{\{ config\(target_schema='snapshots'/);
    assert.ok(s!.raw.startsWith('{% snapshot orders_snapshot %}') && s!.raw.endsWith('{% endsnapshot %}'));
    assert.deepEqual(s?.fqn, ['jaffle_shop', 'orders_snapshot']);
  });

  test('model patches: descriptions kept raw, config, location of the entry', () => {
    const stgCustomers = p.root.nodePatches.find((n) => n.name === 'stg_customers')!;
    assert.equal(stgCustomers.description, "{{ doc('stg_customers') }}");
    assert.deepEqual(stgCustomers.location, { file: 'models/staging/schema.yml', line: 24, col: 5 });
    const orders = p.root.nodePatches.find((n) => n.name === 'orders')!;
    assert.deepEqual(orders.config, { materialized: 'incremental', unique_key: 'order_id', on_schema_change: 'append_new_columns' });
    assert.deepEqual(orders.columns.map((c) => c.name), ['customer_id', 'status']);
  });

  test('sources: schema rendered with env_var, freshness inherited per table', () => {
    const [src] = p.root.sources;
    assert.equal(src?.name, 'jaffle');
    assert.equal(src?.schema, 'landing');
    assert.equal(src?.description, "Raw data from {{ doc('jaffle_raw') }}");
    const t = Object.fromEntries(src!.tables.map((x) => [x.name, x]));
    assert.equal(t.orders?.identifier, 'raw_orders');
    assert.equal(t.payments?.identifier, 'payments');
    assert.deepEqual(t.orders?.freshness, { warn_after: { count: 12, period: 'hour' }, error_after: { count: 24, period: 'hour' }, filter: null });
    assert.deepEqual(t.payments?.freshness, { warn_after: { count: 12, period: 'hour' }, error_after: { count: 48, period: 'hour' }, filter: null });
    assert.equal(t.events?.freshness, null);
    assert.equal(t.orders?.loaded_at_field, '_loaded_at');
  });

  test('generic tests named and identified as dbt does', () => {
    const ids = p.root.tests.map((t) => t.uniqueId).sort();
    assert.deepEqual(ids, [
      'test.jaffle_shop.accepted_values_orders_status__placed__shipped.7de09bf3cd',
      'test.jaffle_shop.accepted_values_stg_orders_status__placed__shipped__completed__return_pending__returned.080fb20aad',
      'test.jaffle_shop.dbt_utils_unique_combination_of_columns_orders_order_id__customer_id.f95c9d9bf3',
      'test.jaffle_shop.not_null_customers_customer_id.5c9bf9911d',
      'test.jaffle_shop.not_null_orders_customer_id.c5f02694af',
      'test.jaffle_shop.not_null_stg_customers_customer_id.e2cfb1f9aa',
      'test.jaffle_shop.not_null_stg_orders_order_id.81cfe2fe64',
      'test.jaffle_shop.orders_amount_positive.d52792b5ab',
      'test.jaffle_shop.relationships_orders_customer_id__customer_id__ref_customers_.c6ec7f58f2',
      'test.jaffle_shop.source_not_null_jaffle_orders_id.a149cbe1c0',
      'test.jaffle_shop.source_unique_jaffle_orders_id.db993b5c1c',
      'test.jaffle_shop.unique_customers_customer_id.c5af1ff4b1',
      'test.jaffle_shop.unique_stg_customers_customer_id.c7614daada',
      'test.jaffle_shop.unique_stg_orders_order_id.e3b841c71a',
    ]);
    const long = p.root.tests.find((t) => t.uniqueId.includes('080fb20aad'))!;
    assert.equal(long.config.alias, 'accepted_values_stg_orders_4f514bf94b77b7ea437830eec4421c58');
    assert.deepEqual(long.location, { file: 'models/staging/schema.yml', line: 41, col: 13 });
    const positive = p.root.tests.find((t) => t.name === 'orders_amount_positive')!;
    assert.equal(positive.config.where, "order_date > '2020-01-01'", 'test config values are rendered');
    const notNull = p.root.tests.find((t) => t.name === 'not_null_orders_customer_id')!;
    assert.equal(notNull.config.where, "status != 'returned'");
    assert.equal(notNull.fileKeyName, 'models.orders');
    const src = p.root.tests.find((t) => t.name === 'source_unique_jaffle_orders_id')!;
    assert.deepEqual(src.target, { kind: 'source', name: 'orders', sourceName: 'jaffle' });
    assert.equal(src.fileKeyName, 'sources.jaffle');
  });

  test('exposures, groups, macro patches', () => {
    assert.deepEqual(p.root.exposures.map((e) => [e.name, e.type, e.maturity, e.dependsOn]), [['weekly_kpis', 'dashboard', 'high', ["ref('orders')"]]]);
    assert.deepEqual(p.root.groups.map((g) => g.name), ['marketing']);
    assert.deepEqual(p.root.macroPatches[0]?.arguments, [{ name: 'column_name', type: 'string', description: 'The column holding cents' }]);
  });

  test('selectors and builtin packages; profile target', () => {
    assert.deepEqual(p.selectors.map((s) => [s.name, s.default ?? false]), [['nightly', true], ['marts', false]]);
    assert.deepEqual(p.builtinPackages, [{ name: 'dbt_utils', source: 'dbt-labs/dbt_utils', version: '>=1.0.0, <2.0.0' }]);
    assert.equal(p.packages.length, 1);
    assert.equal(p.target.output.type, 'duckdb');
    assert.equal(p.target.output.path, fixture('jaffle') + '/target/jaffle.duckdb');
    assert.equal(p.target.output.threads, 4, "threads: \"{{ env_var('JAFFLE_THREADS', '4') }}\" renders to a number");
  });

  test('the result is serializable', () => {
    const copy = JSON.parse(JSON.stringify(p)) as LoadedProject;
    assert.deepEqual(copy.root.tests.length, p.root.tests.length);
  });
});
