// Golden SQL per dialect: the exact text each engine's Dialect produces (run on real engines by the
// conformance suite).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBDialect } from '../../src/warehouse/duckdb/dialect.js';
import { PostgresDialect } from '../../src/warehouse/postgres/dialect.js';
import { dialectFor } from '../../src/warehouse/index.js';
import type { Dialect } from '../../src/warehouse/adapter.js';

const ref = { database: 'db', schema: 'marts', identifier: 'Orders "v2"' };
const plain = { database: null, schema: 'marts', identifier: 'orders' };

const GOLDEN: Record<string, { dialect: Dialect; expected: Record<string, string> }> = {
  duckdb: {
    dialect: new DuckDBDialect(),
    expected: {
      relation: '"db"."marts"."Orders ""v2"""',
      createSchema: 'CREATE SCHEMA IF NOT EXISTS "db"."marts"',
      dropSchema: 'DROP SCHEMA IF EXISTS "marts" CASCADE',
      renameView: 'ALTER VIEW "marts"."orders" RENAME TO "orders__backup"',
      dropTable: 'DROP TABLE IF EXISTS "marts"."orders" CASCADE',
      createTableAs: 'CREATE TABLE "marts"."orders" AS (\nselect 1 as id\n)',
      insert: 'INSERT INTO "marts"."orders" ("id", "select")\nselect 1, 2',
      cast: 'CAST(x AS DECIMAL(28,6))',
      nullSafe: '(a.id) IS NOT DISTINCT FROM (b.id)',
      quoted: 'orders Orders "select" "at" "2x"',
    },
  },
  postgres: {
    dialect: new PostgresDialect(),
    expected: {
      relation: '"db"."marts"."Orders ""v2"""',
      createSchema: 'CREATE SCHEMA IF NOT EXISTS "marts"', // a schema lives in the connected database
      dropSchema: 'DROP SCHEMA IF EXISTS "marts" CASCADE',
      renameView: 'ALTER VIEW "marts"."orders" RENAME TO "orders__backup"',
      dropTable: 'DROP TABLE IF EXISTS "marts"."orders" CASCADE',
      createTableAs: 'CREATE TABLE "marts"."orders" AS (\nselect 1 as id\n)',
      insert: 'INSERT INTO "marts"."orders" ("id", "select")\nselect 1, 2',
      cast: 'CAST(x AS numeric)',
      nullSafe: '(a.id) IS NOT DISTINCT FROM (b.id)',
      quoted: 'orders "Orders" "select" at "2x"',
    },
  },
};

for (const [name, { dialect: d, expected }] of Object.entries(GOLDEN)) {
  describe(`dialect SQL: ${name}`, () => {
    test('renders the expected statements', () => {
      const actual = {
        relation: d.relation(ref),
        createSchema: d.createSchemaIfNotExists('marts', 'db'),
        dropSchema: d.dropSchemaCascade('marts', null),
        renameView: d.renameRelation({ ...plain, type: 'view' }, 'orders__backup'),
        dropTable: d.dropRelationIfExists(plain, 'table'),
        createTableAs: d.createTableAs(plain, 'select 1 as id'),
        insert: d.insertIntoSelect(plain, ['id', 'select'], 'select 1, 2'),
        cast: d.castAs('x', d.types.numeric),
        nullSafe: d.nullSafeEquals('a.id', 'b.id'),
        quoted: ['orders', 'Orders', 'select', 'at', '2x'].map((n) => d.quoteIdentifierIfNeeded(n)).join(' '),
      };
      assert.deepEqual(actual, expected);
    });
  });
}

test('dialectFor picks the engine dialect without connecting', async () => {
  assert.ok((await dialectFor('postgres')) instanceof PostgresDialect);
  assert.ok((await dialectFor('duckdb')) instanceof DuckDBDialect);
});
