// martflow ls / list: prints the selected resources. Implementation: ../actions/ls.ts.
import type { CommandSpec } from '../command.js';
import { addSelectOptions } from '../select-options.js';

export const lsCommand: CommandSpec = {
  name: 'ls',
  aliases: ['list'],
  description: 'list the selected resources',
  configure(cmd) {
    addSelectOptions(cmd);
    cmd
      .option('--output <format>', 'name, path, json or selector', 'selector')
      .option('--output-keys <keys...>', 'keys to print with --output json')
      .option('--resource-type <type...>', 'only these resource types (model, seed, snapshot, test, source, exposure, analysis, unit_test)');
  },
  run: async (ctx, options) => (await import('../actions/ls.js')).run(ctx, options),
};
