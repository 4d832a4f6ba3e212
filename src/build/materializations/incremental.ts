// incremental: the first run and --full-refresh build a table (atomic swap); later runs stage the new
// rows in a table, reconcile the schema per on_schema_change, and apply the strategy in one transaction.
import type { ManifestNode } from '../../project/manifest-types.js';
import { UserError } from '../../util/errors.js';
import type { Adapter, ColumnDef, RelationInfo } from '../../warehouse/adapter.js';
import {
  compiledSql,
  configList,
  incrementalStrategy,
  onSchemaChange,
  resolveColumns,
  uniqueKeyList,
  willBeIncremental,
  type IncrementalStrategy,
} from './config.js';
import { commitWithState, runAll } from './executor.js';
import { prepareTarget } from './leftovers.js';
import { TMP_SUFFIX, cleanSelect, suffixed } from './relation-names.js';
import { appendSql, deleteInsertSql, duplicateKeySql, mergeSql, type IncrementalSqlInput } from './sql/incremental.js';
import { describeDiff, diffColumns, isEmptyDiff, schemaChangeSql } from './sql/schema-change.js';
import { materializeTable } from './table.js';
import type { MaterializeInput, MaterializeResult } from './types.js';

export async function materializeIncremental(input: MaterializeInput): Promise<MaterializeResult> {
  const { adapter, conn, relation, signal, node } = input;
  const uniqueKey = uniqueKeyList(node);
  const strategy = incrementalStrategy(node, uniqueKey);
  const mode = onSchemaChange(node);
  const existing = await prepareTarget(adapter, conn, relation, signal, input.known);
  if (!willBeIncremental(node, existing, input.fullRefresh)) return materializeTable(input, existing);

  const d = adapter.dialect;
  const staged: RelationInfo = { ...suffixed(relation, TMP_SUFFIX), type: 'table' };
  await runAll(conn, [d.createTableAs(staged, cleanSelect(compiledSql(node)))], signal);
  try {
    const targetColumns = await adapter.getColumns(relation, conn);
    const stagedColumns = await adapter.getColumns(staged, conn);
    const keys = resolveColumns(node, 'unique_key', uniqueKey, stagedColumns);
    const diff = diffColumns(targetColumns, stagedColumns);
    if (mode === 'fail' && !isEmptyDiff(diff)) {
      throw new UserError(`the columns of ${node.name} changed and on_schema_change is 'fail': ${describeDiff(diff)}`, {
        location: node.location ?? { file: node.original_file_path },
        node: node.unique_id,
        hint: "Run with --full-refresh to rebuild the table, or set on_schema_change to 'append_new_columns' or 'sync_all_columns'.",
      });
    }
    const alters = mode === 'append_new_columns' || mode === 'sync_all_columns' ? schemaChangeSql(d, relation, diff, mode) : [];
    const columns = writableColumns(targetColumns, stagedColumns, mode);
    const sqlInput: IncrementalSqlInput = {
      target: relation,
      staged,
      columns,
      uniqueKey: keys,
      predicates: configList(node, 'incremental_predicates') ?? [],
      updateColumns: updateColumns(node, columns, stagedColumns),
    };
    if (strategy === 'merge') await assertUniqueKeys(input, keys);
    const plan = strategySql(adapter, strategy, sqlInput);
    const written = await commitWithState(input, async (tx) => {
      await runAll(tx, alters, signal);
      const results = [];
      for (const sql of plan.statements) results.push(await tx.execute(sql, signal ? { signal } : undefined));
      return results[results.length - 1]?.rowsAffected ?? null;
    });
    return { rowsAffected: written, message: plan.verb === 'MERGE' ? `MERGE ${written ?? 0}` : `INSERT 0 ${written ?? 0}` };
  } finally {
    await conn.execute(d.dropRelationIfExists(staged, 'table')).catch(() => undefined);
  }
}

async function assertUniqueKeys(input: MaterializeInput, keys: string[]): Promise<void> {
  const { adapter, conn, node, relation } = input;
  const res = await conn.execute(duplicateKeySql(adapter.dialect, suffixed(relation, TMP_SUFFIX), keys), input.signal ? { signal: input.signal } : undefined);
  const row = res.rows[0];
  if (!row) return;
  const value = keys.map((k, i) => `${k}=${row[i] === null ? 'null' : String(row[i])}`).join(', ');
  throw new UserError(`the new rows of ${node.name} repeat the unique_key (${value} appears ${String(row[keys.length])} times), so merge cannot tell which row wins`, {
    location: node.location ?? { file: node.original_file_path },
    node: node.unique_id,
    hint: "Deduplicate the model's rows (e.g. qualify row_number() over (partition by the key) = 1), or use incremental_strategy='delete+insert'.",
  });
}

/** Columns present in both (after the schema change), in the target's order, then the added ones. */
function writableColumns(target: ColumnDef[], staged: ColumnDef[], mode: string): string[] {
  const stagedNames = new Set(staged.map((c) => c.name.toLowerCase()));
  const cols = target.filter((c) => stagedNames.has(c.name.toLowerCase())).map((c) => c.name);
  if (mode === 'append_new_columns' || mode === 'sync_all_columns') {
    const targetNames = new Set(target.map((c) => c.name.toLowerCase()));
    cols.push(...staged.filter((c) => !targetNames.has(c.name.toLowerCase())).map((c) => c.name));
  }
  return cols;
}

/** merge_update_columns / merge_exclude_columns, as in dbt. */
function updateColumns(node: ManifestNode, columns: string[], staged: ColumnDef[]): string[] | undefined {
  const only = configList(node, 'merge_update_columns');
  if (only) return resolveColumns(node, 'merge_update_columns', only, staged);
  const exclude = configList(node, 'merge_exclude_columns');
  if (!exclude) return undefined;
  const drop = new Set(resolveColumns(node, 'merge_exclude_columns', exclude, staged).map((c) => c.toLowerCase()));
  return columns.filter((c) => !drop.has(c.toLowerCase()));
}

function strategySql(adapter: Adapter, strategy: IncrementalStrategy, input: IncrementalSqlInput): { statements: string[]; verb: 'INSERT' | 'MERGE' } {
  const d = adapter.dialect;
  if (strategy === 'append') return { statements: appendSql(d, input), verb: 'INSERT' };
  if (strategy === 'merge' && adapter.capabilities.merge) return { statements: mergeSql(d, input), verb: 'MERGE' };
  // delete+insert, and merge on engines without MERGE (same result inside one transaction).
  return { statements: deleteInsertSql(d, input), verb: 'INSERT' };
}
