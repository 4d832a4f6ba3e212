// Reliability of the runner: SIGINT cancels the running query and still writes run results;
// SIGKILL at random moments never leaves a half-built relation under a model's name, and the next
// run converges to the same tables; a second process on the same DuckDB file is told who holds it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, martflow, martflowAsync, REPO_ROOT } from '../helpers/cli.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'jaffle');
const SLOW_MODEL = "{{ config(materialized='table') }}\nselect sum(hash(i)) as h from range(4000000000) t(i)\n";

function rows(dir: string, sql: string): string {
  const r = martflow(['show', '--inline', sql, '--limit', '-1', '--output', 'json', '--quiet'], { cwd: dir });
  assert.equal(r.code, 0, r.output);
  return r.stdout.trim().split('\n').pop()!;
}

function waitForExit(child: ReturnType<typeof martflowAsync>): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  let stdout = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stdout += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout })));
}

describe('interrupting and killing builds (DuckDB)', () => {
  let p: { dir: string; remove: () => void };
  before(() => {
    p = copyProject(FIXTURE);
  });
  after(() => p.remove());

  test('SIGINT cancels the running query, writes run results and exits non-zero', async () => {
    writeFileSync(join(p.dir, 'models', 'slow.sql'), SLOW_MODEL);
    const child = martflowAsync(['run', '-s', 'slow'], { cwd: p.dir });
    let started = false;
    child.stdout!.on('data', (d: Buffer) => {
      if (!started && d.toString().includes('START sql table model main.slow')) {
        started = true;
        setTimeout(() => child.kill('SIGINT'), 300);
      }
    });
    const startedAt = Date.now();
    const result = await waitForExit(child);
    assert.ok(started, result.stdout);
    assert.notEqual(result.code, 0, result.stdout);
    assert.ok(Date.now() - startedAt < 60_000);
    assert.match(result.stdout, /received SIGINT/);
    const runResults = JSON.parse(readFileSync(join(p.dir, 'target', 'run_results.json'), 'utf8'));
    assert.deepEqual(runResults.results.map((r: { unique_id: string; status: string }) => [r.unique_id, r.status]), [['model.jaffle.slow', 'error']]);
    const relations = rows(p.dir, "select count(*) as n from information_schema.tables where table_name like 'slow%'");
    assert.equal(JSON.parse(relations).show[0].n, 0, 'no half-built relation of the cancelled model');
  });

  test('SIGKILL at random moments leaves every model either old or new, and a rerun converges', async () => {
    writeFileSync(join(p.dir, 'models', 'slow.sql'), 'select 1 as h\n');
    const first = martflow(['build'], { cwd: p.dir });
    assert.equal(first.code, 0, first.output);
    const query = (name: string) => `select * from main.${name} order by 1`;
    const old = { customers: rows(p.dir, query('customers')), orders: rows(p.dir, query('orders')) };
    // New data: one more order and payment. The expected new tables come from a clean build of a copy.
    const addNewData = (dir: string) => {
      appendFileSync(join(dir, 'seeds', 'raw_orders.csv'), '9,4,2018-01-12,placed\n');
      appendFileSync(join(dir, 'seeds', 'raw_payments.csv'), '10,9,coupon,900\n');
    };
    addNewData(p.dir);
    const reference = copyProject(p.dir);
    let newer: { customers: string; orders: string };
    try {
      const clean = martflow(['build', '--full-refresh'], { cwd: reference.dir });
      assert.equal(clean.code, 0, clean.output);
      newer = { customers: rows(reference.dir, query('customers')), orders: rows(reference.dir, query('orders')) };
    } finally {
      reference.remove();
    }
    assert.notEqual(newer.orders, old.orders);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 6; i++) {
      const child = martflowAsync(['build'], { cwd: p.dir });
      const delay = 200 + Math.floor(random() * 2500);
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await waitForExit(child);
      clearTimeout(timer);
      const now = { customers: rows(p.dir, query('customers')), orders: rows(p.dir, query('orders')) };
      for (const name of ['customers', 'orders'] as const) {
        assert.ok(now[name] === old[name] || now[name] === newer[name], `after a kill at ${delay} ms, ${name} is neither the old nor the new version:\n${now[name]}`);
      }
    }
    const final = martflow(['build'], { cwd: p.dir });
    assert.equal(final.code, 0, final.output);
    const converged = { customers: rows(p.dir, query('customers')), orders: rows(p.dir, query('orders')) };
    assert.deepEqual(converged, newer);
    assert.equal(JSON.parse(converged.orders).show.length, 9);
    const leftovers = rows(p.dir, "select table_name from information_schema.tables where table_name like '%martflow_tmp%' or table_name like '%martflow_backup%'");
    assert.deepEqual(JSON.parse(leftovers).show, []);
  });

  test('a second process on the same DuckDB file gets a clear "locked by PID" error', async () => {
    writeFileSync(join(p.dir, 'models', 'slow.sql'), SLOW_MODEL);
    const child = martflowAsync(['run', '-s', 'slow'], { cwd: p.dir });
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('START')) resolve();
      });
    });
    const second = martflow(['run', '-s', 'customers'], { cwd: p.dir });
    child.kill('SIGINT');
    await waitForExit(child);
    assert.equal(second.code, 1, second.output);
    assert.match(second.output, new RegExp(`locked by PID ${child.pid}`));
  });
});
