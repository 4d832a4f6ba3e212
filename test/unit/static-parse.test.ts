// The static parser: which templates are understood without Jinja, what they capture, and that
// substitution renders exactly what the Jinja engine renders.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { captureStatic, parseStatic, rememberStaticForm, renderStatic, staticArgumentCall, staticFormOf } from '../../src/parse/static-parse.js';
import { JinjaEnvironment, pyfunction } from '../../src/jinja/index.js';

describe('parseStatic', () => {
  test('reads literal ref, source and config calls', () => {
    const t = parseStatic("{{ config(materialized='table', unique_key=['a', 'b'], enabled=true) }}\nselect * from {{ ref('orders') }} join {{ ref('pkg', 'c', v=2) }} join {{ source(\"raw\", 'events') }}")!;
    assert.deepEqual(t.calls.map(({ start: _s, end: _e, ...c }) => c), [
      { kind: 'config', kwargs: { materialized: 'table', unique_key: ['a', 'b'], enabled: true } },
      { kind: 'ref', call: { name: 'orders', package: null, version: null } },
      { kind: 'ref', call: { package: 'pkg', name: 'c', version: 2 } },
      { kind: 'source', source: ['raw', 'events'] },
    ]);
  });
  const dynamic = [
    "{% if x %}{{ ref('a') }}{% endif %}",
    "{# comment #} {{ ref('a') }}",
    "{{ ref('a') | upper }}",
    '{{ ref(name) }}',
    "{{ config(materialized=var('m')) }}",
    "{{- ref('a') }}",
    "{{ my_macro('a') }}",
    "{{ ref('a') ~ 'x' }}",
    "select '}}' from {{ ref('a') }}",
    "{{ source('only_one') }}",
    "{{ ref('a', 'b', 'c') }}",
  ];
  for (const text of dynamic) test(`needs Jinja: ${text}`, () => assert.equal(parseStatic(text), null));
  test('plain SQL is static with no calls', () => assert.deepEqual(parseStatic('select 1\n'), { calls: [] }));
  test("a test's generated model argument reads as the general argument reader reads it", () => {
    for (const name of ['orders', 'stg.orders-v2', 'a b']) {
      const generated = `{{ get_where_subquery(ref('${name}')) }}`;
      const spaced = `{{  get_where_subquery( ref('${name}') ) }}`;
      assert.deepEqual(staticArgumentCall(generated), staticArgumentCall(spaced));
      assert.deepEqual(staticArgumentCall(generated), { kind: 'ref', call: { name, package: null, version: null }, start: 0, end: name.length + 13, whereSubquery: true });
    }
    assert.deepEqual(staticArgumentCall("{{ get_where_subquery(ref('it\\'s')) }}"), { kind: 'ref', call: { name: "it's", package: null, version: null }, start: 0, end: 18, whereSubquery: true }, 'escapes take the general reader');
    assert.deepEqual(staticArgumentCall("{{ get_where_subquery(source('raw', 'events')) }}"), { kind: 'source', source: ['raw', 'events'], start: 0, end: 29, whereSubquery: true });
  });
  test('a node keeps the form parse found for compile; captures are copies the node may change', () => {
    const text = "{{ config(tags=['a']) }}select * from {{ ref('orders') }} join {{ source('raw', 'events') }}";
    const form = parseStatic(text)!;
    const node = { raw_code: text };
    rememberStaticForm(node, form);
    assert.equal(staticFormOf(node), form, 'compile reuses the form parse found');
    assert.notEqual(staticFormOf({ raw_code: text }), form, 'another node parses its own text');
    assert.deepEqual(staticFormOf({ raw_code: text }), form);
    const dynamic = { raw_code: '{% if x %}1{% endif %}' };
    rememberStaticForm(dynamic, null);
    assert.equal(staticFormOf(dynamic), null);
    const first = captureStatic(form);
    (first.config.tags as string[]).push('changed');
    first.refs[0]!.name = 'changed';
    first.sources[0]![1] = 'changed';
    assert.deepEqual(captureStatic(form), { refs: [{ name: 'orders', package: null, version: null }], sources: [['raw', 'events']], config: { tags: ['a'] }, macros: [] });
  });
});

describe('renderStatic matches the Jinja engine', () => {
  const jinja = new JinjaEnvironment();
  const context = {
    ref: pyfunction((a) => `"main"."${String(a[a.length - 1])}"`),
    source: pyfunction((a) => `"${String(a[0])}"."${String(a[1])}"`),
    config: pyfunction(() => ''),
  };
  const cases = [
    "select * from {{ ref('a') }}\n",
    "{{ config(materialized='view') }}\n\nselect 1 from {{ source('s', 't') }} where x = '{'\n\n",
    "with x as (select * from {{ref('b')}}) select * from x",
    "select 1\n",
  ];
  for (const text of cases) {
    test(JSON.stringify(text), async () => {
      const t = parseStatic(text)!;
      const viaStatic = renderStatic(text, t, (c) => (c.kind === 'ref' ? `"main"."${c.call.name}"` : c.kind === 'source' ? `"${c.source[0]}"."${c.source[1]}"` : ''));
      assert.equal(viaStatic, await jinja.renderString(text, context));
    });
  }
});
