// martflow ls / list: prints the selected resources by name, path, selector or as JSON.
import type { CommandSpec } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { addSelectOptions, selectFromOptions } from '../select-options.js';
import { formatList, lsResourceTypes } from '../../graph/index.js';
import { UserError } from '../../util/errors.js';

const OUTPUTS = ['name', 'path', 'json', 'selector'];

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
  async run(ctx, options) {
    const output = String(options.output);
    if (!OUTPUTS.includes(output)) throw new UserError(`--output must be one of ${OUTPUTS.join(', ')}; got '${output}'`);
    const ws = await Workspace.open(ctx.global, ctx.logger, { connect: false, flags: { WHICH: 'list' }, signal: ctx.signal });
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
  },
};
