// The server of `martflow serve` on the jaffle project: auth token, docs files (no path escape),
// GET only, tile JSON and CSV, filter values bound (an injection attempt matches nothing), query
// errors in the tile's answer, and dashboard queries that cannot write.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { copyProject, martflow, REPO_ROOT } from '../helpers/cli.js';
import { serveInProcess, type ServedProject } from '../e2e/helpers/serve-in-process.js';
import { runReadOnly } from '../../src/publish/dashboards/read-only-query.js';
import { DashboardService } from '../../src/publish/dashboards/dashboard-service.js';
import { parseServeFlags } from '../../src/publish/serve-project.js';
import type { TileResponse } from '../../src/publish/dashboards/api-types.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'jaffle');
const TOKEN = 'test-token-0123456789';

const DASHBOARD = `title: Orders
filters:
  - name: period
    type: date_range
    default: { start: '2018-01-01', end: '2018-01-31' }
  - name: status
    type: select
    options_sql: select distinct status from {{ ref('orders') }} order by 1
pages:
  - name: main
    tiles:
      - name: orders
        type: kpi
        compare: previous_period
        sql: |
          select count(*) as orders from {{ ref('orders') }}
          where order_date between cast(:period_start as date) and cast(:period_end as date)
            and (cast(:status as varchar) is null or status = :status)
      - name: list
        type: table
        sql: select order_id, status, amount from {{ ref('orders') }} where (cast(:status as varchar) is null or status = :status) order by order_id
      - name: broken
        type: table
        sql: select no_such_column from {{ ref('orders') }}
      - name: slow
        type: kpi
        sql: select count(*) from range(100000000000) a, range(10) b where a.range + b.range < 0
`;

function get(url: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('martflow serve (jaffle on DuckDB)', () => {
  let project: { dir: string; remove: () => void };
  let served: ServedProject;
  const auth = { authorization: `Bearer ${TOKEN}` };
  const tile = async (name: string, query = '') => JSON.parse((await get(served.url, `/api/dashboards/orders/pages/main/tiles/${name}${query}`, auth)).body) as TileResponse;

  before(async () => {
    project = copyProject(FIXTURE);
    const build = martflow(['build'], { cwd: project.dir });
    assert.equal(build.code, 0, build.output);
    mkdirSync(join(project.dir, 'dashboards'));
    writeFileSync(join(project.dir, 'dashboards', 'orders.yml'), DASHBOARD);
    served = await serveInProcess(project.dir, { authToken: TOKEN });
  });
  after(async () => {
    await served?.close();
    project?.remove();
  });

  test('binds 127.0.0.1 unless --host, and refuses short tokens', () => {
    assert.equal(parseServeFlags({}, true).host, '127.0.0.1');
    assert.equal(new URL(served.url).hostname, '127.0.0.1');
    assert.throws(() => parseServeFlags({ authToken: 'short' }, true), /at least 8 characters/);
  });

  test('the auth token is required: bearer header, or ?token= once (sets a cookie, redirects without it)', async () => {
    assert.equal((await get(served.url, '/api/dashboards')).status, 401);
    assert.equal((await get(served.url, '/docs/', { authorization: 'Bearer wrong-token-xxxxxxx' })).status, 401);
    assert.equal((await get(served.url, '/api/dashboards', auth)).status, 200);
    const r = await get(served.url, `/?token=${TOKEN}&x=1`);
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, '/?x=1');
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    assert.match(String(r.headers['set-cookie']), /HttpOnly/);
    assert.equal((await get(served.url, '/api/dashboards', { cookie })).status, 200);
  });

  test('serves the docs site and dashboards app; GET only; no escape from the docs folder', async () => {
    const docs = await get(served.url, '/docs/', auth);
    assert.equal(docs.status, 200);
    assert.match(docs.body, /docs-data\.js/);
    assert.equal((await get(served.url, '/docs/docs-data.js', auth)).status, 200);
    assert.match((await get(served.url, '/', auth)).body, /\/assets\/dashboards\.js/);
    assert.equal((await get(served.url, '/assets/dashboards.js', auth)).status, 200);
    assert.equal((await get(served.url, '/docs/..%2f..%2fdbt_project.yml', auth)).status, 404);
    assert.equal((await get(served.url, '/docs/%2e%2e/dbt_project.yml', auth)).status, 404);
    assert.equal((await get(served.url, '/api/dashboards', auth, 'POST')).status, 405);
  });

  test('tiles answer with rows and the previous period; filters are bound parameters', async () => {
    const all = await tile('orders');
    assert.equal(all.error, undefined);
    assert.deepEqual(all.rows, [[8]]);
    assert.deepEqual(all.previous?.rows, [[0]]);
    assert.deepEqual(all.previousRange, { start: '2017-12-01', end: '2017-12-31' });
    assert.deepEqual((await tile('orders', '?status=completed')).rows, [[4]]);
    assert.deepEqual((await tile('orders', '?period_start=2018-01-01&period_end=2018-01-04')).rows, [[3]]);
    // An injection attempt is just a status nobody has.
    assert.deepEqual((await tile('orders', `?status=${encodeURIComponent("x' or '1'='1")}`)).rows, [[0]]);
    const options = JSON.parse((await get(served.url, '/api/dashboards/orders/filters/status/options', auth)).body) as { options: { value: string }[] };
    assert.ok(options.options.map((o) => o.value).includes('completed'));
  });

  test('a query error comes back in the tile; a bad parameter too', async () => {
    assert.match((await tile('broken')).error ?? '', /no_such_column/);
    assert.match((await tile('orders', '?period_start=yesterday')).error ?? '', /must be a date YYYY-MM-DD/);
    assert.match((await tile('nope')).error ?? '', /no tile 'nope'/);
  });

  test('tile results are reused until new run results are written', async () => {
    const before = served.service.hits;
    await tile('list', '?status=placed');
    await tile('list', '?status=placed');
    assert.equal(served.service.hits, before + 1);
    // A filter the SQL does not use does not make it a different query.
    await tile('list', '?status=placed&period_start=2018-01-02');
    assert.equal(served.service.hits, before + 2);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(project.dir, 'target', 'run_results.json'), later, later);
    await tile('list', '?status=placed');
    assert.equal(served.service.hits, before + 2, 'a new run_results.json invalidates the cache');
  });

  test('a query running past the timeout is cancelled and reported in its tile', async () => {
    const service = new DashboardService(served.ws, { queryTimeoutMs: 300, cacheTtlMs: 0 });
    const started = performance.now();
    const r = await service.tile('orders', 'main', 'slow', new URLSearchParams());
    assert.match(r.error ?? '', /ran longer than 0\.3 s and was cancelled/);
    assert.ok(performance.now() - started < 20_000);
    // The connection is usable afterwards.
    assert.deepEqual((await service.tile('orders', 'main', 'orders', new URLSearchParams())).rows, [[8]]);
  });

  test('CSV download has every row with a header', async () => {
    const r = await get(served.url, '/api/dashboards/orders/pages/main/tiles/list?format=csv', auth);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-disposition']), /attachment; filename="orders-list.csv"/);
    const lines = r.body.trim().split('\r\n');
    assert.equal(lines[0], 'order_id,status,amount');
    assert.equal(lines.length, 9);
  });

  test('dashboard queries run in a read-only transaction: writes fail and change nothing', async () => {
    const adapter = served.ws.requireAdapter();
    await assert.rejects(runReadOnly(adapter, `insert into "jaffle"."main"."orders" (order_id) values (999)`, []), /read-only|read only/i);
    await assert.rejects(runReadOnly(adapter, `drop table "jaffle"."main"."orders"`, []), /read-only|read only/i);
    const r = await adapter.execute(`select count(*) from "jaffle"."main"."orders"`);
    assert.equal(Number(r.rows[0]![0]), 8);
    // The connection goes back to the pool usable for writes (the read-only transaction ended).
    await adapter.execute('create temp table after_read_only as select 1 as x');
  });
});
