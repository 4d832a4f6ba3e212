// martflow drift --state DIR: the CI gate on breaking column changes. Implementation: ../actions/drift.ts.
import type { CommandSpec } from '../command.js';
import { addSelectOptions } from '../select-options.js';

export const driftCommand: CommandSpec = {
  name: 'drift',
  description: 'compare the columns of watched models with a previous target/ (--state); exit 1 on a breaking change',
  configure(cmd) {
    addSelectOptions(cmd);
    cmd.option('--output <format>', 'text or json', 'text');
  },
  run: async (ctx, options) => (await import('../actions/drift.js')).run(ctx, options),
};
