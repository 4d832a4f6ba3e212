// Indirect selection of tests: eager, cautious, buildable, empty (dbt's expand_selection).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseSelection } from '../../src/graph/parse-selection.js';
import { selectNodes } from '../../src/graph/select-nodes.js';
import type { IndirectSelection } from '../../src/graph/selection-spec.js';
import { fixtureGraph, namesOf } from './graph-fixture.js';

const { manifest, graph } = fixtureGraph();
const w = (s: string) => s.split(/\s+/).filter(Boolean).sort();

function select(sel: string[], mode: IndirectSelection, exclude: string[] = []): string[] {
  return namesOf(graph, selectNodes(manifest, graph, parseSelection(sel, exclude), { indirectSelection: mode }).selected);
}

// assert_dim_matches_staging tests dim_customers.v1 and stg_customers (an ancestor of dim_customers.v1);
// relationships_orders_customer_id tests customers and orders (neither an ancestor of the other).
const TABLE: [string[], IndirectSelection, string][] = [
  [['dim_customers.v1'], 'eager', 'dim_customers.v1 assert_dim_matches_staging'],
  [['dim_customers.v1'], 'cautious', 'dim_customers.v1'],
  [['dim_customers.v1'], 'buildable', 'dim_customers.v1 assert_dim_matches_staging'],
  [['dim_customers.v1'], 'empty', 'dim_customers.v1'],
  [['customers'], 'eager', 'customers unique_customers_customer_id relationships_orders_customer_id test_customer_names'],
  [['customers'], 'cautious', 'customers unique_customers_customer_id test_customer_names'],
  [['customers'], 'buildable', 'customers unique_customers_customer_id test_customer_names'],
  [['customers'], 'empty', 'customers'],
  // A union brings in both parents, so cautious admits the two-parent test after combining.
  [['customers orders'], 'cautious', 'customers orders unique_customers_customer_id relationships_orders_customer_id test_customer_names'],
  [['customers', 'orders'], 'buildable', 'customers orders unique_customers_customer_id relationships_orders_customer_id test_customer_names'],
  [['customers orders'], 'empty', 'customers orders'],
  // Tests selected directly are kept whatever the mode.
  [['test_type:singular'], 'empty', 'assert_payments_positive assert_dim_matches_staging'],
  [['stg_customers'], 'cautious', 'stg_customers'],
  [['stg_customers'], 'eager', 'stg_customers assert_dim_matches_staging'],
];

describe('indirect selection', () => {
  for (const [sel, mode, expected] of TABLE) {
    test(`${sel.join(' | ')} (${mode})`, () => assert.deepEqual(select(sel, mode), w(expected)));
  }

  test('exclusion is always eager: excluding a parent removes every test on it', () => {
    assert.deepEqual(select(['customers orders'], 'cautious', ['orders']), w('customers unique_customers_customer_id test_customer_names'));
    assert.deepEqual(select(['customers'], 'empty', ['stg_customers']), w('customers'));
    assert.deepEqual(select(['test_type:singular'], 'eager', ['stg_customers']), w('assert_payments_positive'));
  });
});
