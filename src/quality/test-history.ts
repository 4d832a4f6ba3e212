// Every test execution appended to martflow_meta.test_results in the warehouse: the history that
// data-quality dashboards read (invocation, node, status, failures, seconds, timestamp).
import type { ManifestNode } from '../project/manifest-types.js';
import type { Adapter, Dialect, RelationRef } from '../warehouse/adapter.js';
import { once } from './once.js';

export const HISTORY_SCHEMA = 'martflow_meta';
export const HISTORY_TABLE = 'test_results';

/** One test execution as recorded. */
export interface TestExecution {
  invocationId: string;
  uniqueId: string;
  name: string;
  /** generic, singular or unit. */
  testType: string;
  attachedNode: string | null;
  status: string;
  failures: number | null;
  message: string;
  seconds: number;
  completedAt: Date;
}

const COLUMNS: [name: string, type: (t: Dialect['types']) => string][] = [
  ['invocation_id', (t) => t.string],
  ['unique_id', (t) => t.string],
  ['test_name', (t) => t.string],
  ['test_type', (t) => t.string],
  ['attached_node', (t) => t.string],
  ['status', (t) => t.string],
  ['failures', (t) => t.bigint],
  ['message', (t) => t.string],
  ['execution_seconds', (t) => t.float],
  ['completed_at', (t) => t.timestamp],
];

export function historyRelation(database: string | null): RelationRef {
  return { database, schema: HISTORY_SCHEMA, identifier: HISTORY_TABLE };
}

/** Creates the schema and table when missing (never alters an existing one). */
export function historyDdl(dialect: Dialect, database: string | null): string[] {
  const cols = COLUMNS.map(([name, type]) => `  ${dialect.quoteIdentifier(name)} ${type(dialect.types)}`).join(',\n');
  return [dialect.createSchemaIfNotExists(HISTORY_SCHEMA, database), `create table if not exists ${dialect.relation(historyRelation(database))} (\n${cols}\n)`];
}

function timestampLiteral(dialect: Dialect, d: Date): string {
  return `cast(${dialect.quoteString(d.toISOString().replace('T', ' ').replace('Z', ''))} as ${dialect.types.timestamp})`;
}

/** One INSERT … VALUES for the executions (UTC timestamps). */
export function historyInsert(dialect: Dialect, database: string | null, executions: TestExecution[]): string {
  const str = (v: string | null | undefined) => (v === null || v === undefined ? 'null' : dialect.quoteString(v));
  const rows = executions.map((e) => {
    const values = [
      str(e.invocationId),
      str(e.uniqueId),
      str(e.name),
      str(e.testType),
      str(e.attachedNode),
      str(e.status),
      e.failures === null || !Number.isFinite(e.failures) ? 'null' : String(Math.trunc(e.failures)),
      str(e.message),
      String(Number.isFinite(e.seconds) ? e.seconds : 0),
      timestampLiteral(dialect, e.completedAt),
    ];
    return `(${values.join(', ')})`;
  });
  const cols = COLUMNS.map(([name]) => dialect.quoteIdentifier(name)).join(', ');
  return `insert into ${dialect.relation(historyRelation(database))} (${cols}) values\n${rows.join(',\n')}`;
}

/** Appends the executions; creates the table on first use. */
export async function recordTestExecutions(adapter: Adapter, executions: TestExecution[]): Promise<void> {
  if (executions.length === 0) return;
  const database = adapter.defaultDatabase;
  await once(adapter, `history:${database}`, async () => {
    for (const sql of historyDdl(adapter.dialect, database)) await adapter.execute(sql);
  });
  await adapter.execute(historyInsert(adapter.dialect, database, executions));
}

/** A finished node as the runner reports it (structurally: quality does not import the runner). */
export interface FinishedNode {
  node: ManifestNode;
  status: string;
  failures: number | null;
  message: string;
  startedAt: Date;
  completedAt: Date;
}

/**
 * The runner's hook: records the tests that ran (skipped ones did not). A history that cannot be
 * written is a warning, never a failed run.
 */
export async function recordTestHistory(adapter: Adapter, invocationId: string, results: FinishedNode[], warn: (message: string) => void): Promise<void> {
  const executions = results
    .filter((r) => r.node.resource_type === 'test' && r.status !== 'skipped')
    .map((r) => ({
      invocationId,
      uniqueId: r.node.unique_id,
      name: r.node.name,
      testType: r.node.test_metadata ? 'generic' : 'singular',
      attachedNode: r.node.attached_node ?? null,
      status: r.status, failures: r.failures, message: r.message, seconds: (r.completedAt.getTime() - r.startedAt.getTime()) / 1000, completedAt: r.completedAt }));
  try {
    await recordTestExecutions(adapter, executions);
  } catch (e) {
    warn(`could not append to ${HISTORY_SCHEMA}.${HISTORY_TABLE}: ${(e as Error).message}`);
  }
}
