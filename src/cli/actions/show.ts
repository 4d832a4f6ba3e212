// martflow show: compiles a model (or --inline SQL), runs it with a row limit and prints the rows.
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { selectFromOptions } from '../selection.js';
import { compileInline, compilerFor, isIncremental } from '../../compile/compile-project.js';
import { formatTable } from '../format-table.js';
import { UserError } from '../../util/errors.js';

export async function run(ctx: CommandContext, options: Record<string, unknown>): Promise<number> {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < -1) throw new UserError(`--limit must be a whole number (or -1 for all), got '${options.limit}'`);
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: true, flags: { WHICH: 'show' }, signal: ctx.signal });
  try {
    let sql: string;
    let title: string;
    if (options.inline) {
      sql = await compileInline(ws, String(options.inline));
      title = 'inline query';
    } else {
      const { selected } = selectFromOptions(ws.manifest, options, ctx.logger, { targetDir: ws.targetDir });
      const ids = [...selected].filter((id) => ['model', 'seed', 'snapshot', 'analysis', 'test'].includes(ws.manifest.nodes[id]?.resource_type ?? ''));
      const modelIds = ids.filter((id) => ws.manifest.nodes[id]!.resource_type !== 'test');
      const pick = modelIds.length ? modelIds : ids;
      if (pick.length !== 1) {
        throw new UserError(pick.length === 0 ? 'show: --select matched no model' : `show: --select matched ${pick.length} nodes; show previews one`, {
          hint: 'Select exactly one model (martflow show --select my_model), or use --inline.',
        });
      }
      const node = ws.manifest.nodes[pick[0]!]!;
      title = node.name;
      sql = node.resource_type === 'seed'
        ? `select * from ${ws.dialect.relation({ database: node.database, schema: node.schema, identifier: node.alias })}`
        : (await compilerFor(ws).compile(node, { isIncremental: await isIncremental(ws, node, false) })).sql;
    }
    const limited = limit < 0 ? sql : `select * from (\n${sql}\n) as martflow_show limit ${limit}`;
    const result = await ws.requireAdapter().execute(limited, { signal: ctx.signal });
    if (options.output === 'json') {
      ctx.logger.result(JSON.stringify({ node: title, show: result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c.name, r[i]]))) }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
    } else {
      ctx.logger.info(`Previewing ${title}:`);
      ctx.logger.result(formatTable(result));
    }
    return 0;
  } finally {
    await ws.close();
  }
}
