// Bulk insert with COPY … FROM STDIN in CSV format. NULL is an unquoted empty field and every string
// is quoted (quotes doubled), so '' , 'a,b', '"x"' and newlines survive exactly; see ../values.ts for
// how other JS values are written.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Dialect, RelationRef } from '../adapter.js';
import { valueAsText, zonedToUtcTimestamp } from '../values.js';

const CHUNK_CHARS = 256 * 1024;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text = value instanceof Uint8Array ? `\\x${Buffer.from(value).toString('hex')}` : valueAsText(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function copyStatement(dialect: Dialect, relation: RelationRef, columns: string[]): string {
  const cols = columns.map((c) => dialect.quoteIdentifier(c)).join(', ');
  return `COPY ${dialect.relation(relation)} (${cols}) FROM STDIN WITH (FORMAT csv)`;
}

/** Indexes of `columns` that are TIMESTAMP (without time zone) columns of the table. */
export async function naiveTimestampColumns(client: PoolClient, dialect: Dialect, relation: RelationRef, columns: string[]): Promise<Set<number>> {
  const r = await client.query(
    `select attname from pg_attribute
     where attrelid = to_regclass($1) and atttypid = 'timestamp'::regtype and attnum > 0 and not attisdropped`,
    [dialect.relation({ ...relation, database: null })],
  );
  const names = new Set(r.rows.map((row: { attname: string }) => row.attname));
  return new Set(columns.flatMap((c, i) => (names.has(c) ? [i] : [])));
}

/** Streams rows into the table; resolves with the number of rows sent. */
export async function copyRows(
  client: PoolClient,
  sql: string,
  width: number,
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>,
  naiveTimestamps: Set<number> = new Set(),
): Promise<number> {
  let count = 0;
  const field = (row: unknown[], i: number): string => {
    const v = row[i];
    if (typeof v === 'string' && naiveTimestamps.has(i)) return csvField(zonedToUtcTimestamp(v) ?? v);
    return csvField(v);
  };
  async function* csv(): AsyncGenerator<string> {
    let buffer = '';
    for await (const row of rows) {
      let line = '';
      for (let i = 0; i < width; i++) line += (i === 0 ? '' : ',') + field(row, i);
      buffer += line + '\n';
      count++;
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(csv()), client.query(copyFrom(sql)));
  return count;
}
