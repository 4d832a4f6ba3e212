// Runs one node: compile, then build its relation (models, seeds, snapshots) or judge it (tests),
// with its pre- and post-hooks. Returns a NodeResult; a user error becomes an 'error' result.
import type { ManifestNode, Hook } from '../project/manifest-types.js';
import type { Connection, RelationRef } from '../warehouse/adapter.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Compiler } from '../compile/compile-node.js';
import { writeCompiled } from '../compile/compile-project.js';
import { materialize, buildSeed, buildSnapshot, prepareTarget, willBeIncremental } from './materializations/index.js';
import type { KnownRelations } from './materializations/types.js';
import { testVerdictSql, verdict } from '../quality/test-query.js';
import { storeFailures, storeFailuresAs } from '../quality/store-failures.js';
import { checkContract, contractEnforced } from '../quality/contract.js';
import { applyConstraints } from '../quality/constraints.js';
import type { NodeResult } from './run-results.js';
import { UserError, formatLocation } from '../util/errors.js';

export interface ExecuteOptions {
  fullRefresh: boolean;
  signal: AbortSignal;
  threadId: string;
  /** The run's listing of existing relations. */
  known?: KnownRelations;
}

function relationOf(node: ManifestNode): RelationRef {
  return { database: node.database, schema: node.schema, identifier: node.alias };
}

/** Renders hooks before a connection is held (a hook may run_query, which takes one from the pool). */
async function renderHooks(compiler: Compiler, node: ManifestNode, hooks: Hook[] | undefined): Promise<string[]> {
  const out: string[] = [];
  for (const hook of hooks ?? []) {
    const sql = (await compiler.renderString(node, hook.sql)).trim();
    if (sql) out.push(sql);
  }
  return out;
}

async function runHooks(statements: string[], conn: Connection, signal: AbortSignal): Promise<void> {
  for (const sql of statements) await conn.execute(sql, { signal });
}

export async function executeNode(ws: Workspace, compiler: Compiler, node: ManifestNode, options: ExecuteOptions): Promise<NodeResult> {
  const startedAt = new Date();
  let compiledAt: Date | null = null;
  const base = { uniqueId: node.unique_id, node, startedAt, threadId: options.threadId };
  const adapter = ws.requireAdapter();
  let conn: Connection | null = null;
  try {
    const relation = relationOf(node);
    let known = options.known;
    let incremental = false;
    if (node.resource_type === 'model' && node.config.materialized === 'incremental') {
      // is_incremental() is decided on the relation as it is after a killed run's leftovers are cleaned.
      conn = await adapter.acquire();
      const existing = await prepareTarget(adapter, conn, relation, options.signal, known);
      incremental = willBeIncremental(node, existing, options.fullRefresh);
      known = (ref) => (ref.identifier === relation.identifier && ref.schema === relation.schema ? existing : null);
    }
    if (node.resource_type !== 'seed') {
      // Templates that query (run_query, adapter.get_columns_in_relation, dbt_utils.star) take pooled
      // connections: holding one while compiling deadlocks once every thread does.
      conn?.release();
      conn = null;
      const compiled = await compiler.compile(node, { isIncremental: incremental });
      node.extra_ctes = compiled.ctes.map((c) => ({ id: c.id, sql: c.sql }));
      writeCompiled(ws, node, compiled.sql);
    }
    const preHooks = node.resource_type === 'test' ? [] : await renderHooks(compiler, node, node.config['pre-hook']);
    const postHooks = node.resource_type === 'test' ? [] : await renderHooks(compiler, node, node.config['post-hook']);
    conn ??= await adapter.acquire();
    compiledAt = new Date();
    const common = { node, relation, adapter, conn, fullRefresh: options.fullRefresh, signal: options.signal, known };
    if (node.resource_type === 'test') {
      const r = await conn.execute(testVerdictSql(node, node.compiled_code!), { signal: options.signal });
      const v = verdict(node, r.rows[0]);
      const storeAs = storeFailuresAs(node, ws.env.flags);
      if (storeAs) await storeFailures(adapter, conn, node, storeAs, ws.project.target.output.schema, options.signal);
      return { ...base, status: v.status, message: v.message, rowsAffected: null, failures: v.failures, compiledAt, completedAt: new Date() };
    }
    await runHooks(preHooks, conn, options.signal);
    let result;
    if (node.resource_type === 'seed') result = await buildSeed({ ...common, projectDir: ws.project.rootDir });
    else if (node.resource_type === 'snapshot') result = await buildSnapshot(common);
    else {
      const contracted = contractEnforced(node);
      if (contracted) await checkContract(conn, node, options.signal);
      result = await materialize(common);
      if (contracted) await applyConstraints(adapter, conn, node, relation, (m) => ws.logger.warn(m), options.signal);
    }
    await runHooks(postHooks, conn, options.signal);
    return { ...base, status: 'success', message: result.message, rowsAffected: result.rowsAffected, failures: null, compiledAt, completedAt: new Date() };
  } catch (e) {
    const message = options.signal.aborted ? 'cancelled' : e instanceof UserError ? e.message : (e as Error).message ?? String(e);
    const detail = e instanceof UserError ? [e.location ? formatLocation(e.location) : '', e.hint ?? ''].filter(Boolean).join(' — ') : undefined;
    if (!(e instanceof UserError) && !(e instanceof Error && (e.name === 'DatabaseError' || e.name === 'CancelledError'))) {
      // An unexpected exception is a martflow bug: keep the stack in the log.
      ws.logger.debug(`internal error in ${node.unique_id}: ${(e as Error).stack ?? String(e)}`);
    }
    return { ...base, status: 'error', message, rowsAffected: null, failures: null, compiledAt, completedAt: new Date(), detail };
  } finally {
    conn?.release();
  }
}
