// martflow docs generate | serve: catalog.json and the static docs site in target/, or serve it.
import type { CommandSpec } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { UserError } from '../../util/errors.js';
import { generateDocs } from '../../publish/docs/generate-docs.js';
import { parseServeFlags, serveProject } from '../../publish/serve-project.js';

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
  async run(ctx, options, args) {
    const action = args[0];
    if (action === 'serve') return serveProject(ctx, parseServeFlags({ ...options, catalog: !options.emptyCatalog }, false));
    if (action !== 'generate') throw new UserError(`unknown docs action '${action}'`, { hint: 'Use martflow docs generate, or martflow docs serve.' });
    const ws = await Workspace.open(ctx.global, ctx.logger, { connect: !options.emptyCatalog, flags: { WHICH: 'generate' }, signal: ctx.signal });
    try {
      const result = await generateDocs(ws, { catalog: !options.emptyCatalog, compile: options.compile !== false, signal: ctx.signal });
      for (const w of result.warnings) ctx.logger.warn(w);
      if (result.catalogPath) ctx.logger.info(`Catalog written to ${result.catalogPath}`);
      ctx.logger.info(`Docs site with ${result.nodes} resources written to ${result.indexPath}`);
      return 0;
    } finally {
      await ws.close();
    }
  },
};
