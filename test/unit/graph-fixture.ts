// A small two-package project as a Manifest, for the graph and selector tests:
//
//   sources raw.customers, raw.orders, stripe.payments   seed country_codes
//   staging: stg_customers, stg_orders, stripe/stg_payments → int_order_payments (ephemeral)
//   marts: customers, orders, dim_customers v1/v2, customer_ltv (python) → reports/rpt_sales (+ utils.calendar)
//   snapshot customers_snapshot, analysis cohorts, generic/singular tests (one with two parents),
//   a unit test, an exposure, a disabled model, macros with a nested macro dependency.
// Test helpers at the bottom turn selections into sorted search names.
import { Graph } from '../../src/graph/graph.js';
import { searchName } from '../../src/graph/format-list.js';
import type {
  Exposure,
  Macro,
  Manifest,
  ManifestNode,
  NodeConfig,
  SourceDefinition,
  UnitTestDefinition,
} from '../../src/project/manifest-types.js';

type NodeInput = Partial<Omit<ManifestNode, 'config'>> & {
  resource_type: ManifestNode['resource_type'];
  name: string;
  original_file_path: string;
  config?: Partial<NodeConfig>;
  deps?: string[];
  macros?: string[];
};

function config(c: Partial<NodeConfig> = {}): NodeConfig {
  return {
    enabled: true,
    materialized: 'view',
    tags: [],
    meta: {},
    persist_docs: {},
    quoting: {},
    column_types: {},
    contract: { enforced: false },
    docs: { show: true },
    'pre-hook': [],
    'post-hook': [],
    ...c,
  };
}

function node(n: NodeInput): ManifestNode {
  const pkg = n.package_name ?? 'shop';
  const folder = n.original_file_path.split('/')[0]!;
  const path = n.original_file_path.slice(folder.length + 1);
  const dirs = path.split('/').slice(0, -1);
  const version = n.version ?? null;
  const uid = n.unique_id ?? `${n.resource_type}.${pkg}.${n.name}${version !== null ? `.v${version}` : ''}`;
  const cfg = config(n.config);
  const tags = cfg.tags;
  return {
    unique_id: uid,
    resource_type: n.resource_type,
    package_name: pkg,
    name: n.name,
    path,
    original_file_path: n.original_file_path,
    fqn: n.fqn ?? [pkg, ...dirs, n.name, ...(version !== null ? [`v${version}`] : [])],
    alias: n.name,
    schema: 'main',
    database: 'db',
    relation_name: `"db"."main"."${n.name}"`,
    checksum: { name: 'sha256', checksum: `sum-${uid}` },
    config: cfg,
    unrendered_config: n.unrendered_config ?? {},
    tags,
    description: n.description ?? '',
    columns: n.columns ?? {},
    meta: cfg.meta,
    docs: { show: true },
    patch_path: n.patch_path ?? null,
    build_path: null,
    raw_code: n.raw_code ?? `select * from somewhere -- ${uid}`,
    language: n.language ?? 'sql',
    refs: [],
    sources: [],
    metrics: [],
    depends_on: { nodes: n.deps ?? [], macros: n.macros ?? [] },
    compiled_path: null,
    contract: n.contract ?? { enforced: false, alias_types: true, checksum: null },
    constraints: [],
    access: n.access,
    version,
    latest_version: n.latest_version ?? null,
    group: n.group ?? null,
    created_at: 0,
    test_metadata: n.test_metadata,
    column_name: n.column_name ?? null,
    attached_node: n.attached_node ?? null,
  };
}

function source(sourceName: string, name: string, extra: Partial<SourceDefinition> = {}): SourceDefinition {
  return {
    unique_id: `source.shop.${sourceName}.${name}`,
    resource_type: 'source',
    package_name: 'shop',
    name,
    source_name: sourceName,
    source_description: '',
    identifier: name,
    database: 'db',
    schema: sourceName,
    relation_name: `"db"."${sourceName}"."${name}"`,
    loader: '',
    loaded_at_field: null,
    freshness: null,
    path: 'models/staging/sources.yml',
    original_file_path: 'models/staging/sources.yml',
    fqn: ['shop', 'staging', sourceName, name],
    description: '',
    columns: {},
    meta: {},
    source_meta: {},
    tags: [],
    config: { enabled: true },
    quoting: {},
    external: null,
    patch_path: null,
    unrendered_config: {},
    created_at: 0,
    ...extra,
  };
}

function macro(name: string, sql: string, deps: string[] = []): Macro {
  return {
    unique_id: `macro.shop.${name}`,
    resource_type: 'macro',
    package_name: 'shop',
    name,
    path: `macros/${name}.sql`,
    original_file_path: `macros/${name}.sql`,
    macro_sql: sql,
    depends_on: { macros: deps },
    description: '',
    meta: {},
    docs: { show: true },
    patch_path: null,
    arguments: [],
    created_at: 0,
    supported_languages: null,
  };
}

const generic = (name: string, kwargs: Record<string, unknown> = {}) => ({ name, kwargs, namespace: null });

export const ID = {
  rawCustomers: 'source.shop.raw.customers',
  rawOrders: 'source.shop.raw.orders',
  stripePayments: 'source.shop.stripe.payments',
  countryCodes: 'seed.shop.country_codes',
  stgCustomers: 'model.shop.stg_customers',
  stgOrders: 'model.shop.stg_orders',
  stgPayments: 'model.shop.stg_payments',
  intOrderPayments: 'model.shop.int_order_payments',
  customers: 'model.shop.customers',
  orders: 'model.shop.orders',
  dimV1: 'model.shop.dim_customers.v1',
  dimV2: 'model.shop.dim_customers.v2',
  ltv: 'model.shop.customer_ltv',
  rptSales: 'model.shop.rpt_sales',
  calendar: 'model.utils.calendar',
  legacy: 'model.shop.legacy',
  snapshot: 'snapshot.shop.customers_snapshot',
  cohorts: 'analysis.shop.cohorts',
  uniqueCustomers: 'test.shop.unique_customers_customer_id.a1',
  notNullOrders: 'test.shop.not_null_stg_orders_order_id.b2',
  relationships: 'test.shop.relationships_orders_customer_id.c3',
  singular: 'test.shop.assert_payments_positive',
  dimMatchesStaging: 'test.shop.assert_dim_matches_staging',
  sourceNotNull: 'test.shop.source_not_null_raw_customers_id.d4',
  acceptedValues: 'test.shop.accepted_values_stg_payments_method.e5',
  calendarUnique: 'test.utils.unique_calendar_date.f6',
  unitTest: 'unit_test.shop.customers.test_customer_names',
  exposure: 'exposure.shop.weekly_dashboard',
} as const;

export function fixtureManifest(): Manifest {
  const nodes: ManifestNode[] = [
    node({ resource_type: 'seed', name: 'country_codes', original_file_path: 'seeds/country_codes.csv', config: { materialized: 'seed', tags: ['ref_data'] }, raw_code: '' }),
    node({ resource_type: 'model', name: 'stg_customers', original_file_path: 'models/staging/stg_customers.sql', deps: [ID.rawCustomers], config: { tags: ['staging', 'nightly'] }, unrendered_config: { materialized: 'view' }, patch_path: 'shop://models/staging/schema.yml' }),
    node({ resource_type: 'model', name: 'stg_orders', original_file_path: 'models/staging/stg_orders.sql', deps: [ID.rawOrders], config: { tags: ['staging'] } }),
    node({ resource_type: 'model', name: 'stg_payments', original_file_path: 'models/staging/stripe/stg_payments.sql', deps: [ID.stripePayments], macros: ['macro.shop.cents_to_dollars'], config: { tags: ['staging', 'finance'] } }),
    node({ resource_type: 'model', name: 'int_order_payments', original_file_path: 'models/intermediate/int_order_payments.sql', deps: [ID.stgOrders, ID.stgPayments], config: { materialized: 'ephemeral' } }),
    node({
      resource_type: 'model', name: 'customers', original_file_path: 'models/marts/customers.sql',
      deps: [ID.stgCustomers, ID.intOrderPayments, ID.countryCodes],
      config: { materialized: 'table', tags: ['nightly'], meta: { owner: 'growth' }, group: 'marketing', access: 'public', persist_docs: { relation: true }, contract: { enforced: true } },
      unrendered_config: { materialized: 'table' }, access: 'public', group: 'marketing', description: 'One row per customer',
      contract: { enforced: true, alias_types: true, checksum: 'contract-1' },
    }),
    node({ resource_type: 'model', name: 'orders', original_file_path: 'models/marts/orders.sql', deps: [ID.intOrderPayments], config: { materialized: 'incremental', group: 'finance', access: 'protected' }, unrendered_config: { materialized: 'incremental' }, access: 'protected', group: 'finance' }),
    node({ resource_type: 'model', name: 'dim_customers', version: 1, latest_version: 1, original_file_path: 'models/marts/dim_customers.sql', deps: [ID.customers], config: { materialized: 'table', contract: { enforced: true } }, contract: { enforced: true, alias_types: true, checksum: 'dim-1' } }),
    node({ resource_type: 'model', name: 'dim_customers', version: 2, latest_version: 1, original_file_path: 'models/marts/dim_customers_v2.sql', deps: [ID.customers], config: { materialized: 'table' } }),
    node({ resource_type: 'model', name: 'customer_ltv', original_file_path: 'models/marts/customer_ltv.py', language: 'python', deps: [ID.customers], config: { materialized: 'table', meta: { owner: 'data-science' } } }),
    node({ resource_type: 'model', name: 'rpt_sales', original_file_path: 'models/reports/rpt_sales.sql', deps: [ID.orders, ID.calendar], config: { tags: ['finance'], access: 'private' }, access: 'private', unrendered_config: { tags: ['finance'] } }),
    node({ resource_type: 'model', package_name: 'utils', name: 'calendar', original_file_path: 'models/calendar.sql' }),
    node({ resource_type: 'model', name: 'legacy', original_file_path: 'models/legacy.sql', deps: [ID.stgOrders], config: { enabled: false, tags: ['nightly'] } }),
    node({ resource_type: 'snapshot', name: 'customers_snapshot', original_file_path: 'snapshots/customers_snapshot.sql', deps: [ID.stgCustomers], config: { materialized: 'snapshot', strategy: 'timestamp' } }),
    node({ resource_type: 'analysis', name: 'cohorts', original_file_path: 'analyses/cohorts.sql', deps: [ID.customers] }),
    node({ resource_type: 'test', unique_id: ID.uniqueCustomers, name: 'unique_customers_customer_id', original_file_path: 'models/marts/schema.yml', deps: [ID.customers], test_metadata: generic('unique'), config: { materialized: 'test', severity: 'ERROR' }, attached_node: ID.customers, fqn: ['shop', 'marts', 'unique_customers_customer_id'] }),
    node({ resource_type: 'test', unique_id: ID.notNullOrders, name: 'not_null_stg_orders_order_id', original_file_path: 'models/staging/schema.yml', deps: [ID.stgOrders], test_metadata: generic('not_null'), config: { materialized: 'test', severity: 'ERROR' }, fqn: ['shop', 'staging', 'not_null_stg_orders_order_id'] }),
    node({ resource_type: 'test', unique_id: ID.relationships, name: 'relationships_orders_customer_id', original_file_path: 'models/marts/schema.yml', deps: [ID.customers, ID.orders], test_metadata: generic('relationships'), config: { materialized: 'test', severity: 'ERROR' }, fqn: ['shop', 'marts', 'relationships_orders_customer_id'] }),
    node({ resource_type: 'test', unique_id: ID.singular, name: 'assert_payments_positive', original_file_path: 'tests/assert_payments_positive.sql', deps: [ID.stgPayments], config: { materialized: 'test', severity: 'ERROR', tags: ['finance'] } }),
    node({ resource_type: 'test', unique_id: ID.dimMatchesStaging, name: 'assert_dim_matches_staging', original_file_path: 'tests/assert_dim_matches_staging.sql', deps: [ID.dimV1, ID.stgCustomers], config: { materialized: 'test', severity: 'ERROR' } }),
    node({ resource_type: 'test', unique_id: ID.sourceNotNull, name: 'source_not_null_raw_customers_id', original_file_path: 'models/staging/sources.yml', deps: [ID.rawCustomers], test_metadata: generic('not_null'), config: { materialized: 'test', severity: 'ERROR' }, fqn: ['shop', 'staging', 'source_not_null_raw_customers_id'] }),
    node({ resource_type: 'test', unique_id: ID.acceptedValues, name: 'accepted_values_stg_payments_method', original_file_path: 'models/staging/stripe/schema.yml', deps: [ID.stgPayments], test_metadata: generic('accepted_values'), config: { materialized: 'test', severity: 'warn' }, unrendered_config: { severity: 'warn' }, fqn: ['shop', 'staging', 'stripe', 'accepted_values_stg_payments_method'] }),
    node({ resource_type: 'test', unique_id: ID.calendarUnique, package_name: 'utils', name: 'unique_calendar_date', original_file_path: 'models/schema.yml', deps: [ID.calendar], test_metadata: generic('unique'), config: { materialized: 'test', severity: 'ERROR' }, fqn: ['utils', 'unique_calendar_date'] }),
  ];
  const sources = [
    source('raw', 'customers', { tags: ['pii'] }),
    source('raw', 'orders'),
    source('stripe', 'payments', { original_file_path: 'models/staging/stripe/sources.yml', path: 'models/staging/stripe/sources.yml', fqn: ['shop', 'staging', 'stripe', 'stripe', 'payments'] }),
  ];
  const exposure: Exposure = {
    unique_id: ID.exposure,
    resource_type: 'exposure',
    package_name: 'shop',
    name: 'weekly_dashboard',
    type: 'dashboard',
    owner: { email: 'bi@example.com' },
    description: '',
    path: 'exposures.yml',
    original_file_path: 'models/exposures.yml',
    fqn: ['shop', 'weekly_dashboard'],
    meta: {},
    tags: ['bi'],
    config: { enabled: true },
    unrendered_config: {},
    depends_on: { nodes: [ID.customers, ID.rptSales], macros: [] },
    refs: [],
    sources: [],
    metrics: [],
    created_at: 0,
  };
  const unitTest: UnitTestDefinition = {
    unique_id: ID.unitTest,
    resource_type: 'unit_test',
    package_name: 'shop',
    name: 'test_customer_names',
    model: 'customers',
    given: [{ input: "ref('stg_customers')", rows: [{ id: 1 }] }],
    expect: { rows: [{ id: 1 }] },
    description: '',
    path: 'marts/schema.yml',
    original_file_path: 'models/marts/schema.yml',
    fqn: ['shop', 'marts', 'customers', 'test_customer_names'],
    config: { enabled: true, tags: [], meta: {} },
    depends_on: { nodes: [ID.customers], macros: [] },
    created_at: 0,
  };
  const macros = [
    macro('cents_to_dollars', '{% macro cents_to_dollars(c) %}{{ round_it(c / 100) }}{% endmacro %}', ['macro.shop.round_it']),
    macro('round_it', '{% macro round_it(x) %}round({{ x }}, 2){% endmacro %}'),
  ];
  return {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json',
      dbt_version: '1.9.0',
      generated_at: '2026-01-01T00:00:00Z',
      invocation_id: 'fixture',
      env: {},
      project_name: 'shop',
      project_id: null,
      user_id: null,
      send_anonymous_usage_stats: false,
      adapter_type: 'duckdb',
    },
    nodes: Object.fromEntries(nodes.map((n) => [n.unique_id, n])),
    sources: Object.fromEntries(sources.map((s) => [s.unique_id, s])),
    macros: Object.fromEntries(macros.map((m) => [m.unique_id, m])),
    docs: {},
    exposures: { [exposure.unique_id]: exposure },
    metrics: {},
    groups: {},
    selectors: {},
    disabled: {},
    parent_map: {},
    child_map: {},
    group_map: {},
    saved_queries: {},
    semantic_models: {},
    unit_tests: { [unitTest.unique_id]: unitTest },
  };
}

/**
 * The "state" (previous) manifest for state: tests: the fixture as it was before these edits —
 *   stg_orders body, orders config, stg_customers schema (relation only), customers description
 *   (persisted) , dim_customers.v1 contract, accepted_values severity, rpt_sales tags (ignored),
 *   macro round_it body (reaches stg_payments through cents_to_dollars); new_model did not exist.
 */
export function stateManifest(): Manifest {
  const m = structuredClone(fixtureManifest());
  const n = m.nodes;
  n[ID.stgOrders]!.raw_code = 'select 1 as order_id';
  n[ID.orders]!.unrendered_config = { materialized: 'table' };
  n[ID.stgCustomers]!.unrendered_config = { materialized: 'view', schema: 'old_staging' };
  n[ID.customers]!.description = 'Customers (old text)';
  n[ID.dimV1]!.contract = { enforced: true, alias_types: true, checksum: 'dim-0' };
  n[ID.acceptedValues]!.unrendered_config = { severity: 'error' };
  n[ID.rptSales]!.unrendered_config = { tags: ['old'] };
  m.macros['macro.shop.round_it']!.macro_sql = '{% macro round_it(x) %}round({{ x }}){% endmacro %}';
  delete n['model.shop.new_model'];
  return m;
}

/** The current manifest for state: tests: the fixture plus a model that did not exist before. */
export function currentManifest(): Manifest {
  const m = fixtureManifest();
  const added = node({ resource_type: 'model', name: 'new_model', original_file_path: 'models/marts/new_model.sql', deps: [ID.customers] });
  m.nodes[added.unique_id] = added;
  return m;
}

/** Sorted search names of ids (`customers`, `raw.orders`, `dim_customers.v2`, test names). */
export function namesOf(graph: Graph, ids: Iterable<string>): string[] {
  return [...ids].map((id) => searchName(graph.member(id)!)).sort();
}

export function fixtureGraph(): { manifest: Manifest; graph: Graph } {
  const manifest = fixtureManifest();
  return { manifest, graph: Graph.fromManifest(manifest) };
}
