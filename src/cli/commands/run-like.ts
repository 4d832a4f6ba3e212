// run, seed, snapshot, test and build differ only in which resource types they execute.
// Implementation: ../actions/run-like.ts.
import type { CommandSpec } from '../command.js';
import { addSelectOptions } from '../select-options.js';

export interface RunLikeDefinition {
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
    run: async (ctx, options) => (await import('../actions/run-like.js')).run(def, ctx, options),
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
