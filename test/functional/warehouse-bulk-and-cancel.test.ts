// Conformance, part two: bulk loading (DuckDB appender, PostgreSQL COPY) and cancellation, on every engine.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CancelledError, DatabaseError, type Adapter } from '../../src/warehouse/index.js';
import { testEngines } from '../helpers/warehouse-engines.js';

/** Strings that break naive CSV/TSV/appender code. '' must stay distinct from NULL. */
const AWKWARD = [
  '',
  'NULL',
  '\\N',
  '\\.',
  'a,b',
  '"quoted"',
  "it's",
  'line\nbreak',
  'crlf\r\nend',
  'tab\there',
  'back\\slash',
  ' leading and trailing ',
  '☃ 𝄞 é ü 中文',
  '"',
  ',',
];

function* rows(n: number): Generator<unknown[]> {
  for (let i = 0; i < n; i++) {
    const name = i % 7 === 3 ? null : AWKWARD[i % AWKWARD.length];
    // Mix the accepted spellings: strings for the engine to convert, and JS values.
    const amount = i % 5 === 0 ? null : i % 2 === 0 ? `${i}.25` : i + 0.5;
    const day = i % 11 === 0 ? null : i % 2 === 0 ? '2024-03-01' : new Date(Date.UTC(2024, 2, 2));
    const flag = i % 3 === 0 ? null : i % 3 === 1;
    yield [i, name, amount, day, flag];
  }
}

for (const engine of await testEngines()) {
  describe(`warehouse bulk insert and cancellation: ${engine.name}`, { skip: engine.skip }, () => {
    let adapter: Adapter;
    const rel = (identifier: string) => ({ database: null, schema: 'bulk', identifier });
    const q = (identifier: string) => adapter.dialect.relation(rel(identifier));

    before(async () => {
      adapter = await engine.open();
      await adapter.execute(adapter.dialect.createSchemaIfNotExists('bulk', null));
    });
    after(async () => {
      await adapter?.close();
      await engine.cleanup();
    });

    test('bulk insert of 100k rows keeps nulls and awkward strings exactly', async () => {
      const N = 100_000;
      await adapter.execute(`create table ${q('events')} (id bigint, name varchar, amount numeric(12,2), day date, flag boolean)`);
      const conn = await adapter.acquire();
      try {
        const loaded = await conn.bulkInsert(rel('events'), ['id', 'name', 'amount', 'day', 'flag'], rows(N));
        assert.equal(loaded, N);
      } finally {
        conn.release();
      }
      const stats = await adapter.execute(
        `select count(*), sum(id), count(name), count(amount), count(day), sum(case when flag then 1 else 0 end), count(flag) from ${q('events')}`,
      );
      let names = 0, amounts = 0, days = 0, trues = 0, flags = 0;
      for (const [, name, amount, day, flag] of rows(N)) {
        if (name !== null) names++;
        if (amount !== null) amounts++;
        if (day !== null) days++;
        if (flag === true) trues++;
        if (flag !== null) flags++;
      }
      assert.deepEqual(stats.rows[0], [N, (N * (N - 1)) / 2, names, amounts, days, trues, flags]);

      const sample = await adapter.execute(`select id, name, amount, day, flag from ${q('events')} where id < 40 order by id`);
      const expected = [...rows(40)].map(([id, name, amount, day, flag]) => [
        id,
        name,
        amount === null ? null : Number(amount),
        day === null ? null : day instanceof Date ? '2024-03-02' : day,
        flag,
      ]);
      assert.deepEqual(sample.rows, expected);
    });

    test('bulk insert of some columns leaves the others to their defaults, in any order', async () => {
      await adapter.execute(`create table ${q('partial')} (id integer, label varchar default 'none', note varchar)`);
      const conn = await adapter.acquire();
      try {
        assert.equal(await conn.bulkInsert(rel('partial'), ['note', 'id'], [['first', 1], [null, 2]]), 2);
        assert.equal(await conn.bulkInsert(rel('partial'), ['note', 'label', 'id'], [['third', 'L', '3']]), 1);
      } finally {
        conn.release();
      }
      const r = await adapter.execute(`select id, label, note from ${q('partial')} order by id`);
      assert.deepEqual(r.rows, [[1, 'none', 'first'], [2, 'none', null], [3, 'L', 'third']]);
    });

    test('JS and string spellings convert to the column types alike', async () => {
      await adapter.execute(`create table ${q('spellings')} (n numeric(10,2), f double precision, b boolean, ts timestamp, t varchar)`);
      const conn = await adapter.acquire();
      try {
        await conn.bulkInsert(rel('spellings'), ['n', 'f', 'b', 'ts', 't'], [
          [5n, 2n, 'on', new Date('2024-05-06T07:08:09.123Z'), 12.5],
          ['-0.125', '1e3', 'FALSE', '2024-05-06T07:08:09', true],
          [1.005, 0.5, 'yes', '2024-05-06 07:08:09.5+02:00', new Date('2024-01-01T00:00:00Z')],
        ]);
      } finally {
        conn.release();
      }
      const r = await adapter.execute(`select n, f, b, ts, t from ${q('spellings')} order by f`);
      assert.deepEqual(r.rows, [
        [1.01, 0.5, true, '2024-05-06 05:08:09.5', '2024-01-01 00:00:00'],
        [5, 2, true, '2024-05-06 07:08:09.123', '12.5'],
        [-0.13, 1000, false, '2024-05-06 07:08:09', 'true'],
      ]);
    });

    test('a bad value fails the whole load with the column named, and loads nothing', async () => {
      await adapter.execute(`create table ${q('strict')} (id integer, amount integer)`);
      const conn = await adapter.acquire();
      try {
        await assert.rejects(
          conn.bulkInsert(rel('strict'), ['id', 'amount'], [[1, '10'], [2, '20'], [3, 'twelve']]),
          (e: unknown) => e instanceof DatabaseError && /amount/.test(e.message) && /twelve/.test(e.message),
        );
      } finally {
        conn.release();
      }
      assert.deepEqual((await adapter.execute(`select count(*) from ${q('strict')}`)).rows, [[0]]);
    });

    test('bulk insert inside a transaction rolls back with it', async () => {
      await adapter.execute(`create table ${q('tx_load')} (id integer)`);
      const conn = await adapter.acquire();
      try {
        await assert.rejects(
          conn.transaction(async (tx) => {
            await tx.bulkInsert(rel('tx_load'), ['id'], [[1], [2]]);
            throw new Error('after load');
          }),
          /after load/,
        );
        assert.deepEqual((await conn.execute(`select count(*) from ${q('tx_load')}`)).rows, [[0]]);
      } finally {
        conn.release();
      }
    });

    test('aborting the signal cancels a long query with CancelledError', async () => {
      const conn = await adapter.acquire();
      try {
        const controller = new AbortController();
        const running = conn.execute(engine.longQuery, { signal: controller.signal });
        setTimeout(() => controller.abort(), 300);
        await assert.rejects(running, CancelledError);
        // The connection is still usable, and an already-aborted signal never starts the statement.
        assert.deepEqual((await conn.execute('select 2 as two')).rows, [[2]]);
        await assert.rejects(conn.execute('select 3', { signal: controller.signal }), CancelledError);
      } finally {
        conn.release();
      }
    });

    test('close() cancels running statements with CancelledError and returns promptly', async () => {
      const second = await engine.open();
      const running = second.execute(engine.longQuery).then(() => 'finished', (e: unknown) => e);
      await new Promise((r) => setTimeout(r, 300));
      await second.close();
      assert.ok((await running) instanceof CancelledError, String(await running));
      await assert.rejects(second.acquire(), /closed/);
      // The first adapter (same database) is unaffected.
      assert.deepEqual((await adapter.execute('select 4 as four')).rows, [[4]]);
    });
  });
}
