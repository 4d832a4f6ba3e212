// on_schema_change: the difference between the target's columns and the new rows' columns, and the
// ALTER statements that reconcile them.
import type { ColumnDef, Dialect, RelationRef } from '../../../warehouse/adapter.js';

export interface SchemaDiff {
  added: ColumnDef[];
  removed: ColumnDef[];
  changed: { name: string; from: string; to: string }[];
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/gu, ' ');

export function diffColumns(target: ColumnDef[], incoming: ColumnDef[]): SchemaDiff {
  const byName = new Map(target.map((c) => [c.name.toLowerCase(), c]));
  const incomingNames = new Set(incoming.map((c) => c.name.toLowerCase()));
  const diff: SchemaDiff = { added: [], removed: [], changed: [] };
  for (const c of incoming) {
    const old = byName.get(c.name.toLowerCase());
    if (!old) diff.added.push(c);
    else if (norm(old.dataType) !== norm(c.dataType)) diff.changed.push({ name: old.name, from: old.dataType, to: c.dataType });
  }
  for (const c of target) if (!incomingNames.has(c.name.toLowerCase())) diff.removed.push(c);
  return diff;
}

export function isEmptyDiff(diff: SchemaDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** "added: email (VARCHAR); removed: phone (VARCHAR); type changed: amount INTEGER → DOUBLE". */
export function describeDiff(diff: SchemaDiff): string {
  const parts: string[] = [];
  if (diff.added.length) parts.push(`added: ${diff.added.map((c) => `${c.name} (${c.dataType})`).join(', ')}`);
  if (diff.removed.length) parts.push(`removed: ${diff.removed.map((c) => `${c.name} (${c.dataType})`).join(', ')}`);
  if (diff.changed.length) parts.push(`type changed: ${diff.changed.map((c) => `${c.name} ${c.from} → ${c.to}`).join(', ')}`);
  return parts.join('; ');
}

export function addColumnsSql(d: Dialect, target: RelationRef, columns: ColumnDef[]): string[] {
  return columns.map((c) => `alter table ${d.relation(target)} add column ${d.quoteIdentifier(c.name)} ${c.dataType}`);
}

export function dropColumnsSql(d: Dialect, target: RelationRef, columns: ColumnDef[]): string[] {
  return columns.map((c) => `alter table ${d.relation(target)} drop column ${d.quoteIdentifier(c.name)}`);
}

export function changeColumnTypesSql(d: Dialect, target: RelationRef, changed: SchemaDiff['changed']): string[] {
  return changed.map((c) => {
    const col = d.quoteIdentifier(c.name);
    return `alter table ${d.relation(target)} alter column ${col} set data type ${c.to} using ${d.castAs(col, c.to)}`;
  });
}

/** The statements for a mode; 'fail' and 'ignore' change nothing (the caller raises for 'fail'). */
export function schemaChangeSql(
  d: Dialect,
  target: RelationRef,
  diff: SchemaDiff,
  mode: 'append_new_columns' | 'sync_all_columns',
): string[] {
  const statements = addColumnsSql(d, target, diff.added);
  if (mode === 'sync_all_columns') {
    statements.push(...dropColumnsSql(d, target, diff.removed), ...changeColumnTypesSql(d, target, diff.changed));
  }
  return statements;
}
