// A second process opening the same DuckDB file gets a clear "locked by PID" UserError, whether the
// holder is martflow (lock file) or any other DuckDB client (DuckDB's own file lock).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAdapter } from '../../src/warehouse/index.js';
import { UserError } from '../../src/util/errors.js';

const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'martflow-lock-'));
const target = { type: 'duckdb', path: 'target/warehouse.duckdb' };

/** Starts a child that opens the database and holds it until killed; resolves once it is open. */
function holdDatabase(code: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      if (String(d).includes('ready')) resolvePromise(child);
    });
    child.on('exit', (status) => reject(new Error(`child exited (${status}) before opening the database: ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    if (child.exitCode !== null || child.signalCode !== null) return r();
    child.once('exit', () => r());
    child.kill('SIGKILL');
  });
}

const warehouseModule = pathToFileURL(join(repo, 'src/warehouse/index.ts')).href;

describe('DuckDB file lock across processes', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a second martflow process is told who holds the warehouse; a dead holder is taken over', async () => {
    const child = await holdDatabase(`
      import { createAdapter } from ${JSON.stringify(warehouseModule)};
      const a = await createAdapter(${JSON.stringify(target)}, { projectDir: ${JSON.stringify(dir)}, command: 'martflow run' });
      await a.execute('create table if not exists t (id integer)');
      console.log('ready');
      setInterval(() => {}, 1000);
    `);
    try {
      await assert.rejects(createAdapter(target, { projectDir: dir }), (e: unknown) => {
        assert.ok(e instanceof UserError);
        assert.match(
          e.message,
          new RegExp(`^warehouse target/warehouse\\.duckdb is locked by PID ${child.pid} \\(martflow run started \\d\\d:\\d\\d:\\d\\d\\)\\. Wait for it to finish or stop it\\.$`),
        );
        return true;
      });
    } finally {
      await stop(child);
    }
    // SIGKILL left the lock file behind; its PID is dead, so the next open takes it over.
    assert.ok(existsSync(join(dir, 'target/warehouse.duckdb.martflow.lock')));
    const adapter = await createAdapter(target, { projectDir: dir });
    assert.deepEqual((await adapter.execute('select count(*) from t')).rows, [[0]]);
    await adapter.close();
    assert.ok(!existsSync(join(dir, 'target/warehouse.duckdb.martflow.lock')), 'close() removes the lock file');
  });

  test("DuckDB's own lock error from a non-martflow holder becomes the same kind of message", async () => {
    const path = join(dir, 'other.duckdb');
    const child = await holdDatabase(`
      import { DuckDBInstance } from '@duckdb/node-api';
      const db = await DuckDBInstance.create(${JSON.stringify(path)});
      const c = await db.connect();
      await c.run('create table t (id integer)');
      console.log('ready');
      setInterval(() => {}, 1000);
    `);
    try {
      await assert.rejects(createAdapter({ type: 'duckdb', path: 'other.duckdb' }, { projectDir: dir }), (e: unknown) => {
        assert.ok(e instanceof UserError);
        assert.match(e.message, new RegExp(`^warehouse other\\.duckdb is locked by PID ${child.pid} \\(.+\\)\\. Wait for it to finish or stop it\\.$`));
        return true;
      });
      // Our failed attempt must not leave a lock file that would block the holder's next martflow run.
      assert.ok(!existsSync(`${path}.martflow.lock`));
    } finally {
      await stop(child);
    }
  });

  test('an unreadable lock file is treated as stale', async () => {
    const sub = mkdtempSync(join(dir, 'garbled-'));
    writeFileSync(join(sub, 'w.duckdb.martflow.lock'), 'not json');
    const adapter = await createAdapter({ type: 'duckdb', path: 'w.duckdb' }, { projectDir: sub });
    await adapter.close();
  });
});
