// Validates one layer of config (a dbt_project.yml level, a schema YAML `config:`, a config() call):
// every key must be known for the resource type (else did-you-mean), every value of the right shape.
// Values are normalised the way dbt's config classes do (tags → list, hooks → {sql, transaction}).
import { z } from 'zod';
import { CONFIG_KEYS, normalizeConfigKey } from './config-keys.js';
import type { ConfigResourceType } from './config-keys.js';
import { locationOf } from './yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UserError } from '../util/errors.js';
import type { ErrorCollector, SourceLocation } from '../util/errors.js';

const str = z.string();
const optStr = z.string().nullable();
const strOrList = z.union([z.string(), z.array(z.string())]);
const hookItem = z.union([z.string(), z.object({ sql: z.string(), transaction: z.boolean().optional() })]);
const period = z.enum(['minute', 'hour', 'day']);
const threshold = z.object({ count: z.number().int().nullable().optional(), period: period.nullable().optional() }).nullable();

/** Shape and a human description of what is expected, per key. Keys not listed accept anything. */
const VALUE_RULES: Record<string, { schema: z.ZodType; expected: string }> = {
  enabled: { schema: z.boolean(), expected: 'true or false' },
  materialized: { schema: str, expected: "a string such as 'view', 'table', 'incremental' or 'ephemeral'" },
  alias: { schema: optStr, expected: 'a string' },
  schema: { schema: optStr, expected: 'a string' },
  database: { schema: optStr, expected: 'a string' },
  group: { schema: optStr, expected: 'a group name' },
  tags: { schema: strOrList, expected: 'a string or a list of strings' },
  meta: { schema: z.record(z.string(), z.unknown()), expected: 'a mapping' },
  persist_docs: { schema: z.record(z.string(), z.unknown()), expected: 'a mapping like {relation: true, columns: true}' },
  quoting: { schema: z.record(z.string(), z.unknown()), expected: 'a mapping like {identifier: true}' },
  column_types: { schema: z.record(z.string(), z.string()), expected: 'a mapping of column name to type' },
  full_refresh: { schema: z.boolean().nullable(), expected: 'true or false' },
  unique_key: { schema: strOrList.nullable(), expected: 'a column name or a list of column names' },
  on_schema_change: {
    schema: z.enum(['ignore', 'fail', 'append_new_columns', 'sync_all_columns']).nullable(),
    expected: "one of 'ignore', 'fail', 'append_new_columns', 'sync_all_columns'",
  },
  on_configuration_change: { schema: z.enum(['apply', 'continue', 'fail']), expected: "one of 'apply', 'continue', 'fail'" },
  incremental_strategy: { schema: optStr, expected: "a string such as 'append', 'merge', 'delete+insert' or 'microbatch'" },
  incremental_predicates: { schema: z.array(z.string()).nullable(), expected: 'a list of SQL predicates' },
  'pre-hook': { schema: z.union([hookItem, z.array(hookItem)]), expected: 'SQL, a list of SQL, or {sql, transaction}' },
  'post-hook': { schema: z.union([hookItem, z.array(hookItem)]), expected: 'SQL, a list of SQL, or {sql, transaction}' },
  grants: { schema: z.record(z.string(), strOrList), expected: 'a mapping of privilege to grantee(s)' },
  packages: { schema: z.array(z.string()), expected: 'a list of package names' },
  docs: {
    schema: z.object({ show: z.boolean().optional(), node_color: z.string().nullable().optional() }).strict(),
    expected: 'a mapping with show (true/false) and node_color',
  },
  contract: {
    schema: z.object({ enforced: z.boolean().optional(), alias_types: z.boolean().optional() }).strict(),
    expected: 'a mapping with enforced (true/false) and alias_types',
  },
  access: { schema: z.enum(['private', 'protected', 'public']), expected: "one of 'private', 'protected', 'public'" },
  batch_size: { schema: z.enum(['hour', 'day', 'month', 'year']).nullable(), expected: "one of 'hour', 'day', 'month', 'year'" },
  severity: { schema: z.string().regex(/^(warn|error)$/i), expected: "'warn' or 'error'" },
  store_failures: { schema: z.boolean().nullable(), expected: 'true or false' },
  store_failures_as: { schema: z.enum(['table', 'view', 'ephemeral']).nullable(), expected: "one of 'table', 'view', 'ephemeral'" },
  where: { schema: optStr, expected: 'a SQL condition' },
  limit: { schema: z.number().int().nullable(), expected: 'an integer' },
  fail_calc: { schema: str, expected: "a SQL expression such as 'count(*)'" },
  warn_if: { schema: str, expected: "a condition such as '!= 0' or '>10'" },
  error_if: { schema: str, expected: "a condition such as '!= 0' or '>10'" },
  delimiter: { schema: z.string().length(1), expected: 'a single character' },
  quote_columns: { schema: z.boolean().nullable(), expected: 'true or false' },
  strategy: { schema: optStr, expected: "'timestamp' or 'check'" },
  target_schema: { schema: optStr, expected: 'a schema name' },
  target_database: { schema: optStr, expected: 'a database name' },
  updated_at: { schema: optStr, expected: 'a column name' },
  check_cols: { schema: strOrList.nullable(), expected: "'all' or a list of column names" },
  hard_deletes: { schema: z.enum(['ignore', 'invalidate', 'new_record']).nullable(), expected: "one of 'ignore', 'invalidate', 'new_record'" },
  invalidate_hard_deletes: { schema: z.boolean(), expected: 'true or false' },
  snapshot_meta_column_names: { schema: z.record(z.string(), z.string()), expected: 'a mapping of meta column to name' },
  freshness: {
    schema: z.object({ warn_after: threshold.optional(), error_after: threshold.optional(), filter: optStr.optional() }).nullable(),
    expected: 'a mapping with warn_after/error_after ({count, period}) and filter',
  },
  loaded_at_field: { schema: optStr, expected: 'a column name' },
};

const ARTICLE: Record<ConfigResourceType, string> = {
  model: 'a model',
  seed: 'a seed',
  snapshot: 'a snapshot',
  test: 'a data test',
  source: 'a source',
  exposure: 'an exposure',
  unit_test: 'a unit test',
  analysis: 'an analysis',
};

/** "unknown config key 'unnnique_key' for a model. Did you mean 'unique_key'?" */
export function unknownConfigKey(type: ConfigResourceType, rawKey: string, location: SourceLocation, hint?: string): UserError {
  const key = normalizeConfigKey(rawKey);
  const suggestion = didYouMean(key, CONFIG_KEYS[type]);
  return new UserError(`unknown config key '${rawKey.replace(/^\+/, '')}' for ${ARTICLE[type]}.${suggestion}`, {
    location,
    hint: hint ?? (suggestion ? 'Fix the spelling, or remove the key.' : `Known ${type} config keys: ${[...CONFIG_KEYS[type]].sort().join(', ')}.`),
  });
}

export function isConfigKey(type: ConfigResourceType, key: string): boolean {
  return CONFIG_KEYS[type].has(normalizeConfigKey(key));
}

/** dbt's hooks.get_hook_dict: a string becomes {sql, transaction: true}. */
function normalizeHooks(value: unknown): { sql: string; transaction: boolean; index: null }[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((h) =>
    typeof h === 'string' ? { sql: h, transaction: true, index: null } : { sql: (h as { sql: string }).sql, transaction: (h as { transaction?: boolean }).transaction ?? true, index: null },
  );
}

function normalizeValue(key: string, value: unknown): unknown {
  if (key === 'tags') return typeof value === 'string' ? [value] : value;
  if (key === 'pre-hook' || key === 'post-hook') return normalizeHooks(value);
  if (key === 'severity' && typeof value === 'string') return value.toUpperCase();
  return value;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/**
 * Checks and normalises one config layer. `container` is the YAML object holding the keys (for
 * locations); errors go to `errors` and the bad key is dropped. Returns the normalised layer.
 */
export function validateConfigLayer(
  type: ConfigResourceType,
  layer: Record<string, unknown>,
  errors: ErrorCollector,
  fallback: SourceLocation,
  container: unknown = layer,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(layer)) {
    const key = normalizeConfigKey(rawKey);
    const location = locationOf(container, rawKey, fallback);
    if (!CONFIG_KEYS[type].has(key)) {
      errors.add(unknownConfigKey(type, rawKey, location));
      continue;
    }
    // A model's freshness (build_after) is not a source's freshness (warn_after/error_after).
    const rule = type === 'model' && key === 'freshness' ? undefined : VALUE_RULES[key];
    if (rule && value !== null && !rule.schema.safeParse(value).success) {
      errors.add(
        new UserError(`invalid value ${describe(value)} for config '${key}': expected ${rule.expected}`, {
          location,
          hint: `Change '${key}' to ${rule.expected}.`,
        }),
      );
      continue;
    }
    out[key] = normalizeValue(key, value);
  }
  return out;
}
