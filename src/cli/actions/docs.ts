// martflow docs generate | serve: catalog.json and the static docs site in target/, or serve it.
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { UserError } from '../../util/errors.js';
import { generateDocs } from '../../publish/docs/generate-docs.js';
import { parseServeFlags, serveProject } from '../../publish/serve-project.js';

export async function run(ctx: CommandContext, options: Record<string, unknown>, args: string[]): Promise<number> {
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
}
