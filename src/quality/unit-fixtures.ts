// Unit-test fixtures as SQL: given / expect rows in dict, csv or sql format become a select, with
// values cast to the upstream relation's column types when that relation exists in the warehouse.
import { parse } from 'csv-parse/sync';
import type { ColumnDef, Dialect } from '../warehouse/adapter.js';
import { UserError } from '../util/errors.js';

export type FixtureFormat = 'dict' | 'csv' | 'sql';
type Row = Record<string, unknown>;

/** dict rows as they are; csv text parsed (empty cells are nulls, numbers as numbers); sql stays SQL. */
export function fixtureRows(rows: unknown, format: FixtureFormat, what: string): Row[] | string {
  if (format === 'sql') {
    if (typeof rows !== 'string') throw new UserError(`${what}: format sql needs rows: as a SQL select string`);
    return rows;
  }
  if (format === 'csv') {
    if (typeof rows !== 'string') throw new UserError(`${what}: format csv needs rows: as CSV text with a header line`);
    const records = parse(rows.trim(), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    // Without the upstream relation's types, numbers and booleans in the text are taken as such.
    const cell = (v: string): unknown => (v === '' ? null : /^[-+]?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v);
    return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)])));
  }
  if (rows === undefined || rows === null) return [];
  if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
    throw new UserError(`${what}: rows must be a list of mappings ({column: value})`, { hint: 'Write rows: [{id: 1, status: placed}] or use format: csv.' });
  }
  return rows as Row[];
}

function literal(dialect: Dialect, v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return dialect.quoteString(v.toISOString());
  return dialect.quoteString(String(v));
}

/**
 * A select producing the rows. With `columns` (the upstream relation's), every column is present,
 * typed as upstream, null where a row does not give it; without, the rows' own keys and literals.
 */
export function fixtureSelect(dialect: Dialect, rows: Row[], columns: ColumnDef[] | null): string {
  const names = columns ? columns.map((c) => c.name) : [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (names.length === 0) throw new UserError('a unit-test fixture has no columns', { hint: 'Give at least one row with its columns, or build the upstream relation first so its columns are known.' });
  const typeOf = new Map((columns ?? []).map((c) => [c.name.toLowerCase(), c.dataType]));
  const value = (row: Row | null, name: string) => {
    const key = row ? Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase()) : undefined;
    const lit = row && key !== undefined ? literal(dialect, row[key]) : 'null';
    const type = typeOf.get(name.toLowerCase()) ?? (lit === 'null' ? dialect.types.string : null);
    return `${type ? dialect.castAs(lit, type) : lit} as ${dialect.quoteIdentifier(name)}`;
  };
  if (rows.length === 0) return `select ${names.map((n) => value(null, n)).join(', ')} where 1 = 0`;
  return rows.map((r) => `select ${names.map((n) => value(r, n)).join(', ')}`).join('\nunion all\n');
}

/** A value as compared between expected and actual rows: numbers by value, the rest as text. */
export function comparable(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v.trim() : String(v);
  if (s !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return String(Number(s));
  if (/^(true|false)$/i.test(s)) return s.toLowerCase();
  return s;
}
