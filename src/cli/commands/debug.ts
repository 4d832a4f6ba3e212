// martflow debug: the configuration in use and a connection test. Implementation: ../actions/debug.ts.
import type { CommandSpec } from '../command.js';

export const debugCommand: CommandSpec = {
  name: 'debug',
  description: 'show the configuration in use and test the warehouse connection',
  run: async (ctx) => (await import('../actions/debug.js')).run(ctx),
};
