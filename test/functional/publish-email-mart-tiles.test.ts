// Every tile of the three email_mart dashboards answers without error on DuckDB and on PostgreSQL
// (the dashboard SQL is portable), and the executive "Emails sent" KPI equals the SEND events that an
// independent query over fct_email_events counts, for the default period and for one campaign.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { copyProject, martflow, REPO_ROOT, type Engine as CliEngine } from '../helpers/cli.js';
import { withPostgresDatabase } from '../helpers/postgres.js';
import { serveInProcess, type ServedProject } from '../e2e/helpers/serve-in-process.js';
import type { DashboardsResponse, TileResponse } from '../../src/publish/dashboards/api-types.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'email_mart');

interface Engine extends CliEngine {
  target?: string;
}

function suite(engineOf: () => Engine) {
  let project: { dir: string; remove: () => void };
  let served: ServedProject;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    const engine = engineOf();
    project = copyProject(EXAMPLE);
    const gen = martflow(['run-operation', 'insert_mock_marketing_cloud_events', '--args', '{days: 20, sends_per_day: 150, seed: 3}', ...engine.args], { cwd: project.dir, env: engine.env });
    assert.equal(gen.code, 0, gen.output);
    const build = martflow(['build', ...engine.args], { cwd: project.dir, env: engine.env });
    assert.equal(build.code, 0, build.output);
    // The profile reads the database name from the environment when the workspace opens.
    for (const [k, v] of Object.entries(engine.env)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    served = await serveInProcess(project.dir, { target: engine.target });
  });
  after(async () => {
    await served?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    project?.remove();
  });

  const api = async <T>(path: string) => (await (await fetch(`${served.url}api/${path}`)).json()) as T;

  test('every tile of every page answers without error', async () => {
    const list = await api<DashboardsResponse>('dashboards');
    assert.deepEqual(list.errors, []);
    assert.equal(list.dashboards.length, 3);
    const failures: string[] = [];
    let tiles = 0;
    for (const d of list.dashboards) {
      for (const page of d.pages) {
        for (const tile of page.tiles) {
          const q = page.params?.includes('campaign_id') ? '?campaign_id=CMP-0002' : '';
          const r = await api<TileResponse>(`dashboards/${d.id}/pages/${page.name}/tiles/${tile.name}${q}`);
          tiles++;
          if (r.error) failures.push(`${d.id}/${page.name}/${tile.name}: ${r.error}`);
        }
      }
      for (const f of d.filters.filter((x) => x.type === 'select')) {
        const o = await api<{ options: unknown[]; error?: string }>(`dashboards/${d.id}/filters/${f.name}/options`);
        if (o.error || o.options.length === 0) failures.push(`${d.id} filter ${f.name}: ${o.error ?? 'no options'}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(tiles > 40, `${tiles} tiles`);
  });

  test('the Emails sent KPI equals an independent count of SEND events, for all campaigns and for one', async () => {
    const list = await api<DashboardsResponse>('dashboards');
    const exec = list.dashboards.find((d) => d.id === 'executive_email_performance')!;
    const { period_start: start, period_end: end } = exec.defaults;
    assert.match(start ?? '', /^\d{4}-\d{2}-\d{2}$/);
    const events = served.ws.manifest.nodes['model.email_mart.fct_email_events']!.relation_name!;
    const count = async (extra: string) => Number((await served.ws.requireAdapter().execute(
      `select count(*) from ${events} where event_type = 'SEND' and event_date between cast($1 as date) and cast($2 as date) ${extra}`, { params: [start, end] })).rows[0]![0]);
    const all = await api<TileResponse>('dashboards/executive_email_performance/pages/overview/tiles/sends');
    assert.equal(Number(all.rows![0]![0]), await count(''));
    const one = await api<TileResponse>('dashboards/executive_email_performance/pages/overview/tiles/sends?campaign=CMP-0002');
    assert.equal(Number(one.rows![0]![0]), await count(`and campaign_id = 'CMP-0002'`));
    assert.notEqual(Number(one.rows![0]![0]), Number(all.rows![0]![0]));
    assert.ok(all.previous, 'previous period compared');
  });
}

// Connect before any suite starts: the suites' spawnSync builds block the event loop for seconds.
const pg = await withPostgresDatabase();

describe('email_mart dashboard tiles on DuckDB', () => {
  suite(() => ({ args: [], env: {} }));
});

describe('email_mart dashboard tiles on PostgreSQL', { skip: pg.skip }, () => {
  after(() => pg.drop());
  suite(() => ({ args: ['--target', 'pg'], env: { EMAIL_MART_PG_DB: pg.dbname }, target: 'pg' }));
});
