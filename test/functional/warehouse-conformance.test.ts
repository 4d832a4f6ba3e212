// The adapter conformance suite: the same cases on every engine. Engine-specific expectations (type
// spellings) are spelled out per engine, everything else must be identical.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseError, type Adapter } from '../../src/warehouse/index.js';
import { testEngines } from '../helpers/warehouse-engines.js';

const AWKWARD = `it's "quoted", with a comma\nand a new line\r\n\ttab \\ backslash ☃ 𝄞 é`;

const COLUMN_TYPES = {
  duckdb: ['INTEGER', 'VARCHAR', 'DECIMAL(10,2)', 'TIMESTAMP WITH TIME ZONE'],
  postgres: ['integer', 'character varying(20)', 'numeric(10,2)', 'timestamp with time zone'],
};

for (const engine of await testEngines()) {
  describe(`warehouse conformance: ${engine.name}`, { skip: engine.skip }, () => {
    let adapter: Adapter;
    const rel = (identifier: string, schema = 'conf') => ({ database: null, schema, identifier });
    const q = (identifier: string, schema = 'conf') => adapter.dialect.relation(rel(identifier, schema));

    before(async () => {
      adapter = await engine.open();
      await adapter.execute(adapter.dialect.createSchemaIfNotExists('conf', null));
    });
    after(async () => {
      await adapter?.close();
      await engine.cleanup();
    });

    test('execute binds parameters and reports affected rows', async () => {
      const r = await adapter.execute('select cast($1 as integer) + cast($2 as integer) as total, cast($3 as varchar) as label', {
        params: [40, 2, AWKWARD],
      });
      assert.deepEqual(r.columns.map((c) => c.name), ['total', 'label']);
      assert.deepEqual(r.rows, [[42, AWKWARD]]);

      await adapter.execute(`create table ${q('params')} (id integer, name varchar(200))`);
      const ins = await adapter.execute(`insert into ${q('params')} values ($1, $2), ($3, $4)`, { params: [1, "o'neil", 2, null] });
      assert.equal(ins.rowsAffected, 2);
      const upd = await adapter.execute(`update ${q('params')} set name = $1 where id = $2`, { params: ['x', 2] });
      assert.equal(upd.rowsAffected, 1);
      const sel = await adapter.execute(`select name from ${q('params')} where name = $1`, { params: ["o'neil"] });
      assert.deepEqual(sel.rows, [["o'neil"]]);
    });

    test('values round-trip with the same JS types on every engine', async () => {
      const t = adapter.dialect.types;
      await adapter.execute(
        `create table ${q('types')} (i ${t.integer}, b ${t.bigint}, n numeric(12,2), f ${t.float}, s ${t.string},
          flag ${t.boolean}, d ${t.date}, ts ${t.timestamp}, tstz timestamptz)`,
      );
      const params = [7, 9007199254740993n, 12.34, 1.5, AWKWARD, true, '2024-02-29', '2024-02-29 13:14:15.123456', '2024-02-29 13:14:15+02'];
      await adapter.execute(`insert into ${q('types')} values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, { params });
      await adapter.execute(`insert into ${q('types')} values (null, 5, null, null, null, null, null, null, null)`);
      const r = await adapter.execute(`select * from ${q('types')} order by b desc`);
      assert.deepEqual(r.rows, [
        [7, 9007199254740993n, 12.34, 1.5, AWKWARD, true, '2024-02-29', '2024-02-29 13:14:15.123456', '2024-02-29 11:14:15+00'],
        [null, 5, null, null, null, null, null, null, null],
      ]);
      const lit = await adapter.execute(
        `select cast(3 as bigint) as small, cast('2024-01-02 03:04:05' as timestamp) as whole, cast('0.5' as numeric(4,2)) as half`,
      );
      assert.deepEqual(lit.rows, [[3, '2024-01-02 03:04:05', 0.5]]);
      const fromDate = await adapter.execute('select cast($1 as timestamp) as ts', { params: [new Date('2024-01-02T03:04:05.678Z')] });
      assert.deepEqual(fromDate.rows, [['2024-01-02 03:04:05.678']]);
    });

    test('transactions commit, and roll back DDL and data when fn throws', async () => {
      const conn = await adapter.acquire();
      try {
        await conn.transaction(async (tx) => {
          await tx.execute(`create table ${q('tx_kept')} (id integer)`);
          await tx.execute(`insert into ${q('tx_kept')} values (1)`);
        });
        assert.equal((await adapter.getRelation(rel('tx_kept')))?.type, 'table');

        await assert.rejects(
          conn.transaction(async (tx) => {
            await tx.execute(`create table ${q('tx_gone')} (id integer)`);
            await tx.execute(`insert into ${q('tx_kept')} values (2)`);
            await tx.execute(adapter.dialect.renameRelation({ ...rel('tx_kept'), type: 'table' }, 'tx_renamed'));
            throw new Error('boom');
          }),
          /boom/,
        );
        assert.equal(await adapter.getRelation(rel('tx_gone')), null);
        assert.equal(await adapter.getRelation(rel('tx_renamed')), null);
        assert.deepEqual((await conn.execute(`select id from ${q('tx_kept')}`)).rows, [[1]]);
      } finally {
        conn.release();
      }
    });

    test('nested transactions join the outer one', async () => {
      const conn = await adapter.acquire();
      try {
        await conn.execute(`create table ${q('nested')} (id integer)`);
        const inner = await conn.transaction(async (outer) => {
          await outer.execute(`insert into ${q('nested')} values (1)`);
          return outer.transaction(async (tx) => {
            await tx.execute(`insert into ${q('nested')} values (2)`);
            return 'inner result';
          });
        });
        assert.equal(inner, 'inner result');
        await assert.rejects(
          conn.transaction(async (outer) => {
            await outer.transaction((tx) => tx.execute(`insert into ${q('nested')} values (3)`));
            throw new Error('outer fails after inner finished');
          }),
          /outer fails/,
        );
        assert.deepEqual((await conn.execute(`select id from ${q('nested')} order by id`)).rows, [[1], [2]]);
      } finally {
        conn.release();
      }
    });

    test('introspection sees tables and views with their column types in order', async () => {
      await adapter.execute(adapter.dialect.createSchemaIfNotExists('intro', null));
      // 'at' is a keyword to DuckDB, a plain name to PostgreSQL: the dialect knows which.
      const at = adapter.dialect.quoteIdentifierIfNeeded('at');
      assert.equal(at, engine.name === 'duckdb' ? '"at"' : 'at');
      await adapter.execute(`create table ${q('orders', 'intro')} (id integer, code varchar(20), amount numeric(10,2), ${at} timestamptz)`);
      await adapter.execute(adapter.dialect.createViewAs(rel('big_orders', 'intro'), `select id from ${q('orders', 'intro')} where amount > 10`));

      assert.ok((await adapter.listSchemas(null)).includes('intro'));
      // Naming the default database explicitly works too (PostgreSQL cannot qualify a schema by it).
      await adapter.execute(adapter.dialect.createSchemaIfNotExists('intro', adapter.defaultDatabase));
      assert.ok((await adapter.listSchemas(adapter.defaultDatabase)).includes('intro'));
      const relations = await adapter.listRelations(null, 'intro');
      assert.deepEqual(
        relations.map((r) => [r.identifier, r.type, r.schema, r.database]),
        [
          ['big_orders', 'view', 'intro', adapter.defaultDatabase],
          ['orders', 'table', 'intro', adapter.defaultDatabase],
        ],
      );
      assert.equal((await adapter.getRelation(rel('big_orders', 'intro')))?.type, 'view');
      assert.equal(await adapter.getRelation(rel('missing', 'intro')), null);
      const columns = await adapter.getColumns(rel('orders', 'intro'));
      assert.deepEqual(columns.map((c) => c.name), ['id', 'code', 'amount', 'at']);
      assert.deepEqual(columns.map((c) => c.dataType), COLUMN_TYPES[engine.name]);
      // The reported types are usable in CREATE TABLE.
      const ddl = columns.map((c) => `${adapter.dialect.quoteIdentifier(c.name)} ${c.dataType}`).join(', ');
      await adapter.execute(`create table ${q('orders_copy', 'intro')} (${ddl})`);
      assert.deepEqual(await adapter.getColumns(rel('orders_copy', 'intro')), columns);

      await adapter.execute(adapter.dialect.dropRelationIfExists(rel('big_orders', 'intro'), 'view'));
      await adapter.execute(adapter.dialect.dropSchemaCascade('intro', null));
      assert.ok(!(await adapter.listSchemas(null)).includes('intro'));
    });

    test('identifiers that need quoting are quoted and round-trip', async () => {
      const d = adapter.dialect;
      assert.equal(d.needsQuoting('orders'), false);
      assert.equal(d.needsQuoting('select'), true);
      assert.equal(d.needsQuoting('2fast'), true);
      assert.equal(d.needsQuoting('has space'), true);
      assert.equal(d.needsQuoting('MixedCase'), engine.name === 'postgres');
      const name = 'Weird "Name"';
      await adapter.execute(`create table ${q(name)} (${d.quoteIdentifierIfNeeded('select')} integer, plain integer)`);
      await adapter.execute(`insert into ${q(name)} values (1, 2)`);
      assert.deepEqual((await adapter.execute(`select "select", plain from ${q(name)}`)).rows, [[1, 2]]);
      assert.equal((await adapter.getRelation(rel(name)))?.identifier, name);
      assert.equal(d.quoteString("it's"), "'it''s'");
      const eq = await adapter.execute(`select ${d.nullSafeEquals('null', 'null')} as a, ${d.nullSafeEquals('1', 'null')} as b`);
      assert.deepEqual(eq.rows, [[true, false]]);
    });

    test('MERGE and DELETE … AS upsert the same way where capabilities.merge', async () => {
      assert.equal(adapter.capabilities.merge, true);
      await adapter.execute(`create table ${q('m_target')} (id integer, v varchar)`);
      await adapter.execute(`create table ${q('m_source')} (id integer, v varchar)`);
      await adapter.execute(`insert into ${q('m_target')} values (1, 'a'), (2, 'b')`);
      await adapter.execute(`insert into ${q('m_source')} values (2, 'B'), (3, 'C')`);
      const merged = await adapter.execute(
        `merge into ${q('m_target')} as dest using ${q('m_source')} as src on dest.id = src.id
         when matched then update set v = src.v
         when not matched then insert (id, v) values (src.id, src.v)`,
      );
      assert.deepEqual([merged.rows, merged.rowsAffected], [[], 2]);
      assert.deepEqual((await adapter.execute(`select id, v from ${q('m_target')} order by id`)).rows, [[1, 'a'], [2, 'B'], [3, 'C']]);
      const deleted = await adapter.execute(
        `delete from ${q('m_target')} as dest where exists (select 1 from ${q('m_source')} as src where src.id = dest.id)`,
      );
      assert.equal(deleted.rowsAffected, 2);
    });

    test('transactions on separate connections write concurrently (capabilities.concurrentWrites)', async () => {
      assert.equal(adapter.capabilities.concurrentWrites, true);
      await adapter.execute(`create table ${q('shared_log')} (worker integer)`);
      await Promise.all(
        [1, 2, 3, 4].map(async (worker) => {
          const conn = await adapter.acquire();
          try {
            await conn.transaction(async (tx) => {
              await tx.execute(adapter.dialect.createTableAs(rel(`worker_${worker}`), `select ${worker} as worker`));
              await tx.execute(`insert into ${q('shared_log')} values (${worker})`);
            });
          } finally {
            conn.release();
          }
        }),
      );
      assert.deepEqual((await adapter.execute(`select worker from ${q('shared_log')} order by worker`)).rows, [[1], [2], [3], [4]]);
      assert.deepEqual((await adapter.execute(`select worker from ${q('worker_3')}`)).rows, [[3]]);
    });

    test('engine errors become DatabaseError with the statement', async () => {
      const sql = `select * from ${q('no_such_table')}`;
      await assert.rejects(adapter.execute(sql), (e: unknown) => {
        assert.ok(e instanceof DatabaseError, String(e));
        assert.equal(e.sql, sql);
        assert.match(e.message, /no_such_table/);
        return true;
      });
      // The connection stays usable after an error.
      assert.deepEqual((await adapter.execute('select 1 as one')).rows, [[1]]);
    });
  });
}
