// Seeds on every engine: type inference, awkward CSVs, column_types, quote_columns, reload semantics
// and malformed-row errors with file and line.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSeed, materialize } from '../../src/build/materializations/index.js';
import type { NodeConfig } from '../../src/project/manifest-types.js';
import { ENGINES, type TestEngine } from './materialize-engines.js';
import { ids, node, q, rel } from './materialize-fixtures.js';

const TEN = 'id,name,amount,active,signup_date,seen_at\n' +
  Array.from({ length: 10 }, (_, i) => `${i + 1},person ${i + 1},${(i + 1) * 1.5},${i % 2 === 0 ? 'true' : 'false'},2024-01-${String(i + 1).padStart(2, '0')},2024-01-01 10:00:0${i}`).join('\n') +
  '\n';

for (const engine of ENGINES) {
  describe(`seeds on ${engine.name}`, { skip: engine.skip }, () => {
    let e: TestEngine;
    const projectDir = mkdtempSync(join(tmpdir(), 'martflow-seeds-'));
    mkdirSync(join(projectDir, 'seeds'));
    before(async () => {
      e = await engine.open();
    });
    after(async () => {
      await e?.close();
    });

    const seed = (name: string, csv: string, config: Partial<NodeConfig> = {}, fullRefresh = false) => {
      writeFileSync(join(projectDir, 'seeds', `${name}.csv`), csv);
      return buildSeed({
        node: node(name, { materialized: 'seed', ...config }, '', 'seed'),
        relation: rel(name),
        adapter: e.adapter,
        conn: e.conn,
        fullRefresh,
        projectDir,
      });
    };

    test('a 10-row seed loads with inferred types', async () => {
      const r = await seed('people', TEN);
      assert.equal(r.message, 'INSERT 10');
      const cols = await e.adapter.getColumns(rel('people'), e.conn);
      const types = cols.map((c) => c.dataType.toLowerCase());
      assert.match(types[0]!, /^int/);
      assert.match(types[1]!, /char|text|string/);
      assert.match(types[2]!, /double|float/);
      assert.match(types[3]!, /bool/);
      assert.match(types[4]!, /^date$/);
      assert.match(types[5]!, /^timestamp/);
      const rows = await e.rows(`select * from ${q(e, 'people')} order by id`);
      assert.equal(rows.length, 10);
      assert.deepEqual([rows[0]!.id, rows[0]!.name, rows[0]!.amount, rows[0]!.active], [1, 'person 1', 1.5, true]);
    });

    test('the seed as view, table and switching between runs gives the same rows', async () => {
      await seed('base_seed', TEN);
      const sql = `select * from ${q(e, 'base_seed')}`;
      const expected = await e.rows(`${sql} order by id`);
      for (const kind of ['view', 'table', 'view', 'table']) {
        await materialize({ node: node('from_seed', { materialized: kind }, sql), relation: rel('from_seed'), adapter: e.adapter, conn: e.conn, fullRefresh: false });
        assert.deepEqual(await e.rows(`select * from ${q(e, 'from_seed')} order by id`), expected);
      }
    });

    test('reloading with the same columns truncates and keeps dependent views', async () => {
      await seed('reload', 'id,name\n1,a\n2,b\n');
      await e.conn.execute(`create view ${q(e, 'reload_v')} as select * from ${q(e, 'reload')}`);
      await seed('reload', 'id,name\n3,c\n');
      assert.deepEqual(await ids(e, q(e, 'reload_v')), [3]);
    });

    test('changed columns rebuild the table; full refresh rebuilds too', async () => {
      await seed('reshaped', 'id,name\n1,a\n');
      await seed('reshaped', 'id,email,score\n1,a@x,2.5\n');
      assert.deepEqual((await e.adapter.getColumns(rel('reshaped'), e.conn)).map((c) => c.name), ['id', 'email', 'score']);
      const r = await seed('reshaped', 'id,email,score\n1,a@x,2.5\n2,b@x,3\n', {}, true);
      assert.equal(r.rowsAffected, 2);
    });

    test('awkward CSV: BOM, CRLF, quoted delimiters, quotes, newlines, empty = null, blank lines', async () => {
      const csv = '\ufeffid,note,amount\r\n1,"hello, world",\r\n2,"she said ""hi""",3\r\n\r\n3,"two\r\nlines",4\r\n4,null,5\r\n';
      await seed('awkward', csv);
      const rows = await e.rows(`select id, note, amount from ${q(e, 'awkward')} order by id`);
      assert.deepEqual(rows, [
        { id: 1, note: 'hello, world', amount: null },
        { id: 2, note: 'she said "hi"', amount: 3 },
        { id: 3, note: 'two\r\nlines', amount: 4 },
        { id: 4, note: null, amount: 5 },
      ]);
    });

    test('delimiter, column_types and quote_columns config', async () => {
      await seed('configured', 'Id;Zip;Big\n1;01234;5000000000\n2;99999;1\n', {
        delimiter: ';',
        column_types: { zip: e.adapter.dialect.types.string },
        quote_columns: true,
      });
      const cols = await e.adapter.getColumns(rel('configured'), e.conn);
      assert.deepEqual(cols.map((c) => c.name), ['Id', 'Zip', 'Big']);
      assert.match(cols[2]!.dataType, /bigint|int8/i);
      const rows = await e.rows(`select * from ${q(e, 'configured')} order by 1`);
      assert.equal(rows[0]!.Zip, '01234');
    });

    test('unquoted headers fold as the engine does; names that cannot be bare are quoted', async () => {
      await seed('headers', 'Plain,Signup Date,order\n1,2024-01-01,3\n');
      const names = (await e.adapter.getColumns(rel('headers'), e.conn)).map((c) => c.name);
      assert.deepEqual(names, [e.adapter.dialect.needsQuoting('Plain') ? 'plain' : 'Plain', 'Signup Date', 'order']);
    });

    test('column_types naming a column the CSV lacks is ignored (project-wide column_types, as dbt)', async () => {
      await seed('othertypes', 'id\n1\n', { column_types: { idd: 'integer' } });
      assert.deepEqual(await ids(e, q(e, 'othertypes')), [1]);
    });

    test('a row with too many fields is a UserError naming file and line', async () => {
      const lines = ['a,b,c,d,e,f', ...Array.from({ length: 55 }, (_, i) => `${i},1,2,3,4,5`), '56,1,2,3,4,5,6'];
      await assert.rejects(seed('contacts', lines.join('\n') + '\n'), (err: Error & { format?: () => string }) => {
        assert.equal(err.name, 'UserError');
        assert.match(err.format!(), /^seeds\/contacts\.csv:57: expected 6 fields, found 7/);
        return true;
      });
    });

    test('an unterminated quote is a UserError at the line where the field starts', async () => {
      await assert.rejects(seed('unterminated', 'id,name\n1,a\n2,"b\n3,c\n'), (err: Error & { format?: () => string }) => {
        assert.match(err.format!(), /^seeds\/unterminated\.csv:3: a quoted field is never closed/);
        return true;
      });
    });
  });
}
