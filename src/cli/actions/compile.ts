// martflow compile: renders the selected nodes' SQL (queries that templates run do run) and writes
// it under target/compiled/; --inline compiles one query given on the command line and prints it.
import type { CommandContext } from '../command.js';
import { Workspace } from '../../workspace/workspace.js';
import { selectFromOptions } from '../selection.js';
import { compileSelected, compileInline, flushCompiled } from '../../compile/compile-project.js';
import { markPhase } from '../../util/timings.js';

export async function run(ctx: CommandContext, options: Record<string, unknown>): Promise<number> {
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: 'on-demand', flags: { WHICH: 'compile' }, signal: ctx.signal });
  try {
    if (options.inline) {
      const sql = await compileInline(ws, String(options.inline));
      ctx.logger.result(sql);
      return 0;
    }
    const { selected, graph } = selectFromOptions(ws.manifest, options, ctx.logger, { targetDir: ws.targetDir });
    markPhase('select');
    const ids = graph.topologicalOrder().filter((id) => selected.has(id));
    const compiled = await compileSelected(ws, ids).catch(async (e: unknown) => {
      await flushCompiled();
      throw e;
    });
    markPhase('compile');
    ws.writeManifest(); // while a worker thread may still be writing the compiled files
    markPhase('write manifest');
    await flushCompiled();
    markPhase('finish writing compiled SQL');
    ctx.logger.info(`Compiled ${compiled} node${compiled === 1 ? '' : 's'} into ${ws.targetDir}/compiled/`);
    if (selected.size === 1) {
      const node = ws.manifest.nodes[[...selected][0]!];
      if (node?.compiled_code) ctx.logger.result(node.compiled_code);
    }
    return 0;
  } finally {
    await ws.close();
    markPhase('finish saving');
  }
}
