// Pure SQL for snapshots, shaped like dbt's build_snapshot_table, snapshot_staging_table and the
// PostgreSQL snapshot_merge_sql (an update of dbt_valid_to, then an insert), so results match dbt's.
import type { Dialect, RelationRef } from '../../warehouse/adapter.js';
import type { SnapshotConfig } from './config.js';
import { hashArguments, snapshotTime, type StrategySql } from './strategy.js';

export interface SnapshotSqlInput {
  config: SnapshotConfig;
  strategy: StrategySql;
  sourceSql: string;
}

function validToCurrent(input: SnapshotSqlInput): string {
  const u = input.strategy.updatedAt;
  return `coalesce(nullif(${u}, ${u}), ${input.config.validToCurrent ?? 'null'}) as ${input.config.columns.dbt_valid_to}`;
}

/** The first run: the source rows plus the meta columns. */
export function buildSnapshotSelect(input: SnapshotSqlInput): string {
  const { columns: cols, hardDeletes } = input.config;
  const s = input.strategy;
  const lines = [
    'select *,',
    `    ${s.scdId} as ${cols.dbt_scd_id},`,
    `    ${s.updatedAt} as ${cols.dbt_updated_at},`,
    `    ${s.updatedAt} as ${cols.dbt_valid_from},`,
    `    ${validToCurrent(input)}${hardDeletes === 'new_record' ? ',' : ''}`,
  ];
  if (hardDeletes === 'new_record') lines.push(`    'False' as ${cols.dbt_is_deleted}`);
  lines.push('from (', input.sourceSql, ') sbq');
  return lines.join('\n');
}

function keyFields(config: SnapshotConfig, from?: string): string {
  const prefix = from ? `${from}.` : '';
  if (!config.keyIsList) return `${prefix}${config.uniqueKey[0]} as dbt_unique_key`;
  return config.uniqueKey.map((k, i) => `${prefix}${k} as dbt_unique_key_${i + 1}`).join(', ');
}

function keyJoin(d: Dialect, config: SnapshotConfig, left: string, right: string): string {
  if (!config.keyIsList) return `${left}.dbt_unique_key = ${right}.dbt_unique_key`;
  return config.uniqueKey.map((_, i) => d.nullSafeEquals(`${left}.dbt_unique_key_${i + 1}`, `${right}.dbt_unique_key_${i + 1}`)).join(' and ');
}

function keyIsNull(config: SnapshotConfig, alias: string): string {
  return `${alias}.${config.keyIsList ? 'dbt_unique_key_1' : 'dbt_unique_key'} is null`;
}

function isCurrent(config: SnapshotConfig, alias: string): string {
  const validTo = alias ? `${alias}.${config.columns.dbt_valid_to}` : config.columns.dbt_valid_to;
  return config.validToCurrent ? `(${validTo} = ${config.validToCurrent} or ${validTo} is null)` : `${validTo} is null`;
}

export interface StagingInput extends SnapshotSqlInput {
  target: RelationRef;
  /** new_record only: the source query's columns and the snapshot table's columns (as the engine names them). */
  sourceColumns: string[];
  targetColumns: string[];
}

/** A CTE from its body lines; `false` entries (optional lines) are left out. */
function cte(name: string, lines: (string | false)[]): string {
  return [`${name} as (`, ...lines.filter((l): l is string => l !== false), ')'].join('\n');
}

/** The changes to apply: rows tagged dbt_change_type insert / update / delete. */
export function snapshotStagingSelect(d: Dialect, input: StagingInput): string {
  const { config } = input;
  const cols = config.columns;
  const s = input.strategy;
  const now = snapshotTime(d);
  const invalidates = config.hardDeletes === 'invalidate' || config.hardDeletes === 'new_record';
  const newRecord = config.hardDeletes === 'new_record';
  const join = `        on ${keyJoin(d, config, 'snapshotted_data', 'source_data')}`;
  const changed = `${s.rowChanged}${newRecord ? ` or snapshotted_data.${cols.dbt_is_deleted} = 'True'` : ''}`;
  const comma = newRecord ? ',' : '';
  // new_record: a key whose latest version is already a deletion record is not deleted again.
  const notAlreadyDeleted = [
    '        and not (',
    `            snapshotted_data.${cols.dbt_is_deleted} = 'True'\n            and ${isCurrent(config, 'snapshotted_data')}`,
    '        )',
  ];

  const ctes: string[] = [
    cte('snapshot_query', ['', input.sourceSql, '']),
    cte('snapshotted_data', [`    select *, ${keyFields(config)}`, `    from ${d.relation(input.target)}`, `    where ${isCurrent(config, '')}`]),
    cte('insertions_source_data', [
      `    select *, ${keyFields(config)},`,
      `        ${s.updatedAt} as ${cols.dbt_updated_at},`,
      `        ${s.updatedAt} as ${cols.dbt_valid_from},`,
      `        ${validToCurrent(input)},`,
      `        ${s.scdId} as ${cols.dbt_scd_id}`,
      '    from snapshot_query',
    ]),
    cte('updates_source_data', [
      `    select *, ${keyFields(config)},`,
      `        ${s.updatedAt} as ${cols.dbt_updated_at},`,
      `        ${s.updatedAt} as ${cols.dbt_valid_from},`,
      `        ${s.updatedAt} as ${cols.dbt_valid_to}`,
      '    from snapshot_query',
    ]),
  ];
  if (invalidates) ctes.push(cte('deletes_source_data', [`    select *, ${keyFields(config)}`, '    from snapshot_query']));
  ctes.push(
    cte('insertions', [
      '    select',
      "        'insert' as dbt_change_type,",
      `        source_data.*${comma}`,
      newRecord && `        'False' as ${cols.dbt_is_deleted}`,
      '    from insertions_source_data as source_data',
      '    left outer join snapshotted_data',
      join,
      `    where ${keyIsNull(config, 'snapshotted_data')}`,
      `        or (not ${keyIsNull(config, 'snapshotted_data')} and (${changed}))`,
    ]),
    cte('updates', [
      '    select',
      "        'update' as dbt_change_type,",
      '        source_data.*,',
      `        snapshotted_data.${cols.dbt_scd_id}${comma}`,
      newRecord && `        snapshotted_data.${cols.dbt_is_deleted}`,
      '    from updates_source_data as source_data',
      '    join snapshotted_data',
      join,
      `    where (${changed})`,
    ]),
  );
  if (invalidates) {
    ctes.push(
      cte('deletes', [
        '    select',
        "        'delete' as dbt_change_type,",
        '        source_data.*,',
        `        ${now} as ${cols.dbt_valid_from},`,
        `        ${now} as ${cols.dbt_updated_at},`,
        `        ${now} as ${cols.dbt_valid_to},`,
        `        snapshotted_data.${cols.dbt_scd_id}${comma}`,
        newRecord && `        snapshotted_data.${cols.dbt_is_deleted}`,
        '    from snapshotted_data',
        '    left join deletes_source_data as source_data',
        join,
        `    where ${keyIsNull(config, 'source_data')}`,
        ...(newRecord ? notAlreadyDeleted : []),
      ]),
    );
  }
  if (newRecord) {
    // The deleted row's last values, then a fresh version flagged dbt_is_deleted = 'True'.
    const target = new Set(input.targetColumns.map((c) => c.toLowerCase()));
    const values = input.sourceColumns.map((c) => `${target.has(c.toLowerCase()) ? 'snapshotted_data' : 'source_data'}.${d.quoteIdentifier(c)}`);
    const keys = config.keyIsList
      ? config.uniqueKey.map((k, i) => `snapshotted_data.${k} as dbt_unique_key_${i + 1}`)
      : ['snapshotted_data.dbt_unique_key as dbt_unique_key'];
    ctes.push(
      cte('deletion_records', [
        '    select',
        "        'insert' as dbt_change_type,",
        ...[...values, ...keys].map((v) => `        ${v},`),
        `        ${now} as ${cols.dbt_valid_from},`,
        `        ${now} as ${cols.dbt_updated_at},`,
        `        snapshotted_data.${cols.dbt_valid_to} as ${cols.dbt_valid_to},`,
        `        ${hashArguments(d, [`snapshotted_data.${cols.dbt_scd_id}`, now])} as ${cols.dbt_scd_id},`,
        `        'True' as ${cols.dbt_is_deleted}`,
        '    from snapshotted_data',
        '    left join deletes_source_data as source_data',
        join,
        `    where ${keyIsNull(config, 'source_data')}`,
        ...notAlreadyDeleted,
      ]),
    );
  }
  const parts = ['select * from insertions', 'select * from updates'];
  if (invalidates) parts.push('select * from deletes');
  if (newRecord) parts.push('select * from deletion_records');
  return `with ${ctes.join(',\n\n')}\n\n${parts.join('\nunion all\n')}`;
}

/** Closes the replaced rows' validity, then inserts the new versions. Run in one transaction. */
export function snapshotMergeSql(d: Dialect, config: SnapshotConfig, target: RelationRef, staged: RelationRef, insertColumns: string[]): string[] {
  const cols = config.columns;
  const list = insertColumns.map((c) => d.quoteIdentifier(c)).join(', ');
  const values = insertColumns.map((c) => `DBT_INTERNAL_SOURCE.${d.quoteIdentifier(c)}`).join(', ');
  return [
    `update ${d.relation(target)} as DBT_INTERNAL_DEST\nset ${cols.dbt_valid_to} = DBT_INTERNAL_SOURCE.${cols.dbt_valid_to}\nfrom ${d.relation(staged)} as DBT_INTERNAL_SOURCE\nwhere DBT_INTERNAL_SOURCE.${cols.dbt_scd_id} = DBT_INTERNAL_DEST.${cols.dbt_scd_id}\n  and DBT_INTERNAL_SOURCE.dbt_change_type in ('update', 'delete')\n  and ${isCurrent(config, 'DBT_INTERNAL_DEST')}`,
    `insert into ${d.relation(target)} (${list})\nselect ${values}\nfrom ${d.relation(staged)} as DBT_INTERNAL_SOURCE\nwhere DBT_INTERNAL_SOURCE.dbt_change_type = 'insert'`,
  ];
}
