// Runs the selected unit tests one after another (each has its own scratch schema) and reports them
// the way the runner reports data tests. Returns 1 when any failed or errored.
import type { Manifest } from '../project/manifest-types.js';
import type { Adapter } from '../warehouse/adapter.js';
import type { Compiler } from '../compile/compile-node.js';
import { runUnitTest, type UnitTestOutcome } from './unit-test.js';
import { recordTestExecutions, type TestExecution } from './test-history.js';
import { appendToRunResults } from './unit-run-results.js';
import type { VarSources } from '../context/vars.js';

export interface UnitTestLogger {
  info(message: string): void;
  error(message: string): void;
}

export async function runSelectedUnitTests(
  manifest: Manifest,
  adapter: Adapter,
  compiler: Compiler,
  selected: Iterable<string>,
  target: { schema: string; database: string | null; varSources?: VarSources; fixtureDirs?: string[] },
  logger: UnitTestLogger,
  invocationId: string,
  signal?: AbortSignal,
  /** target/: unit-test results are added to its run_results.json. */
  targetDir?: string,
): Promise<{ exitCode: number; outcomes: UnitTestOutcome[] }> {
  const ids = [...selected].filter((id) => manifest.unit_tests?.[id] && manifest.unit_tests[id]!.config.enabled !== false).sort();
  const outcomes: UnitTestOutcome[] = [];
  const executions: TestExecution[] = [];
  for (const [i, id] of ids.entries()) {
    if (signal?.aborted) break;
    const ut = manifest.unit_tests[id]!;
    const started = Date.now();
    const o = await runUnitTest(manifest, adapter, compiler, ut, target, signal);
    outcomes.push(o);
    executions.push({
      invocationId,
      uniqueId: ut.unique_id,
      name: ut.name,
      testType: 'unit',
      attachedNode: ut.depends_on.nodes[0] ?? null,
      status: o.status,
      failures: o.status === 'pass' ? 0 : o.status === 'fail' ? 1 : null,
      message: o.message,
      seconds: (Date.now() - started) / 1000,
      completedAt: new Date(),
    });
    const took = ((Date.now() - started) / 1000).toFixed(2);
    const label = o.status === 'pass' ? 'PASS' : o.status === 'fail' ? 'FAIL' : 'ERROR';
    const line = `${i + 1} of ${ids.length} ${label} unit_test ${ut.model}::${ut.name} [${label} in ${took}s]`;
    if (o.status === 'pass') logger.info(line);
    else logger.error(`${line}\n  ${o.message.split('\n').join('\n  ')}`);
  }
  if (executions.length) {
    if (targetDir) appendToRunResults(targetDir, executions);
    try {
      await recordTestExecutions(adapter, executions);
    } catch (e) {
      logger.error(`could not append the unit tests to martflow_meta.test_results: ${(e as Error).message}`);
    }
  }
  if (ids.length) {
    const n = (s: UnitTestOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    logger.info(`Unit tests: PASS=${n('pass')} FAIL=${n('fail')} ERROR=${n('error')} TOTAL=${outcomes.length}`);
  }
  return { exitCode: outcomes.some((o) => o.status !== 'pass') ? 1 : 0, outcomes };
}
