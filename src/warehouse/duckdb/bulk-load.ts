// Bulk insert through the DuckDB appender. Values are converted per column here (the appender does
// not cast), so a bad value is reported with its row and column. Loading a subset of the columns goes
// through a temporary table so the others get their defaults.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { duckdb } from './duckdb-api.js';
import { DatabaseError, type QueryResult, type RelationRef } from '../adapter.js';
import { DuckDBDialect } from './dialect.js';
import { toDatabaseError } from './errors.js';
import { columnConverter } from './to-duckdb.js';

const dialect = new DuckDBDialect();
let stagingCounter = 0;

type Run = (sql: string) => Promise<QueryResult>;

async function tableColumns(run: Run, relation: RelationRef): Promise<string[]> {
  const r = await run(
    `select column_name from duckdb_columns()
     where database_name = coalesce(${relation.database === null ? 'null' : dialect.quoteString(relation.database)}, current_database())
       and lower(schema_name) = lower(${dialect.quoteString(relation.schema)})
       and lower(table_name) = lower(${dialect.quoteString(relation.identifier)})
     order by column_index`,
  );
  return r.rows.map((row) => String(row[0]));
}

/** Appends rows whose values are in `order` (an index into the row for each table column). */
async function append(
  raw: DuckDBConnection,
  target: RelationRef,
  columns: string[],
  order: number[],
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>,
): Promise<number> {
  const appender = await raw.createAppender(target.identifier, target.schema, target.database);
  const converters = order.map((_, i) => columnConverter(appender.columnType(i)));
  const writer = duckdb.DuckDBDataChunkWriter.forAppender(appender);
  const out: DuckDBValue[] = new Array(order.length);
  let count = 0;
  const appendRow = (row: unknown[]): void => {
    for (let i = 0; i < order.length; i++) {
      const value = row[order[i]];
      try {
        out[i] = value === null || value === undefined ? null : converters[i](value);
      } catch (e) {
        throw new DatabaseError(
          `bulk insert into ${dialect.relation(target)}: row ${count + 1}, column "${columns[order[i]]}": ${(e as Error).message}`,
          'appender',
          e,
        );
      }
    }
    writer.appendRow(out);
    count++;
  };
  try {
    // A plain iterable is walked synchronously: awaiting each of a million rows costs more than the load.
    if (Symbol.iterator in rows) for (const row of rows) appendRow(row);
    else for await (const row of rows) appendRow(row);
    writer.flush();
  } finally {
    appender.closeSync();
  }
  return count;
}

export async function bulkLoad(
  raw: DuckDBConnection,
  relation: RelationRef,
  columns: string[],
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>,
  run: Run,
): Promise<number> {
  const existing = await tableColumns(run, relation);
  const where = dialect.relation(relation);
  if (existing.length === 0) throw new DatabaseError(`bulk insert: table ${where} does not exist`, `appender ${where}`);
  const position = new Map(columns.map((c, i) => [c.toLowerCase(), i]));
  const unknown = columns.filter((c) => !existing.some((e) => e.toLowerCase() === c.toLowerCase()));
  if (unknown.length > 0) {
    throw new DatabaseError(`bulk insert: ${where} has no column ${unknown.map((c) => `"${c}"`).join(', ')} (it has ${existing.join(', ')})`, `appender ${where}`);
  }
  try {
    if (columns.length === existing.length) {
      return await append(raw, relation, columns, existing.map((e) => position.get(e.toLowerCase())!), rows);
    }
    const staging = { database: 'temp', schema: 'main', identifier: `__martflow_load_${process.pid}_${++stagingCounter}` };
    const cols = columns.map((c) => dialect.quoteIdentifier(c)).join(', ');
    await run(`create temp table ${dialect.quoteIdentifier(staging.identifier)} as select ${cols} from ${where} limit 0`);
    try {
      const count = await append(raw, staging, columns, columns.map((_, i) => i), rows);
      await run(dialect.insertIntoSelect(relation, columns, `select ${cols} from ${dialect.relation(staging)}`));
      return count;
    } finally {
      await run(`drop table if exists ${dialect.relation(staging)}`);
    }
  } catch (error) {
    throw toDatabaseError(error, `appender ${where}`);
  }
}
