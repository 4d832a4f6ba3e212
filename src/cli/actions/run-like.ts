// run, seed, snapshot, test and build differ only in which resource types they execute.
import { join } from 'node:path';
import type { CommandContext } from '../command.js';
import type { RunLikeDefinition } from '../commands/run-like.js';
import { Workspace } from '../../workspace/workspace.js';
import { selectFromOptions } from '../selection.js';
import { runSelected } from '../../build/runner.js';
import { compilerFor } from '../../compile/compile-project.js';
import { runSelectedUnitTests } from '../../quality/unit-test-run.js';

export async function run(def: RunLikeDefinition, ctx: CommandContext, options: Record<string, unknown>): Promise<number> {
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
}
