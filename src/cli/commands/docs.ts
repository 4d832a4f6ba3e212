// martflow docs generate | serve. Implementation: ../actions/docs.ts.
import type { CommandSpec } from '../command.js';

export const docsCommand: CommandSpec = {
  name: 'docs',
  args: '<action>',
  description: 'docs generate: write catalog.json and the docs site into target/; docs serve: serve it',
  configure(cmd) {
    cmd
      .option('--no-compile', 'generate: do not compile models (pages show raw SQL only)')
      .option('--empty-catalog', 'generate: do not query the warehouse (catalog.json is left as it is)')
      .option('--host <host>', 'serve: address to listen on', '127.0.0.1')
      .option('--port <port>', 'serve: port to listen on (0: any free port)', '8580')
      .option('--auth-token <token>', 'serve: require this token (or set MARTFLOW_AUTH_TOKEN)');
  },
  run: async (ctx, options, args) => (await import('../actions/docs.js')).run(ctx, options, args),
};
