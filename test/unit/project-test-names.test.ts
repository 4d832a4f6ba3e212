// Generic test names and unique_id hashes. Expected values are dbt-core's own output: ids found in
// real jaffle_shop manifests (c5af1ff4b1, 080fb20aad, …) and values computed with dbt-core's
// synthesize_generic_test_names / create_test_node code run under Python.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeGenericTestNames, testHash } from '../../src/project/index.js';
import { pyRepr } from '../../src/project/python-repr.js';
import { buildGenericTest } from '../../src/project/generic-tests.js';
import type { TestEntryContext } from '../../src/project/generic-tests.js';
import { UserError } from '../../src/util/errors.js';
import { fakeRenderer } from './project-helpers.js';

const model = (n: string) => `{{ get_where_subquery(ref('${n}')) }}`;
const loc = { file: 'models/schema.yml', line: 3, col: 5 };

function ctx(over: Partial<TestEntryContext> = {}): TestEntryContext {
  return {
    target: { kind: 'model', name: 'orders' },
    packageName: 'jaffle_shop',
    columnName: null,
    tags: [],
    schemaPath: 'models/marts/schema.yml',
    fileKeyName: 'models.orders',
    render: fakeRenderer({}, { start_date: '2021-06-01' }),
    ...over,
  };
}

describe('synthesizeGenericTestNames', () => {
  test('column tests: <test>_<model>_<column>', () => {
    const r = synthesizeGenericTestNames('not_null', 'orders', { column_name: 'id', model: model('orders') });
    assert.deepEqual(r, { shortName: 'not_null_orders_id', fullName: 'not_null_orders_id' });
  });

  test('arguments are sorted, flattened and cleaned', () => {
    const r = synthesizeGenericTestNames('relationships', 'orders', { column_name: 'customer_id', to: "ref('customers')", field: 'id', model: model('orders') });
    assert.equal(r.fullName, 'relationships_orders_customer_id__id__ref_customers_');
    const a = synthesizeGenericTestNames('accepted_values', 'orders', { column_name: 'status', values: ['a', 'b'], model: model('orders') });
    assert.equal(a.fullName, 'accepted_values_orders_status__a__b');
  });

  test('names of 64+ characters get <first 30 of type_target>_<md5(full)>', () => {
    const r = synthesizeGenericTestNames('accepted_values', 'stg_orders', {
      values: ['placed', 'shipped', 'completed', 'return_pending', 'returned'],
      column_name: 'status',
      model: model('stg_orders'),
    });
    assert.equal(r.fullName, 'accepted_values_stg_orders_status__placed__shipped__completed__return_pending__returned');
    assert.equal(r.shortName, 'accepted_values_stg_orders_4f514bf94b77b7ea437830eec4421c58');
    const ns = synthesizeGenericTestNames('dbt_utils_unique_combination_of_columns', 'orders', { combination_of_columns: ['order_id', 'customer_id'], model: model('orders') });
    assert.equal(ns.fullName, 'dbt_utils_unique_combination_of_columns_orders_order_id__customer_id');
    assert.equal(ns.shortName, 'dbt_utils_unique_combination_o_8df945e3cf9214407fe2517dbcd52030');
  });

  test('non-string arguments use Python str()', () => {
    const r = synthesizeGenericTestNames('accepted_values', 't', { values: [1, true, null, "it's"], column_name: 'c', quote: false, model: model('t') });
    assert.equal(r.fullName, 'accepted_values_t_c__False__1__True__None__it_s');
  });
});

describe('testHash (unique_id suffix)', () => {
  test('matches ids in real jaffle_shop manifests', () => {
    const md = (name: string, kwargs: Record<string, unknown>) => ({ namespace: null, name, kwargs });
    assert.equal(testHash('unique_customers_customer_id', md('unique', { column_name: 'customer_id', model: model('customers') })), 'c5af1ff4b1');
    assert.equal(testHash('not_null_customers_customer_id', md('not_null', { column_name: 'customer_id', model: model('customers') })), '5c9bf9911d');
    assert.equal(
      testHash('relationships_orders_customer_id__customer_id__ref_customers_', md('relationships', { column_name: 'customer_id', to: "ref('customers')", field: 'customer_id', model: model('orders') })),
      'c6ec7f58f2',
    );
    assert.equal(
      testHash(
        'accepted_values_stg_orders_status__placed__shipped__completed__return_pending__returned',
        md('accepted_values', { values: ['placed', 'shipped', 'completed', 'return_pending', 'returned'], column_name: 'status', model: model('stg_orders') }),
      ),
      '080fb20aad',
    );
  });

  test('python repr quoting', () => {
    assert.equal(pyRepr({ a: "it's", b: 'say "hi"', c: 'both \' and "', d: [1, null, true] }), `{'a': "it's", 'b': 'say "hi"', 'c': 'both \\' and "', 'd': [1, None, True]}`);
  });
});

describe('buildGenericTest', () => {
  test('column test: name, unique_id, kwargs, raw code, fqn', async () => {
    const t = await buildGenericTest('not_null', ctx({ columnName: 'customer_id' }), loc);
    assert.equal(t.name, 'not_null_orders_customer_id');
    assert.equal(t.uniqueId, 'test.jaffle_shop.not_null_orders_customer_id.c5f02694af');
    assert.deepEqual(t.kwargs, { column_name: 'customer_id', model: model('orders') });
    assert.equal(t.rawCode, '{{ test_not_null(**_dbt_generic_test_kwargs) }}');
    assert.deepEqual(t.fqn, ['jaffle_shop', 'marts', 'not_null_orders_customer_id']);
    assert.equal(t.nodePath, 'not_null_orders_customer_id.sql');
  });

  test('dbt 1.10 arguments: block and namespaced test; long name gets an alias', async () => {
    const t = await buildGenericTest({ 'dbt_utils.unique_combination_of_columns': { arguments: { combination_of_columns: ['order_id', 'customer_id'] } } }, ctx(), loc);
    assert.equal(t.namespace, 'dbt_utils');
    assert.equal(t.testName, 'unique_combination_of_columns');
    assert.equal(t.uniqueId, 'test.jaffle_shop.dbt_utils_unique_combination_of_columns_orders_order_id__customer_id.f95c9d9bf3');
    assert.equal(t.config.alias, 'dbt_utils_unique_combination_o_8df945e3cf9214407fe2517dbcd52030');
    assert.equal(t.rawCode, '{{ dbt_utils.test_unique_combination_of_columns(**_dbt_generic_test_kwargs) }}{{ config(alias="dbt_utils_unique_combination_o_8df945e3cf9214407fe2517dbcd52030") }}');
  });

  test('name: override, config: block rendered, legacy severity', async () => {
    const t = await buildGenericTest(
      { 'dbt_utils.expression_is_true': { name: 'orders_amount_positive', arguments: { expression: 'amount >= 0' }, config: { severity: 'error', where: "d > '{{ var(\"start_date\") }}'" } } },
      ctx(),
      loc,
    );
    assert.equal(t.name, 'orders_amount_positive');
    assert.equal(t.uniqueId, 'test.jaffle_shop.orders_amount_positive.d52792b5ab');
    assert.deepEqual(t.config, { severity: 'ERROR', where: "d > '2021-06-01'" });
    assert.deepEqual(t.kwargs, { expression: 'amount >= 0', model: model('orders') });
    const legacy = await buildGenericTest({ accepted_values: { values: ['placed', 'shipped'], severity: 'warn' } }, ctx({ columnName: 'status' }), loc);
    assert.equal(legacy.uniqueId, 'test.jaffle_shop.accepted_values_orders_status__placed__shipped.7de09bf3cd');
    assert.equal(legacy.config.severity, 'WARN');
    assert.equal(legacy.rawCode, '{{ test_accepted_values(**_dbt_generic_test_kwargs) }}{{ config(severity="warn") }}');
  });

  test('source tests and versioned models', async () => {
    const s = await buildGenericTest('unique', ctx({ target: { kind: 'source', name: 'orders', sourceName: 'jaffle' }, columnName: 'id', fileKeyName: 'sources.jaffle' }), loc);
    assert.equal(s.uniqueId, 'test.jaffle_shop.source_unique_jaffle_orders_id.db993b5c1c');
    assert.equal(s.kwargs.model, "{{ get_where_subquery(source('jaffle', 'orders')) }}");
    const v = await buildGenericTest('not_null', ctx({ target: { kind: 'model', name: 'dim', version: 2 }, columnName: 'id' }), loc);
    assert.equal(v.uniqueId, 'test.jaffle_shop.not_null_dim_v2_id.972d436685');
    assert.equal(v.attachedNode, 'model.jaffle_shop.dim.v2');
    assert.equal(v.kwargs.model, "{{ get_where_subquery(ref('dim', version='2')) }}");
    assert.equal(s.attachedNode, null);
  });

  test('bad entries are user errors at the entry', async () => {
    await assert.rejects(buildGenericTest({ unique: {}, not_null: {} }, ctx(), loc), (e: unknown) => e instanceof UserError && /exactly one key/.test(e.message) && e.location?.line === 3);
    await assert.rejects(buildGenericTest({ unique: { model: 'x' } }, ctx(), loc), /reserved argument/);
    await assert.rejects(
      buildGenericTest({ unique: { config: { severityy: 'warn' } } }, ctx(), loc),
      (e: unknown) => e instanceof UserError && /unknown config key 'severityy'.*Did you mean 'severity'\?/.test(e.message),
    );
  });
});
