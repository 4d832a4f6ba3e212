// The config keys each resource type accepts, and how each merges when several layers set it.
// Taken from dbt-core's artifacts/resources/v1/config.py (NodeAndTestConfig, NodeConfig, TestConfig),
// seed.py, snapshot.py, source_definition.py, exposure.py and unit_test config, plus the keys the
// DuckDB and Postgres adapters add. An unknown key is an error (with did-you-mean), never ignored.

export type ConfigResourceType = 'model' | 'seed' | 'snapshot' | 'test' | 'source' | 'exposure' | 'unit_test' | 'analysis';

/** dbt's MergeBehavior: Clobber (default), Append (lists), Update (dicts), DictKeyAppend (grants). */
export type MergeBehavior = 'clobber' | 'append' | 'update' | 'dictKeyAppend';

export const MERGE_BEHAVIOR: Readonly<Record<string, MergeBehavior>> = {
  tags: 'append',
  'pre-hook': 'append',
  'post-hook': 'append',
  packages: 'append',
  meta: 'update',
  quoting: 'update',
  column_types: 'update',
  docs: 'update',
  contract: 'update',
  grants: 'dictKeyAppend',
};

const NODE_AND_TEST = ['enabled', 'alias', 'schema', 'database', 'tags', 'meta', 'group'];

const NODE = [
  ...NODE_AND_TEST,
  'materialized',
  'incremental_strategy',
  'batch_size',
  'lookback',
  'begin',
  'persist_docs',
  'post-hook',
  'pre-hook',
  'quoting',
  'column_types',
  'full_refresh',
  'unique_key',
  'on_schema_change',
  'on_configuration_change',
  'grants',
  'packages',
  'docs',
  'contract',
  'event_time',
  'concurrent_batches',
  'access',
  'sql_header',
  'incremental_predicates',
  'predicates',
];

// dbt 1.10 model-only keys (freshness: build_after).
const MODEL_ONLY = ['freshness'];

// Adapter-specific keys martflow's engines understand (dbt-postgres, dbt-duckdb).
const ADAPTER = ['indexes', 'unlogged', 'options', 'file_format', 'location', 'partition_by', 'cluster_by', 'transient'];

const TEST = [
  ...NODE_AND_TEST,
  'materialized',
  'severity',
  'store_failures',
  'store_failures_as',
  'where',
  'limit',
  'fail_calc',
  'warn_if',
  'error_if',
];

const SEED = [...NODE, ...ADAPTER, 'delimiter', 'quote_columns'];

const SNAPSHOT = [
  ...NODE,
  ...ADAPTER,
  'strategy',
  'target_schema',
  'target_database',
  'updated_at',
  'check_cols',
  'snapshot_meta_column_names',
  'dbt_valid_to_current',
  'hard_deletes',
  'invalidate_hard_deletes',
];

export const CONFIG_KEYS: Readonly<Record<ConfigResourceType, ReadonlySet<string>>> = {
  model: new Set([...NODE, ...ADAPTER, ...MODEL_ONLY]),
  analysis: new Set([...NODE]),
  seed: new Set(SEED),
  snapshot: new Set(SNAPSHOT),
  test: new Set(TEST),
  source: new Set(['enabled', 'event_time', 'meta', 'tags', 'freshness', 'loaded_at_field', 'loaded_at_query']),
  exposure: new Set(['enabled', 'meta', 'tags']),
  unit_test: new Set(['enabled', 'meta', 'tags']),
};

/** Defaults applied before any layer (dbt's config dataclass defaults). */
export function configDefaults(type: ConfigResourceType): Record<string, unknown> {
  switch (type) {
    case 'test':
      return {
        enabled: true,
        alias: null,
        schema: 'dbt_test__audit',
        database: null,
        tags: [],
        meta: {},
        group: null,
        materialized: 'test',
        severity: 'ERROR',
        store_failures: null,
        store_failures_as: null,
        where: null,
        limit: null,
        fail_calc: 'count(*)',
        warn_if: '!= 0',
        error_if: '!= 0',
      };
    case 'source':
    case 'exposure':
    case 'unit_test':
      return { enabled: true, tags: [], meta: {} };
    default: {
      const base: Record<string, unknown> = {
        enabled: true,
        alias: null,
        schema: null,
        database: null,
        tags: [],
        meta: {},
        group: null,
        materialized: 'view',
        incremental_strategy: null,
        persist_docs: {},
        'post-hook': [],
        'pre-hook': [],
        quoting: {},
        column_types: {},
        full_refresh: null,
        unique_key: null,
        on_schema_change: 'ignore',
        on_configuration_change: 'apply',
        grants: {},
        packages: [],
        docs: { show: true, node_color: null },
        contract: { enforced: false, alias_types: true },
      };
      if (type === 'model') base.access = 'protected';
      if (type === 'seed') {
        base.materialized = 'seed';
        base.delimiter = ',';
        base.quote_columns = null;
      }
      if (type === 'snapshot') {
        base.materialized = 'snapshot';
        base.strategy = null;
        base.target_schema = null;
        base.target_database = null;
        base.updated_at = null;
        base.check_cols = null;
      }
      return base;
    }
  }
}

/** Accepts `pre_hook` (schema YAML spelling) for `pre-hook`; strips a leading '+'. */
export function normalizeConfigKey(key: string): string {
  const k = key.startsWith('+') ? key.slice(1) : key;
  if (k === 'pre_hook') return 'pre-hook';
  if (k === 'post_hook') return 'post-hook';
  return k;
}
