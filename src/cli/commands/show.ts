// martflow show: previews the rows of a model or --inline SQL. Implementation: ../actions/show.ts.
import type { CommandSpec } from '../command.js';
import { addSelectOptions } from '../select-options.js';

export const showCommand: CommandSpec = {
  name: 'show',
  description: 'preview the rows of a model or an inline query',
  configure(cmd) {
    addSelectOptions(cmd);
    cmd.option('--inline <sql>', 'a query to preview (may use ref/source)').option('--limit <n>', 'rows to show (-1: all)', '5').option('--output <format>', 'text or json', 'text');
  },
  run: async (ctx, options) => (await import('../actions/show.js')).run(ctx, options),
};
