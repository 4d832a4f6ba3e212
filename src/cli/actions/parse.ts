// martflow parse: loads and parses the project, writes target/manifest.json.
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { markPhase } from '../../util/timings.js';

export async function run(ctx: CommandContext): Promise<number> {
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: false, render: false, flags: { WHICH: 'parse' }, signal: ctx.signal });
  try {
    const path = ws.writeManifest();
    markPhase('write manifest');
    // Counted from the stored parse: a re-parse never builds the 20,000 node objects.
    const counts = ws.nodeCounts();
    const count = (type: string) => counts[type] ?? 0;
    ctx.logger.info(
      `Found ${count('model')} models, ${count('seed')} seeds, ${count('snapshot')} snapshots, ${count('test')} data tests, ` +
        `${ws.sectionSize('sources')} sources, ${ws.sectionSize('exposures')} exposures, ${ws.sectionSize('macros')} macros, ${ws.sectionSize('unit_tests')} unit tests`,
    );
    ctx.logger.info(`Parsed in ${(ws.stats.parseMs / 1000).toFixed(2)}s (${ws.stats.rendered} rendered, ${ws.stats.cached} from the partial-parse cache); wrote ${path}`);
    return 0;
  } finally {
    await ws.close();
    markPhase('finish saving');
  }
}
