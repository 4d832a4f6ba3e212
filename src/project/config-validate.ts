// Validates one layer of config (a dbt_project.yml level, a schema YAML `config:`, a config() call):
// every key must be known for the resource type (else did-you-mean), every value of the right shape.
// Values are normalised the way dbt's config classes do (tags → list, hooks → {sql, transaction}).
import { CONFIG_KEYS, normalizeConfigKey } from './config-keys.js';
import type { ConfigResourceType } from './config-keys.js';
import { locationOf } from './yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UserError } from '../util/errors.js';
import type { ErrorCollector, SourceLocation } from '../util/errors.js';

// The value shapes, as small predicates (the rules are simple; a schema library is not needed on
// the parse path). They follow JSON/YAML values: a mapping is a plain object, a list an array.
type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isBoolean: Check = (v) => typeof v === 'boolean';
const isInteger: Check = (v) => Number.isSafeInteger(v);
const nullable = (check: Check): Check => (v) => v === null || check(v);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const anyOf = (...checks: Check[]): Check => (v) => checks.some((check) => check(v));
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);

function listOf(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return false;
    for (const x of v as unknown[]) if (!item(x)) return false;
    return true;
  };
}

/** An object whose prototype is Object.prototype or null (not an array, Map, Date or class instance). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const ctor = (v as { constructor?: unknown }).constructor;
  if (typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return typeof proto === 'object' && proto !== null && !Array.isArray(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/** A mapping with string keys whose every value passes `value`. */
function mapOf(value: Check): Check {
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const key of Reflect.ownKeys(v)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, key)) continue;
      if (typeof key !== 'string' || !value(v[key])) return false;
    }
    return true;
  };
}

/** An object with these fields (wrap optional ones in optional()); `strict`: no other keys. */
function shape(fields: Record<string, Check>, strict = false): Check {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const obj = v as Record<string, unknown>;
    for (const [key, check] of Object.entries(fields)) if (!check(obj[key])) return false;
    if (strict) for (const key in obj) if (!Object.hasOwn(fields, key)) return false;
    return true;
  };
}

const optStr = nullable(isString);
const strOrList = anyOf(isString, listOf(isString));
const hookItem = anyOf(isString, shape({ sql: isString, transaction: optional(isBoolean) }));
const period = oneOf('minute', 'hour', 'day');
const threshold = nullable(shape({ count: optional(nullable(isInteger)), period: optional(nullable(period)) }));

/** Shape and a human description of what is expected, per key. Keys not listed accept anything. */
const VALUE_RULES: Record<string, { check: Check; expected: string }> = {
  enabled: { check: isBoolean, expected: 'true or false' },
  materialized: { check: isString, expected: "a string such as 'view', 'table', 'incremental' or 'ephemeral'" },
  alias: { check: optStr, expected: 'a string' },
  schema: { check: optStr, expected: 'a string' },
  database: { check: optStr, expected: 'a string' },
  group: { check: optStr, expected: 'a group name' },
  tags: { check: strOrList, expected: 'a string or a list of strings' },
  meta: { check: mapOf(() => true), expected: 'a mapping' },
  persist_docs: { check: mapOf(() => true), expected: 'a mapping like {relation: true, columns: true}' },
  quoting: { check: mapOf(() => true), expected: 'a mapping like {identifier: true}' },
  column_types: { check: mapOf(isString), expected: 'a mapping of column name to type' },
  full_refresh: { check: nullable(isBoolean), expected: 'true or false' },
  unique_key: { check: nullable(strOrList), expected: 'a column name or a list of column names' },
  on_schema_change: {
    check: nullable(oneOf('ignore', 'fail', 'append_new_columns', 'sync_all_columns')),
    expected: "one of 'ignore', 'fail', 'append_new_columns', 'sync_all_columns'",
  },
  on_configuration_change: { check: oneOf('apply', 'continue', 'fail'), expected: "one of 'apply', 'continue', 'fail'" },
  incremental_strategy: { check: optStr, expected: "a string such as 'append', 'merge', 'delete+insert' or 'microbatch'" },
  incremental_predicates: { check: nullable(listOf(isString)), expected: 'a list of SQL predicates' },
  'pre-hook': { check: anyOf(hookItem, listOf(hookItem)), expected: 'SQL, a list of SQL, or {sql, transaction}' },
  'post-hook': { check: anyOf(hookItem, listOf(hookItem)), expected: 'SQL, a list of SQL, or {sql, transaction}' },
  grants: { check: mapOf(strOrList), expected: 'a mapping of privilege to grantee(s)' },
  packages: { check: listOf(isString), expected: 'a list of package names' },
  docs: {
    check: shape({ show: optional(isBoolean), node_color: optional(optStr) }, true),
    expected: 'a mapping with show (true/false) and node_color',
  },
  contract: {
    check: shape({ enforced: optional(isBoolean), alias_types: optional(isBoolean) }, true),
    expected: 'a mapping with enforced (true/false) and alias_types',
  },
  access: { check: oneOf('private', 'protected', 'public'), expected: "one of 'private', 'protected', 'public'" },
  batch_size: { check: nullable(oneOf('hour', 'day', 'month', 'year')), expected: "one of 'hour', 'day', 'month', 'year'" },
  severity: { check: (v) => typeof v === 'string' && /^(warn|error)$/i.test(v), expected: "'warn' or 'error'" },
  store_failures: { check: nullable(isBoolean), expected: 'true or false' },
  store_failures_as: { check: nullable(oneOf('table', 'view', 'ephemeral')), expected: "one of 'table', 'view', 'ephemeral'" },
  where: { check: optStr, expected: 'a SQL condition' },
  limit: { check: nullable(isInteger), expected: 'an integer' },
  fail_calc: { check: isString, expected: "a SQL expression such as 'count(*)'" },
  warn_if: { check: isString, expected: "a condition such as '!= 0' or '>10'" },
  error_if: { check: isString, expected: "a condition such as '!= 0' or '>10'" },
  delimiter: { check: (v) => typeof v === 'string' && v.length === 1, expected: 'a single character' },
  quote_columns: { check: nullable(isBoolean), expected: 'true or false' },
  strategy: { check: optStr, expected: "'timestamp' or 'check'" },
  target_schema: { check: optStr, expected: 'a schema name' },
  target_database: { check: optStr, expected: 'a database name' },
  updated_at: { check: optStr, expected: 'a column name' },
  check_cols: { check: nullable(strOrList), expected: "'all' or a list of column names" },
  hard_deletes: { check: nullable(oneOf('ignore', 'invalidate', 'new_record')), expected: "one of 'ignore', 'invalidate', 'new_record'" },
  invalidate_hard_deletes: { check: isBoolean, expected: 'true or false' },
  snapshot_meta_column_names: { check: mapOf(isString), expected: 'a mapping of meta column to name' },
  freshness: {
    check: nullable(shape({ warn_after: optional(threshold), error_after: optional(threshold), filter: optional(optStr) })),
    expected: 'a mapping with warn_after/error_after ({count, period}) and filter',
  },
  loaded_at_field: { check: optStr, expected: 'a column name' },
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
    if (rule && value !== null && !rule.check(value)) {
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
