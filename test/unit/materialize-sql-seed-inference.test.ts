// Seed CSV reading and type inference without a warehouse.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inferColumnType, readCsv } from '../../src/build/seeds/index.js';
import { loadValue } from '../../src/build/seeds/infer-types.js';
import { UserError } from '../../src/util/errors.js';

describe('seed type inference', () => {
  const cases: [string[], string][] = [
    [['1', '-2', '+3', ''], 'integer'],
    [['1', '3000000000'], 'bigint'],
    [['1', '2.5', '1e3'], 'float'],
    [['2024-01-31', ''], 'date'],
    [['2024-02-30'], 'text'],
    [['2024-01-01 10:00:00', '2024-01-01T10:00:00.123'], 'timestamp'],
    [['2024-01-01 10:00:00+02:00'], 'text'],
    [['true', 'False', 'TRUE'], 'boolean'],
    [['yes', 'no'], 'text'],
    [['', ''], 'integer'],
    [['01234', 'abc'], 'text'],
    [['1', '2024-01-01'], 'text'],
  ];
  for (const [values, expected] of cases) {
    test(`${JSON.stringify(values)} → ${expected}`, () => {
      assert.equal(inferColumnType(values), expected);
    });
  }

  test('empty is null; "null" is null only in text columns', () => {
    assert.equal(loadValue('integer', ''), null);
    assert.equal(loadValue('text', 'null'), null);
    assert.equal(loadValue('text', 'x'), 'x');
  });
});

describe('readCsv', () => {
  test('header, BOM, CRLF, quotes, custom delimiter', () => {
    const t = readCsv('\ufeff id ;name\r\n1;"a;b"\r\n\r\n2;"say ""hi"""\r\n', 'seeds/x.csv', ';');
    assert.deepEqual(t.header, ['id', 'name']);
    assert.deepEqual(t.rows, [['1', 'a;b'], ['2', 'say "hi"']]);
  });

  const fails = (text: string, pattern: RegExp) => {
    assert.throws(() => readCsv(text, 'seeds/x.csv'), (err: unknown) => {
      assert.ok(err instanceof UserError);
      assert.match(err.format(), pattern);
      return true;
    });
  };

  test('too few fields, with the line after blank lines', () => fails('a,b\n1,2\n\n\n3\n', /^seeds\/x\.csv:5: expected 2 fields, found 1/));
  test('a quote closed early', () => fails('a,b\n1,"2"x\n', /^seeds\/x\.csv:2: a quoted field is followed by other characters/));
  test('a multi-line record starting on line 2', () => fails('a,b\n1,"x\ny",3\n', /^seeds\/x\.csv:2: expected 2 fields, found 3/));
  test('duplicate header names', () => fails('a,A\n1,2\n', /^seeds\/x\.csv:1: column 'A' appears twice/));
  test('an empty file', () => fails('', /^seeds\/x\.csv:1: the seed has no header row/));
});
