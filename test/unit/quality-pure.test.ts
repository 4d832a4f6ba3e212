// The pure parts of src/quality: type canonicalization and contract comparison, drift between column
// shapes, freshness judgement and timestamps, unit-test row comparison, stored-failure placement.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalType, compareContract, formatMismatches } from '../../src/quality/contract.js';
import { compareShapes } from '../../src/quality/drift.js';
import { freshnessStatus, parseLoadedAt } from '../../src/quality/freshness.js';
import { comparable, fixtureRows } from '../../src/quality/unit-fixtures.js';
import { rowDiff } from '../../src/quality/unit-test.js';
import { auditRelation, storeFailuresAs } from '../../src/quality/store-failures.js';
import type { ManifestNode } from '../../src/project/manifest-types.js';

describe('contract types', () => {
  test('engine spellings of one type compare equal; sizes are ignored', () => {
    assert.equal(canonicalType('INTEGER'), canonicalType('int4'));
    assert.equal(canonicalType('character varying(20)'), canonicalType('VARCHAR'));
    assert.equal(canonicalType('string'), 'text');
    assert.equal(canonicalType('timestamp without time zone'), canonicalType('TIMESTAMP'));
    assert.notEqual(canonicalType('bigint'), canonicalType('integer'));
    assert.notEqual(canonicalType('timestamptz'), canonicalType('timestamp'));
  });

  test('mismatches name the column and the reason', () => {
    const m = compareContract(
      [{ name: 'id', dataType: 'integer' }, { name: 'name', dataType: 'text' }],
      [{ name: 'ID', dataType: 'BIGINT' }, { name: 'extra', dataType: 'VARCHAR' }],
    );
    assert.deepEqual(m.map((x) => [x.column, x.reason]), [['id', 'data type mismatch'], ['name', 'missing in definition'], ['extra', 'missing in contract']]);
    assert.match(formatMismatches(m), /^\| column_name \| definition_type \| contract_type \| mismatch_reason +\|/);
  });
});

describe('drift', () => {
  const shape = (cols: [string, string][]) => ({ uniqueId: 'model.p.m', name: 'm', columns: cols.map(([name, type], i) => ({ name, type, index: i + 1 })) });
  test('added columns do not break; removed and retyped do', () => {
    const before = shape([['a', 'integer'], ['b', 'text']]);
    assert.equal(compareShapes('model.p.m', 'm', before, shape([['a', 'INTEGER'], ['b', 'VARCHAR'], ['c', 'date']])).breaking, false);
    const d = compareShapes('model.p.m', 'm', before, shape([['a', 'bigint']]));
    assert.equal(d.breaking, true);
    assert.deepEqual(d.removed.map((c) => c.name), ['b']);
    assert.deepEqual(d.retyped, [{ name: 'a', from: 'integer', to: 'bigint' }]);
  });
  test('a reorder is reported as moved, not breaking; a vanished model breaks', () => {
    const d = compareShapes('model.p.m', 'm', shape([['a', 'int'], ['b', 'int']]), shape([['b', 'int'], ['a', 'int']]));
    assert.equal(d.breaking, false);
    assert.equal(d.moved.length, 2);
    assert.equal(compareShapes('model.p.m', 'm', shape([['a', 'int']]), null).status, 'removed model');
  });
});

describe('freshness', () => {
  const f = { warn_after: { count: 1, period: 'hour' as const }, error_after: { count: 1, period: 'day' as const }, filter: null };
  test('thresholds', () => {
    assert.equal(freshnessStatus(60, f), 'pass');
    assert.equal(freshnessStatus(7200, f), 'warn');
    assert.equal(freshnessStatus(90000, f), 'error');
    assert.equal(freshnessStatus(90000, { ...f, error_after: null }), 'warn');
  });
  test('timestamps without a zone are UTC; zoned ones keep their offset', () => {
    assert.equal(parseLoadedAt('2024-03-01 10:00:00')!.toISOString(), '2024-03-01T10:00:00.000Z');
    assert.equal(parseLoadedAt('2024-03-01 10:00:00.5+02')!.toISOString(), '2024-03-01T08:00:00.500Z');
    assert.equal(parseLoadedAt('2024-03-01')!.toISOString(), '2024-03-01T00:00:00.000Z');
    assert.equal(parseLoadedAt('not a time'), null);
    assert.equal(parseLoadedAt(null), null);
  });
});

describe('unit-test rows', () => {
  test('numbers compare by value, csv cells become numbers', () => {
    assert.equal(comparable('1.0'), comparable(1));
    assert.equal(comparable(null), 'null');
    assert.deepEqual(fixtureRows('a,b\n1,x\n,true\n', 'csv', 't'), [{ a: 1, b: 'x' }, { a: null, b: true }]);
  });
  test('rowDiff compares multisets', () => {
    assert.equal(rowDiff(['a'], [['1'], ['1']], [['1'], ['1']]), null);
    const d = rowDiff(['a'], [['1'], ['1']], [['1'], ['2']])!;
    assert.match(d, /- 1 +\(expected, not returned\)/);
    assert.match(d, /\+ 2 +\(returned, not expected\)/);
  });
});

describe('stored failures', () => {
  const node = (config: Record<string, unknown>, schema = 'analytics') => ({ name: 't', alias: 't', schema, database: 'db', config }) as unknown as ManifestNode;
  test('config, then the flag, decide table or view', () => {
    assert.equal(storeFailuresAs(node({ store_failures: true, store_failures_as: 'table' }), {}), 'table');
    assert.equal(storeFailuresAs(node({ store_failures_as: 'view' }), {}), 'view');
    assert.equal(storeFailuresAs(node({}), { STORE_FAILURES: true }), 'table');
    assert.equal(storeFailuresAs(node({ store_failures: false }), { STORE_FAILURES: true }), null);
    assert.equal(storeFailuresAs(node({}), {}), null);
  });
  test('the audit schema is <target schema>_dbt_test__audit unless the parser already placed it', () => {
    assert.deepEqual(auditRelation(node({ schema: 'dbt_test__audit' }), 'analytics'), { database: 'db', schema: 'analytics_dbt_test__audit', identifier: 't' });
    assert.equal(auditRelation(node({}, 'analytics_audit'), 'analytics').schema, 'analytics_audit');
  });
});
