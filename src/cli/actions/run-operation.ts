// martflow run-operation MACRO --args YAML: runs a macro against the warehouse.
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { parseOperationArgs, runOperation } from '../../build/run-operation.js';

export async function run(ctx: CommandContext, options: Record<string, unknown>, args: string[]): Promise<number> {
  const macro = args[0]!;
  const kwargs = parseOperationArgs(options.args as string | undefined);
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: true, flags: { WHICH: 'run-operation' }, signal: ctx.signal });
  try {
    const started = performance.now();
    await runOperation(ws, macro, kwargs);
    ctx.logger.info(`run-operation ${macro}: OK in ${((performance.now() - started) / 1000).toFixed(2)}s`);
    return 0;
  } finally {
    await ws.close();
  }
}
