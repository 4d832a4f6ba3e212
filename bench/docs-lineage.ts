// bench/docs-lineage: the docs site on a 10,000-model synthetic project, measured in headless
// Chromium. Each interaction (first lineage draw, select/exclude filter, zoom, pan, click, search)
// should stay ≤ 100 ms (dbt-docs takes 2–3 s per interaction at 300 models, dbt-docs #170).
// Usage: npx tsx bench/docs-lineage.ts [models=10000]   (needs /usr/bin/chromium)
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generateProject } from './generate-project.js';
import { fmt, runMartflow } from './measure.js';
import type { Manifest } from '../src/project/manifest-types.js';
import { buildDocsData } from '../src/publish/docs/docs-data.js';
import { writeDocsSite } from '../src/publish/site/write-docs-site.js';
import { webAssets } from '../src/publish/assets/web-bundle.js';
import { startServer } from '../src/publish/server/http-server.js';
import { launchBrowser } from '../test/e2e/helpers/browser.js';

// Browser-side names for the evaluate callbacks (the Node type check has no DOM library).
declare const document: any;
declare const window: any;
declare const location: any;
declare const MouseEvent: any;

const models = Number(process.argv[2] ?? 10000);
const dir = join(tmpdir(), `martflow-bench-docs-${models}`);
// The manifest of an earlier run is reused (parsing 10,000 models is bench/compile's subject).
if (!existsSync(join(dir, 'target', 'manifest.json')) || process.env.REGENERATE) {
  generateProject(dir, { models });
  rmSync(join(dir, 'target'), { recursive: true, force: true });
  console.log(`synthetic project: ${models} models in ${dir}`);
  console.log(`martflow parse:                      ${fmt(runMartflow(['parse', '--quiet'], dir))}`);
}

const started = performance.now();
const manifest = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')) as Manifest;
const data = buildDocsData(manifest, null, new Map());
const target = join(dir, 'target');
writeDocsSite(target, data, await webAssets());
const dataMb = readFileSync(join(target, 'docs-data.js')).length / 1e6;
console.log(`docs data + site written:            ${((performance.now() - started) / 1000).toFixed(2)} s (${data.nodes.length} resources, docs-data.js ${dataMb.toFixed(1)} MB)`);

const server = await startServer({ host: '127.0.0.1', port: 0, authToken: null, docsDir: target, dashboards: null, assets: await webAssets(), projectName: 'synthetic' });
const browser = await launchBrowser();
const page = await browser.browser.newPage();
const results: [string, number[]][] = [];
const record = (name: string, ms: number[]) => results.push([name, ms]);

try {
  let t = performance.now();
  await page.goto(`${server.url}docs/#/`);
  await page.waitForSelector('[data-testid=project-tree]');
  record('open the site (parse data, tree)', [performance.now() - t]);

  // In-page timings: from the hash change to the end of the canvas draw that follows it.
  // (A string, not a function: tsx would wrap an inner named function in a helper the page lacks.)
  const timeRoute = (hash: string): Promise<number> => page.evaluate(`new Promise((done) => {
    const t0 = performance.now();
    const prev = window.__martflowLineage;
    const before = prev ? prev.draws : -1;
    location.hash = ${JSON.stringify(hash)};
    const poll = () => {
      const s = window.__martflowLineage;
      if (s && (s !== prev || s.draws !== before) && s.draws > 0) done(performance.now() - t0);
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  })`);

  t = performance.now();
  record('lineage: first draw of all nodes', [await timeRoute('#/lineage')]);
  const stats = await page.evaluate(() => window.__martflowLineage);
  console.log(`lineage graph: ${stats.nodes} nodes, ${stats.edges} edges; layout ${stats.layoutMs.toFixed(1)} ms, draw ${stats.drawMs.toFixed(1)} ms`);

  const redraw = (fn: string) => page.evaluate((code: string) => {
    const view = window.__martflowLineageView;
    const t0 = performance.now();
    new Function('view', code)(view);
    view.draw();
    return performance.now() - t0;
  }, fn);
  const zooms: number[] = [];
  for (let i = 0; i < 10; i++) zooms.push(await redraw(`view.zoomBy(${i < 5 ? 1.3 : 0.77})`));
  record('zoom (whole graph visible → closer)', zooms);
  const pans: number[] = [];
  for (let i = 0; i < 10; i++) pans.push(await page.evaluate(() => {
    const c = document.querySelector('canvas');
    const r = c.getBoundingClientRect();
    const t0 = performance.now();
    c.dispatchEvent(new MouseEvent('mousedown', { clientX: r.left + 200, clientY: r.top + 200, bubbles: true }));
    window.dispatchEvent(new MouseEvent('mousemove', { clientX: r.left + 260, clientY: r.top + 230, bubbles: true }));
    window.__martflowLineageView.draw();
    window.dispatchEvent(new MouseEvent('mouseup', { clientX: r.left + 260, clientY: r.top + 230, bubbles: true }));
    return performance.now() - t0;
  }));
  record('pan (drag, redraw)', pans);
  const clicks: number[] = [];
  for (let i = 0; i < 10; i++) clicks.push(await page.evaluate((k: number) => {
    const view = window.__martflowLineageView;
    const nodes = window.__MARTFLOW_DOCS__.nodes;
    const idx = nodes.findIndex((n: { name: string }) => n.name === `m${k * 37}`);
    const t0 = performance.now();
    view.focus(idx); // select + highlight up/downstream + centre
    view.draw();
    return performance.now() - t0;
  }, i + 1));
  record('click a node (select, highlight lineage, redraw)', clicks);

  const filters: number[] = [];
  for (const [sel, exc] of [['+m9000+', ''], ['tag:folder_3', ''], ['path:models/f1', 'm150+'], ['m5*', ''], ['', 'tag:folder_0']]) {
    filters.push(await timeRoute(`#/lineage?select=${encodeURIComponent(sel!)}&exclude=${encodeURIComponent(exc!)}`));
  }
  record('select / exclude filter (evaluate, layout, draw)', filters);

  await page.evaluate(() => (location.hash = '#/'));
  const searches: number[] = [];
  for (const q of ['m12', 'm9999', 'scaled_id', 'Model 77', 'col_b', 'zzz']) {
    searches.push(await page.evaluate((query: string) => {
      const input = document.querySelector('[data-testid=search]');
      const t0 = performance.now();
      input.value = query;
      input.dispatchEvent(new Event('input'));
      return performance.now() - t0;
    }, q));
  }
  record('search as you type (names, columns, descriptions)', searches);
} finally {
  await browser.close();
  await server.close();
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;
console.log('\ninteraction                                          median    max   (target ≤ 100 ms)');
for (const [name, ms] of results) console.log(`${name.padEnd(52)} ${pct(ms, 0.5).toFixed(1).padStart(6)} ${Math.max(...ms).toFixed(1).padStart(6)} ms`);
