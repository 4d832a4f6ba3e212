// martflow serve: the dashboards and the docs site on one port. Implementation: ../actions/serve.ts.
import type { CommandSpec } from '../command.js';

export const serveCommand: CommandSpec = {
  name: 'serve',
  description: 'serve the dashboards and the docs site (127.0.0.1:8580 by default)',
  configure(cmd) {
    cmd
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option('--port <port>', 'port to listen on (0: any free port)', '8580')
      .option('--auth-token <token>', 'require this token (or set MARTFLOW_AUTH_TOKEN)')
      .option('--cache-ttl <seconds>', 'reuse a tile result this long (0: never); a new run always invalidates', '300')
      .option('--no-catalog', 'do not query the warehouse for catalog.json first');
  },
  run: async (ctx, options) => (await import('../actions/serve.js')).run(ctx, options),
};
