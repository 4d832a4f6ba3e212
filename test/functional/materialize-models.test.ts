// view and table materializations on every engine: build, rebuild, switch kind, fail safely, clean up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { materialize, type MaterializeInput } from '../../src/build/materializations/index.js';
import { ENGINES, type TestEngine } from './materialize-engines.js';
import { ids, node, numbers, q, rel } from './materialize-fixtures.js';

for (const engine of ENGINES) {
  describe(`materialize view/table on ${engine.name}`, { skip: engine.skip }, () => {
    let e: TestEngine;
    before(async () => {
      e = await engine.open();
    });
    after(async () => {
      await e?.close();
    });

    const run = (name: string, materialized: string, sql: string, extra: Partial<MaterializeInput> = {}) =>
      materialize({ node: node(name, { materialized }, sql), relation: rel(name), adapter: e.adapter, conn: e.conn, fullRefresh: false, ...extra });

    test('a view and a table of the same 10 rows hold the same rows', async () => {
      const v = await run('ten_view', 'view', numbers(1, 10));
      const t = await run('ten_table', 'table', numbers(1, 10));
      assert.equal(v.message, 'CREATE VIEW');
      assert.equal(t.message, 'SELECT 10');
      assert.equal(t.rowsAffected, 10);
      assert.deepEqual(await e.rows(`select * from ${q(e, 'ten_view')} order by id`), await e.rows(`select * from ${q(e, 'ten_table')} order by id`));
      assert.equal((await e.adapter.getRelation(rel('ten_view'), e.conn))?.type, 'view');
      assert.equal((await e.adapter.getRelation(rel('ten_table'), e.conn))?.type, 'table');
    });

    test('switching view → table → view keeps the rows and changes the kind', async () => {
      for (const kind of ['view', 'table', 'view', 'table'] as const) {
        await run('switching', kind, numbers(1, 10));
        assert.equal((await e.adapter.getRelation(rel('switching'), e.conn))?.type, kind);
        assert.deepEqual(await ids(e, q(e, 'switching')), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      }
      const names = (await e.adapter.listRelations(null, 'analytics', e.conn)).map((r) => r.identifier);
      assert.ok(!names.some((n) => n.includes('__martflow_')), `leftovers: ${names.join(', ')}`);
    });

    test('rebuilding a table replaces its rows and columns', async () => {
      await run('rebuilt', 'table', numbers(1, 3));
      await run('rebuilt', 'table', 'select 7 as other');
      assert.deepEqual(await e.rows(`select * from ${q(e, 'rebuilt')}`), [{ other: 7 }]);
    });

    test('a failing SQL leaves the previous table and view intact', async () => {
      await run('keep_table', 'table', numbers(1, 5));
      await run('keep_view', 'view', numbers(1, 5));
      await assert.rejects(run('keep_table', 'table', 'select * from no_such_table'));
      await assert.rejects(run('keep_view', 'view', 'select * from no_such_table'));
      assert.deepEqual(await ids(e, q(e, 'keep_table')), [1, 2, 3, 4, 5]);
      assert.deepEqual(await ids(e, q(e, 'keep_view')), [1, 2, 3, 4, 5]);
      // The failed build's tmp relation is gone by the next run.
      await run('keep_table', 'table', numbers(1, 2));
      assert.deepEqual(await ids(e, q(e, 'keep_table')), [1, 2]);
    });

    test('a failing afterWrite hook rolls the swap back', async () => {
      await run('hooked', 'table', numbers(1, 3));
      await assert.rejects(
        run('hooked', 'table', numbers(1, 9), { afterWrite: async () => { throw new Error('state write failed'); } }),
        /state write failed/,
      );
      assert.deepEqual(await ids(e, q(e, 'hooked')), [1, 2, 3]);
    });

    test('afterWrite runs inside the transaction and sees the new table', async () => {
      let seen: unknown[] = [];
      await run('hooked_ok', 'table', numbers(1, 4), {
        afterWrite: async (tx) => {
          seen = (await tx.execute(`select count(*) from ${q(e, 'hooked_ok')}`)).rows.map((r) => Number(r[0]));
        },
      });
      assert.deepEqual(seen, [4]);
    });

    test('leftovers of a killed run are cleaned up: tmp dropped, orphaned backup restored', async () => {
      const d = e.adapter.dialect;
      await e.conn.execute(d.createSchemaIfNotExists('analytics', null));
      // Killed between "old → backup" and "tmp → name" on an engine without transactional DDL:
      await e.conn.execute(d.createTableAs(rel('orphan__martflow_backup'), numbers(1, 2)));
      await e.conn.execute(d.createTableAs(rel('orphan__martflow_tmp'), numbers(1, 9)));
      await run('other_model', 'view', 'select 1 as id');
      // The next build of the same model restores, then replaces.
      await assert.rejects(run('orphan', 'table', 'select * from missing_relation'));
      assert.deepEqual(await ids(e, q(e, 'orphan')), [1, 2]);
      const names = (await e.adapter.listRelations(null, 'analytics', e.conn)).map((r) => r.identifier);
      assert.ok(!names.includes('orphan__martflow_backup'));
      await run('orphan', 'table', numbers(5, 6));
      assert.deepEqual(await ids(e, q(e, 'orphan')), [5, 6]);
    });

    test('an unknown materialization is a UserError naming the model', async () => {
      await assert.rejects(run('weird', 'tabel', 'select 1'), (err: Error) => err.name === 'UserError' && /tabel/.test(err.message) && /weird/.test(err.message));
    });
  });
}
