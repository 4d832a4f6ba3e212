// Finds and cleans up the tmp/backup relations a killed run may have left next to a target.
import type { Adapter, Connection, RelationInfo, RelationRef } from '../../warehouse/adapter.js';
import { runAll } from './executor.js';
import { BACKUP_SUFFIX, TMP_SUFFIX, suffixed } from './relation-names.js';
import { cleanupLeftovers } from './sql/create.js';
import type { KnownRelations } from './types.js';

/**
 * Cleans up, then returns the target relation as it now exists (or null). With `known` (the runner's
 * listing, whose schemas it created) no catalog query is needed unless there are leftovers.
 */
export async function prepareTarget(adapter: Adapter, conn: Connection, target: RelationRef, signal?: AbortSignal, known?: KnownRelations): Promise<RelationInfo | null> {
  const fromListing = known ? [known(target), known(suffixed(target, TMP_SUFFIX)), known(suffixed(target, BACKUP_SUFFIX))] : [];
  let existing: RelationInfo | null;
  let tmp: RelationInfo | null;
  let backup: RelationInfo | null;
  if (fromListing.length === 3 && fromListing.every((r) => r !== undefined)) {
    [existing, tmp, backup] = fromListing as (RelationInfo | null)[] as [RelationInfo | null, RelationInfo | null, RelationInfo | null];
  } else {
    await ensureSchema(adapter, conn, target);
    // On `conn`, one at a time: the runner's thread holds it, and the pool may have no other.
    existing = await adapter.getRelation(target, conn);
    tmp = await adapter.getRelation(suffixed(target, TMP_SUFFIX), conn);
    backup = await adapter.getRelation(suffixed(target, BACKUP_SUFFIX), conn);
  }
  const statements = cleanupLeftovers(adapter.dialect, target, { target: existing, tmp, backup });
  if (statements.length === 0) return existing;
  await conn.transaction((tx) => runAll(tx, statements, signal));
  return adapter.getRelation(target, conn);
}

/**
 * CREATE SCHEMA IF NOT EXISTS can still fail when two threads race to create the same schema
 * (PostgreSQL reports a duplicate key). Once the other thread has committed, a second attempt is a
 * no-op; a real error (permissions) fails again and is thrown.
 */
async function ensureSchema(adapter: Adapter, conn: Connection, target: RelationRef): Promise<void> {
  const sql = adapter.dialect.createSchemaIfNotExists(target.schema, target.database);
  try {
    await conn.execute(sql);
  } catch {
    await conn.execute(sql);
  }
}
