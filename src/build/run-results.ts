// target/run_results.json in dbt's v6 shape: one result per executed (or skipped) node.
import type { ManifestNode } from '../project/manifest-types.js';
import { writeJsonArtifact } from '../artifacts/manifest.js';
import { VERSION } from '../version.js';

export type NodeStatus = 'success' | 'error' | 'skipped' | 'pass' | 'fail' | 'warn' | 'runtime error';

export interface NodeResult {
  uniqueId: string;
  status: NodeStatus;
  /** "SELECT 10", "Got 3 results, configured to fail if != 0", the error text. */
  message: string;
  rowsAffected: number | null;
  failures: number | null;
  startedAt: Date;
  compiledAt: Date | null;
  completedAt: Date;
  threadId: string;
  node: ManifestNode;
  /** For errors: where and how to fix, printed in the summary. */
  detail?: string;
}

export const RUN_RESULTS_SCHEMA = 'https://schemas.getdbt.com/dbt/run-results/v6.json';

export function runResultsJson(results: NodeResult[], meta: { invocationId: string; elapsed: number; args: Record<string, unknown> }): string {
  return JSON.stringify(
    {
      metadata: { dbt_schema_version: RUN_RESULTS_SCHEMA, dbt_version: VERSION, generated_at: new Date().toISOString(), invocation_id: meta.invocationId, env: {} },
      results: results.map((r) => ({
        status: r.status,
        timing: r.status === 'skipped' ? [] : [
          { name: 'compile', started_at: r.startedAt.toISOString(), completed_at: (r.compiledAt ?? r.startedAt).toISOString() },
          { name: 'execute', started_at: (r.compiledAt ?? r.startedAt).toISOString(), completed_at: r.completedAt.toISOString() },
        ],
        thread_id: r.threadId,
        execution_time: (r.completedAt.getTime() - r.startedAt.getTime()) / 1000,
        adapter_response: r.status === 'skipped' ? {} : { _message: r.message, code: r.message.split(' ')[0], rows_affected: r.rowsAffected },
        message: r.message,
        failures: r.failures,
        unique_id: r.uniqueId,
        compiled: Boolean(r.node.compiled_code),
        compiled_code: r.node.compiled_code ?? null,
        relation_name: r.node.relation_name,
        batch_results: null,
      })),
      elapsed_time: meta.elapsed,
      args: meta.args,
    },
    null,
    2,
  );
}

export function writeRunResults(targetDir: string, results: NodeResult[], meta: { invocationId: string; elapsed: number; args: Record<string, unknown> }): string {
  return writeJsonArtifact(targetDir, 'run_results.json', runResultsJson(results, meta));
}
