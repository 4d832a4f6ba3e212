// Builds a snapshot: the first run creates the table (tmp + swap); later runs stage the changes and
// close/insert row versions in one transaction, adding any new source columns to the table first.
import type { ManifestNode } from '../../project/manifest-types.js';
import { UserError } from '../../util/errors.js';
import type { Adapter, Connection, RelationInfo, RelationRef } from '../../warehouse/adapter.js';
import { compiledSql } from '../materializations/config.js';
import { commitWithState, countRows, runAll } from '../materializations/executor.js';
import { prepareTarget } from '../materializations/leftovers.js';
import type { KnownRelations } from '../materializations/types.js';
import { TMP_SUFFIX, cleanSelect, suffixed } from '../materializations/relation-names.js';
import { swapIntoPlace } from '../materializations/sql/create.js';
import { addColumnsSql } from '../materializations/sql/schema-change.js';
import type { MaterializeResult } from '../materializations/types.js';
import { snapshotConfig, type SnapshotConfig } from './config.js';
import { buildSnapshotSelect, snapshotMergeSql, snapshotStagingSelect } from './sql.js';
import { strategySql } from './strategy.js';

export interface SnapshotInput {
  /** The snapshot node with config resolved and compiled_code set (the select inside the snapshot block). */
  node: ManifestNode;
  relation: RelationRef;
  adapter: Adapter;
  conn: Connection;
  signal?: AbortSignal;
  /** The runner's listing of existing relations (see MaterializeInput.known). */
  known?: KnownRelations;
  afterWrite?: (conn: Connection) => Promise<void>;
}

export async function buildSnapshot(input: SnapshotInput): Promise<MaterializeResult> {
  const { adapter, conn, node, relation, signal } = input;
  const d = adapter.dialect;
  const config = snapshotConfig(node);
  const source = cleanSelect(compiledSql(node));
  const existing = await prepareTarget(adapter, conn, relation, signal, input.known);
  const probe = await conn.execute(`select * from (\n${source}\n) as snapshot_query where 1 = 0`);
  const sourceColumns = probe.columns.map((c) => c.name);
  const tmp: RelationInfo = { ...suffixed(relation, TMP_SUFFIX), type: 'table' };

  if (!existing) {
    const strategy = strategySql(d, config, { columns: checkColumns(d, config, sourceColumns, sourceColumns).columns, columnAdded: false });
    await runAll(conn, [d.createTableAs(tmp, buildSnapshotSelect({ config, strategy, sourceSql: source }))], signal);
    const rows = await countRows(conn, d.relation(tmp));
    await commitWithState(input, (tx) => runAll(tx, swapIntoPlace(d, tmp, relation, null), signal));
    return { rowsAffected: rows, message: `SELECT ${rows}` };
  }
  if (existing.type !== 'table') {
    throw new UserError(`the snapshot ${node.name} would write into ${d.relation(relation)}, which is a ${existing.type}`, {
      location: node.location ?? { file: node.original_file_path },
      node: node.unique_id,
      hint: 'Drop that relation, or point the snapshot at another schema or alias.',
    });
  }

  let targetColumns = await adapter.getColumns(relation, conn);
  const preAlters: string[] = [];
  if (config.hardDeletes === 'new_record' && !hasColumn(targetColumns.map((c) => c.name), config.columns.dbt_is_deleted)) {
    preAlters.push(...addColumnsSql(d, relation, [{ name: config.columns.dbt_is_deleted, dataType: d.types.string }]));
  }
  if (preAlters.length) {
    await conn.transaction((tx) => runAll(tx, preAlters, signal));
    targetColumns = await adapter.getColumns(relation, conn);
  }
  const targetNames = targetColumns.map((c) => c.name);
  const strategy = strategySql(d, config, checkColumns(d, config, sourceColumns, targetNames));
  const staging = snapshotStagingSelect(d, { config, strategy, sourceSql: source, target: relation, sourceColumns, targetColumns: targetNames });
  await runAll(conn, [d.createTableAs(tmp, staging)], signal);
  try {
    const stagedColumns = await adapter.getColumns(tmp, conn);
    const missing = stagedColumns.filter((c) => !isStagingOnly(c.name) && !hasColumn(targetNames, c.name));
    const insertColumns = [...targetNames, ...missing.map((c) => c.name)];
    const inserted = await commitWithState(input, async (tx): Promise<number | null> => {
      await runAll(tx, addColumnsSql(d, relation, missing), signal);
      const [update, insert] = snapshotMergeSql(d, config, relation, tmp, insertColumns);
      await tx.execute(update!, signal ? { signal } : undefined);
      return (await tx.execute(insert!, signal ? { signal } : undefined)).rowsAffected;
    });
    return { rowsAffected: inserted, message: `INSERT 0 ${inserted ?? 0}` };
  } finally {
    await conn.execute(d.dropRelationIfExists(tmp, 'table')).catch(() => undefined);
  }
}

function hasColumn(names: string[], name: string): boolean {
  const lower = name.toLowerCase();
  return names.some((n) => n.toLowerCase() === lower);
}

function isStagingOnly(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'dbt_change_type' || n === 'dbt_unique_key' || /^dbt_unique_key_\d+$/u.test(n);
}

/**
 * check_cols 'all' compares every source column the snapshot table already has; a source column the
 * table lacks means every row changed (dbt's snapshot_check_all_get_existing_columns).
 */
function checkColumns(
  d: Adapter['dialect'],
  config: SnapshotConfig,
  sourceColumns: string[],
  targetColumns: string[],
): { columns: string[]; columnAdded: boolean } {
  if (config.strategy !== 'check') return { columns: [], columnAdded: false };
  if (config.checkCols !== 'all') return { columns: config.checkCols, columnAdded: false };
  const present = sourceColumns.filter((c) => hasColumn(targetColumns, c));
  return { columns: present.map((c) => d.quoteIdentifier(c)), columnAdded: present.length < sourceColumns.length };
}
