// The SQL pieces of a snapshot strategy, as dbt's snapshot_timestamp_strategy / snapshot_check_strategy
// build them: the updated_at expression, the scd_id hash and the row_changed condition.
import type { Dialect } from '../../warehouse/adapter.js';
import type { SnapshotConfig } from './config.js';

export interface StrategySql {
  updatedAt: string;
  scdId: string;
  /** Written against the aliases snapshotted_data and source_data. */
  rowChanged: string;
}

/** dbt's snapshot_get_time: the current time as a timestamp without zone. */
export function snapshotTime(d: Dialect): string {
  return d.castAs('current_timestamp', d.types.timestamp);
}

/** dbt's snapshot_hash_arguments: md5 over the arguments cast to text, joined by '|'. */
export function hashArguments(d: Dialect, args: string[]): string {
  return `md5(${args.map((a) => `coalesce(${d.castAs(a, d.types.string)}, '')`).join(" || '|' || ")})`;
}

export function strategySql(
  d: Dialect,
  config: SnapshotConfig,
  check: { columns: string[]; columnAdded: boolean },
): StrategySql {
  const now = snapshotTime(d);
  if (config.strategy === 'timestamp') {
    const updatedAt = config.updatedAt!;
    return {
      updatedAt,
      scdId: hashArguments(d, [...config.uniqueKey, updatedAt]),
      // Compares with dbt_valid_from, not the user's updated_at column (dbt-core #2350).
      rowChanged: `(snapshotted_data.${config.columns.dbt_valid_from} < source_data.${updatedAt})`,
    };
  }
  const updatedAt = config.updatedAt ?? now;
  const changes = check.columns.map((col) => {
    const s = `snapshotted_data.${col}`;
    const c = `source_data.${col}`;
    return `${s} != ${c}\n        or (((${s} is null) and not (${c} is null)) or ((not ${s} is null) and (${c} is null)))`;
  });
  return {
    updatedAt,
    scdId: hashArguments(d, [...config.uniqueKey, updatedAt]),
    rowChanged: check.columnAdded || changes.length === 0 ? '(TRUE)' : `(\n        ${changes.join('\n        or ')}\n    )`,
  };
}
