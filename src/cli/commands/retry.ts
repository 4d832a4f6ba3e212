// martflow retry: re-runs what failed or was skipped last time. Implementation: ../actions/retry.ts.
import type { CommandSpec } from '../command.js';

export const retryCommand: CommandSpec = {
  name: 'retry',
  description: 'run again the nodes that errored, failed or were skipped in the previous run',
  run: async (ctx) => (await import('../actions/retry.js')).run(ctx),
};
