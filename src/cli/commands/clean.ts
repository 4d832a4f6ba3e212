// martflow clean: deletes the clean-targets folders. Implementation: ../actions/clean.ts.
import type { CommandSpec } from '../command.js';

export const cleanCommand: CommandSpec = {
  name: 'clean',
  description: 'delete the clean-targets folders (default: the target path)',
  run: async (ctx) => (await import('../actions/clean.js')).run(ctx),
};
