// store_failures: a test's failing rows kept as a table (or view) in the audit schema,
// `<target schema>_dbt_test__audit.<test name>`, replaced on every run, as dbt does.
import type { ManifestNode } from '../project/manifest-types.js';
import type { Adapter, Connection, Dialect, RelationRef } from '../warehouse/adapter.js';
import { once } from './once.js';

export type StoreFailuresAs = 'table' | 'view';

/** Whether and how the test's failures are stored: its config first, then the --store-failures flag. */
export function storeFailuresAs(node: ManifestNode, flags: Record<string, unknown>): StoreFailuresAs | null {
  const as = node.config.store_failures_as;
  if (as === 'table' || as === 'view') return as;
  if (as === 'ephemeral' || node.config.store_failures === false) return null;
  if (node.config.store_failures === true || flags.STORE_FAILURES === true) return 'table';
  return null;
}

/**
 * Where the failures go. dbt gives tests the custom schema `dbt_test__audit`, which the default
 * generate_schema_name appends to the target schema; the node keeps the target schema when the parser
 * did not apply it.
 */
export function auditRelation(node: ManifestNode, targetSchema: string): RelationRef {
  const custom = typeof node.config.schema === 'string' && node.config.schema ? node.config.schema : 'dbt_test__audit';
  const schema = node.schema && node.schema !== targetSchema ? node.schema : `${targetSchema}_${custom}`;
  return { database: node.database ?? null, schema, identifier: node.alias ?? node.name };
}

/** The statements that (re)create the audit relation from the test's SQL, after dropping `existing`. */
export function storeFailuresSql(dialect: Dialect, ref: RelationRef, as: StoreFailuresAs, compiledSql: string, existing: 'table' | 'view' | null): string[] {
  const out: string[] = [];
  if (existing) out.push(dialect.dropRelationIfExists(ref, existing));
  out.push(as === 'view' ? dialect.createViewAs(ref, compiledSql) : dialect.createTableAs(ref, compiledSql));
  return out;
}

/** Stores the failing rows of one test on the connection the test ran on. Returns the relation written. */
export async function storeFailures(
  adapter: Adapter,
  conn: Connection,
  node: ManifestNode,
  as: StoreFailuresAs,
  targetSchema: string,
  signal?: AbortSignal,
): Promise<RelationRef> {
  const ref = auditRelation(node, targetSchema);
  await once(adapter, `schema:${ref.database}.${ref.schema}`, async () => {
    await conn.execute(adapter.dialect.createSchemaIfNotExists(ref.schema, ref.database), { signal });
  });
  const found = await adapter.getRelation(ref, conn);
  const existing = found ? (found.type === 'view' ? 'view' : 'table') : null;
  for (const sql of storeFailuresSql(adapter.dialect, ref, as, node.compiled_code ?? '', existing)) await conn.execute(sql, { signal });
  return ref;
}
