// run, seed, snapshot, test and build differ only in which resource types they execute.
import { join } from 'node:path';
import type { CommandSpec } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { addSelectOptions, selectFromOptions } from '../select-options.js';
import { runSelected } from '../../build/runner.js';
import { compilerFor } from '../../compile/compile-project.js';
import { runSelectedUnitTests } from '../../quality/unit-test-run.js';

interface RunLikeDefinition {
  name: string;
  description: string;
  resourceTypes: string[];
  fullRefresh: boolean;
}

export function runLikeCommand(def: RunLikeDefinition): CommandSpec {
  return {
    name: def.name,
    description: def.description,
    configure(cmd) {
      addSelectOptions(cmd);
      if (def.fullRefresh) cmd.option('-f, --full-refresh', 'rebuild incremental models and seeds from scratch');
      cmd.option('-x, --fail-fast', 'stop at the first failure');
      if (def.resourceTypes.includes('test')) cmd.option('--store-failures', "keep every test's failing rows in <schema>_dbt_test__audit");
    },
    async run(ctx, options) {
      const fullRefresh = Boolean(options.fullRefresh);
      const ws = await Workspace.open(ctx.global, ctx.logger, { connect: true, flags: { WHICH: def.name, FULL_REFRESH: fullRefresh, STORE_FAILURES: Boolean(options.storeFailures) }, signal: ctx.signal });
      try {
        const { selected, graph } = selectFromOptions(ws.manifest, options, ctx.logger, { targetDir: ws.targetDir });
        const outcome = await runSelected(ws, graph, selected, {
          resourceTypes: new Set(def.resourceTypes),
          fullRefresh,
          failFast: Boolean(options.failFast),
          threads: ws.project.target.output.threads ?? 1,
          signal: ctx.signal,
          args: { which: def.name, select: options.select ?? [], exclude: options.exclude ?? [], full_refresh: fullRefresh, threads: ws.project.target.output.threads },
        });
        if (!def.resourceTypes.includes('test')) return outcome.exitCode;
        const target = { schema: ws.project.target.output.schema, database: ws.requireAdapter().defaultDatabase, varSources: ws.env.varSources, fixtureDirs: ws.project.root.project.testPaths.map((d) => join(ws.project.rootDir, d)) };
        const unit = await runSelectedUnitTests(ws.manifest, ws.requireAdapter(), compilerFor(ws), selected, target, ctx.logger, ws.env.invocationId, ctx.signal, ws.targetDir);
        return Math.max(outcome.exitCode, unit.exitCode);
      } finally {
        await ws.close();
      }
    },
  };
}

export const runCommand = runLikeCommand({ name: 'run', description: 'build the selected models', resourceTypes: ['model'], fullRefresh: true });
export const seedCommand = runLikeCommand({ name: 'seed', description: 'load the selected seed CSVs', resourceTypes: ['seed'], fullRefresh: true });
export const snapshotCommand = runLikeCommand({ name: 'snapshot', description: 'run the selected snapshots', resourceTypes: ['snapshot'], fullRefresh: false });
export const testCommand = runLikeCommand({ name: 'test', description: 'run the selected data tests', resourceTypes: ['test'], fullRefresh: false });
export const buildCommand = runLikeCommand({
  name: 'build',
  description: 'seeds, models, snapshots and tests in DAG order; a failing test skips its children',
  resourceTypes: ['seed', 'model', 'snapshot', 'test'],
  fullRefresh: true,
});
