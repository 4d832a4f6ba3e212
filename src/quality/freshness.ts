// Source freshness: how long ago each source's newest row was loaded (max(loaded_at_field), with the
// freshness filter), judged against warn_after / error_after, as dbt's `source freshness` does.
import type { FreshnessThreshold, SourceDefinition } from '../project/manifest-types.js';
import type { Dialect } from '../warehouse/adapter.js';

export type FreshnessStatus = 'pass' | 'warn' | 'error' | 'runtime error';

const PERIOD_SECONDS = { minute: 60, hour: 3600, day: 86400 } as const;

/** Whether dbt would check this source: a loaded_at_field and at least one threshold with a count. */
export function hasFreshness(source: SourceDefinition): boolean {
  const f = source.freshness;
  if (!source.loaded_at_field || !f) return false;
  return Boolean((f.warn_after?.count && f.warn_after.period) || (f.error_after?.count && f.error_after.period));
}

/** The query: the newest loaded_at value of the (filtered) source relation. */
export function freshnessSql(dialect: Dialect, source: SourceDefinition): string {
  const relation = source.relation_name || dialect.relation({ database: source.database, schema: source.schema, identifier: source.identifier });
  const filter = source.freshness?.filter ? `\nwhere ${source.freshness.filter}` : '';
  return `select max(${source.loaded_at_field}) as max_loaded_at\nfrom ${relation}${filter}`;
}

function thresholdSeconds(t: FreshnessThreshold['warn_after']): number | null {
  if (!t?.count || !t.period) return null;
  return t.count * PERIOD_SECONDS[t.period];
}

/** pass / warn / error for an age in seconds (error_after wins, as in dbt). */
export function freshnessStatus(ageSeconds: number, freshness: FreshnessThreshold | null): Exclude<FreshnessStatus, 'runtime error'> {
  const errorAfter = thresholdSeconds(freshness?.error_after ?? null);
  if (errorAfter !== null && ageSeconds > errorAfter) return 'error';
  const warnAfter = thresholdSeconds(freshness?.warn_after ?? null);
  if (warnAfter !== null && ageSeconds > warnAfter) return 'warn';
  return 'pass';
}

/**
 * A warehouse timestamp as the adapter returns it ('YYYY-MM-DD HH:MM:SS[.ffffff]', with '+00' when
 * zoned, or a date) as a Date. Timestamps without a zone are taken as UTC, as dbt does.
 */
export function parseLoadedAt(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const s = String(value).trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(s);
  if (!m) return null;
  const time = m[2] ?? '00:00:00';
  let zone = m[3] ?? 'Z';
  if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const d = new Date(`${m[1]}T${time.length === 5 ? time + ':00' : time}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** One entry of sources.json results. */
export interface FreshnessResult {
  unique_id: string;
  status: FreshnessStatus;
  max_loaded_at?: string;
  snapshotted_at?: string;
  max_loaded_at_time_ago_in_s?: number;
  criteria?: FreshnessThreshold;
  adapter_response?: Record<string, unknown>;
  timing?: { name: string; started_at: string; completed_at: string }[];
  thread_id?: string;
  execution_time?: number;
  error?: string;
}

/** Judges one query result row. A source with no rows (max is null) is an error, as in dbt. */
export function judgeFreshness(source: SourceDefinition, maxLoadedAtValue: unknown, snapshottedAt: Date, timing: { started: Date; completed: Date }, threadId: string): FreshnessResult {
  const loadedAt = parseLoadedAt(maxLoadedAtValue);
  const common = {
    unique_id: source.unique_id,
    timing: [
      { name: 'compile', started_at: timing.started.toISOString(), completed_at: timing.started.toISOString() },
      { name: 'execute', started_at: timing.started.toISOString(), completed_at: timing.completed.toISOString() },
    ],
    thread_id: threadId,
    execution_time: (timing.completed.getTime() - timing.started.getTime()) / 1000,
  };
  if (!loadedAt) {
    const why = maxLoadedAtValue === null || maxLoadedAtValue === undefined ? 'has no rows (max of loaded_at_field is null)' : `gave a max loaded_at of ${String(maxLoadedAtValue)}, which is not a timestamp`;
    return { ...common, status: 'runtime error', error: `source ${source.source_name}.${source.name} ${why}` };
  }
  const age = Math.max(0, (snapshottedAt.getTime() - loadedAt.getTime()) / 1000);
  return {
    ...common,
    status: freshnessStatus(age, source.freshness),
    max_loaded_at: loadedAt.toISOString(),
    snapshotted_at: snapshottedAt.toISOString(),
    max_loaded_at_time_ago_in_s: age,
    criteria: source.freshness ?? { warn_after: null, error_after: null, filter: null },
    adapter_response: {},
  };
}

export const SOURCES_SCHEMA = 'https://schemas.getdbt.com/dbt/sources/v3.json';

/** target/sources.json, dbt's v3 shape. */
export function sourcesJson(results: FreshnessResult[], meta: { invocationId: string; dbtVersion: string; elapsed: number }): string {
  return JSON.stringify(
    {
      metadata: { dbt_schema_version: SOURCES_SCHEMA, dbt_version: meta.dbtVersion, generated_at: new Date().toISOString(), invocation_id: meta.invocationId, env: {} },
      results,
      elapsed_time: meta.elapsed,
    },
    null,
    2,
  );
}
