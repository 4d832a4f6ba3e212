// table (and view): build under a tmp name, then swap into place in one transaction, so a failing SQL
// leaves the previous relation untouched and a kill at any moment leaves the old or the new one visible.
import type { RelationInfo } from '../../warehouse/adapter.js';
import { compiledSql } from './config.js';
import { commitWithState, countRows, runAll } from './executor.js';
import { prepareTarget } from './leftovers.js';
import { TMP_SUFFIX, cleanSelect, suffixed } from './relation-names.js';
import { swapIntoPlace } from './sql/create.js';
import type { MaterializeInput, MaterializeResult } from './types.js';

export async function materializeTable(input: MaterializeInput, existing?: RelationInfo | null): Promise<MaterializeResult> {
  const { adapter, conn, relation, signal } = input;
  const d = adapter.dialect;
  const current = existing === undefined ? await prepareTarget(adapter, conn, relation, signal) : existing;
  const tmp: RelationInfo = { ...suffixed(relation, TMP_SUFFIX), type: 'table' };
  await runAll(conn, [d.createTableAs(tmp, cleanSelect(compiledSql(input.node)))], signal);
  const rows = await countRows(conn, d.relation(tmp));
  await commitWithState(input, (tx) => runAll(tx, swapIntoPlace(d, tmp, relation, current), signal));
  return { rowsAffected: rows, message: `SELECT ${rows}` };
}

export async function materializeView(input: MaterializeInput): Promise<MaterializeResult> {
  const { adapter, conn, relation, signal } = input;
  const d = adapter.dialect;
  const current = await prepareTarget(adapter, conn, relation, signal);
  const tmp: RelationInfo = { ...suffixed(relation, TMP_SUFFIX), type: 'view' };
  await runAll(conn, [d.createViewAs(tmp, cleanSelect(compiledSql(input.node)))], signal);
  await commitWithState(input, (tx) => runAll(tx, swapIntoPlace(d, tmp, relation, current), signal));
  return { rowsAffected: null, message: 'CREATE VIEW' };
}
