// selectors.yml definitions (dbt's YAML selector syntax) resolved and evaluated on the fixture.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseSelection } from '../../src/graph/parse-selection.js';
import { selectNodes } from '../../src/graph/select-nodes.js';
import { defaultSelector, resolveSelector } from '../../src/graph/selectors-yaml.js';
import { selectionSpecFor } from '../../src/graph/selection-for-args.js';
import type { SelectorDefinition } from '../../src/project/manifest-types.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureGraph, namesOf } from './graph-fixture.js';

const { manifest, graph } = fixtureGraph();
const w = (s: string) => s.split(/\s+/).filter(Boolean).sort();

function load(text: string): Record<string, SelectorDefinition> {
  const doc = parse(text) as { selectors: SelectorDefinition[] };
  return Object.fromEntries(doc.selectors.map((s) => [s.name, s]));
}

const SELECTORS = load(`
selectors:
  - name: nightly_marts
    description: nightly models and their direct children, without dim_customers
    default: true
    definition:
      union:
        - method: tag
          value: nightly
          children: true
          children_depth: 1
        - exclude:
            - method: fqn
              value: dim_customers
  - name: staging_finance
    definition:
      intersection:
        - staging
        - tag:finance
  - name: cautious_customers
    definition:
      method: fqn
      value: customers
      indirect_selection: cautious
  - name: parents_of_rpt
    definition:
      method: fqn
      value: rpt_sales
      parents: true
      parents_depth: 1
  - name: at_orders
    definition: {method: fqn, value: orders, childrens_parents: true}
  - name: short_form
    definition:
      tag: pii
  - name: cli_string
    definition: "+stg_orders"
  - name: reuse
    definition:
      union:
        - method: selector
          value: staging_finance
        - source:raw.orders
  - name: with_exclude
    definition:
      method: tag
      value: staging
      exclude:
        - stg_payments
        - method: fqn
          value: stg_orders
  - name: nested
    definition:
      union:
        - intersection:
            - method: config.materialized
              value: table
            - method: path
              value: models/marts
        - exclude:
            - union: [dim_customers, customer_ltv]
`);

function run(name: string, mode: 'eager' | 'empty' = 'eager'): string[] {
  return namesOf(graph, selectNodes(manifest, graph, resolveSelector(name, SELECTORS), { indirectSelection: mode }).selected);
}

describe('selectors.yml', () => {
  const rows: [string, string][] = [
    ['nightly_marts', `stg_customers customers customers_snapshot customer_ltv cohorts weekly_dashboard
      unique_customers_customer_id relationships_orders_customer_id test_customer_names`],
    ['staging_finance', 'stg_payments accepted_values_stg_payments_method assert_payments_positive'],
    ['cautious_customers', 'customers unique_customers_customer_id test_customer_names'],
    ['parents_of_rpt', 'rpt_sales orders calendar unique_calendar_date relationships_orders_customer_id'],
    ['short_form', 'raw.customers source_not_null_raw_customers_id'],
    ['cli_string', 'stg_orders raw.orders not_null_stg_orders_order_id'],
    ['reuse', 'stg_payments accepted_values_stg_payments_method assert_payments_positive raw.orders'],
    ['with_exclude', 'stg_customers assert_dim_matches_staging'],
    ['nested', `customers unique_customers_customer_id relationships_orders_customer_id test_customer_names`],
  ];
  for (const [name, expected] of rows) {
    test(name, () => assert.deepEqual(run(name), w(expected)));
  }

  test('childrens_parents is the same as @ on the command line', () => {
    const cli = namesOf(graph, selectNodes(manifest, graph, parseSelection(['@orders'], [])).selected);
    assert.deepEqual(run('at_orders'), cli);
  });

  test('YAML set operators use eager incorporation, as dbt builds them', () => {
    const defs = {
      both: { name: 'both', definition: { union: [
        { method: 'fqn', value: 'customers', indirect_selection: 'cautious' },
        { method: 'fqn', value: 'orders', indirect_selection: 'cautious' },
      ] } },
    };
    const names = namesOf(graph, selectNodes(manifest, graph, resolveSelector('both', defs), { indirectSelection: 'cautious' }).selected);
    // On the command line (`-s "customers orders" --indirect-selection cautious`) the relationships test would join.
    assert.deepEqual(names, w('customers orders unique_customers_customer_id test_customer_names'));
  });

  test('a list of selectors works as well as a map', () => {
    assert.deepEqual(
      namesOf(graph, selectNodes(manifest, graph, resolveSelector('short_form', Object.values(SELECTORS))).selected),
      w('raw.customers source_not_null_raw_customers_id'),
    );
  });

  test('the default selector', () => {
    assert.equal(defaultSelector(SELECTORS), 'nightly_marts');
    assert.equal(defaultSelector({}), undefined);
    const two = { ...SELECTORS, other: { name: 'other', default: true, definition: 'x' } };
    assert.throws(() => defaultSelector(two), /multiple selectors with `default: true`: nightly_marts, other/);
  });
});

describe('choosing the spec from flags', () => {
  const names = (args: Parameters<typeof selectionSpecFor>[0]) =>
    namesOf(graph, selectNodes(manifest, graph, selectionSpecFor({ selectors: SELECTORS, ...args }).spec).selected);

  test('no flags: the default selector', () => {
    const r = selectionSpecFor({ selectors: SELECTORS });
    assert.equal(r.defaultSelectorUsed, 'nightly_marts');
    assert.deepEqual(names({}), run('nightly_marts'));
  });

  test('--select or --exclude replace the default selector; --selector wins over both', () => {
    assert.deepEqual(names({ select: ['short_form'] }), []);
    assert.deepEqual(names({ select: ['tag:pii'] }), w('raw.customers source_not_null_raw_customers_id'));
    assert.equal(names({ exclude: ['tag:pii'] }).includes('raw.customers'), false);
    assert.equal(names({ exclude: ['tag:pii'] }).includes('cohorts'), true);
    assert.deepEqual(names({ selector: 'short_form', select: ['orders'] }), w('raw.customers source_not_null_raw_customers_id'));
  });

  test('selector:name inside --select and --exclude (dbt 1.12), and as a YAML string', () => {
    assert.deepEqual(names({ select: ['selector:short_form orders'] }), w('raw.customers source_not_null_raw_customers_id orders relationships_orders_customer_id'));
    assert.deepEqual(names({ select: ['tag:staging'], exclude: ['selector:staging_finance'] }), w('stg_customers stg_orders not_null_stg_orders_order_id assert_dim_matches_staging'));
    const defs = { ...SELECTORS, alias: { name: 'alias', definition: 'selector:short_form' } };
    assert.deepEqual(namesOf(graph, selectNodes(manifest, graph, resolveSelector('alias', defs)).selected), w('raw.customers source_not_null_raw_customers_id'));
    assert.throws(() => selectionSpecFor({ select: ['+selector:short_form'] }), /takes no graph operators/);
    assert.throws(() => parseSelection(['selector:short_form'], []), /no selectors\.yml definitions were given/);
    assert.throws(() => selectionSpecFor({ select: ['selector:nope'], selectors: SELECTORS }), /Could not find selector named nope/);
  });

  test('without selectors.yml and flags: everything', () => {
    assert.equal(selectionSpecFor({}).defaultSelectorUsed, undefined);
    assert.equal(namesOf(graph, selectNodes(manifest, graph, selectionSpecFor({}).spec).selected).length, graph.size);
  });

  test('YAML depth 0 means no limit (dbt reads every falsy depth as none)', () => {
    const defs = { d: { name: 'd', definition: { method: 'fqn', value: 'rpt_sales', parents: true, parents_depth: 0 } } };
    assert.equal(namesOf(graph, selectNodes(manifest, graph, resolveSelector('d', defs), { indirectSelection: 'empty' }).selected).length, 8);
  });
});

describe('selectors.yml errors', () => {
  function err(defs: Record<string, SelectorDefinition>, name: string): UserError {
    try {
      resolveSelector(name, defs);
    } catch (e) {
      assert.ok(e instanceof UserError, String(e));
      return e;
    }
    assert.fail('expected a UserError');
  }
  const one = (definition: unknown) => ({ s: { name: 's', definition } });

  test('an unknown selector name suggests the closest', () => {
    const e = err(SELECTORS, 'nightly_mart');
    assert.match(e.message, /Could not find selector named nightly_mart/);
    assert.match(e.hint!, /Did you mean 'nightly_marts'\?/);
  });

  test('selectors that include each other', () => {
    const defs = {
      a: { name: 'a', definition: { union: [{ method: 'selector', value: 'b' }] } },
      b: { name: 'b', definition: { method: 'selector', value: 'a' } },
    };
    assert.match(err(defs, 'a').message, /cycle: a --> b --> a/);
  });

  test('malformed definitions', () => {
    assert.match(err(one({ union: ['a'], description: 'x' }), 's').message, /Only a single 'union' or 'intersection' key/);
    assert.match(err(one({ union: [{ exclude: ['a'] }, { exclude: ['b'] }] }), 's').message, /multiple exclude arguments/);
    assert.match(err(one({ union: 'a' }), 's').message, /Expected a list/);
    assert.match(err(one({ method: 'tag' }), 's').message, /Expected either 1 key or else "method" and "value"/);
    const typo = err(one({ method: 'tag', value: 'x', childrens_parent: true }), 's');
    assert.match(typo.message, /Unknown key 'childrens_parent'.*Did you mean 'childrens_parents'/);
    assert.equal(typo.location?.file, 'selectors.yml');
    assert.match(err(one({ tagg: 'x' }), 's').hint!, /Did you mean 'tag'/);
    assert.match(err(one({ method: 'tag', value: 'x', indirect_selection: 'carefull' }), 's').hint!, /cautious/);
  });
});
