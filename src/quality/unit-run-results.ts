// Unit-test outcomes added to target/run_results.json (which the runner has just written), in the
// same v6 result shape, so `retry`, `result:` selectors and docs see them like data tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonArtifact } from '../artifacts/manifest.js';
import type { TestExecution } from './test-history.js';

export function unitTestResultEntry(e: TestExecution): Record<string, unknown> {
  const completed = e.completedAt;
  const started = new Date(completed.getTime() - e.seconds * 1000);
  return {
    status: e.status,
    timing: [
      { name: 'compile', started_at: started.toISOString(), completed_at: started.toISOString() },
      { name: 'execute', started_at: started.toISOString(), completed_at: completed.toISOString() },
    ],
    thread_id: 'main',
    execution_time: e.seconds,
    adapter_response: {},
    message: e.message,
    failures: e.failures,
    unique_id: e.uniqueId,
    compiled: false,
    compiled_code: null,
    relation_name: null,
    batch_results: null,
  };
}

/** Appends the entries to target/run_results.json when it exists (atomically, like the runner writes it). */
export function appendToRunResults(targetDir: string, executions: TestExecution[]): void {
  const path = join(targetDir, 'run_results.json');
  if (executions.length === 0 || !existsSync(path)) return;
  const json = JSON.parse(readFileSync(path, 'utf8')) as { results: unknown[] };
  json.results.push(...executions.map(unitTestResultEntry));
  writeJsonArtifact(targetDir, 'run_results.json', JSON.stringify(json, null, 2));
}
