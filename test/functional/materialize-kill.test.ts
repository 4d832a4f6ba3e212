// A build SIGKILLed at arbitrary moments leaves the old or the new table under its name, never none,
// and the next run converges (leftover tmp/backup relations cleaned up). On both engines.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { materialize } from '../../src/build/materializations/index.js';
import { createAdapter, type Adapter } from '../../src/warehouse/index.js';
import { withPostgresDatabase } from '../helpers/postgres.js';
import { node, numbers, rel } from './materialize-fixtures.js';

const CHILD = join(import.meta.dirname, 'materialize-kill-child.ts');

/**
 * Starts the child, lets it finish `builds` builds, then SIGKILLs it `delayMs` into the next one.
 * The delay only spreads the kill over different statements; nothing asserts on time.
 */
async function killDuringBuild(target: Record<string, unknown>, builds: number, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(target)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let seen = 0;
    child.stdout.on('data', (b: Buffer) => {
      seen += (b.toString().match(/built/g) ?? []).length;
      if (seen >= builds) {
        setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, delayMs);
      }
    });
    child.on('exit', (code) => (code !== null && code !== 0 ? reject(new Error(`child failed: ${stderr}`)) : undefined));
  });
  await exited;
}

async function checkConverges(adapter: Adapter): Promise<void> {
  const conn = await adapter.acquire();
  try {
    const relation = await adapter.getRelation(rel('killed'), conn);
    assert.ok(relation, 'the table vanished');
    const count = Number((await conn.execute(`select count(*) from ${adapter.dialect.relation(rel('killed'))}`)).rows[0]![0]);
    assert.ok(count === 10 || count === 20, `unexpected row count ${count}`);
    await materialize({ node: node('killed', { materialized: 'table' }, numbers(1, 10)), relation: rel('killed'), adapter, conn, fullRefresh: false });
    const names = (await adapter.listRelations(null, 'analytics', conn)).map((r) => r.identifier);
    assert.deepEqual(names.filter((n) => n.startsWith('killed')), ['killed']);
  } finally {
    conn.release();
  }
}

describe('SIGKILL during table builds', () => {
  test('duckdb', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-kill-'));
    const target = { type: 'duckdb', path: join(dir, 'w.duckdb') };
    for (let round = 1; round <= 4; round++) {
      await killDuringBuild(target, round, (round - 1) * 2);
      const adapter = await createAdapter(target, { projectDir: dir });
      try {
        await checkConverges(adapter);
      } finally {
        await adapter.close();
      }
    }
  });

  describe('postgres', async () => {
    const pg = await withPostgresDatabase();
    after(() => pg.drop());
    test('postgres', { skip: pg.skip }, async () => {
      for (let round = 1; round <= 4; round++) {
        await killDuringBuild(pg.target, round, (round - 1) * 2);
        const adapter = await createAdapter(pg.target, { projectDir: process.cwd() });
        try {
          await checkConverges(adapter);
        } finally {
          await adapter.close();
        }
      }
    });
  });
});
