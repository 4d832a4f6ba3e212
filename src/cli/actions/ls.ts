// martflow ls / list: prints the selected resources by name, path, selector or as JSON.
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { selectFromOptions } from '../selection.js';
import { formatList, lsResourceTypes } from '../../graph/index.js';
import { UserError } from '../../util/errors.js';

const OUTPUTS = ['name', 'path', 'json', 'selector'];

export async function run(ctx: CommandContext, options: Record<string, unknown>): Promise<number> {
  const output = String(options.output);
  if (!OUTPUTS.includes(output)) throw new UserError(`--output must be one of ${OUTPUTS.join(', ')}; got '${output}'`);
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: false, render: false, flags: { WHICH: 'list' }, signal: ctx.signal });
  try {
    const { selected, graph } = selectFromOptions(ws.manifest, options, ctx.logger, {
      targetDir: ws.targetDir,
      resourceTypes: lsResourceTypes(options.resourceType as string[] | undefined),
      includeEmptyNodes: true,
    });
    const ids = graph.topologicalOrder().filter((id) => selected.has(id));
    const lines = formatList(ws.manifest, ids, output as 'name', options.outputKeys as string[] | undefined);
    if (lines.length) ctx.logger.result(lines.join('\n'));
    return 0;
  } finally {
    await ws.close();
  }
}
