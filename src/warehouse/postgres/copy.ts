// Bulk insert with COPY … FROM STDIN in CSV format. NULL is an unquoted empty field and every string
// is quoted (quotes doubled), so '' , 'a,b', '"x"' and newlines survive exactly; see ../values.ts for
// how other JS values are written.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Dialect, RelationRef } from '../adapter.js';
import { valueAsText } from '../values.js';

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

/** Streams rows into the table; resolves with the number of rows sent. */
export async function copyRows(client: PoolClient, sql: string, width: number, rows: AsyncIterable<unknown[]> | Iterable<unknown[]>): Promise<number> {
  let count = 0;
  async function* csv(): AsyncGenerator<string> {
    let buffer = '';
    for await (const row of rows) {
      let line = '';
      for (let i = 0; i < width; i++) line += (i === 0 ? '' : ',') + csvField(row[i]);
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
