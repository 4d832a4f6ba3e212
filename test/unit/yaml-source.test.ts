// parseYaml and locationOf: the values (types included) every kind of YAML gives, where each key and
// list item was written, and the error messages with their positions. These pin the behaviour of the
// `yaml`-package reader; the fast reader (yaml-fast.ts) must give the same, or decline.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml, parseYamlWithYamlPackage, locationOf } from '../../src/project/yaml-source.js';
import { parseYamlFast } from '../../src/project/yaml-fast.js';
import { UserError } from '../../src/util/errors.js';

/**
 * Positions to check, 'path line:col'. The path is keys and indices separated by '/'; the position is
 * that of the last key or index in its container (locationOf(container, key)). A path ending in '/' is
 * the container itself (locationOf(container)); '/' alone is the document's value.
 */
type Where = string[];

interface Case {
  name: string;
  yaml: string;
  value: unknown;
  where?: Where;
}

function walk(root: unknown, parts: string[]): unknown {
  let v = root;
  for (const p of parts) v = Array.isArray(v) ? v[Number(p)] : (v as Record<string, unknown>)[p];
  return v;
}

function positionOf(root: unknown, path: string): string {
  const parts = path.split('/');
  const last = parts.pop()!;
  const container = walk(root, parts.filter((p) => p !== ''));
  const key = last === '' ? undefined : Array.isArray(container) ? Number(last) : last;
  const loc = locationOf(container, key);
  assert.equal(loc.file, 'f.yml', `file of ${path}`);
  return `${path} ${loc.line}:${loc.col}`;
}

function check(c: Case): void {
  const { value, location } = parseYaml(c.yaml, 'f.yml');
  assert.deepStrictEqual(value, c.value);
  assert.deepEqual(location, { file: 'f.yml', line: 1, col: 1 });
  if (c.where) {
    const got = c.where.map((w) => positionOf(value, w.slice(0, w.lastIndexOf(' '))));
    assert.deepEqual(got, c.where);
  }
}

const CASES: Case[] = [
  // --- documents
  { name: 'empty text', yaml: '', value: undefined },
  { name: 'only comments', yaml: '# a comment\n\n  # another\n', value: undefined },
  { name: 'only a document start', yaml: '---\n', value: null },
  { name: 'document start with a comment', yaml: '--- # schema\nversion: 2\n', value: { version: 2 }, where: ['/ 2:1', 'version 2:1'] },
  { name: 'a scalar document', yaml: 'hello world\n', value: 'hello world' },
  { name: 'a list document', yaml: '- a\n- b\n', value: ['a', 'b'], where: ['/ 1:1', '0 1:3', '1 2:3'] },
  { name: 'an indented document', yaml: '  a: 1\n  b: 2\n', value: { a: 1, b: 2 }, where: ['/ 1:3', 'a 1:3', 'b 2:3'] },
  { name: 'no final newline', yaml: 'a: 1\nb: x', value: { a: 1, b: 'x' } },
  { name: 'CRLF line ends', yaml: 'a: 1\r\nb:\r\n  - x\r\n', value: { a: 1, b: ['x'] }, where: ['b 2:1', 'b/0 3:5'] },

  // --- plain scalars: YAML 1.2 core schema plus PyYAML's yes/no/on/off
  {
    name: 'integers',
    yaml: 'a: 1\nb: -1\nc: +1\nd: 007\ne: 0o17\nf: 0x1F\ng: 12345678901234567890\nh: 0\n',
    value: { a: 1, b: -1, c: 1, d: 7, e: 15, f: 31, g: 1.2345678901234567e19, h: 0 },
  },
  {
    name: 'floats',
    yaml: 'a: 1.5\nb: .5\nc: 1.\nd: 1e3\ne: -1.5e-3\nf: .inf\ng: -.Inf\nh: +.INF\ni: .nan\nj: 1.50\n',
    value: { a: 1.5, b: 0.5, c: 1, d: 1000, e: -0.0015, f: Infinity, g: -Infinity, h: Infinity, i: NaN, j: 1.5 },
  },
  {
    name: 'nulls',
    yaml: 'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\n',
    value: { a: null, b: null, c: null, d: null, e: null, f: 'nULL' },
  },
  {
    name: 'booleans',
    yaml: 'a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\ng: tRUE\n',
    value: { a: true, b: true, c: true, d: false, e: false, f: false, g: 'tRUE' },
  },
  {
    name: "PyYAML's yes/no/on/off, but not y/n",
    yaml: 'a: yes\nb: Yes\nc: YES\nd: no\ne: No\nf: NO\ng: on\nh: On\ni: ON\nj: off\nk: Off\nl: OFF\nm: y\nn: n\no: yEs\np: Y\n',
    value: { a: true, b: true, c: true, d: false, e: false, f: false, g: true, h: true, i: true, j: false, k: false, l: false, m: 'y', n: 'n', o: 'yEs', p: 'Y' },
  },
  {
    name: 'strings that look like other things',
    yaml: 'a: 2024-01-01\nb: 2024-01-01 10:00:00\nc: 12:30\nd: 1_000\ne: 0b11\nf: 0x\ng: 1.2.3\nh: -foo\ni: .x\nj: a:b\nk: http://x.com/a#b\nl: a#b\nm: a [b] {c}\n',
    value: { a: '2024-01-01', b: '2024-01-01 10:00:00', c: '12:30', d: '1_000', e: '0b11', f: '0x', g: '1.2.3', h: '-foo', i: '.x', j: 'a:b', k: 'http://x.com/a#b', l: 'a#b', m: 'a [b] {c}' },
  },
  {
    name: 'quoted scalars stay strings',
    yaml: 'a: "1"\nb: \'true\'\nc: "null"\nd: \'\'\ne: ""\nf: "yes"\ng: \'~\'\n',
    value: { a: '1', b: 'true', c: 'null', d: '', e: '', f: 'yes', g: '~' },
  },
  { name: 'comments after values', yaml: 'a: 1 # one\nb: "x" # two\nc: [a] # three\nd: x#y\n', value: { a: 1, b: 'x', c: ['a'], d: 'x#y' } },
  { name: 'spaces around values', yaml: 'a:    spaced out   \nb :  1\n', value: { a: 'spaced out', b: 1 }, where: ['a 1:1', 'b 2:1'] },
  { name: 'unicode', yaml: 'naïve: ünïcödé ✓\n', value: { 'naïve': 'ünïcödé ✓' } },

  // --- keys as written
  {
    name: 'keys are kept as written',
    yaml: 'on: 1\nno: 2\n1: 4\n1.50: 5\n0x1F: 6\n~: 8\n"quoted key": 9\n\'single\': 10\nkey with spaces: 11\n-k: 12\n.k: 13\n',
    value: { on: 1, no: 2, 1: 4, '1.50': 5, '0x1F': 6, '~': 8, 'quoted key': 9, single: 10, 'key with spaces': 11, '-k': 12, '.k': 13 },
    where: ['on 1:1', 'no 2:1', '1 3:1', '1.50 4:1', 'quoted key 7:1', 'single 8:1', 'key with spaces 9:1'],
  },
  { name: 'true and null as keys', yaml: 'true: 1\nnull: 2\n', value: { true: 1, null: 2 }, where: ['true 1:1', 'null 2:1'] },
  {
    name: 'keys are kept as written, in nested maps too',
    yaml: 'a:\n  yes: 1\n  off: 2\n',
    value: { a: { yes: 1, off: 2 } },
  },
  { name: 'a quoted key equal to a plain one of another type', yaml: '"1": a\n1: b\n', value: { 1: 'b' }, where: ['1 2:1'] },

  // --- quoted scalars
  {
    name: 'double-quoted escapes',
    yaml: String.raw`a: "tab\there\nnew \"q\" \\ \/ \x41\u00e9\U0001F600 \_ \0 end"` + '\n',
    value: { a: 'tab\there\nnew "q" \\ / Aé😀 \u00a0 \0 end' },
  },
  { name: 'single-quoted', yaml: "a: 'it''s # not a comment'\n", value: { a: "it's # not a comment" } },
  {
    name: 'multi-line quoted scalars fold',
    yaml: 'a: "one\n  two  \n\n  three \\\n  four"\nb: \'x\n  y\'\'s\n\n\n  z\'\n',
    value: { a: 'one two\nthree four', b: "x y's\n\nz" },
    where: ['a 1:1', 'b 6:1'],
  },

  // --- plain multi-line and block scalars
  {
    name: 'multi-line plain scalars fold',
    yaml: 'a: one\n  two\n\n  three\nb:\n  x\n  y\nc:\n- p\n  q\n',
    value: { a: 'one two\nthree', b: 'x y', c: ['p q'] },
    where: ['b 5:1', 'c 8:1', 'c/0 9:3'],
  },
  {
    name: 'literal block scalars and chomping',
    yaml: 'a: |\n  line 1\n    indented\n  line 3\n\nb: |-\n  x\n\nc: |+\n  y\n\n\nd: |\n  z',
    value: { a: 'line 1\n  indented\nline 3\n', b: 'x', c: 'y\n\n\n', d: 'z\n' },
    where: ['b 6:1', 'c 9:1', 'd 13:1'],
  },
  {
    name: 'folded block scalars',
    yaml: 'a: >\n  one\n  two\n\n  three\n    more\n    indented\n  four\nb: >-\n  x\n  y\nc: >+ # comment\n  z\n\n',
    value: { a: 'one two\nthree\n  more\n  indented\nfour\n', b: 'x y', c: 'z\n\n' },
  },
  {
    name: 'block scalars in lists, with comments after',
    yaml: 'list:\n  - |\n    first\n  # a comment\n  - >\n    second\n    part\n',
    value: { list: ['first\n', 'second part\n'] },
    where: ['list/0 2:5', 'list/1 5:5'],
  },
  { name: 'a # inside a block scalar', yaml: 'a: |\n  # not a comment\n  x # nor this\n', value: { a: '# not a comment\nx # nor this\n' } },

  // --- collections and positions
  {
    name: 'a schema file',
    yaml: [
      'version: 2',
      '',
      'models:',
      '  - name: orders # the orders',
      '    description: "All orders"',
      '    config:',
      '      materialized: table',
      '      tags: [finance, "daily"]',
      '    columns:',
      '      - name: id',
      '        data_tests:',
      '          - unique',
      '          - not_null',
      '          - accepted_values:',
      "              values: ['a', 'b']",
      '      - name: amount',
      '',
    ].join('\n'),
    value: {
      version: 2,
      models: [
        {
          name: 'orders',
          description: 'All orders',
          config: { materialized: 'table', tags: ['finance', 'daily'] },
          columns: [
            { name: 'id', data_tests: ['unique', 'not_null', { accepted_values: { values: ['a', 'b'] } }] },
            { name: 'amount' },
          ],
        },
      ],
    },
    where: [
      '/ 1:1',
      'version 1:1',
      'models 3:1',
      'models/ 4:3',
      'models/0 4:5',
      'models/0/ 4:5',
      'models/0/name 4:5',
      'models/0/description 5:5',
      'models/0/config/ 7:7',
      'models/0/config/tags 8:7',
      'models/0/config/tags/ 8:13',
      'models/0/config/tags/0 8:14',
      'models/0/config/tags/1 8:23',
      'models/0/columns/0 10:9',
      'models/0/columns/0/data_tests/ 12:11',
      'models/0/columns/0/data_tests/1 13:13',
      'models/0/columns/0/data_tests/2 14:13',
      'models/0/columns/0/data_tests/2/accepted_values/values 15:15',
      'models/0/columns/0/data_tests/2/accepted_values/values/1 15:29',
      'models/0/columns/1 16:9',
      'models/0/columns/1/name 16:9',
    ],
  },
  {
    name: 'lists indented as much as their key',
    yaml: 'models:\n- name: a\n  columns:\n  - name: id\n  - name: x\nsources: []\n',
    value: { models: [{ name: 'a', columns: [{ name: 'id' }, { name: 'x' }] }], sources: [] },
    where: ['models/ 2:1', 'models/0 2:3', 'models/0/columns/1 5:5', 'sources 6:1', 'sources/ 6:10'],
  },
  {
    name: 'nested lists on one line',
    yaml: '- - a\n  - b\n- - - c\n',
    value: [['a', 'b'], [['c']]],
    where: ['0 1:3', '0/ 1:3', '0/1 2:5', '1/0 3:5', '1/0/0 3:7'],
  },
  {
    name: 'empty list items and values',
    yaml: 'a:\nb:\n  -\n  - \n  -   # nothing\n  - x\nc: # nothing\n',
    value: { a: null, b: [null, null, null, 'x'], c: null },
    where: ['b/0 3:4', 'b/1 4:5', 'b/2 5:7', 'b/3 6:5', 'c 7:1'],
  },
  {
    name: 'items whose value starts on the next line',
    yaml: '-\n  a: 1\n-\n  - x\n-\n  plain\n',
    value: [{ a: 1 }, ['x'], 'plain'],
    where: ['0 2:3', '1 4:3', '2 6:3'],
  },
  {
    name: 'flow collections',
    yaml: 'a: [1, two, "three", [4], {five: 5}]\nb: {x: 1, "y": [a, b], z: {}}\nc: []\nd: {}\n',
    value: { a: [1, 'two', 'three', [4], { five: 5 }], b: { x: 1, y: ['a', 'b'], z: {} }, c: [], d: {} },
    where: ['a/ 1:4', 'a/2 1:13', 'a/4 1:27', 'a/4/five 1:28', 'b/ 2:4', 'b/y 2:11', 'b/y/1 2:20'],
  },
  {
    name: 'a flow list over several lines',
    yaml: 'k:\n  cols: [a, b,\n         c, "d"]\n  next: 1\n',
    value: { k: { cols: ['a', 'b', 'c', 'd'], next: 1 } },
    where: ['k/cols/2 3:10', 'k/cols/3 3:13', 'k/next 4:3'],
  },
  {
    name: 'comments and blank lines between entries',
    yaml: '# head\na: 1\n\n   # odd indent\n# col 0\nb:\n  # inside\n  c: 2\n\n\n  d: 3\n',
    value: { a: 1, b: { c: 2, d: 3 } },
    where: ['b 6:1', 'b/ 8:3', 'b/d 11:3'],
  },

  // --- anchors, aliases, merge keys
  {
    name: 'aliases are copies with the anchor’s positions',
    yaml: 'base: &b\n  x: 1\n  y: [1, 2]\nuse: *b\nscalar: &s hello\nagain: *s\nlist:\n  - &item {k: v}\n  - *item\n',
    value: { base: { x: 1, y: [1, 2] }, use: { x: 1, y: [1, 2] }, scalar: 'hello', again: 'hello', list: [{ k: 'v' }, { k: 'v' }] },
    where: ['use/ 2:3', 'use/y 3:3', 'use/y/1 3:10', 'list/0 8:11', 'list/1 9:5', 'list/1/k 8:12'],
  },
  {
    name: 'merge keys: own keys win, merged ones are copies',
    yaml: 'base: &b\n  x: 1\n  y: 2\n  z: {deep: true}\nm:\n  y: own\n  <<: *b\n  x: after\n  w: 3\n',
    value: { base: { x: 1, y: 2, z: { deep: true } }, m: { y: 'own', x: 'after', z: { deep: true }, w: 3 } },
    where: ['m/y 6:3', 'm/x 8:3', 'm/w 9:3', 'm/z 6:3', 'm/z/deep 4:7'],
  },
  {
    name: 'merging a list of maps: the first one wins',
    yaml: 'a: &a {k: 1, p: a}\nb: &b {k: 2, q: b}\nc:\n  <<: [*a, *b]\n',
    value: { a: { k: 1, p: 'a' }, b: { k: 2, q: 'b' }, c: { k: 1, p: 'a', q: 'b' } },
  },
  { name: 'merge keys on one line', yaml: 'd: &d {a: 1}\ne: {<<: *d, b: 2}\n', value: { d: { a: 1 }, e: { a: 1, b: 2 } } },
  { name: 'a merge of a scalar is ignored', yaml: 'a: 1\n<<: 5\n', value: { a: 1 } },
  { name: 'an alias to no anchor is null', yaml: 'a: *nope\n', value: { a: null } },
  { name: 'an anchor on a list', yaml: 'a: &l\n  - 1\nb: *l\n', value: { a: [1], b: [1] }, where: ['b/ 2:3', 'b/0 2:5'] },
];

const ERRORS: { name: string; yaml: string; message: string; at: string }[] = [
  { name: 'unclosed double quote', yaml: 'a: 1\nb: "open\nc: 2\n', message: 'invalid YAML: Missing closing "quote', at: '2:4' },
  { name: 'unclosed single quote', yaml: "a: 'open\n", message: "invalid YAML: Missing closing 'quote", at: '1:4' },
  { name: 'a mapping in a compact mapping', yaml: 'a: b: c\n', message: 'invalid YAML: Nested mappings are not allowed in compact mappings', at: '1:4' },
  { name: 'duplicate keys', yaml: 'a: 1\nb: 2\na: 3\n', message: 'invalid YAML: Map keys must be unique', at: '3:1' },
  { name: 'keys with equal values', yaml: 'x: 0\n1: a\n1.0: b\n', message: 'invalid YAML: Map keys must be unique', at: '3:1' },
  { name: 'yes and on are both true', yaml: 'yes: 1\non: 2\n', message: 'invalid YAML: Map keys must be unique', at: '2:1' },
  { name: 'a quoted and a plain key', yaml: '"a": 1\na: 2\n', message: 'invalid YAML: Map keys must be unique', at: '2:1' },
  { name: 'bad indentation', yaml: 'a:\n  b: 1\n c: 2\n', message: 'invalid YAML: All mapping items must start at the same column', at: '3:1' },
  { name: 'more indentation after a value', yaml: 'a: 1\n  b: 2\n', message: 'invalid YAML: Nested mappings are not allowed in compact mappings', at: '1:4' },
  { name: 'a key after a list at the list’s column', yaml: 'a:\n  - x\n  b: 1\n', message: 'invalid YAML: All mapping items must start at the same column', at: '3:1' },
  { name: 'tabs as indentation', yaml: 'a:\n\tb: 1\n', message: 'invalid YAML: Tabs are not allowed as indentation', at: '2:1' },
  { name: 'two documents', yaml: 'a: 1\n---\nb: 2\n', message: 'invalid YAML: Source contains multiple documents; please use YAML.parseAllDocuments()', at: '2:1' },
  { name: 'a bad escape', yaml: 'a: "x\\qy"\n', message: 'invalid YAML: Invalid escape sequence \\q', at: '1:6' },
  { name: 'a flow list not indented enough', yaml: 'k: [a,\nb]\n', message: 'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]', at: '2:1' },
  { name: 'a reserved character', yaml: 'a: @x\n', message: 'invalid YAML: Plain value cannot start with reserved character @', at: '1:4' },
  { name: 'a value after a list item on the key line', yaml: 'a: - x\n', message: 'invalid YAML: Unexpected block-seq-ind on same line with key', at: '1:4' },
  { name: 'a comment without a space', yaml: 'a: "x"#c\n', message: 'invalid YAML: Comments must be separated from other tokens by white space characters', at: '1:7' },
];

describe('parseYaml: values and positions', () => {
  for (const c of CASES) test(c.name, () => check(c));
});

describe('parseYaml: errors carry a message, a hint and the line and column', () => {
  for (const e of ERRORS) {
    test(e.name, () => {
      assert.throws(
        () => parseYaml(e.yaml, 'f.yml'),
        (err: unknown) => {
          assert.ok(err instanceof UserError);
          assert.equal(err.message, e.message);
          assert.equal(`${err.location?.line}:${err.location?.col}`, e.at);
          assert.equal(err.location?.file, 'f.yml');
          assert.ok(err.hint);
          return true;
        },
      );
    });
  }
});

describe('locationOf', () => {
  test('keys and indices that were not written give the container; other values give the fallback', () => {
    const { value } = parseYaml('a:\n  b: 1\nl:\n  - x\n', 'f.yml') as { value: { a: object; l: unknown[] } };
    assert.deepEqual(locationOf(value.a, 'nope'), { file: 'f.yml', line: 2, col: 3 });
    assert.deepEqual(locationOf(value.l, 5), { file: 'f.yml', line: 4, col: 3 });
    assert.deepEqual(locationOf(value.l, '0'), { file: 'f.yml', line: 4, col: 3 });
    assert.deepEqual(locationOf(value.a, 0), { file: 'f.yml', line: 2, col: 3 });
    assert.deepEqual(locationOf({ made: 'later' }, 'made', { file: 'x', line: 9 }), { file: 'x', line: 9 });
    assert.deepEqual(locationOf('a string'), { file: '<unknown>' });
    assert.deepEqual(locationOf({ ...value.a }, 'b'), { file: '<unknown>' });
  });

  test('every list and map of a large file knows its place', () => {
    const lines = ['models:'];
    for (let i = 0; i < 300; i++) lines.push(`  - name: m${i}`, `    columns:`, `      - name: id`, `        data_tests: [unique]`);
    const { value } = parseYaml(lines.join('\n'), 'f.yml') as { value: { models: { name: string; columns: { data_tests: string[] }[] }[] } };
    const i = 257;
    assert.equal(value.models[i]!.name, `m${i}`);
    assert.deepEqual(locationOf(value.models, i), { file: 'f.yml', line: 2 + i * 4, col: 5 });
    assert.deepEqual(locationOf(value.models[i], 'columns'), { file: 'f.yml', line: 3 + i * 4, col: 5 });
    assert.deepEqual(locationOf(value.models[i]!.columns[0]!.data_tests, 0), { file: 'f.yml', line: 5 + i * 4, col: 22 });
  });
});

// --- the fast reader against the `yaml` package -----------------------------------------------

/** Everything parseYaml gives for a text: value and type of every entry, and every position. */
function describeParse(parse: () => { value: unknown } | undefined): string | undefined {
  let r: { value: unknown } | undefined;
  try {
    r = parse();
  } catch (e) {
    return e instanceof UserError ? `error ${e.message} at ${e.location?.line}:${e.location?.col}` : `crash ${String(e)}`;
  }
  if (r === undefined) return undefined;
  const out: string[] = [];
  const at = (l: { line?: number; col?: number }) => `${l.line}:${l.col}`;
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object') {
      out.push(`${path} = ${typeof v} ${Object.is(v, -0) ? '-0' : typeof v === 'number' ? String(v) : JSON.stringify(v)}`);
      return;
    }
    out.push(`${path} ${Array.isArray(v) ? 'list' : 'map'} at ${at(locationOf(v))}${Object.getPrototypeOf(v) === Object.prototype || Array.isArray(v) ? '' : ' (prototype changed)'}`);
    for (const k of Object.keys(v)) {
      const key = Array.isArray(v) ? Number(k) : k;
      out.push(`${path}/${k} at ${at(locationOf(v, key))}`);
      walk((v as Record<string, unknown>)[k], `${path}/${k}`);
    }
  };
  if (r.value === undefined) return 'empty';
  walk(r.value, '');
  return out.join('\n');
}

/** The fast reader gives what the `yaml` package gives, or declines. True when it did not decline. */
function sameAsReference(text: string): boolean {
  const fast = describeParse(() => parseYamlFast(text, 'f.yml'));
  if (fast === undefined) return false;
  const reference = describeParse(() => parseYamlWithYamlPackage(text, 'f.yml'));
  assert.equal(fast, reference, `fast reader differs for ${JSON.stringify(text)}`);
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'target' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/** A small deterministic random generator, so failures can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDITS = [' ', '  ', '\n', '\n  ', ':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '|', '>-', '!', '?', 'x', '1', '\\', '...', '---', '<<: *a\n', 'on', '~', '\t', '\r'];

/** `text` with a few characters inserted, deleted or replaced: mostly broken YAML, some valid. */
function mutate(text: string, rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rnd() * (text.length + 1));
    const edit = EDITS[Math.floor(rnd() * EDITS.length)]!;
    const r = rnd();
    if (r < 0.45) text = text.slice(0, i) + edit + text.slice(i);
    else if (r < 0.75) text = text.slice(0, i) + text.slice(i + 1 + Math.floor(rnd() * 3));
    else text = text.slice(0, i) + edit + text.slice(i + 1);
  }
  return text;
}

describe('the fast reader gives what the yaml package gives, or declines', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const files = [...yamlFiles(join(root, 'test')), ...yamlFiles(join(root, 'examples'))].map((f) => readFileSync(f, 'utf8'));
  const snippets = [...CASES.map((c) => c.yaml), ...ERRORS.map((e) => e.yaml)];

  test('the cases above', () => {
    for (const c of CASES) sameAsReference(c.yaml);
    for (const e of ERRORS) assert.equal(parseYamlFast(e.yaml, 'f.yml'), undefined, `declines ${JSON.stringify(e.yaml)}`);
    // Common YAML does not fall back.
    for (const name of ['a schema file', 'lists indented as much as their key', 'merge keys: own keys win, merged ones are copies', 'folded block scalars', 'a flow list over several lines']) {
      assert.ok(sameAsReference(CASES.find((c) => c.name === name)!.yaml), `fast reader reads '${name}'`);
    }
  });

  test('the YAML files of the tests and examples', () => {
    let read = 0;
    for (const text of files) if (sameAsReference(text)) read++;
    assert.ok(read >= files.length - 3, `the fast reader read ${read} of ${files.length} files`);
  });

  test('block scalars of every shape', () => {
    const lines = ['', ' ', '  ', '   ', '  x', '   y', '    z', '  # c', 'k: 1', '  x  '];
    for (const head of ['|', '|-', '|+', '>', '>-', '>+']) {
      for (const a of lines) for (const b of lines) for (const end of ['', '\n']) {
        const body = `${a}\n${b}${end}`;
        sameAsReference(`a: ${head}\n${body}`);
        sameAsReference(`- k: ${head}\n${body.replace(/^(?=.)/gm, '  ')}`);
      }
    }
  });

  test('plain and quoted scalars over several lines', () => {
    const lines = ['', ' ', '  x', ' y', '  z z ', '  # c', 'k: 1', '  - q', '  a: b', '  t #c', '  \\', "  ''", '  "'];
    for (const a of lines) for (const b of lines) {
      for (const first of ['a', '1', 'on', '"a', "'a", '"a\\']) {
        const close = first.startsWith('"') ? '"' : first.startsWith("'") ? "'" : '';
        sameAsReference(`k: ${first}\n${a}\n${b}${close}\nn: 1\n`);
        sameAsReference(`- ${first}\n${a}\n${b}${close}\n`);
      }
    }
  });

  test('thousands of small edits of the cases and files', () => {
    const rnd = random(20240601);
    const texts = [...snippets, ...files];
    for (let i = 0; i < 4000; i++) sameAsReference(mutate(texts[i % texts.length]!, rnd));
  });
});
