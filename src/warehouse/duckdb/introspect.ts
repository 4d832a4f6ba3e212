// Catalog queries for DuckDB (duckdb_schemas/tables/views/columns), never cached: callers cache.
// A null database means the connection's current catalog.
import type { ColumnDef, Connection, RelationInfo, RelationRef } from '../adapter.js';

const DATABASE = `coalesce($1, current_database())`;

export async function listSchemas(conn: Connection, database: string | null): Promise<string[]> {
  const r = await conn.execute(
    `select schema_name from duckdb_schemas() where database_name = ${DATABASE} and not internal order by schema_name`,
    { params: [database] },
  );
  return r.rows.map((row) => String(row[0]));
}

const RELATIONS = `
  select database_name, schema_name, table_name as name, 'table' as type from duckdb_tables() where not temporary
  union all
  select database_name, schema_name, view_name, 'view' from duckdb_views() where not internal and not temporary`;

export async function listRelations(conn: Connection, database: string | null, schema: string): Promise<RelationInfo[]> {
  const r = await conn.execute(
    `select database_name, schema_name, name, type from (${RELATIONS}) where database_name = ${DATABASE} and lower(schema_name) = lower($2) order by name`,
    { params: [database, schema] },
  );
  return r.rows.map(toRelationInfo);
}

/** Case-insensitive like DuckDB's own name resolution; reported with the catalog's spelling. */
export async function getRelation(conn: Connection, ref: RelationRef): Promise<RelationInfo | null> {
  const r = await conn.execute(
    `select database_name, schema_name, name, type from (${RELATIONS})
     where database_name = ${DATABASE} and lower(schema_name) = lower($2) and lower(name) = lower($3)`,
    { params: [ref.database, ref.schema, ref.identifier] },
  );
  return r.rows.length > 0 ? toRelationInfo(r.rows[0]) : null;
}

export async function getColumns(conn: Connection, ref: RelationRef): Promise<ColumnDef[]> {
  const r = await conn.execute(
    `select column_name, data_type from duckdb_columns()
     where database_name = ${DATABASE} and lower(schema_name) = lower($2) and lower(table_name) = lower($3)
     order by column_index`,
    { params: [ref.database, ref.schema, ref.identifier] },
  );
  return r.rows.map((row) => ({ name: String(row[0]), dataType: String(row[1]) }));
}

function toRelationInfo(row: unknown[]): RelationInfo {
  return { database: String(row[0]), schema: String(row[1]), identifier: String(row[2]), type: row[3] as RelationInfo['type'] };
}
