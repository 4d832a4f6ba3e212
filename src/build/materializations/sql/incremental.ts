// Pure SQL for the incremental strategies. The new rows are already staged in a table; these statements
// move them into the target. Keys are matched null-safely so a row whose key is null updates instead
// of duplicating (dbt-core issue #5691).
import type { Dialect, RelationRef } from '../../../warehouse/adapter.js';

export const DEST = 'DBT_INTERNAL_DEST';
export const SOURCE = 'DBT_INTERNAL_SOURCE';

export interface IncrementalSqlInput {
  target: RelationRef;
  staged: RelationRef;
  /** Columns to write, in the target's order, as the engine spells them. */
  columns: string[];
  /** Unique key columns as the engine spells them; empty for append. */
  uniqueKey: string[];
  /** Extra conditions on the match, written against DBT_INTERNAL_DEST / DBT_INTERNAL_SOURCE as in dbt. */
  predicates: string[];
  /** merge only: the columns a match updates (default: all columns). */
  updateColumns?: string[];
}

function columnList(d: Dialect, columns: string[], prefix = ''): string {
  return columns.map((c) => prefix + d.quoteIdentifier(c)).join(', ');
}

function matchCondition(d: Dialect, input: IncrementalSqlInput): string {
  const keys = input.uniqueKey.map((k) =>
    d.nullSafeEquals(`${SOURCE}.${d.quoteIdentifier(k)}`, `${DEST}.${d.quoteIdentifier(k)}`),
  );
  return [...input.predicates.map((p) => `(${p})`), ...keys].join('\n    and ');
}

export function appendSql(d: Dialect, input: IncrementalSqlInput): string[] {
  return [d.insertIntoSelect(input.target, input.columns, `select ${columnList(d, input.columns)}\nfrom ${d.relation(input.staged)}`)];
}

/** Deletes the target rows the new rows replace, then inserts the new rows. Run in one transaction. */
export function deleteInsertSql(d: Dialect, input: IncrementalSqlInput): string[] {
  return [
    `delete from ${d.relation(input.target)} as ${DEST}\nwhere exists (\n  select 1 from ${d.relation(input.staged)} as ${SOURCE}\n  where ${matchCondition(d, input)}\n)`,
    ...appendSql(d, input),
  ];
}

export function mergeSql(d: Dialect, input: IncrementalSqlInput): string[] {
  const update = (input.updateColumns ?? input.columns)
    .map((c) => `${d.quoteIdentifier(c)} = ${SOURCE}.${d.quoteIdentifier(c)}`)
    .join(',\n    ');
  const lines = [
    `merge into ${d.relation(input.target)} as ${DEST}`,
    `using ${d.relation(input.staged)} as ${SOURCE}`,
    `on ${matchCondition(d, input)}`,
  ];
  if (update) lines.push(`when matched then update set\n    ${update}`);
  lines.push(
    `when not matched then insert (${columnList(d, input.columns)})`,
    `values (${columnList(d, input.columns, `${SOURCE}.`)})`,
  );
  return [lines.join('\n')];
}

/**
 * One key that occurs more than once among the new rows, with its count (no rows: keys are unique).
 * MERGE cannot apply two source rows to one target row; engines differ in how they fail, so the
 * merge checks first and says which key repeats.
 */
export function duplicateKeySql(d: Dialect, staged: RelationRef, uniqueKey: string[]): string {
  const keys = uniqueKey.map((k) => d.quoteIdentifier(k)).join(', ');
  return `select ${keys}, count(*) as n\nfrom ${d.relation(staged)}\ngroup by ${keys}\nhaving count(*) > 1\nlimit 1`;
}
