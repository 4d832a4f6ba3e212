// bench/runner-overhead: a DAG of 1,000 trivial view models run by `martflow run` with 1, 2 and 4
// threads, against executing the same CREATE VIEW statements directly, one after another, on one
// connection. Target: runner overhead ≤ 10 %. The runner's time is run_results.json's elapsed_time
// (scheduling, rendering, materializing; process start-up excluded).
// Usage: npm run build && npx tsx bench/runner-overhead.ts [models=1000]
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { generateProject } from './generate-project.js';
import { runMartflow } from './measure.js';
import { createAdapter } from '../src/warehouse/index.js';

const models = Number(process.argv[2] ?? 1000);
const dir = join(tmpdir(), `martflow-bench-runner-${models}`);
generateProject(dir, { models, trivial: true });
// The generator's profile is in-memory; use a file so `run` and the direct baseline see the same engine.
writeFileSync(join(dir, 'profiles.yml'), `synthetic:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/bench.duckdb\n      threads: 4\n`);

console.log(`runner overhead: ${models} trivial view models (random DAG), DuckDB file`);
runMartflow(['compile', '--quiet'], dir);
const manifest = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8'));
const order: string[] = [];
{
  // topological order from parent_map
  const done = new Set<string>();
  const visit = (id: string) => {
    if (done.has(id)) return;
    done.add(id);
    for (const p of manifest.parent_map[id] ?? []) visit(p);
    if (manifest.nodes[id]?.resource_type === 'model') order.push(id);
  };
  Object.keys(manifest.nodes).sort().forEach(visit);
}

/** The same statements on one connection; the second pass (replacing existing views) is timed, like the runner's. */
async function direct(): Promise<number> {
  rmSync(join(dir, 'target', 'bench.duckdb'), { force: true });
  rmSync(join(dir, 'target', 'bench.duckdb.wal'), { force: true });
  const adapter = await createAdapter({ type: 'duckdb', path: join(dir, 'target', 'bench.duckdb'), schema: 'main', threads: 1 }, { projectDir: dir });
  const conn = await adapter.acquire();
  let seconds = 0;
  for (let pass = 0; pass < 2; pass++) {
    const started = performance.now();
    for (const id of order) {
      const n = manifest.nodes[id];
      await conn.execute(`CREATE OR REPLACE VIEW ${n.relation_name} AS (\n${n.compiled_code}\n)`);
    }
    seconds = (performance.now() - started) / 1000;
  }
  conn.release();
  await adapter.close();
  return seconds;
}

const baseline = await direct();
console.log(`direct CREATE OR REPLACE VIEW statements, 1 connection: ${baseline.toFixed(2)} s`);
for (const threads of [1, 2, 4]) {
  rmSync(join(dir, 'target', 'bench.duckdb'), { force: true });
  runMartflow(['run', '--threads', String(threads), '--quiet'], dir);
  // a second run replaces existing views, the steady state of a daily run
  runMartflow(['run', '--threads', String(threads), '--quiet'], dir);
  const results = JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8'));
  const elapsed = results.elapsed_time as number;
  const overhead = ((elapsed - baseline) / baseline) * 100;
  console.log(`martflow run --threads ${threads}:                 ${elapsed.toFixed(2)} s  (overhead ${overhead >= 0 ? '+' : ''}${overhead.toFixed(0)} %, target ≤ 10 %)`);
}
