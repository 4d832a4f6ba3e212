// The build runner: runs the selected nodes over the DAG with --threads workers. A failure skips the
// node's descendants; --fail-fast stops everything at the first failure; SIGINT / SIGTERM stop
// scheduling and cancel running queries. Writes run_results.json and the manifest at the end.
import type { Graph } from '../graph/index.js';
import type { ManifestNode } from '../project/manifest-types.js';
import type { Workspace } from '../workspace/workspace.js';
import { compilerFor, flushCompiled } from '../compile/compile-project.js';
import { recordTestHistory } from '../quality/test-history.js';
import { executeNode } from './node-executor.js';
import { RunReporter } from './reporter.js';
import { planRun, downstream } from './scheduler.js';
import { writeRunResults, type NodeResult } from './run-results.js';
import { runOperationHooks } from './run-hooks.js';
import { RelationListing } from './relation-listing.js';

export interface RunOptions {
  /** Resource types this command executes (run: model; build: model, seed, snapshot, test). */
  resourceTypes: Set<string>;
  fullRefresh: boolean;
  failFast: boolean;
  threads: number;
  signal: AbortSignal;
  /** The command's arguments, for run_results.json args. */
  args: Record<string, unknown>;
}

export interface RunOutcome {
  results: NodeResult[];
  elapsed: number;
  /** 0 when every node passed (warnings allowed), 1 otherwise. */
  exitCode: number;
}

function isExecutable(node: ManifestNode | undefined, types: Set<string>): node is ManifestNode {
  return !!node && types.has(node.resource_type) && !(node.resource_type === 'model' && node.config.materialized === 'ephemeral');
}

export async function runSelected(ws: Workspace, graph: Graph, selected: Set<string>, options: RunOptions): Promise<RunOutcome> {
  const started = performance.now();
  const executed = new Set([...selected].filter((id) => isExecutable(ws.manifest.nodes[id], options.resourceTypes)));
  const plan = planRun(ws.manifest, graph, executed, options.resourceTypes.has('test') && options.resourceTypes.size > 1);
  const compiler = compilerFor(ws);
  const reporter = new RunReporter(ws.logger, plan.order.length);
  const results = new Map<string, NodeResult>();
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal.reason);
  options.signal.addEventListener('abort', onAbort);

  ws.logger.info(`Running with martflow on target '${ws.project.target.targetName}' (${ws.project.target.output.type}), ${options.threads} thread${options.threads === 1 ? '' : 's'}`);
  try {
    const schemas = await createSchemas(ws, [...executed].map((id) => ws.manifest.nodes[id]!));
    await runOperationHooks(ws, compiler, 'on-run-start', ws.project.root.project.onRunStart, []);
    const adapter = ws.requireAdapter();
    // Where a rebuild cascades to dependent views, a listing goes stale during the run: ask the catalog.
    const listing = adapter.capabilities.dropCascadesToViews ? null : await RelationListing.take(adapter, schemas);

    const remaining = new Map(plan.order.map((id) => [id, new Set(plan.waitsOn.get(id))]));
    const ready = plan.order.filter((id) => remaining.get(id)!.size === 0);
    const running = new Map<string, Promise<void>>();
    let threadCounter = 0;

    const skip = (id: string, cause: string) => {
      if (results.has(id) || running.has(id)) return;
      const node = ws.manifest.nodes[id]!;
      const now = new Date();
      const r: NodeResult = { uniqueId: id, node, status: 'skipped', message: `skipped because ${cause}`, rowsAffected: null, failures: null, startedAt: now, compiledAt: null, completedAt: now, threadId: 'main' };
      results.set(id, r);
      remaining.delete(id);
      reporter.finish(r);
    };

    const finish = (r: NodeResult) => {
      results.set(r.uniqueId, r);
      reporter.finish(r);
      remaining.delete(r.uniqueId);
      const failed = r.status === 'error' || r.status === 'fail';
      if (failed) {
        for (const d of downstream(plan, r.uniqueId)) skip(d, `${r.node.resource_type} ${r.node.name} ${r.status === 'fail' ? 'failed' : 'errored'}`);
        if (options.failFast) stop.abort(new Error('--fail-fast'));
      }
      for (const c of plan.children.get(r.uniqueId) ?? []) {
        const deps = remaining.get(c);
        if (!deps) continue;
        deps.delete(r.uniqueId);
        if (deps.size === 0) ready.push(c);
      }
    };

    while (true) {
      while (ready.length > 0 && running.size < options.threads && !stop.signal.aborted) {
        const id = ready.shift()!;
        if (results.has(id)) continue;
        const node = ws.manifest.nodes[id]!;
        const threadId = `Thread-${(threadCounter++ % options.threads) + 1}`;
        reporter.start(node);
        const task = executeNode(ws, compiler, node, { fullRefresh: options.fullRefresh, signal: stop.signal, threadId, known: listing?.lookup }).then((r) => {
          running.delete(id);
          finish(r);
        });
        running.set(id, task);
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    // Whatever never started (fail-fast, interrupt) is reported as skipped.
    const why = options.signal.aborted ? 'the run was interrupted' : 'of --fail-fast';
    for (const id of plan.order) if (!results.has(id)) skip(id, why);

    const ordered = plan.order.map((id) => results.get(id)!).filter(Boolean);
    if (!stop.signal.aborted) await runOperationHooks(ws, compiler, 'on-run-end', ws.project.root.project.onRunEnd, ordered);
    await flushCompiled();
    await recordTestHistory(ws.requireAdapter(), ws.env.invocationId, ordered, (m) => ws.logger.warn(m));
    const elapsed = (performance.now() - started) / 1000;
    writeRunResults(ws.targetDir, ordered, { invocationId: ws.env.invocationId, elapsed, args: options.args });
    ws.writeManifest();
    reporter.summary(ordered, elapsed);
    const bad = ordered.some((r) => r.status === 'error' || r.status === 'fail') || options.signal.aborted;
    return { results: ordered, elapsed, exitCode: bad ? 1 : 0 };
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
}

/** Creates every schema the run writes to, once; returns them. */
async function createSchemas(ws: Workspace, nodes: ManifestNode[]): Promise<{ database: string | null; schema: string }[]> {
  const adapter = ws.requireAdapter();
  const seen = new Map<string, { database: string | null; schema: string }>();
  for (const n of nodes) {
    if (n.resource_type === 'test' && !n.config.store_failures) continue;
    const key = `${n.database ?? ''}.${n.schema}`;
    if (seen.has(key)) continue;
    seen.set(key, { database: n.database, schema: n.schema });
    await adapter.execute(ws.dialect.createSchemaIfNotExists(n.schema, n.database));
  }
  return [...seen.values()];
}
