// Python fnmatchcase semantics, which every selector wildcard uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnmatch, hasWildcard } from '../../src/graph/fnmatch.js';

const CASES: [string, string, boolean][] = [
  ['stg_orders', 'stg_*', true],
  ['shop.staging.stg_orders', 'stg_*', false],
  ['shop.staging.stg_orders', '*.stg_*', true],
  ['a/b/c', '*', true],
  ['abc', 'a?c', true],
  ['ac', 'a?c', false],
  ['abc', 'a[bx]c', true],
  ['abc', 'a[!b]c', false],
  ['adc', 'a[!b]c', true],
  ['a-c', 'a[a-z]c', false],
  ['aqc', 'a[a-z]c', true],
  ['a[c', 'a[c', true],
  ['a.c', 'a.c', true],
  ['abc', 'a.c', false],
  ['a+c', 'a+c', true],
  ['Stg', 'stg', false],
  ['a]', 'a]', true],
  ['line\nbreak', 'line*', true],
];

test('fnmatch', () => {
  for (const [name, pattern, expected] of CASES) assert.equal(fnmatch(name, pattern), expected, `${name} ~ ${pattern}`);
});

test('hasWildcard', () => {
  assert.equal(hasWildcard('a*'), true);
  assert.equal(hasWildcard('a[b]'), true);
  assert.equal(hasWildcard('a.b'), false);
});
