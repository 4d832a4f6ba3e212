// Incremental models on every engine: strategies, unique keys (string, list, null, duplicated),
// incremental_predicates, on_schema_change modes, full refresh and readable errors.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { materialize, willBeIncremental } from '../../src/build/materializations/index.js';
import type { NodeConfig } from '../../src/project/manifest-types.js';
import { ENGINES, type TestEngine } from './materialize-engines.js';
import { ids, node, numbers, q, rel } from './materialize-fixtures.js';

for (const engine of ENGINES) {
  describe(`materialize incremental on ${engine.name}`, { skip: engine.skip }, () => {
    let e: TestEngine;
    before(async () => {
      e = await engine.open();
    });
    after(async () => {
      await e?.close();
    });

    const run = (name: string, config: Partial<NodeConfig>, sql: string, fullRefresh = false) =>
      materialize({
        node: node(name, { materialized: 'incremental', ...config }, sql),
        relation: rel(name),
        adapter: e.adapter,
        conn: e.conn,
        fullRefresh,
      });
    const all = (name: string) => e.rows(`select id, name, amount from ${q(e, name)} order by id nulls first`);

    for (const strategy of ['merge', 'delete+insert'] as const) {
      for (const [label, unique_key] of [['string', 'id'], ['list', ['id', 'name']]] as const) {
        test(`${strategy}, unique_key as ${label}: 10 then 20 rows equal the 20 rows`, async () => {
          const name = `inc_${strategy.replace('+', '_')}_${label}`;
          const config = { incremental_strategy: strategy, unique_key: unique_key as string | string[] };
          const first = await run(name, config, numbers(1, 10));
          assert.equal(first.message, 'SELECT 10');
          const second = await run(name, config, numbers(1, 20));
          assert.match(second.message, strategy === 'merge' ? /^MERGE 20$/ : /^INSERT 0 20$/);
          assert.equal(second.rowsAffected, 20);
          assert.deepEqual(await all(name), (await e.rows(`${numbers(1, 20)} order by id`)));
        });
      }
    }

    test('default strategy with a unique key updates changed rows instead of duplicating', async () => {
      await run('inc_default_key', { unique_key: 'id' }, numbers(1, 10));
      await run('inc_default_key', { unique_key: 'id' }, numbers(5, 15, (i) => `changed_${i}`));
      const rows = await all('inc_default_key');
      assert.equal(rows.length, 15);
      assert.equal(rows.find((r) => r.id === 5)?.name, 'changed_5');
      assert.equal(rows.find((r) => r.id === 4)?.name, 'name_4');
    });

    test('merge on an engine without MERGE falls back to delete+insert with the same result', async () => {
      const adapter = Object.create(e.adapter, { capabilities: { value: { ...e.adapter.capabilities, merge: false } } });
      const go = (sql: string) =>
        materialize({ node: node('inc_nomerge', { materialized: 'incremental', unique_key: 'id' }, sql), relation: rel('inc_nomerge'), adapter, conn: e.conn, fullRefresh: false });
      await go(numbers(1, 10));
      const r = await go(numbers(5, 15, (i) => `v2_${i}`));
      assert.equal(r.message, 'INSERT 0 11');
      const rows = await all('inc_nomerge');
      assert.equal(rows.length, 15);
      assert.equal(rows.find((x) => x.id === 5)?.name, 'v2_5');
    });

    test('append (default without a unique key) adds every new row', async () => {
      await run('inc_append', {}, numbers(1, 10));
      const r = await run('inc_append', {}, numbers(11, 20));
      assert.equal(r.message, 'INSERT 0 10');
      assert.equal((await all('inc_append')).length, 20);
    });

    test('is_incremental SQL that selects only new rows', async () => {
      await run('inc_filtered', { unique_key: 'id' }, numbers(1, 10));
      const incrementalSql = `select * from (${numbers(1, 20)}) s where id > (select max(id) from ${q(e, 'inc_filtered')})`;
      const r = await run('inc_filtered', { unique_key: 'id' }, incrementalSql);
      assert.equal(r.rowsAffected, 10);
      assert.deepEqual(await ids(e, q(e, 'inc_filtered')), Array.from({ length: 20 }, (_, i) => i + 1));
    });

    for (const strategy of ['merge', 'delete+insert'] as const) {
      test(`${strategy}: rows with null keys update instead of duplicating`, async () => {
        const name = `inc_nulls_${strategy.replace('+', '_')}`;
        const sql = (label: string) =>
          `select * from (values (1, 'a', 1), (cast(null as integer), '${label}', 2)) as t(id, name, amount)`;
        await run(name, { incremental_strategy: strategy, unique_key: 'id' }, sql('first'));
        await run(name, { incremental_strategy: strategy, unique_key: 'id' }, sql('second'));
        const rows = await all(name);
        assert.deepEqual(rows.map((r) => [r.id, r.name]), [[null, 'second'], [1, 'a']]);
      });
    }

    test('delete+insert with duplicated keys in the new rows keeps them all, once', async () => {
      const sql = `select * from (values (1, 'x', 1), (1, 'y', 2), (2, 'z', 3)) as t(id, name, amount)`;
      await run('inc_dups', { incremental_strategy: 'delete+insert', unique_key: 'id' }, sql);
      await run('inc_dups', { incremental_strategy: 'delete+insert', unique_key: 'id' }, sql);
      assert.deepEqual((await all('inc_dups')).map((r) => r.name), ['x', 'y', 'z'].filter((n) => n).sort());
    });

    test('merge with a key repeated in the new rows is a UserError naming the key', async () => {
      const sql = `select * from (values (1, 'x', 1), (1, 'y', 2), (2, 'z', 3)) as t(id, name, amount)`;
      await run('inc_merge_dups', { unique_key: 'id' }, numbers(1, 2));
      await assert.rejects(run('inc_merge_dups', { unique_key: 'id' }, sql), (err: Error) => {
        assert.equal(err.name, 'UserError');
        assert.match(err.message, /inc_merge_dups/);
        assert.match(err.message, /id=1 appears 2 times/);
        return true;
      });
      assert.deepEqual(await ids(e, q(e, 'inc_merge_dups')), [1, 2]);
    });

    test('incremental_predicates limit which target rows a merge may touch', async () => {
      const config = { unique_key: 'id', incremental_predicates: ['DBT_INTERNAL_DEST.id > 5'] };
      await run('inc_preds', config, numbers(1, 10));
      await run('inc_preds', config, numbers(1, 10, (i) => `new_${i}`));
      const rows = await all('inc_preds');
      // ids 1..5 did not match (predicate false) so the new versions were inserted beside the old.
      assert.equal(rows.length, 15);
      assert.equal(rows.filter((r) => r.id === 7).map((r) => r.name).join(), 'new_7');
    });

    test('--full-refresh rebuilds; config full_refresh: false wins over the flag', async () => {
      await run('inc_refresh', { unique_key: 'id' }, numbers(1, 10));
      const r = await run('inc_refresh', { unique_key: 'id' }, numbers(1, 3), true);
      assert.equal(r.message, 'SELECT 3');
      assert.deepEqual(await ids(e, q(e, 'inc_refresh')), [1, 2, 3]);
      await run('inc_refresh', { unique_key: 'id', full_refresh: false }, numbers(4, 4), true);
      assert.deepEqual(await ids(e, q(e, 'inc_refresh')), [1, 2, 3, 4]);
    });

    test('switching view → incremental → table → incremental keeps the right rows', async () => {
      const go = (materialized: string, sql: string) =>
        materialize({ node: node('inc_switch', { materialized, unique_key: 'id' }, sql), relation: rel('inc_switch'), adapter: e.adapter, conn: e.conn, fullRefresh: false });
      await go('view', numbers(1, 3));
      assert.equal((await go('incremental', numbers(1, 5))).message, 'SELECT 5'); // a view is rebuilt as a table
      assert.equal((await e.adapter.getRelation(rel('inc_switch'), e.conn))?.type, 'table');
      await go('table', numbers(1, 2));
      assert.match((await go('incremental', numbers(2, 4))).message, /^MERGE 3$/);
      assert.deepEqual(await ids(e, q(e, 'inc_switch')), [1, 2, 3, 4]);
    });

    test('willBeIncremental follows existence, kind and full refresh', async () => {
      const n = node('x', { materialized: 'incremental' });
      const table = { ...rel('x'), type: 'table' as const };
      assert.equal(willBeIncremental(n, null, false), false);
      assert.equal(willBeIncremental(n, table, false), true);
      assert.equal(willBeIncremental(n, table, true), false);
      assert.equal(willBeIncremental(n, { ...table, type: 'view' }, false), false);
      assert.equal(willBeIncremental(node('x', { materialized: 'table' }), table, false), false);
    });

    test('a unique_key missing from the model is a UserError naming the model, key and columns', async () => {
      await run('inc_badkey', { unique_key: 'id' }, numbers(1, 3));
      await assert.rejects(run('inc_badkey', { unique_key: 'customer_id' }, numbers(1, 3)), (err: Error) => {
        assert.equal(err.name, 'UserError');
        assert.match(err.message, /customer_id/);
        assert.match(err.message, /inc_badkey/);
        assert.match(err.message, /id, name, amount/);
        return true;
      });
      assert.deepEqual(await ids(e, q(e, 'inc_badkey')), [1, 2, 3]);
    });

    test('a bad strategy name is a UserError with a suggestion', async () => {
      await assert.rejects(run('inc_badstrategy', { incremental_strategy: 'mrege', unique_key: 'id' }, numbers(1, 3)), (err: Error) => {
        assert.equal(err.name, 'UserError');
        assert.match(err.message, /mrege/);
        assert.match(err.message, /Did you mean 'merge'/);
        return true;
      });
    });

    describe('on_schema_change', () => {
      const v1 = `select * from (values (1, 'a', 10), (2, 'b', 20)) as t(id, name, amount)`;
      // amount dropped, email added, id widened to bigint.
      const v2 = `select cast(id as bigint) as id, name, email from (values (2, 'B', 'b@x'), (3, 'c', 'c@x')) as t(id, name, email)`;

      test('ignore: new columns are left out, removed ones stay null', async () => {
        await run('osc_ignore', { unique_key: 'id' }, v1);
        await run('osc_ignore', { unique_key: 'id', on_schema_change: 'ignore' }, v2);
        const rows = await e.rows(`select * from ${q(e, 'osc_ignore')} order by id`);
        assert.deepEqual(Object.keys(rows[0]!), ['id', 'name', 'amount']);
        assert.deepEqual(rows.map((r) => [r.id, r.name, r.amount]), [[1, 'a', 10], [2, 'B', 20], [3, 'c', null]]);
      });

      test('fail: a readable column diff, the table untouched', async () => {
        await run('osc_fail', { unique_key: 'id' }, v1);
        await assert.rejects(run('osc_fail', { unique_key: 'id', on_schema_change: 'fail' }, v2), (err: Error) => {
          assert.equal(err.name, 'UserError');
          assert.match(err.message, /added: email/);
          assert.match(err.message, /removed: amount/);
          assert.match(err.message, /type changed: id/i);
          return true;
        });
        assert.deepEqual(await ids(e, q(e, 'osc_fail')), [1, 2]);
        const names = (await e.adapter.listRelations(null, 'analytics', e.conn)).map((r) => r.identifier);
        assert.ok(!names.includes('osc_fail__martflow_tmp'));
      });

      test('append_new_columns: adds email, keeps amount', async () => {
        await run('osc_append', { unique_key: 'id' }, v1);
        await run('osc_append', { unique_key: 'id', on_schema_change: 'append_new_columns' }, v2);
        const rows = await e.rows(`select id, name, amount, email from ${q(e, 'osc_append')} order by id`);
        assert.deepEqual(rows.map((r) => [r.id, r.name, r.amount, r.email]), [
          [1, 'a', 10, null],
          [2, 'B', 20, 'b@x'],
          [3, 'c', null, 'c@x'],
        ]);
      });

      test('sync_all_columns: adds email, drops amount, widens id', async () => {
        await run('osc_sync', { unique_key: 'id' }, v1);
        await run('osc_sync', { unique_key: 'id', on_schema_change: 'sync_all_columns' }, v2);
        const cols = await e.adapter.getColumns(rel('osc_sync'), e.conn);
        assert.deepEqual(cols.map((c) => c.name), ['id', 'name', 'email']);
        assert.match(cols[0]!.dataType, /bigint|int8/i);
        const rows = await e.rows(`select id, name, email from ${q(e, 'osc_sync')} order by id`);
        assert.deepEqual(rows.map((r) => [r.id, r.name, r.email]), [[1, 'a', null], [2, 'B', 'b@x'], [3, 'c', 'c@x']]);
      });
    });
  });
}
