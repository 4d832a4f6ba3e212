// Snapshots on every engine: timestamp and check strategies, unique keys, hard_deletes modes, renamed
// meta columns and dbt_valid_to_current; row counts after inserts, updates and deletes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSnapshot } from '../../src/build/materializations/index.js';
import type { NodeConfig } from '../../src/project/manifest-types.js';
import { ENGINES, type TestEngine } from './materialize-engines.js';
import { node, q, rel } from './materialize-fixtures.js';

const ts = (s: string) => `cast('${s}' as timestamp)`;

for (const engine of ENGINES) {
  describe(`snapshots on ${engine.name}`, { skip: engine.skip }, () => {
    let e: TestEngine;
    before(async () => {
      e = await engine.open();
      await e.conn.execute(e.adapter.dialect.createSchemaIfNotExists('analytics', null));
      await e.conn.execute(e.adapter.dialect.createSchemaIfNotExists('snapshots', null));
    });
    after(async () => {
      await e?.close();
    });

    /** A fresh source table with (id, name, amount, updated_at). */
    async function source(name: string, rows: [number, string, number, string][]): Promise<void> {
      await e.conn.execute(`drop table if exists ${q(e, name)}`);
      await e.conn.execute(`create table ${q(e, name)} (id integer, name varchar(50), amount integer, updated_at timestamp)`);
      for (const [id, n, a, u] of rows) await e.conn.execute(`insert into ${q(e, name)} values (${id}, '${n}', ${a}, ${ts(u)})`);
    }
    const snap = (name: string, src: string, config: Partial<NodeConfig>) =>
      buildSnapshot({
        node: node(name, { materialized: 'snapshot', unique_key: 'id', ...config }, `select * from ${q(e, src)}`, 'snapshot'),
        relation: rel(name, 'snapshots'),
        adapter: e.adapter,
        conn: e.conn,
      });
    const count = async (name: string, where = 'true') =>
      Number((await e.conn.execute(`select count(*) from ${q(e, name, 'snapshots')} where ${where}`)).rows[0]![0]);

    const day1: [number, string, number, string][] = [
      [1, 'ann', 10, '2024-01-01 00:00:00'],
      [2, 'bob', 20, '2024-01-01 00:00:00'],
      [3, 'cid', 30, '2024-01-01 00:00:00'],
    ];
    // id 1 updated, id 3 deleted, id 4 inserted.
    const day2: [number, string, number, string][] = [
      [1, 'ann2', 11, '2024-01-02 00:00:00'],
      [2, 'bob', 20, '2024-01-01 00:00:00'],
      [4, 'dan', 40, '2024-01-02 00:00:00'],
    ];

    const strategies = {
      timestamp: { strategy: 'timestamp' as const, updated_at: 'updated_at' },
      check_all: { strategy: 'check' as const, check_cols: 'all' },
      check_some: { strategy: 'check' as const, check_cols: ['name', 'amount'] },
    };
    const modes = [
      ['ignore', 5, 4],
      ['invalidate', 5, 3],
      ['new_record', 6, 4],
    ] as const;
    const matrix = Object.entries(strategies).flatMap(([label, strategy]) => modes.map(([mode, total, current]) => ({ label, strategy, mode, total, current })));
    for (const { label, strategy, mode, total, current } of matrix) {
      test(`${label} strategy, hard_deletes=${mode}: inserts, updates, deletes`, async () => {
        const name = `snap_${label}_${mode}`;
        const src = `src_${label}_${mode}`;
        const config = { ...strategy, hard_deletes: mode };
        await source(src, day1);
        const first = await snap(name, src, config);
        assert.equal(first.message, 'SELECT 3');
        assert.equal(await count(name, 'dbt_valid_to is null'), 3);
        await source(src, day2);
        await snap(name, src, config);
        assert.equal(await count(name), total);
        assert.equal(await count(name, 'dbt_valid_to is null'), current);
        // Unchanged source: nothing new.
        await snap(name, src, config);
        assert.equal(await count(name), total);
        const ann = await e.rows(`select name, dbt_valid_from, dbt_valid_to from ${q(e, name, 'snapshots')} where id = 1 order by dbt_valid_from`);
        assert.deepEqual(ann.map((r) => r.name), ['ann', 'ann2']);
        assert.equal(ann[0]!.dbt_valid_to, ann[1]!.dbt_valid_from);
        if (mode === 'new_record') {
          const deleted = await e.rows(`select id, dbt_is_deleted from ${q(e, name, 'snapshots')} where dbt_is_deleted = 'True'`);
          assert.deepEqual(deleted, [{ id: 3, dbt_is_deleted: 'True' }]);
          // The deleted row comes back: a new current version, the deletion record closed.
          await source(src, [...day2, [3, 'cid', 30, '2024-01-03 00:00:00']]);
          await snap(name, src, config);
          const cid = await e.rows(`select dbt_is_deleted, dbt_valid_to is null as current from ${q(e, name, 'snapshots')} where id = 3 order by dbt_valid_from`);
          // (The deletion record is stamped with the snapshot time, the new version with updated_at, so
          // compare as a set.)
          assert.deepEqual(cid.map((r) => `${String(r.dbt_is_deleted)}:${String(r.current)}`).sort(), ['False:false', 'False:true', 'True:false']);
        }
      });
    }

    test('check strategy, check_cols all: any column change makes a version', async () => {
      const config = { strategy: 'check' as const, check_cols: 'all' };
      await source('src_check_all', day1);
      await snap('snap_check_all', 'src_check_all', config);
      await e.conn.execute(`update ${q(e, 'src_check_all')} set amount = 99 where id = 2`);
      await snap('snap_check_all', 'src_check_all', config);
      assert.equal(await count('snap_check_all'), 4);
      assert.equal(await count('snap_check_all', 'id = 2'), 2);
      await snap('snap_check_all', 'src_check_all', config);
      assert.equal(await count('snap_check_all'), 4);
    });

    test('check strategy, some columns: changes elsewhere are ignored', async () => {
      const config = { strategy: 'check' as const, check_cols: ['name'] };
      await source('src_check_some', day1);
      await snap('snap_check_some', 'src_check_some', config);
      await e.conn.execute(`update ${q(e, 'src_check_some')} set amount = 99 where id = 2`);
      await snap('snap_check_some', 'src_check_some', config);
      assert.equal(await count('snap_check_some'), 3);
      await e.conn.execute(`update ${q(e, 'src_check_some')} set name = null where id = 2`);
      await snap('snap_check_some', 'src_check_some', config);
      assert.equal(await count('snap_check_some'), 4);
      assert.equal(await count('snap_check_some', 'id = 2 and dbt_valid_to is null and name is null'), 1);
    });

    test('unique_key as a list', async () => {
      const config = { strategy: 'timestamp' as const, updated_at: 'updated_at', unique_key: ['id', 'name'], hard_deletes: 'invalidate' as const };
      await source('src_list', day1);
      await snap('snap_list', 'src_list', config);
      await source('src_list', day2);
      await snap('snap_list', 'src_list', config);
      // (1,'ann') and (3,'cid') vanished (invalidated); (1,'ann2') and (4,'dan') are new keys.
      assert.equal(await count('snap_list'), 5);
      assert.equal(await count('snap_list', 'dbt_valid_to is null'), 3);
    });

    test('renamed meta columns and dbt_valid_to_current', async () => {
      const config = {
        strategy: 'timestamp' as const,
        updated_at: 'updated_at',
        snapshot_meta_column_names: { dbt_valid_from: 'valid_from', dbt_valid_to: 'valid_to', dbt_scd_id: 'scd_id', dbt_updated_at: 'changed_at' },
        dbt_valid_to_current: ts('9999-12-31 00:00:00'),
      };
      await source('src_meta', day1);
      await snap('snap_meta', 'src_meta', config);
      const cols = (await e.adapter.getColumns(rel('snap_meta', 'snapshots'), e.conn)).map((c) => c.name);
      assert.deepEqual(cols.slice(4), ['scd_id', 'changed_at', 'valid_from', 'valid_to']);
      await source('src_meta', day2);
      await snap('snap_meta', 'src_meta', config);
      assert.equal(await count('snap_meta'), 5);
      assert.equal(await count('snap_meta', `valid_to = ${ts('9999-12-31 00:00:00')}`), 4);
    });

    test('a new source column is added to the snapshot table', async () => {
      const config = { strategy: 'check' as const, check_cols: 'all' };
      await source('src_newcol', day1);
      await snap('snap_newcol', 'src_newcol', config);
      await e.conn.execute(`alter table ${q(e, 'src_newcol')} add column email varchar(50)`);
      await snap('snap_newcol', 'src_newcol', config);
      const cols = (await e.adapter.getColumns(rel('snap_newcol', 'snapshots'), e.conn)).map((c) => c.name);
      assert.ok(cols.includes('email'));
      // A new column counts as a change to every row (as dbt's check 'all').
      assert.equal(await count('snap_newcol'), 6);
    });

    test('config errors are UserErrors naming the snapshot', async () => {
      await source('src_bad', day1);
      await assert.rejects(snap('snap_bad', 'src_bad', { strategy: 'timestmp' as never }), (err: Error) =>
        err.name === 'UserError' && /Did you mean 'timestamp'/.test(err.message));
      await assert.rejects(snap('snap_bad', 'src_bad', { strategy: 'timestamp' }), /updated_at/);
      await assert.rejects(snap('snap_bad', 'src_bad', { strategy: 'check', unique_key: null }), /unique_key/);
    });
  });
}
