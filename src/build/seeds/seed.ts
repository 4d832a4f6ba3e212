// Builds a seed: read the CSV, infer column types, and load it. When the table exists with the same
// columns and types it is truncated and reloaded in one transaction (dependent views and grants stay);
// otherwise a new table is loaded under a tmp name and swapped into place, as for a table model.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { ManifestNode } from '../../project/manifest-types.js';
import type { Adapter, Connection, RelationInfo, RelationRef } from '../../warehouse/adapter.js';
import { shouldFullRefresh } from '../materializations/config.js';
import { commitWithState, runAll } from '../materializations/executor.js';
import { prepareTarget } from '../materializations/leftovers.js';
import type { KnownRelations } from '../materializations/types.js';
import { TMP_SUFFIX, suffixed } from '../materializations/relation-names.js';
import { swapIntoPlace } from '../materializations/sql/create.js';
import { diffColumns, isEmptyDiff } from '../materializations/sql/schema-change.js';
import type { MaterializeResult } from '../materializations/types.js';
import { readCsv, type CsvTable } from './csv-read.js';
import { inferColumnType, loadValue, sqlType, type SeedType } from './infer-types.js';
import { createSeedTableSql, truncateSql, type SeedColumn } from './sql.js';

export interface SeedInput {
  node: ManifestNode;
  relation: RelationRef;
  adapter: Adapter;
  conn: Connection;
  fullRefresh: boolean;
  /** The project root; the CSV is node.root_path (or original_file_path) under it. */
  projectDir: string;
  signal?: AbortSignal;
  /** The runner's listing of existing relations (see MaterializeInput.known). */
  known?: KnownRelations;
  afterWrite?: (conn: Connection) => Promise<void>;
}

/** The seed's columns: inferred types, with column_types overriding by (case-insensitive) name. */
export function seedColumns(adapter: Adapter, node: ManifestNode, table: CsvTable): { columns: SeedColumn[]; inferred: SeedType[] } {
  const overrides = new Map(Object.entries(node.config.column_types ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const inferred = table.header.map((_, i) => inferColumnType(table.rows.map((r) => r[i] ?? '')));
  // Keys naming columns this CSV does not have are ignored, as dbt does: project-level column_types
  // apply to every seed in the folder.
  const columns = table.header.map((name, i) => ({ name, type: overrides.get(name.toLowerCase()) ?? sqlType(adapter.dialect, inferred[i]!) }));
  return { columns, inferred };
}

export async function buildSeed(input: SeedInput): Promise<MaterializeResult> {
  const { adapter, conn, node, relation, signal } = input;
  const d = adapter.dialect;
  // original_file_path is relative to the root project (packages' seeds include dbt_packages/<name>/).
  const file = node.original_file_path;
  const text = await readFile(isAbsolute(file) ? file : join(input.projectDir, file), 'utf8');
  const delimiter = typeof node.config.delimiter === 'string' && node.config.delimiter !== '' ? node.config.delimiter : ',';
  const table = readCsv(text, node.original_file_path, delimiter);
  const { columns, inferred } = seedColumns(adapter, node, table);
  const quote = node.config.quote_columns === true;
  const rows = table.rows.map((r) => r.map((v, i) => loadValue(inferred[i]!, v)));

  const existing = await prepareTarget(adapter, conn, relation, signal, input.known);
  const tmp: RelationInfo = { ...suffixed(relation, TMP_SUFFIX), type: 'table' };
  await runAll(conn, [createSeedTableSql(d, tmp, columns, quote)], signal);
  const newColumns = await adapter.getColumns(tmp, conn);
  const loadNames = newColumns.map((c) => c.name);

  const reuse =
    existing?.type === 'table' &&
    !shouldFullRefresh(node, input.fullRefresh) &&
    isEmptyDiff(diffColumns(await adapter.getColumns(existing, conn), newColumns));
  let loaded: number;
  if (reuse) {
    await conn.execute(d.dropRelationIfExists(tmp, 'table'));
    loaded = await commitWithState(input, async (tx) => {
      await runAll(tx, [truncateSql(d, relation)], signal);
      return tx.bulkInsert(relation, loadNames, rows);
    });
  } else {
    loaded = await conn.bulkInsert(tmp, loadNames, rows);
    await commitWithState(input, (tx) => runAll(tx, swapIntoPlace(d, tmp, relation, existing), signal));
  }
  return { rowsAffected: loaded, message: `INSERT ${loaded}` };
}
