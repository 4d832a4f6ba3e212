// martflow compile: renders the selected nodes' SQL into target/compiled/. Implementation: ../actions/compile.ts.
import type { CommandSpec } from '../command.js';
import { addSelectOptions } from '../select-options.js';

export const compileCommand: CommandSpec = {
  name: 'compile',
  description: 'render the SQL of the selected nodes into target/compiled/',
  configure(cmd) {
    addSelectOptions(cmd);
    cmd.option('--inline <sql>', 'compile this SQL (may use ref/source/macros) and print it');
  },
  run: async (ctx, options) => (await import('../actions/compile.js')).run(ctx, options),
};
