// Pure SQL for seeds.
import type { Dialect, RelationRef } from '../../warehouse/adapter.js';

export interface SeedColumn {
  /** The header name. */
  name: string;
  /** SQL type (inferred, or from column_types). */
  type: string;
}

/**
 * quote_columns=false (dbt's default) leaves names to the engine's case folding, as dbt does — except
 * names that would not parse unquoted (spaces, punctuation, reserved words), which dbt would send as
 * a syntax error: those are quoted as written.
 */
export function seedColumnName(d: Dialect, name: string, quote: boolean): string {
  return quote || d.needsQuoting(name.toLowerCase()) ? d.quoteIdentifier(name) : name;
}

export function createSeedTableSql(d: Dialect, ref: RelationRef, columns: SeedColumn[], quote: boolean): string {
  const cols = columns.map((c) => `  ${seedColumnName(d, c.name, quote)} ${c.type}`).join(',\n');
  return `create table ${d.relation(ref)} (\n${cols}\n)`;
}

export function truncateSql(d: Dialect, ref: RelationRef): string {
  return `truncate table ${d.relation(ref)}`;
}
