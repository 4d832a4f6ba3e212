// sources: entries of schema YAML → SourceInput (tables inherit freshness, loaded_at_field, quoting
// and meta from their source as dbt does) + source tests.
import { validateConfigLayer } from './config-validate.js';
import { buildGenericTest } from './generic-tests.js';
import type { GenericTestInstance, SourceInput, SourceTableInput } from './loaded-project.js';
import type { FreshnessThreshold } from './manifest-types.js';
import { checkKeys, columns, description, namedEntries, optStr, record, tags, testEntries } from './schema-fields.js';
import type { Entry, SchemaContext } from './schema-fields.js';
import { isRecord, locationOf } from './yaml-source.js';
import { UserError } from '../util/errors.js';
import type { SourceLocation } from '../util/errors.js';

const SOURCE_KEYS = ['name', 'description', 'database', 'catalog', 'schema', 'loader', 'loaded_at_field', 'loaded_at_query', 'freshness', 'quoting', 'meta', 'tags', 'config', 'tables', 'overrides', 'docs'];
const TABLE_KEYS = ['name', 'identifier', 'description', 'columns', 'tests', 'data_tests', 'meta', 'tags', 'freshness', 'loaded_at_field', 'loaded_at_query', 'external', 'quoting', 'config', 'docs'];

type Threshold = FreshnessThreshold['warn_after'];

function threshold(ctx: SchemaContext, v: unknown, loc: SourceLocation): Threshold | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (!isRecord(v)) {
    ctx.errors.add(new UserError('a freshness threshold must be {count: <n>, period: minute|hour|day}', { location: loc }));
    return undefined;
  }
  const count = v.count === undefined || v.count === null ? null : Number(v.count);
  const period = v.period === undefined || v.period === null ? null : String(v.period);
  if (count !== null && !Number.isInteger(count)) ctx.errors.add(new UserError(`freshness count must be a whole number, got ${JSON.stringify(v.count)}`, { location: locationOf(v, 'count', loc) }));
  if (period !== null && !['minute', 'hour', 'day'].includes(period)) {
    ctx.errors.add(new UserError(`freshness period must be minute, hour or day; got '${period}'`, { location: locationOf(v, 'period', loc) }));
  }
  return { count, period: period as 'minute' | 'hour' | 'day' | null };
}

/** A freshness block; undefined when absent, null when explicitly disabled (`freshness: null`). */
function freshness(ctx: SchemaContext, entry: Entry, loc: SourceLocation): Partial<FreshnessThreshold> | null | undefined {
  if (!('freshness' in entry)) return undefined;
  const f = entry.freshness;
  if (f === null) return null;
  const at = locationOf(entry, 'freshness', loc);
  if (!isRecord(f)) {
    ctx.errors.add(new UserError('freshness must be a mapping with warn_after / error_after / filter', { location: at }));
    return undefined;
  }
  const out: Partial<FreshnessThreshold> = {};
  const w = threshold(ctx, f.warn_after, locationOf(f, 'warn_after', at));
  const e = threshold(ctx, f.error_after, locationOf(f, 'error_after', at));
  if (w !== undefined) out.warn_after = w;
  if (e !== undefined) out.error_after = e;
  if (f.filter !== undefined) out.filter = f.filter === null ? null : String(f.filter);
  return out;
}

/** dbt's merge_freshness: the table's fields override the source's; an explicit null disables. */
function mergeFreshness(source: Partial<FreshnessThreshold> | null | undefined, table: Partial<FreshnessThreshold> | null | undefined): FreshnessThreshold | null {
  if (table === null) return null;
  if (source === null && table === undefined) return null;
  const merged = { ...(source ?? {}), ...(table ?? {}) };
  if (source === undefined && table === undefined) return null;
  return { warn_after: merged.warn_after ?? null, error_after: merged.error_after ?? null, filter: merged.filter ?? null };
}

export async function readSourceEntry(
  ctx: SchemaContext,
  entry: Entry,
  name: string,
  loc: SourceLocation,
): Promise<{ source: SourceInput; tests: GenericTestInstance[] }> {
  checkKeys(ctx, entry, SOURCE_KEYS, `source '${name}'`, loc);
  const config = validateConfigLayer('source', record(ctx, entry, 'config', loc), ctx.errors, locationOf(entry, 'config', loc));
  const srcFreshness = freshness(ctx, entry, loc);
  const srcLoadedAt = optStr(ctx, entry, 'loaded_at_field', loc);
  const srcQuoting = record(ctx, entry, 'quoting', loc);
  const tables: SourceTableInput[] = [];
  const tests: GenericTestInstance[] = [];
  for (const { entry: t, name: tableName, loc: at } of namedEntries(ctx, entry.tables, 'tables', locationOf(entry, 'tables', loc))) {
    checkKeys(ctx, t, TABLE_KEYS, `source table '${name}.${tableName}'`, at);
    const cols = columns(ctx, t, at, `source table '${name}.${tableName}'`);
    tables.push({
      name: tableName,
      identifier: optStr(ctx, t, 'identifier', at) ?? tableName,
      description: description(ctx, t, at),
      columns: cols.map((c) => c.column),
      meta: record(ctx, t, 'meta', at),
      tags: tags(ctx, t, at),
      config: validateConfigLayer('source', record(ctx, t, 'config', at), ctx.errors, locationOf(t, 'config', at)),
      quoting: { ...srcQuoting, ...record(ctx, t, 'quoting', at) },
      freshness: mergeFreshness(srcFreshness, freshness(ctx, t, at)),
      loaded_at_field: optStr(ctx, t, 'loaded_at_field', at) ?? srcLoadedAt,
      loaded_at_query: optStr(ctx, t, 'loaded_at_query', at) ?? optStr(ctx, entry, 'loaded_at_query', loc),
      external: t.external ?? null,
      location: at,
    });
    const target = { kind: 'source' as const, name: tableName, sourceName: name };
    const base = { packageName: ctx.packageName, schemaPath: ctx.schemaPath, fileKeyName: `sources.${name}`, render: ctx.render, target };
    for (const c of cols) {
      const columnName = c.column.quote ? `"${c.column.name}"` : c.column.name;
      for (let i = 0; i < c.tests.length; i++) {
        const built = await ctx.errors.tryAsync(() => buildGenericTest(c.tests[i], { ...base, columnName, tags: [...new Set(c.column.tags)] }, locationOf(c.tests, i, c.column.location)));
        if (built) tests.push(built);
      }
    }
    const tableTests = testEntries(ctx, t, at).items;
    for (let i = 0; i < tableTests.length; i++) {
      const built = await ctx.errors.tryAsync(() => buildGenericTest(tableTests[i], { ...base, columnName: null, tags: [] }, locationOf(tableTests, i, at)));
      if (built) tests.push(built);
    }
  }
  const source: SourceInput = {
    name,
    packageName: ctx.packageName,
    description: description(ctx, entry, loc),
    database: optStr(ctx, entry, 'database', loc) ?? optStr(ctx, entry, 'catalog', loc),
    schema: optStr(ctx, entry, 'schema', loc) ?? name,
    loader: optStr(ctx, entry, 'loader', loc) ?? '',
    meta: record(ctx, entry, 'meta', loc),
    tags: tags(ctx, entry, loc),
    config,
    quoting: srcQuoting,
    freshness: mergeFreshness(srcFreshness, undefined),
    loaded_at_field: srcLoadedAt,
    tables,
    path: ctx.schemaPath,
    location: loc,
  };
  if (typeof entry.overrides === 'string') source.overrides = entry.overrides;
  return { source, tests };
}
