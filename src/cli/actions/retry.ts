// martflow retry: re-runs what failed or was skipped in the last run_results.json, with the same command.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { runSelected } from '../../build/runner.js';
import { Graph } from '../../graph/index.js';
import { UserError } from '../../util/errors.js';

const TYPES: Record<string, string[]> = {
  run: ['model'],
  seed: ['seed'],
  snapshot: ['snapshot'],
  test: ['test'],
  build: ['seed', 'model', 'snapshot', 'test'],
};

export async function run(ctx: CommandContext): Promise<number> {
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: true, flags: { WHICH: 'retry' }, signal: ctx.signal });
  try {
    const path = join(ws.targetDir, 'run_results.json');
    if (!existsSync(path)) throw new UserError('retry: there is no previous run (target/run_results.json is missing)', { hint: 'Run build, run, seed, snapshot or test first.' });
    const previous = JSON.parse(readFileSync(path, 'utf8')) as { results: { unique_id: string; status: string }[]; args?: { which?: string; full_refresh?: boolean } };
    const which = previous.args?.which ?? 'build';
    const types = TYPES[which];
    if (!types) throw new UserError(`retry: the previous command '${which}' cannot be retried`);
    const again = new Set(previous.results.filter((r) => ['error', 'fail', 'skipped', 'runtime error'].includes(r.status)).map((r) => r.unique_id).filter((id) => ws.manifest.nodes[id]));
    if (again.size === 0) {
      ctx.logger.info('Nothing to retry: every node of the previous run succeeded.');
      return 0;
    }
    const outcome = await runSelected(ws, Graph.fromManifest(ws.manifest), again, {
      resourceTypes: new Set(types),
      fullRefresh: Boolean(previous.args?.full_refresh),
      failFast: false,
      threads: ws.project.target.output.threads ?? 1,
      signal: ctx.signal,
      args: { ...previous.args, which },
    });
    return outcome.exitCode;
  } finally {
    await ws.close();
  }
}
