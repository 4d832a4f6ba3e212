// state:, result: and source_status: against a modified copy of the fixture and fake artifacts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Graph } from '../../src/graph/graph.js';
import { parseSelection } from '../../src/graph/parse-selection.js';
import { selectNodes } from '../../src/graph/select-nodes.js';
import type { SelectOptions } from '../../src/graph/select-nodes.js';
import { UserError } from '../../src/util/errors.js';
import { ID, currentManifest, namesOf, stateManifest } from './graph-fixture.js';

const manifest = currentManifest();
const graph = Graph.fromManifest(manifest);
const w = (s: string) => s.split(/\s+/).filter(Boolean).sort();

function select(sel: string, opts: SelectOptions): string[] {
  return namesOf(graph, selectNodes(manifest, graph, parseSelection([sel], []), opts).selected);
}

describe('state:', () => {
  const state = stateManifest();
  // Without indirect selection, so each row shows exactly what the comparison picks.
  const rows: [string, string][] = [
    ['state:new', 'new_model'],
    ['state:modified.body', 'stg_orders new_model'],
    // tags, schema and alias are not "configs" (tags are labels; schema/alias are the relation).
    ['state:modified.configs', 'orders accepted_values_stg_payments_method new_model'],
    ['state:modified.relation', 'stg_customers new_model'],
    ['state:modified.persisted_descriptions', 'customers new_model'],
    ['state:modified.contract', 'dim_customers.v1 new_model'],
    // round_it changed; stg_payments calls cents_to_dollars, which calls round_it.
    ['state:modified.macros', 'stg_payments'],
    ['state:modified', 'stg_orders orders accepted_values_stg_payments_method stg_customers customers dim_customers.v1 stg_payments new_model'],
    ['state:unmodified', `assert_dim_matches_staging assert_payments_positive calendar cohorts country_codes customer_ltv
      customers_snapshot dim_customers.v2 int_order_payments not_null_stg_orders_order_id raw.customers raw.orders
      relationships_orders_customer_id rpt_sales source_not_null_raw_customers_id stripe.payments test_customer_names
      unique_calendar_date unique_customers_customer_id weekly_dashboard`],
    ['state:modified.body+1', 'stg_orders new_model int_order_payments not_null_stg_orders_order_id'],
  ];
  for (const [sel, expected] of rows) {
    test(sel, () => assert.deepEqual(select(sel, { state, indirectSelection: 'empty' }), w(expected)));
  }

  test('state:old is everything that was there before', () => {
    const old = select('state:old', { state, indirectSelection: 'empty' });
    assert.ok(!old.includes('new_model'));
    assert.equal(old.length, graph.size - 1);
  });

  test('eager selection brings the tests of modified nodes', () => {
    const names = select('state:modified', { state });
    for (const t of ['not_null_stg_orders_order_id', 'unique_customers_customer_id', 'relationships_orders_customer_id', 'assert_dim_matches_staging', 'test_customer_names']) {
      assert.ok(names.includes(t), t);
    }
  });

  test('nothing is modified against itself', () => {
    assert.deepEqual(select('state:modified', { state: currentManifest() }), []);
  });

  test('a removed macro counts as modified for its callers', () => {
    const s2 = currentManifest();
    const m2 = currentManifest();
    delete m2.macros['macro.shop.round_it'];
    m2.macros['macro.shop.cents_to_dollars']!.depends_on.macros = ['macro.shop.round_it'];
    const g2 = Graph.fromManifest(m2);
    const r = selectNodes(m2, g2, parseSelection(['state:modified.macros'], []), { state: s2, indirectSelection: 'empty' });
    assert.deepEqual([...r.selected], [ID.stgPayments]);
  });

  test('a changed source relation and freshness', () => {
    const s2 = currentManifest();
    s2.sources[ID.rawOrders]!.schema = 'raw_v0';
    s2.sources[ID.stripePayments]!.freshness = { warn_after: { count: 1, period: 'day' }, error_after: null, filter: null };
    assert.deepEqual(select('state:modified', { state: s2, indirectSelection: 'empty' }), ['raw.orders', 'stripe.payments']);
    assert.deepEqual(select('state:modified.relation', { state: s2, indirectSelection: 'empty' }), ['raw.orders']);
    assert.deepEqual(select('state:modified.body', { state: s2, indirectSelection: 'empty' }), []);
  });

  test('a seed is modified when its file checksum changes', () => {
    const s2 = currentManifest();
    s2.nodes[ID.countryCodes]!.checksum = { name: 'sha256', checksum: 'old' };
    assert.deepEqual(select('state:modified.body', { state: s2, indirectSelection: 'empty' }), ['country_codes']);
  });

  test('what counts as a change, per resource (as dbt-core compares them)', () => {
    const mod = (edit: (m: ReturnType<typeof currentManifest>) => void) => {
      const s2 = currentManifest();
      edit(s2);
      return select('state:modified', { state: s2, indirectSelection: 'empty' });
    };
    // A generic test compares config and fqn only; a singular test its SQL too.
    assert.deepEqual(mod((m) => void (m.nodes[ID.uniqueCustomers]!.raw_code = 'old')), []);
    assert.deepEqual(mod((m) => void (m.nodes[ID.singular]!.raw_code = 'old')), ['assert_payments_positive']);
    // Model ref representation: access, latest_version, deprecation_date.
    assert.deepEqual(mod((m) => void (m.nodes[ID.orders]!.access = 'public')), ['orders']);
    assert.deepEqual(mod((m) => void (m.nodes[ID.dimV2]!.latest_version = 2)), ['dim_customers.v2']);
    // Unit tests: their definition, not their description.
    assert.deepEqual(mod((m) => void (m.unit_tests[ID.unitTest]!.description = 'old')), []);
    assert.deepEqual(mod((m) => void (m.unit_tests[ID.unitTest]!.given = [])), ['test_customer_names']);
    // Exposures: description and dependencies count, tags do not.
    assert.deepEqual(mod((m) => void (m.exposures[ID.exposure]!.description = 'old')), ['weekly_dashboard']);
    assert.deepEqual(mod((m) => void (m.exposures[ID.exposure]!.depends_on.nodes = [ID.customers])), ['weekly_dashboard']);
    assert.deepEqual(mod((m) => void (m.exposures[ID.exposure]!.tags = [])), []);
    // Sources: tags and descriptions are not changes.
    assert.deepEqual(mod((m) => void (m.sources[ID.rawOrders]!.description = 'old')), []);
  });

  test('breaking contract changes: a warning for unversioned models, an error for versioned ones', () => {
    const withColumns = () => {
      const m = currentManifest();
      m.nodes[ID.customers]!.columns = { id: { name: 'id', description: '', meta: {}, data_type: 'integer', constraints: [], quote: null, tags: [] } };
      m.nodes[ID.dimV1]!.columns = { id: { name: 'id', description: '', meta: {}, data_type: 'integer', constraints: [], quote: null, tags: [] } };
      return m;
    };
    const s2 = withColumns();
    s2.nodes[ID.customers]!.columns.email = { name: 'email', description: '', meta: {}, data_type: 'text', constraints: [], quote: null, tags: [] };
    s2.nodes[ID.customers]!.contract.checksum = 'contract-0';
    const cur = withColumns();
    const g = Graph.fromManifest(cur);
    const r = selectNodes(cur, g, parseSelection(['state:modified.contract'], []), { state: s2, indirectSelection: 'empty' });
    assert.deepEqual(namesOf(g, r.selected), ['customers']);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0]!, /Breaking change to the contract of unversioned model customers[\s\S]*Columns were removed: email/);
    // Not reported by state:new, which does not look at contracts.
    assert.deepEqual(selectNodes(cur, g, parseSelection(['state:new'], []), { state: s2 }).warnings, [
      "The selection criterion 'state:new' does not match any enabled nodes",
    ]);

    const s3 = withColumns();
    s3.nodes[ID.dimV1]!.columns.id!.data_type = 'bigint';
    s3.nodes[ID.dimV1]!.contract.checksum = 'dim-0';
    assert.throws(
      () => selectNodes(cur, g, parseSelection(['state:modified'], []), { state: s3 }),
      (e: unknown) => e instanceof UserError && /breaking change to the enforced contract of model\.shop\.dim_customers\.v1/.test(e.message) && /id \(bigint -> integer\)/.test(e.message) && /new model version/.test(e.hint!),
    );
  });

  test('deleting a contracted model is reported, though it cannot be selected', () => {
    const s2 = currentManifest();
    const gone = structuredClone(s2.nodes[ID.customers]!);
    gone.unique_id = 'model.shop.old_customers';
    gone.name = 'old_customers';
    s2.nodes[gone.unique_id] = gone;
    const r = selectNodes(manifest, graph, parseSelection(['state:modified'], []), { state: s2, indirectSelection: 'empty' });
    assert.ok(r.warnings.some((w) => /Contracted model 'model\.shop\.old_customers' was deleted or renamed/.test(w)));
    gone.deprecation_date = '2000-01-01';
    const past = selectNodes(manifest, graph, parseSelection(['state:modified'], []), { state: s2, indirectSelection: 'empty' });
    assert.deepEqual(past.warnings, ["The selection criterion 'state:modified' does not match any enabled nodes"]);
  });

  test('without a state manifest, or with an unknown kind, it is a UserError', () => {
    assert.throws(() => select('state:modified', {}), (e: unknown) => e instanceof UserError && /no comparison manifest/.test(e.message) && /--state/.test(e.hint!));
    assert.throws(() => select('state:modifed', { state }), (e: unknown) => e instanceof UserError && /Did you mean 'modified'/.test(e.hint!));
  });
});

describe('result:', () => {
  const previousResults = {
    results: [
      { unique_id: ID.stgOrders, status: 'success' },
      { unique_id: ID.customers, status: 'error' },
      { unique_id: ID.uniqueCustomers, status: 'fail' },
      { unique_id: ID.acceptedValues, status: 'warn' },
      { unique_id: ID.orders, status: 'skipped' },
      { unique_id: ID.notNullOrders, status: 'pass' },
    ],
  };
  const rows: [string, string][] = [
    ['result:error', 'customers'],
    ['result:fail', 'unique_customers_customer_id'],
    ['result:warn', 'accepted_values_stg_payments_method'],
    ['result:skipped', 'orders'],
    ['result:pass', 'not_null_stg_orders_order_id'],
    ['result:success', 'stg_orders'],
    ['result:error+', 'customers cohorts customer_ltv dim_customers.v1 dim_customers.v2 new_model weekly_dashboard relationships_orders_customer_id unique_customers_customer_id test_customer_names assert_dim_matches_staging'],
  ];
  for (const [sel, expected] of rows) {
    test(sel, () => assert.deepEqual(select(sel, { previousResults, indirectSelection: 'empty' }), w(expected)));
  }

  test('result:error with eager selection adds the tests of the errored model', () => {
    assert.deepEqual(select('result:error', { previousResults }), w('customers relationships_orders_customer_id unique_customers_customer_id test_customer_names'));
  });

  test('without run results it is a UserError', () => {
    assert.throws(() => select('result:fail', {}), /needs the results of a previous run/);
  });
});

describe('source_status:', () => {
  const sources = {
    previous: {
      results: [
        { unique_id: ID.rawCustomers, max_loaded_at: '2026-01-01T00:00:00Z', status: 'pass' },
        { unique_id: ID.rawOrders, max_loaded_at: '2026-01-02T00:00:00Z', status: 'pass' },
        { unique_id: ID.stripePayments, status: 'runtime error' },
      ],
    },
    current: {
      results: [
        { unique_id: ID.rawCustomers, max_loaded_at: '2026-01-03T00:00:00Z', status: 'pass' },
        { unique_id: ID.rawOrders, max_loaded_at: '2026-01-02T00:00:00Z', status: 'pass' },
        { unique_id: ID.stripePayments, max_loaded_at: '2026-01-05T00:00:00Z', status: 'pass' },
      ],
    },
  };

  test('fresher: loaded later than before, or errored before (as dbt-core behaves)', () => {
    assert.deepEqual(select('source_status:fresher', { sources, indirectSelection: 'empty' }), ['raw.customers', 'stripe.payments']);
    const failingNow = { previous: sources.previous, current: { results: [{ unique_id: ID.rawCustomers, status: 'runtime error' }] } };
    assert.deepEqual(select('source_status:fresher', { sources: failingNow, indirectSelection: 'empty' }), []);
    assert.deepEqual(select('source_status:fresher+1', { sources, indirectSelection: 'empty' }), ['raw.customers', 'source_not_null_raw_customers_id', 'stg_customers', 'stg_payments', 'stripe.payments']);
  });

  test('a source with no earlier result counts as fresher', () => {
    const s = { previous: { results: sources.previous.results.slice(0, 1) }, current: sources.current };
    assert.deepEqual(select('source_status:fresher', { sources: s, indirectSelection: 'empty' }), ['raw.customers', 'raw.orders', 'stripe.payments']);
  });

  test('missing sources.json or another status is a UserError', () => {
    assert.throws(() => select('source_status:fresher', {}), /needs sources\.json/);
    assert.throws(() => select('source_status:staler', { sources }), /Invalid source_status/);
  });
});
