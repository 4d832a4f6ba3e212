// Column types for a seed, inferred like dbt's agate type tester: the first of integer, number, date,
// datetime, boolean that accepts every non-empty value of a column, else text. Empty strings are null
// (and, in text columns, the string 'null', as in dbt).
import type { Dialect } from '../../warehouse/adapter.js';

export type SeedType = 'integer' | 'bigint' | 'float' | 'date' | 'timestamp' | 'boolean' | 'text';

const INTEGER = /^[+-]?\d+$/u;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
// "%Y-%m-%d %H:%M:%S" and ISO 8601 without a zone (a zone would need timestamptz, kept as text).
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?$/u;
const BOOLEAN = /^(true|false)$/iu;
const INT32_MAX = 2147483647n;

function validDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

const TESTS: [SeedType, (v: string) => boolean][] = [
  ['integer', (v) => INTEGER.test(v)],
  ['float', (v) => NUMBER.test(v)],
  ['date', (v) => { const m = DATE.exec(v); return m !== null && validDate(m[1]!, m[2]!, m[3]!); }],
  ['timestamp', (v) => { const m = DATETIME.exec(v); return m !== null && validDate(m[1]!, m[2]!, m[3]!) && Number(m[4]) < 24 && Number(m[5]) < 60; }],
  ['boolean', (v) => BOOLEAN.test(v)],
];

export function inferColumnType(values: Iterable<string>): SeedType {
  const candidates = new Set(TESTS.map(([t]) => t));
  let wide = false;
  for (const v of values) {
    if (v === '') continue;
    for (const [type, accepts] of TESTS) if (candidates.has(type) && !accepts(v)) candidates.delete(type);
    if (candidates.has('integer') && !wide) {
      const n = BigInt(v);
      if (n > INT32_MAX || n < -INT32_MAX - 1n) wide = true;
    }
    if (candidates.size === 0) return 'text';
  }
  const first = TESTS.find(([t]) => candidates.has(t))?.[0] ?? 'text';
  return first === 'integer' && wide ? 'bigint' : first;
}

export function sqlType(d: Dialect, type: SeedType): string {
  switch (type) {
    case 'integer': return d.types.integer;
    case 'bigint': return d.types.bigint;
    case 'float': return d.types.float;
    case 'date': return d.types.date;
    case 'timestamp': return d.types.timestamp;
    case 'boolean': return d.types.boolean;
    case 'text': return d.types.string;
  }
}

/** The value to load: null for empty (and 'null' in text columns), the text otherwise. */
export function loadValue(type: SeedType | 'custom', raw: string): string | null {
  if (raw === '') return null;
  if ((type === 'text' || type === 'custom') && raw === 'null') return null;
  return raw;
}
