// bench/email-mart: the email mart example at scale. Per engine: seed, generate 30 days of mock
// Marketing Cloud events in the warehouse, a full `build --select tag:daily`, then one more day of
// events and the daily (incremental) `build --select tag:daily` again.
// Targets on a 2-core machine, DuckDB at 10 million events: full build ≤ 60 s, incremental day ≤ 5 s.
// Usage: npm run build && npx tsx bench/email-mart.ts [duckdb_events=10000000] [postgres_events=1000000]
// (postgres_events=0 skips PostgreSQL; PGHOST/PGPORT/PGUSER as for the tests.)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MARTFLOW, REPO, runMartflow } from './measure.js';

const DAYS = 30;
/** Events per send the generator produces on average (SEND, DELIVERED/BOUNCE, opens, clicks, …). */
const EVENTS_PER_SEND = 2.37;

interface Engine {
  name: string;
  args: string[];
  env: Record<string, string>;
}

interface Timed {
  seconds: number;
  /** user + system CPU seconds of the martflow process (DuckDB runs in it): less sensitive to a busy machine. */
  cpuSeconds: number | null;
  peakMb: number | null;
}

/** Runs martflow under /usr/bin/time (when present) for wall, CPU and peak memory. */
function timed(args: string[], cwd: string, env: Record<string, string>): Timed {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const cmdArgs = useTime ? ['-f', 'MARTFLOW_TIME=%U %S %M', process.execPath, MARTFLOW, ...args] : [MARTFLOW, ...args];
  const started = performance.now();
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`martflow ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  const m = /MARTFLOW_TIME=([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  return { seconds, cpuSeconds: m ? Number(m[1]) + Number(m[2]) : null, peakMb: m ? Number(m[3]) / 1024 : null };
}

function fmt(t: Timed): string {
  const cpu = t.cpuSeconds === null ? '' : `, CPU ${t.cpuSeconds.toFixed(1)} s`;
  const mem = t.peakMb === null ? '' : `, peak RSS ${t.peakMb.toFixed(0)} MB`;
  return `${t.seconds.toFixed(2)} s${cpu}${mem}`;
}

function slowest(dir: string, n: number): string {
  const results = JSON.parse(readFileSync(join(dir, 'target', 'run_results.json'), 'utf8')).results as { unique_id: string; execution_time: number }[];
  return results
    .sort((a, b) => b.execution_time - a.execution_time)
    .slice(0, n)
    .map((r) => `${r.unique_id.split('.').pop()} ${r.execution_time.toFixed(2)} s`)
    .join(', ');
}

function countEvents(dir: string, engine: Engine): number {
  const m = runMartflow(['show', '--inline', "select count(*) as n from {{ ref('fct_email_events') }}", '--output', 'json', '--quiet', ...engine.args], dir, engine.env);
  return Number((JSON.parse(m.stdout.trim().split('\n').pop()!) as { show: { n: unknown }[] }).show[0]!.n);
}

function benchEngine(engine: Engine, events: number): void {
  const sendsPerDay = Math.round(events / DAYS / EVENTS_PER_SEND);
  const dir = mkdtempSync(join(tmpdir(), `martflow-bench-email-mart-${engine.name}-`));
  cpSync(join(REPO, 'examples', 'email_mart'), dir, { recursive: true, filter: (src) => !/[\\/](target|logs)([\\/]|$)/.test(src) });
  const step = (label: string, args: string[], note = ''): Timed => {
    const m = timed([...args, ...engine.args], dir, engine.env);
    console.log(`${engine.name.padEnd(9)} ${label.padEnd(44)} ${fmt(m)}${note}`);
    return m;
  };
  try {
    console.log(`${engine.name}: ${DAYS} days × ${sendsPerDay} sends/day (≈ ${(events / 1e6).toFixed(1)} M events) in ${dir}`);
    step('seed', ['seed', '--quiet']);
    const gen = (days: number) => ['run-operation', 'insert_mock_marketing_cloud_events', '--args', `{days: ${days}, sends_per_day: ${sendsPerDay}, seed: 42}`];
    step(`generate ${DAYS} days of events`, gen(DAYS));
    step('full build --select tag:daily', ['build', '--select', 'tag:daily', '--quiet'], engine.name === 'duckdb' ? '   (target ≤ 60 s)' : '');
    const total = countEvents(dir, engine);
    console.log(`${engine.name.padEnd(9)} fct_email_events rows: ${total.toLocaleString('en-US')}; slowest nodes: ${slowest(dir, 4)}`);
    step('generate 1 more day', gen(1));
    step('incremental build --select tag:daily', ['build', '--select', 'tag:daily', '--quiet'], engine.name === 'duckdb' ? '   (target ≤ 5 s)' : '');
    console.log(`${engine.name.padEnd(9)} slowest nodes: ${slowest(dir, 4)}`);
    step('generate 1 more day', gen(1));
    step('incremental run --select tag:daily (no tests)', ['run', '--select', 'tag:daily', '--quiet']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withPostgres(fn: (dbname: string) => void): Promise<void> {
  const server = { host: process.env.PGHOST ?? '127.0.0.1', port: Number(process.env.PGPORT ?? 5432), user: process.env.PGUSER ?? 'postgres', password: process.env.PGPASSWORD, database: 'postgres' };
  const dbname = `martflow_bench_email_mart_${process.pid}`;
  const admin = async (sql: string) => {
    const c = new pg.Client(server);
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${dbname}"`);
  try {
    fn(dbname);
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${dbname}" WITH (FORCE)`);
  }
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`load average at start: ${load()} (figures are wall time on this machine as busy as that; CPU time is steadier)`);
const duckdbEvents = Number(process.argv[2] ?? 10_000_000);
const postgresEvents = Number(process.argv[3] ?? 1_000_000);
if (duckdbEvents > 0) benchEngine({ name: 'duckdb', args: [], env: {} }, duckdbEvents);
if (postgresEvents > 0) {
  await withPostgres((dbname) => benchEngine({ name: 'postgres', args: ['--target', 'pg'], env: { EMAIL_MART_PG_DB: dbname } }, postgresEvents));
}
console.log(`load average at end: ${load()}`);
