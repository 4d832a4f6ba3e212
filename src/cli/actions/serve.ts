// martflow serve: the dashboards and the docs site on one port (127.0.0.1 unless --host).
import type { CommandContext } from '../command.js';
import { parseServeFlags, serveProject } from '../../publish/serve-project.js';

export function run(ctx: CommandContext, options: Record<string, unknown>): Promise<number> {
  return serveProject(ctx, parseServeFlags(options, true));
}
