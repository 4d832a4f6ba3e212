// The docs site and the email_mart dashboards as a person uses them, in headless Chromium: every
// dashboard page loads with its charts drawn, a KPI shows what an independent SQL query computes,
// changing a filter changes the numbers, a row click opens the detail page, CSV downloads, a broken
// tile shows its error, the lineage draws and search finds a column. Screenshots: test-output/e2e/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { copyProject, martflow, REPO_ROOT } from '../helpers/cli.js';
import { launchBrowser, screenshotPath, type LaunchedBrowser } from './helpers/browser.js';
import { serveInProcess, type ServedProject } from './helpers/serve-in-process.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'email_mart');

// Callbacks given to page.evaluate / waitForFunction run in the browser; the Node-side type check
// has no DOM library, so these names are declared loosely for this file only.
declare const document: any;
declare const window: any;
declare const location: any;
type HTMLElement = any;

const BROKEN_DASHBOARD = `title: Broken on purpose
pages:
  - name: main
    tiles:
      - name: fine
        type: kpi
        sql: select count(*) as n from {{ ref('dim_campaign') }}
      - name: missing_column
        type: table
        sql: select no_such_column from {{ ref('dim_campaign') }}
      - name: tries_to_write
        type: table
        sql: insert into {{ ref('dim_campaign') }} (campaign_id) values ('HACKED') returning campaign_id
`;

/** Waits until no tile of the page is loading; returns name → state. */
async function tilesSettled(page: Page): Promise<Record<string, string>> {
  await page.waitForFunction(() => {
    const tiles = [...document.querySelectorAll('[data-tile]')];
    return tiles.length > 0 && tiles.every((t) => t.dataset.state !== 'loading');
  }, null, { timeout: 30_000 });
  return page.$$eval('[data-tile]', (ts) => Object.fromEntries(ts.map((t) => [(t as HTMLElement).dataset.tile!, (t as HTMLElement).dataset.state!])));
}

async function kpiValue(page: Page, tile: string): Promise<string> {
  return page.$eval(`[data-tile="${tile}"] .kpi-value`, (el) => (el as HTMLElement).dataset.value ?? '');
}

describe('docs and dashboards in a browser (email_mart on DuckDB)', () => {
  let project: { dir: string; remove: () => void };
  let served: ServedProject;
  let browser: LaunchedBrowser;
  let page: Page;
  const sql = async (q: string) => (await served.ws.requireAdapter().execute(q)).rows;

  before(async () => {
    project = copyProject(EXAMPLE);
    const gen = martflow(['run-operation', 'insert_mock_marketing_cloud_events', '--args', '{days: 45, sends_per_day: 400, seed: 7}'], { cwd: project.dir });
    assert.equal(gen.code, 0, gen.output);
    const build = martflow(['build'], { cwd: project.dir });
    assert.equal(build.code, 0, build.output);
    writeFileSync(join(project.dir, 'dashboards', 'broken.yml'), BROKEN_DASHBOARD);
    served = await serveInProcess(project.dir);
    browser = await launchBrowser();
    page = await browser.browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await served?.close();
    project?.remove();
  });

  test('every page of the three dashboards loads with data and drawn charts', async () => {
    const pages = [
      ['executive_email_performance', 'overview'],
      ['campaign_performance', 'campaigns'],
      ['audience_membership_quality', 'membership'],
      ['audience_membership_quality', 'data_quality'],
    ];
    for (const [dashboard, name] of pages) {
      await page.goto(`${served.url}#/d/${dashboard}/${name}`);
      const states = await tilesSettled(page);
      assert.deepEqual(Object.entries(states).filter(([, s]) => s !== 'ready'), [], `${dashboard}/${name}: tiles not ready`);
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=chart]')].every((c) => Number(c.dataset.points ?? 0) > 0));
      const charts = await page.$$eval('[data-testid=chart] canvas', (cs) => cs.length);
      assert.ok(charts > 0, `${dashboard}/${name}: no chart canvas`);
      await page.screenshot({ path: screenshotPath(`dashboard-${dashboard}-${name}`), fullPage: true });
    }
  });

  test('a KPI tile shows the value an independent SQL query computes, and filters change it', async () => {
    const [[maxDay]] = await sql(`select cast(max(event_date) as varchar) from "email_mart"."marts"."fct_email_events"`) as [[string]];
    const end = new Date(`${maxDay}T00:00:00Z`);
    const start = new Date(end.getTime() - 27 * 86_400_000).toISOString().slice(0, 10);
    const sends = async (where: string) => String((await sql(`select count(*) from "email_mart"."marts"."fct_email_events" where event_type = 'SEND' and ${where}`))[0]![0]);

    await page.goto(`${served.url}#/d/executive_email_performance/overview`);
    await tilesSettled(page);
    const all = await sends(`event_date between date '${start}' and date '${maxDay}'`);
    assert.equal(await kpiValue(page, 'sends'), all);
    assert.match(await page.textContent('[data-tile="sends"] [data-testid=kpi-change]') ?? '', /vs previous period/);

    // The campaign filter: the number becomes that campaign's sends.
    await page.waitForSelector('select[data-filter=campaign] option[value="CMP-0002"]', { state: 'attached' });
    await page.selectOption('select[data-filter=campaign]', 'CMP-0002');
    const one = await sends(`event_date between date '${start}' and date '${maxDay}' and campaign_id = 'CMP-0002'`);
    assert.notEqual(one, all);
    await page.waitForFunction((v) => document.querySelector('[data-tile="sends"] .kpi-value')?.dataset.value === v, one, { timeout: 15_000 });
    assert.match(page.url(), /campaign=CMP-0002/);

    // The date range: one week of that campaign.
    const weekStart = new Date(end.getTime() - 6 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('input[data-filter=period_start]', weekStart);
    await page.dispatchEvent('input[data-filter=period_start]', 'change');
    const week = await sends(`event_date between date '${weekStart}' and date '${maxDay}' and campaign_id = 'CMP-0002'`);
    await page.waitForFunction((v) => document.querySelector('[data-tile="sends"] .kpi-value')?.dataset.value === v, week, { timeout: 15_000 });
    await tilesSettled(page);
    await page.screenshot({ path: screenshotPath('dashboard-executive-filtered'), fullPage: true });
  });

  test('clicking a campaign row opens its detail page with its events', async () => {
    await page.goto(`${served.url}#/d/campaign_performance/campaigns`);
    await tilesSettled(page);
    const firstId = await page.textContent('[data-tile="campaign_table"] tbody tr:first-child td:first-child');
    assert.ok(firstId?.startsWith('CMP-'), `first row: ${firstId}`);
    await page.click('[data-tile="campaign_table"] tbody tr:first-child');
    await page.waitForFunction(() => location.hash.includes('/campaign?'));
    const states = await tilesSettled(page);
    assert.deepEqual(Object.entries(states).filter(([, s]) => s !== 'ready'), []);
    assert.match(page.url(), new RegExp(`campaign_id=${firstId}`));
    assert.equal(await page.textContent('[data-tile="campaign_info"] tbody td:first-child'), firstId);
    const eventRows = await page.$$eval('[data-tile="events"] tbody tr', (rows) => rows.length);
    assert.ok(eventRows > 0, 'the detail page lists the campaign events');
    await page.screenshot({ path: screenshotPath('dashboard-campaign-detail'), fullPage: true });
  });

  test('clicking a bar of a chart opens the detail page of that campaign', async () => {
    await page.goto(`${served.url}#/d/campaign_performance/campaigns`);
    await tilesSettled(page);
    await page.waitForFunction(() => Number(document.querySelector('[data-tile="sends_by_campaign"] [data-testid=chart]')?.dataset.points ?? 0) > 0);
    const chart = (await page.$('[data-tile="sends_by_campaign"] [data-testid=chart]'))!;
    const point = await chart.evaluate((el) => window.__martflowChartPoint(el, 0, 0));
    assert.ok(point, 'the first bar has a position');
    const box = (await chart.boundingBox())!;
    // The first bar is the campaign with the most sends (the tile orders by sends desc).
    const firstId = await page.textContent('[data-tile="campaign_table"] tbody tr:first-child td:first-child');
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await page.waitForFunction(() => location.hash.includes('/campaign?'));
    await tilesSettled(page);
    assert.match(page.url(), new RegExp(`campaign_id=${firstId}`));
    await page.screenshot({ path: screenshotPath('dashboard-chart-drilldown'), fullPage: true });
  });

  test('a tile downloads its rows as CSV', async () => {
    await page.goto(`${served.url}#/d/campaign_performance/campaigns`);
    await tilesSettled(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-tile="campaign_table"] [data-testid=csv]')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r\n/);
    assert.equal(lines[0], 'campaign_id,campaign_name,channel,status,owner_name,sends,delivered,unique_opens,unique_clicks,unsubscribes,open_rate,click_through_rate,total_spend');
    const tableRows = await page.$$eval('[data-tile="campaign_table"] tbody tr', (rows) => rows.length);
    assert.equal(lines.length - 1, tableRows);
  });

  test('a failing tile shows its error in the tile; writes are refused', async () => {
    await page.goto(`${served.url}#/d/broken/main`);
    const states = await tilesSettled(page);
    assert.deepEqual(states, { fine: 'ready', missing_column: 'error', tries_to_write: 'error' });
    assert.match(await page.textContent('[data-tile="missing_column"] [data-testid=tile-error]') ?? '', /no_such_column/);
    // Refused either by the parser (tile SQL is wrapped as a subquery) or by the read-only transaction
    // (publish-read-only.test.ts runs a write through runReadOnly itself); the table is unchanged.
    assert.ok((await page.textContent('[data-tile="tries_to_write"] [data-testid=tile-error]') ?? '').length > 0);
    const [[hacked]] = await sql(`select count(*) from "email_mart"."marts"."dim_campaign" where campaign_id = 'HACKED'`) as [[unknown]];
    assert.equal(Number(hacked), 0);
    await page.screenshot({ path: screenshotPath('dashboard-broken-tiles'), fullPage: true });
  });

  test('the docs lineage draws, filters, and click-through opens a model page', async () => {
    await page.goto(`${served.url}docs/#/lineage`);
    await page.waitForFunction(() => Number(document.querySelector('canvas')?.dataset.draws ?? 0) > 0);
    const all = await page.evaluate(() => window.__martflowLineage!.nodes);
    assert.ok(all >= 20, `lineage nodes: ${all}`);
    await page.screenshot({ path: screenshotPath('docs-lineage') });

    await page.fill('[data-testid=lineage-select]', '+fct_email_events_daily');
    await page.press('[data-testid=lineage-select]', 'Enter');
    await page.waitForFunction((n) => window.__martflowLineage!.nodes < n && Number(document.querySelector('canvas')?.dataset.draws ?? 0) > 0, all);
    const index = await page.evaluate(() => (window as unknown as { __MARTFLOW_DOCS__: { nodes: { id: string }[] } }).__MARTFLOW_DOCS__.nodes.findIndex((n) => n.id === 'model.email_mart.fct_email_events_daily'));
    const point = await page.evaluate((i) => window.__martflowLineageView!.pointOf(i), index);
    assert.ok(point);
    const box = (await page.$('[data-testid=lineage-canvas]'))!.boundingBox();
    const b = (await box)!;
    await page.mouse.click(b.x + point.x, b.y + point.y);
    await page.waitForSelector('[data-testid=lineage-open]');
    assert.match(await page.textContent('[data-testid=lineage-panel]') ?? '', /fct_email_events_daily/);
    await page.screenshot({ path: screenshotPath('docs-lineage-selected') });
    await page.click('[data-testid=lineage-open]');
    await page.waitForSelector('[data-testid=node-page][data-node="model.email_mart.fct_email_events_daily"]');
    const types = await page.$$eval('[data-testid=columns] tr[data-column="event_date"] td', (tds) => tds.map((t) => t.textContent));
    assert.equal(types[1], 'DATE');
    // Raw and compiled SQL arrive with docs-details.js.
    await page.waitForSelector('[data-testid=node-details][data-loaded=true]');
    assert.match(await page.textContent('[data-testid=node-details]') ?? '', /Compiled SQL[\s\S]*"email_mart"\."marts"\."fct_email_events"/);
    await page.screenshot({ path: screenshotPath('docs-model-page'), fullPage: true });
  });

  test('the docs site also opens from the file system, with no server and no network', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${join(project.dir, 'target', 'index.html')}#/node/model.email_mart.dim_campaign`);
    await page.waitForSelector('[data-testid=node-page][data-node="model.email_mart.dim_campaign"]');
    page.removeAllListeners('request');
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), []);
  });

  test('docs search finds a column', async () => {
    await page.goto(`${served.url}docs/#/`);
    await page.fill('[data-testid=search]', 'coverage_rate');
    await page.waitForSelector('[data-testid=search-results] [data-testid=hit-column]');
    const hit = await page.textContent('[data-testid=search-results] li[data-kind=column]');
    assert.match(hit ?? '', /dq_campaign_id_coverage.*column coverage_rate/);
    await page.screenshot({ path: screenshotPath('docs-search') });
  });
});
