// martflow source freshness: checks the selected sources' freshness. Implementation: ../actions/source.ts.
import type { CommandSpec } from '../command.js';
import { addSelectOptions } from '../select-options.js';

export const sourceCommand: CommandSpec = {
  name: 'source',
  args: '<subcommand>',
  description: "source freshness: check the selected sources' loaded_at against warn_after / error_after",
  configure(cmd) {
    addSelectOptions(cmd);
    cmd.option('-o, --output <path>', 'where to write the results (default: target/sources.json)');
  },
  run: async (ctx, options, args) => (await import('../actions/source.js')).run(ctx, options, args),
};
