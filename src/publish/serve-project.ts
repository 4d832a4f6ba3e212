// Shared by `martflow serve` and `martflow docs serve`: generate the docs site, start the server,
// print where it listens, and stay up until the command is interrupted.
import type { CommandContext } from '../cli/command.js';
import { Workspace } from '../workspace/workspace.js';
import { UserError } from '../util/errors.js';
import { generateDocs } from './docs/generate-docs.js';
import { webAssets } from './assets/web-bundle.js';
import { DashboardService } from './dashboards/dashboard-service.js';
import { startServer } from './server/http-server.js';

export interface ServeFlags {
  host: string;
  port: number;
  authToken: string | null;
  dashboards: boolean;
  /** Re-query the warehouse for catalog.json before serving. */
  catalog: boolean;
  /** Seconds a tile result is reused (0: never). */
  cacheTtl: number;
}

export function parseServeFlags(options: Record<string, unknown>, dashboards: boolean): ServeFlags {
  const port = Number(options.port ?? 8580);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number 0-65535, got '${options.port}'`, { hint: 'For example --port 8580 (0 picks a free port).' });
  const token = (options.authToken as string | undefined) ?? process.env.MARTFLOW_AUTH_TOKEN ?? null;
  if (token !== null && token.length < 8) throw new UserError('--auth-token must be at least 8 characters', { hint: 'Use a long random value, e.g. $(openssl rand -hex 16), or set MARTFLOW_AUTH_TOKEN.' });
  const cacheTtl = Number(options.cacheTtl ?? 300);
  if (!Number.isFinite(cacheTtl) || cacheTtl < 0) throw new UserError(`--cache-ttl must be a number of seconds ≥ 0, got '${options.cacheTtl}'`, { hint: 'For example --cache-ttl 60, or 0 to run every tile query afresh.' });
  return { host: String(options.host ?? '127.0.0.1'), port, authToken: token, dashboards, catalog: options.catalog !== false, cacheTtl };
}

export async function serveProject(ctx: CommandContext, flags: ServeFlags): Promise<number> {
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: true, flags: { WHICH: 'serve' }, signal: ctx.signal });
  try {
    const docs = await generateDocs(ws, { catalog: flags.catalog, compile: true, signal: ctx.signal });
    for (const w of docs.warnings) ctx.logger.warn(w);
    const service = flags.dashboards ? new DashboardService(ws, { cacheTtlMs: flags.cacheTtl * 1000 }) : null;
    if (service) for (const e of (await service.list()).errors) ctx.logger.warn(e);
    const running = await startServer({
      host: flags.host,
      port: flags.port,
      authToken: flags.authToken,
      docsDir: ws.targetDir,
      dashboards: service,
      assets: await webAssets(),
      projectName: ws.project.root.name,
      log: (line) => ctx.logger.warn(line),
    }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') throw new UserError(`port ${flags.port} on ${flags.host} is already in use`, { hint: 'Pick another with --port (0 picks a free one).' });
      throw e;
    });
    const where = flags.dashboards ? `dashboards at ${running.url}, docs at ${running.url}docs/` : `docs at ${running.url}docs/`;
    ctx.logger.result(`Serving ${where}${flags.authToken ? ' (append ?token=<your token> to the first URL you open)' : ''}`);
    if (flags.host !== '127.0.0.1' && flags.host !== 'localhost' && flags.host !== '::1' && !flags.authToken) {
      ctx.logger.warn(`listening on ${flags.host} without --auth-token: anyone who can reach this port can read the dashboards`);
    }
    await new Promise<void>((done) => (ctx.signal.aborted ? done() : ctx.signal.addEventListener('abort', () => done(), { once: true })));
    await running.close();
    return 0;
  } finally {
    await ws.close();
  }
}
