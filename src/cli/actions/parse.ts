// martflow parse: loads and parses the project, writes target/manifest.json.
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';

export async function run(ctx: CommandContext): Promise<number> {
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: false, flags: { WHICH: 'parse' }, signal: ctx.signal });
  try {
    const path = ws.writeManifest();
    const m = ws.manifest;
    const count = (type: string) => Object.values(m.nodes).filter((n) => n.resource_type === type).length;
    ctx.logger.info(
      `Found ${count('model')} models, ${count('seed')} seeds, ${count('snapshot')} snapshots, ${count('test')} data tests, ` +
        `${Object.keys(m.sources).length} sources, ${Object.keys(m.exposures).length} exposures, ${Object.keys(m.macros).length} macros, ${Object.keys(m.unit_tests).length} unit tests`,
    );
    ctx.logger.info(`Parsed in ${(ws.stats.parseMs / 1000).toFixed(2)}s (${ws.stats.rendered} rendered, ${ws.stats.cached} from the partial-parse cache); wrote ${path}`);
    return 0;
  } finally {
    await ws.close();
  }
}
