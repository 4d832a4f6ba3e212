// `martflow serve`: one port for the docs site (/docs/), the dashboards (/) and their API (/api/).
// Binds 127.0.0.1 unless told otherwise; --auth-token guards every route.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { WebAssets } from '../assets/web-bundle.js';
import { dashboardsHtml } from '../site/html.js';
import type { DashboardService } from '../dashboards/dashboard-service.js';
import { ParameterError } from '../dashboards/filter-values.js';
import { checkAuth } from './auth.js';
import { sendFile, CONTENT_TYPES } from './static-files.js';

export interface ServeOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  authToken: string | null;
  /** The folder holding the generated docs site (target/). */
  docsDir: string;
  /** Dashboards; null serves the docs only (martflow docs serve). */
  dashboards: DashboardService | null;
  assets: WebAssets;
  projectName: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const json = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-cache', ...headers });
  res.end(body);
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const docsDir = resolve(options.docsDir);
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = checkAuth(req, url, options.authToken);
    if (auth.ok === false) return send(res, 401, 'text/plain; charset=utf-8', 'martflow serve: this server needs its auth token (open the link with ?token=…, or send Authorization: Bearer …)\n');
    if (auth.ok === 'redirect') {
      res.writeHead(302, { location: auth.location, 'set-cookie': auth.cookie });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'read-only server: GET only\n', { allow: 'GET, HEAD' });
    const path = url.pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (path === '/docs') {
      res.writeHead(301, { location: '/docs/' });
      return res.end();
    }
    if (path.startsWith('/docs/')) {
      if (!sendFile(res, docsDir, path.slice('/docs/'.length))) send(res, 404, 'text/plain', 'not found\n');
      return;
    }
    if (path.startsWith('/assets/')) {
      const name = path.slice('/assets/'.length);
      const body = options.assets.get(name);
      if (body === undefined) return send(res, 404, 'text/plain', 'not found\n');
      return send(res, 200, CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream', body);
    }
    if (!options.dashboards) {
      res.writeHead(302, { location: '/docs/' });
      return res.end();
    }
    if (path === '/' || path === '/index.html') return send(res, 200, CONTENT_TYPES['.html']!, dashboardsHtml(options.projectName));
    if (path.startsWith('/api/')) return api(options.dashboards, path.slice(5).split('/').map(decodeURIComponent), url.searchParams, req, res);
    send(res, 404, 'text/plain', 'not found\n');
  };
  const server = createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      options.log?.(`serve: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, 500, 'text/plain', `internal error: ${(e as Error).message}\n`);
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

async function api(service: DashboardService, parts: string[], query: URLSearchParams, _req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A closed browser tab cancels its running tile queries.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const signal = controller.signal;
  const JSON_TYPE = CONTENT_TYPES['.json']!;
  if (parts.length === 1 && parts[0] === 'dashboards') return send(res, 200, JSON_TYPE, json(await service.list(signal)));
  // dashboards/<id>/filters/<name>/options
  if (parts.length === 5 && parts[0] === 'dashboards' && parts[2] === 'filters' && parts[4] === 'options') {
    return send(res, 200, JSON_TYPE, json(await service.filterOptions(parts[1]!, parts[3]!, signal)));
  }
  // dashboards/<id>/pages/<page>/tiles/<tile>[?format=csv]
  if (parts.length === 6 && parts[0] === 'dashboards' && parts[2] === 'pages' && parts[4] === 'tiles') {
    const [, id, , page, , tile] = parts as [string, string, string, string, string, string];
    if (query.get('format') === 'csv') {
      try {
        const csv = await service.tileCsv(id, page, tile, query, signal);
        return send(res, 200, CONTENT_TYPES['.csv']!, csv, { 'content-disposition': `attachment; filename="${id}-${tile}.csv"` });
      } catch (e) {
        return send(res, e instanceof ParameterError ? 400 : 500, 'text/plain; charset=utf-8', `${(e as Error).message}\n`);
      }
    }
    return send(res, 200, JSON_TYPE, json(await service.tile(id, page, tile, query, signal)));
  }

  send(res, 404, JSON_TYPE, json({ error: `no API route /api/${parts.join('/')}` }));
}
