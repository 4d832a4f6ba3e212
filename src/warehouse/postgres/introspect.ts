// Catalog queries for PostgreSQL (pg_namespace, pg_class, pg_attribute), never cached: callers cache.
// Types come from format_type(), so 'character varying(20)' or 'numeric(10,2)' can go into CREATE TABLE.
// PostgreSQL sees one database per connection, so `database` only labels the results.
import type { ColumnDef, Connection, RelationInfo, RelationRef, RelationType } from '../adapter.js';

const KINDS: Record<string, RelationType> = { r: 'table', p: 'table', v: 'view', m: 'materialized_view', f: 'external' };

export async function listSchemas(conn: Connection): Promise<string[]> {
  const r = await conn.execute(
    `select nspname from pg_namespace
     where nspname !~ '^pg_' and nspname <> 'information_schema' order by nspname`,
  );
  return r.rows.map((row) => String(row[0]));
}

const RELATIONS = `
  select current_database() as database, n.nspname as schema, c.relname as name, c.relkind::text as kind
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'f')`;

export async function listRelations(conn: Connection, schema: string): Promise<RelationInfo[]> {
  const r = await conn.execute(`select * from (${RELATIONS}) rel where schema = $1 order by name`, { params: [schema] });
  return r.rows.map(toRelationInfo);
}

/** The exact name first; otherwise a unique case-insensitive match (unquoted names fold to lower case). */
export async function getRelation(conn: Connection, ref: RelationRef): Promise<RelationInfo | null> {
  const r = await conn.execute(
    `select * from (${RELATIONS}) rel
     where lower(schema) = lower($1) and lower(name) = lower($2)
     order by (schema = $1 and name = $2) desc, (schema = $1) desc`,
    { params: [ref.schema, ref.identifier] },
  );
  if (r.rows.length === 0) return null;
  const exact = r.rows[0][1] === ref.schema && r.rows[0][2] === ref.identifier;
  return exact || r.rows.length === 1 ? toRelationInfo(r.rows[0]) : null;
}

export async function getColumns(conn: Connection, ref: RelationRef): Promise<ColumnDef[]> {
  const relation = await getRelation(conn, ref);
  if (!relation) return [];
  const r = await conn.execute(
    `select a.attname, format_type(a.atttypid, a.atttypmod)
     from pg_attribute a
     join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relname = $2 and a.attnum > 0 and not a.attisdropped
     order by a.attnum`,
    { params: [relation.schema, relation.identifier] },
  );
  return r.rows.map((row) => ({ name: String(row[0]), dataType: String(row[1]) }));
}

function toRelationInfo(row: unknown[]): RelationInfo {
  return { database: String(row[0]), schema: String(row[1]), identifier: String(row[2]), type: KINDS[String(row[3])] ?? 'table' };
}
