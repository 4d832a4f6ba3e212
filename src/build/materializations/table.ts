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
  const current = existing === undefined ? await prepareTarget(adapter, conn, relation, signal, input.known) : existing;
  const tmp: RelationInfo = { ...suffixed(relation, TMP_SUFFIX), type: 'table' };
  await runAll(conn, [d.createTableAs(tmp, cleanSelect(compiledSql(input.node)))], signal);
  const rows = await countRows(conn, d.relation(tmp));
  await commitWithState(input, (tx) => runAll(tx, swapIntoPlace(d, tmp, relation, current), signal));
  return { rowsAffected: rows, message: `SELECT ${rows}` };
}

export async function materializeView(input: MaterializeInput): Promise<MaterializeResult> {
  const { adapter, conn, relation, signal } = input;
  const d = adapter.dialect;
  const current = await prepareTarget(adapter, conn, relation, signal, input.known);
  if (adapter.capabilities.replaceViewAnyColumns && (current === null || current.type === 'view') && !input.afterWrite) {
    // One atomic statement: a failing SQL leaves the old view, a kill leaves the old or the new one.
    await runAll(conn, [`CREATE OR REPLACE VIEW ${d.relation(relation)} AS (\n${cleanSelect(compiledSql(input.node))}\n)`], signal);
    return { rowsAffected: null, message: 'CREATE VIEW' };
  }
  const tmp: RelationInfo = { ...suffixed(relation, TMP_SUFFIX), type: 'view' };
  await runAll(conn, [d.createViewAs(tmp, cleanSelect(compiledSql(input.node)))], signal);
  await commitWithState(input, (tx) => runAll(tx, swapIntoPlace(d, tmp, relation, current), signal));
  return { rowsAffected: null, message: 'CREATE VIEW' };
}
