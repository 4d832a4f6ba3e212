// martflow run-operation MACRO --args YAML: runs a macro. Implementation: ../actions/run-operation.ts.
import type { CommandSpec } from '../command.js';

export const runOperationCommand: CommandSpec = {
  name: 'run-operation',
  args: '<macro>',
  description: 'run a macro with keyword arguments (--args YAML)',
  configure(cmd) {
    cmd.option('--args <yaml>', "the macro's keyword arguments as YAML, e.g. '{days: 30}'");
  },
  run: async (ctx, options, args) => (await import('../actions/run-operation.js')).run(ctx, options, args),
};
