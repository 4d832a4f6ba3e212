// bench/serve-tiles: tile queries of the email_mart dashboards through `martflow serve`'s HTTP API
// at ~10 million events. Target: ≤ 200 ms at the 95th percentile per tile request.
// Usage: npx tsx bench/serve-tiles.ts [sends_per_day=42000] [days=100]
// (generates the events once into a cached copy of examples/email_mart under the temp folder)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { copyProject, martflow, REPO_ROOT } from '../test/helpers/cli.js';
import { serveInProcess } from '../test/e2e/helpers/serve-in-process.js';
import type { DashboardsResponse, TileResponse } from '../src/publish/dashboards/api-types.js';
import { cpSync, rmSync } from 'node:fs';

const sendsPerDay = Number(process.argv[2] ?? 42000);
const days = Number(process.argv[3] ?? 100);
const dir = join(tmpdir(), `martflow-bench-serve-${sendsPerDay}x${days}`);

if (!existsSync(join(dir, 'target', 'email_mart.duckdb'))) {
  const copy = copyProject(join(REPO_ROOT, 'examples', 'email_mart'));
  rmSync(dir, { recursive: true, force: true });
  cpSync(copy.dir, dir, { recursive: true });
  copy.remove();
  let t = performance.now();
  const gen = martflow(['run-operation', 'insert_mock_marketing_cloud_events', '--args', `{days: ${days}, sends_per_day: ${sendsPerDay}, seed: 42}`], { cwd: dir });
  if (gen.code !== 0) throw new Error(gen.output);
  console.log(`generated events: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const build = martflow(['build'], { cwd: dir });
  if (build.code !== 0) throw new Error(build.output);
  console.log(`martflow build: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
// Dashboards are read from the repository's example, so edits are measured without regenerating.
rmSync(join(dir, 'dashboards'), { recursive: true, force: true });
cpSync(join(REPO_ROOT, 'examples', 'email_mart', 'dashboards'), join(dir, 'dashboards'), { recursive: true });

async function measure(label: string, cacheTtlMs: number, rounds: number): Promise<void> {
  const served = await serveInProcess(dir, { cacheTtlMs });
  try {
    const list = (await (await fetch(`${served.url}api/dashboards`)).json()) as DashboardsResponse;
    const campaigns = ['', 'CMP-0002', 'CMP-0010'];
    const timings = new Map<string, number[]>();
    const all: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const d of list.dashboards) {
        for (const page of d.pages) {
          for (const tile of page.tiles) {
            const q = new URLSearchParams();
            if (page.params?.includes('campaign_id')) q.set('campaign_id', 'CMP-0002');
            if (d.filters.some((f) => f.name === 'campaign')) q.set('campaign', campaigns[round % campaigns.length]!);
            // Alternate the default 28 days with a 7-day window.
            if (round % 2 === 1 && d.defaults.period_end) {
              const end = new Date(`${d.defaults.period_end}T00:00:00Z`);
              q.set('period_start', new Date(end.getTime() - 6 * 86_400_000).toISOString().slice(0, 10));
            }
            const t = performance.now();
            const r = (await (await fetch(`${served.url}api/dashboards/${d.id}/pages/${page.name}/tiles/${tile.name}?${q}`)).json()) as TileResponse;
            const ms = performance.now() - t;
            if (r.error) throw new Error(`${d.id}/${page.name}/${tile.name}: ${r.error}`);
            if (round === 0) continue; // the first round compiles the SQL (and, cached, fills the cache)
            const key = `${d.id}/${page.name}/${tile.name}`;
            timings.set(key, [...(timings.get(key) ?? []), ms]);
            all.push(ms);
          }
        }
      }
    }
    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * p) - 1)]!;
    console.log(`\n${label}\ntile                                                           p50      p95   (ms)`);
    for (const [k, xs] of timings) console.log(`${k.padEnd(60)} ${pct(xs, 0.5).toFixed(1).padStart(7)} ${pct(xs, 0.95).toFixed(1).padStart(8)}`);
    console.log(`all ${all.length} tile requests: p50 ${pct(all, 0.5).toFixed(1)} ms, p95 ${pct(all, 0.95).toFixed(1)} ms (target p95 ≤ 200 ms)`);
  } finally {
    await served.close();
  }
}

{
  const probe = await serveInProcess(dir, { cacheTtlMs: 0 });
  const events = await probe.ws.requireAdapter().execute(`select count(*), min(event_date), max(event_date) from "email_mart"."marts"."fct_email_events"`);
  console.log(`fct_email_events: ${Number(events.rows[0]![0]).toLocaleString('en-US')} events, ${events.rows[0]![1]} … ${events.rows[0]![2]}`);
  await probe.close();
}
await measure('every request runs its query (serve --cache-ttl 0):', 0, Number(process.env.COLD_ROUNDS ?? 3));
await measure('results reused (serve default: 5 minutes, or until the next run):', 300_000, 6);
