// A query result as CSV (RFC 4180: quote fields holding a comma, quote or line break).
import type { TileColumn } from './api-types.js';

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Uint8Array ? Buffer.from(v).toString('hex') : typeof v === 'object' ? JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: TileColumn[], rows: unknown[][]): string {
  return [columns.map((c) => field(c.name)).join(','), ...rows.map((r) => r.map(field).join(','))].join('\r\n') + '\r\n';
}
