// Conformance table: selector → the names dbt would select on the fixture (default eager indirect selection).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseSelection } from '../../src/graph/parse-selection.js';
import { selectNodes } from '../../src/graph/select-nodes.js';
import { fixtureGraph, namesOf } from './graph-fixture.js';

const { manifest, graph } = fixtureGraph();

function select(sel: string[], exclude: string[] = [], resourceTypes?: string[]): { names: string[]; warnings: string[] } {
  const r = selectNodes(manifest, graph, parseSelection(sel, exclude), { resourceTypes });
  return { names: namesOf(graph, r.selected), warnings: r.warnings };
}

const w = (s: string) => s.split(/\s+/).filter(Boolean).sort();

// Tests attached to a selected node come along (eager); the names below include them.
const CUSTOMERS_TESTS = 'relationships_orders_customer_id test_customer_names unique_customers_customer_id';
const STAGING_TESTS = 'accepted_values_stg_payments_method assert_payments_positive not_null_stg_orders_order_id';
const ALL_ENABLED = w(`accepted_values_stg_payments_method assert_dim_matches_staging assert_payments_positive calendar cohorts
  country_codes customer_ltv customers customers_snapshot dim_customers.v1 dim_customers.v2 int_order_payments
  not_null_stg_orders_order_id orders raw.customers raw.orders relationships_orders_customer_id rpt_sales
  source_not_null_raw_customers_id stg_customers stg_orders stg_payments stripe.payments test_customer_names
  unique_calendar_date unique_customers_customer_id weekly_dashboard`);

const TABLE: [string, string][] = [
  // fqn (default method): name, folder, package-qualified, wildcards, versions
  ['stg_customers', 'stg_customers assert_dim_matches_staging'],
  ['fqn:stg_customers', 'stg_customers assert_dim_matches_staging'],
  // fnmatch runs over the dotted fqn from the first wildcard on, so a bare `stg_*` does not reach into folders.
  ['*.stg_?ayments', 'stg_payments accepted_values_stg_payments_method assert_payments_positive'],
  ['staging', `assert_dim_matches_staging stg_customers stg_orders stg_payments source_not_null_raw_customers_id ${STAGING_TESTS}`],
  ['shop.staging.*', `assert_dim_matches_staging stg_customers stg_orders stg_payments source_not_null_raw_customers_id ${STAGING_TESTS}`],
  ['staging.stripe', 'stg_payments accepted_values_stg_payments_method assert_payments_positive'],
  ['shop.marts.customers', `customers ${CUSTOMERS_TESTS}`],
  ['marts.dim_*', 'dim_customers.v1 dim_customers.v2 assert_dim_matches_staging'],
  ['*stg_[co]*', `stg_customers stg_orders not_null_stg_orders_order_id assert_dim_matches_staging`],
  ['dim_customers', 'dim_customers.v1 dim_customers.v2 assert_dim_matches_staging'],
  ['dim_customers.v2', 'dim_customers.v2'],
  ['dim_customers_v1', 'dim_customers.v1 assert_dim_matches_staging'],
  ['utils', 'calendar unique_calendar_date'],
  ['weekly_dashboard', 'weekly_dashboard'],
  ['marts.customers.test_customer_names', 'test_customer_names'],
  ['utils.calendar', 'calendar unique_calendar_date'],
  // graph operators
  ['+customers', `assert_dim_matches_staging customers stg_customers int_order_payments country_codes stg_orders stg_payments raw.customers raw.orders
    stripe.payments source_not_null_raw_customers_id ${STAGING_TESTS} ${CUSTOMERS_TESTS}`],
  ['1+customers', `assert_dim_matches_staging customers stg_customers int_order_payments country_codes ${CUSTOMERS_TESTS}`],
  ['customers+', `customers cohorts customer_ltv dim_customers.v1 dim_customers.v2 weekly_dashboard assert_dim_matches_staging ${CUSTOMERS_TESTS}`],
  ['orders+1', 'orders rpt_sales relationships_orders_customer_id'],
  ['orders+', 'orders rpt_sales weekly_dashboard relationships_orders_customer_id'],
  ['2+rpt_sales', 'rpt_sales orders calendar int_order_payments unique_calendar_date relationships_orders_customer_id'],
  ['1+rpt_sales+1', 'rpt_sales orders calendar weekly_dashboard unique_calendar_date relationships_orders_customer_id'],
  ['@stg_orders', `${ALL_ENABLED.filter((n) => !['customers_snapshot'].includes(n)).join(' ')}`],
  ['@orders', `assert_dim_matches_staging orders rpt_sales weekly_dashboard int_order_payments stg_orders stg_payments raw.orders stripe.payments calendar
    customers stg_customers country_codes raw.customers unique_calendar_date source_not_null_raw_customers_id ${STAGING_TESTS} ${CUSTOMERS_TESTS}`],
  // tag, path, file, package
  ['tag:nightly', `assert_dim_matches_staging customers stg_customers ${CUSTOMERS_TESTS}`],
  ['tag:fin*', 'rpt_sales stg_payments accepted_values_stg_payments_method assert_payments_positive'],
  ['tag:pii', 'raw.customers source_not_null_raw_customers_id'],
  ['tag:bi', 'weekly_dashboard'],
  ['models/staging', `assert_dim_matches_staging stg_customers stg_orders stg_payments raw.customers raw.orders stripe.payments source_not_null_raw_customers_id ${STAGING_TESTS}`],
  ['path:models/staging/stripe', 'stg_payments stripe.payments accepted_values_stg_payments_method assert_payments_positive'],
  ['models/staging/stripe/', 'stg_payments stripe.payments accepted_values_stg_payments_method assert_payments_positive'],
  ['./models/marts/customers.sql', `customers ${CUSTOMERS_TESTS}`],
  ['path:models/staging/schema.yml', 'assert_dim_matches_staging stg_customers not_null_stg_orders_order_id'],
  ['path:models/*/stripe', 'stg_payments stripe.payments accepted_values_stg_payments_method assert_payments_positive'],
  ['path:snapshots', 'customers_snapshot'],
  ['file:customers.sql', `customers ${CUSTOMERS_TESTS}`],
  ['file:customer_ltv', 'customer_ltv'],
  ['customer_ltv.py', 'customer_ltv'],
  ['file:*.csv', 'country_codes'],
  ['package:utils', 'calendar unique_calendar_date'],
  ['package:this', ALL_ENABLED.filter((n) => !['calendar', 'unique_calendar_date'].includes(n)).join(' ')],
  // config
  ['config.materialized:table', `customers customer_ltv dim_customers.v1 dim_customers.v2 assert_dim_matches_staging ${CUSTOMERS_TESTS}`],
  ['config.materialized:ephemeral', 'int_order_payments'],
  ['config.meta.owner:growth', `customers ${CUSTOMERS_TESTS}`],
  ['config.meta.owner:data-science', 'customer_ltv'],
  ['config.severity:WARN', 'accepted_values_stg_payments_method'],
  ['config.tags:finance', 'rpt_sales stg_payments accepted_values_stg_payments_method assert_payments_positive'],
  ['config.contract.enforced:true', `customers dim_customers.v1 assert_dim_matches_staging ${CUSTOMERS_TESTS}`],
  // resource_type, test_type, test_name
  ['resource_type:seed', 'country_codes'],
  ['resource_type:snapshot', 'customers_snapshot'],
  ['resource_type:analysis', 'cohorts'],
  ['resource_type:source', 'raw.customers raw.orders stripe.payments source_not_null_raw_customers_id'],
  ['resource_type:exposure', 'weekly_dashboard'],
  ['resource_type:unit_test', 'test_customer_names'],
  ['test_type:generic', `accepted_values_stg_payments_method not_null_stg_orders_order_id relationships_orders_customer_id
    source_not_null_raw_customers_id unique_calendar_date unique_customers_customer_id`],
  ['test_type:schema', `accepted_values_stg_payments_method not_null_stg_orders_order_id relationships_orders_customer_id
    source_not_null_raw_customers_id unique_calendar_date unique_customers_customer_id`],
  ['test_type:singular', 'assert_payments_positive assert_dim_matches_staging'],
  ['test_type:unit', 'test_customer_names'],
  ['test_type:data', `accepted_values_stg_payments_method not_null_stg_orders_order_id relationships_orders_customer_id
    source_not_null_raw_customers_id unique_calendar_date unique_customers_customer_id assert_payments_positive assert_dim_matches_staging`],
  ['test_name:not_null', 'not_null_stg_orders_order_id source_not_null_raw_customers_id'],
  ['test_name:unique', 'unique_calendar_date unique_customers_customer_id'],
  ['test_name:test_customer_names', 'test_customer_names'],
  // source, exposure, unit_test
  ['source:raw', 'raw.customers raw.orders source_not_null_raw_customers_id'],
  ['source:raw.orders', 'raw.orders'],
  ['source:shop.stripe.*', 'stripe.payments'],
  ['source:*.customers', 'raw.customers source_not_null_raw_customers_id'],
  ['source:raw.orders+', `raw.orders stg_orders int_order_payments customers orders dim_customers.v1 dim_customers.v2 customer_ltv
    cohorts rpt_sales weekly_dashboard not_null_stg_orders_order_id assert_dim_matches_staging ${CUSTOMERS_TESTS}`],
  ['exposure:weekly_dashboard', 'weekly_dashboard'],
  ['exposure:shop.weekly_*', 'weekly_dashboard'],
  ['unit_test:test_customer_names', 'test_customer_names'],
  ['unit_test:shop.test_customer_names', 'test_customer_names'],
  ['unit_test:*', 'test_customer_names'],
  // version, access, group
  ['version:latest', 'dim_customers.v1 assert_dim_matches_staging'],
  ['version:prerelease', 'dim_customers.v2'],
  ['access:private', 'rpt_sales'],
  ['access:public', `customers ${CUSTOMERS_TESTS}`],
  ['group:marketing', `customers ${CUSTOMERS_TESTS}`],
  ['group:fin*', 'orders relationships_orders_customer_id'],
  // union, intersection
  ['stg_orders stg_payments', `stg_orders stg_payments ${STAGING_TESTS}`],
  ['staging,tag:finance', 'stg_payments accepted_values_stg_payments_method assert_payments_positive'],
  ['tag:staging,tag:nightly', 'stg_customers assert_dim_matches_staging'],
  ['+customers,resource_type:source', 'raw.customers raw.orders stripe.payments source_not_null_raw_customers_id'],
  // Intersections work on the expanded sets: the test on stg_customers and dim_customers.v1 is in both.
  ['tag:nightly,config.materialized:table orders', `assert_dim_matches_staging customers orders ${CUSTOMERS_TESTS}`],
];

describe('selection: conformance table', () => {
  for (const [selector, expected] of TABLE) {
    test(selector, () => {
      const r = select([selector]);
      assert.deepEqual(r.names, w(expected));
      assert.deepEqual(r.warnings, []);
    });
  }

  test('several --select arguments are a union', () => {
    assert.deepEqual(select(['stg_orders', 'stg_payments']).names, select(['stg_orders stg_payments']).names);
  });

  test('no --select selects every enabled node, without warnings', () => {
    const r = select([]);
    assert.deepEqual(r.names, ALL_ENABLED);
    assert.deepEqual(r.warnings, []);
  });
});

describe('selection: --exclude', () => {
  test('subtracts, with graph operators and tests of excluded nodes', () => {
    assert.deepEqual(select(['tag:staging'], ['stg_payments']).names, w('assert_dim_matches_staging stg_customers stg_orders not_null_stg_orders_order_id'));
    assert.deepEqual(select(['orders+'], ['rpt_sales+']).names, w('orders relationships_orders_customer_id'));
    // Excluding customers excludes the relationships test too, although orders is still selected (eager exclusion).
    assert.deepEqual(select(['customers orders'], ['customers']).names, w('orders'));
    assert.deepEqual(select([], ['resource_type:test', 'resource_type:unit_test', 'resource_type:source', 'package:utils', 'marts', 'staging']).names,
      w('cohorts country_codes customers_snapshot int_order_payments rpt_sales weekly_dashboard'));
  });
});

describe('selection: resource types and disabled nodes', () => {
  test('--resource-type keeps only the given types', () => {
    assert.deepEqual(select(['+customers'], [], ['model']).names, w('customers stg_customers stg_orders stg_payments int_order_payments'));
    assert.deepEqual(select(['+customers'], [], ['source', 'seed']).names, w('raw.customers raw.orders stripe.payments country_codes'));
    assert.deepEqual(select(['customers'], [], ['all']).names, w(`customers ${CUSTOMERS_TESTS}`));
    const r = selectNodes(manifest, graph, parseSelection(['customers'], []), { excludeResourceTypes: ['test', 'unit_test'] });
    assert.deepEqual(namesOf(graph, r.selected), ['customers']);
  });

  test('a disabled node is never selected, and warns when named', () => {
    const r = select(['legacy']);
    assert.deepEqual(r.names, []);
    assert.deepEqual(r.warnings, ["The selection criterion 'legacy' does not match any enabled nodes"]);
    assert.ok(!select(['stg_orders+']).names.includes('legacy'));
    assert.ok(!select(['tag:nightly']).names.includes('legacy'));
    assert.deepEqual(select(['config.enabled:false']).names, []);
  });

  test('a bare wildcard name does not reach into folders (as in dbt)', () => {
    assert.deepEqual(select(['stg_*']).warnings, ["The selection criterion 'stg_*' does not match any enabled nodes"]);
  });

  test('each criterion that matches nothing gets its own warning; others still select', () => {
    const r = select(['nothing_here customers', 'semantic_model:x', 'version:old']);
    assert.deepEqual(r.names, w(`customers ${CUSTOMERS_TESTS}`));
    assert.deepEqual(r.warnings, [
      "The selection criterion 'nothing_here' does not match any enabled nodes",
      "The selection criterion 'semantic_model:x' does not match any enabled nodes",
      "The selection criterion 'version:old' does not match any enabled nodes",
    ]);
    assert.deepEqual(select(['tag:staging,tag:pii']).warnings, ["The selection criterion 'tag:staging,tag:pii' does not match any enabled nodes"]);
  });
});
