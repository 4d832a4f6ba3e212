// Opens a project the way `martflow serve` does (docs generated, dashboards served) but inside the
// test process, on a free port, so tests and benchmarks get its URL and can close it.
import { Workspace } from '../../../src/workspace/workspace.js';
import { Logger } from '../../../src/cli/logger.js';
import { toGlobalOptions } from '../../../src/cli/global-options.js';
import { generateDocs } from '../../../src/publish/docs/generate-docs.js';
import { webAssets } from '../../../src/publish/assets/web-bundle.js';
import { DashboardService } from '../../../src/publish/dashboards/dashboard-service.js';
import { startServer } from '../../../src/publish/server/http-server.js';
import { Writable } from 'node:stream';

export interface ServedProject {
  url: string;
  ws: Workspace;
  service: DashboardService;
  close(): Promise<void>;
}

export async function serveInProcess(projectDir: string, options: { authToken?: string; today?: Date; target?: string; cacheTtlMs?: number; queryTimeoutMs?: number } = {}): Promise<ServedProject> {
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const logger = new Logger({ format: 'text', quiet: true, color: false }, sink);
  const ws = await Workspace.open(toGlobalOptions({ projectDir, target: options.target }), logger, { connect: true, flags: { WHICH: 'serve' } });
  try {
    await generateDocs(ws, { catalog: true, compile: true });
    const service = new DashboardService(ws, { today: options.today ? () => options.today! : undefined, cacheTtlMs: options.cacheTtlMs, queryTimeoutMs: options.queryTimeoutMs });
    const running = await startServer({
      host: '127.0.0.1', port: 0, authToken: options.authToken ?? null, docsDir: ws.targetDir, dashboards: service,
      assets: await webAssets(), projectName: ws.project.root.name,
    });
    return { url: running.url, ws, service, close: async () => { await running.close(); await ws.close(); } };
  } catch (e) {
    await ws.close();
    throw e;
  }
}
