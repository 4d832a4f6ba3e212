// The dbt render context against a real warehouse: run_query and statement blocks query while
// rendering, adapter.dispatch finds the engine's implementation and the project's overrides,
// adapter.get_columns_in_relation introspects, this / target / var / env_var resolve.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { martflow } from '../helpers/cli.js';

const FILES: Record<string, string> = {
  'dbt_project.yml': "name: ctx\nprofile: ctx\nvars:\n  greeting: hello\nmodels:\n  ctx:\n    +materialized: table\n",
  'profiles.yml': 'ctx:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/ctx.duckdb\n      schema: analytics\n      threads: 2\n',
  'models/statuses.sql': "select 'placed' as status union all select 'shipped' union all select 'placed'\n",
  'models/pivot.sql': [
    "{% set statuses = run_query('select distinct status from ' ~ ref('statuses') ~ ' order by 1') %}",
    '{% if execute %}{% set names = statuses.columns[0].values() %}{% else %}{% set names = [] %}{% endif %}',
    'select',
    "{% for s in names %}  sum(case when status = '{{ s }}' then 1 else 0 end) as n_{{ s }}{{ ',' if not loop.last }}",
    '{% endfor %}from {{ ref("statuses") }}',
  ].join('\n'),
  'models/columns_of.sql': [
    "{% set cols = adapter.get_columns_in_relation(ref('statuses')) %}",
    "select '{{ cols | map(attribute='name') | join(',') }}' as names, '{{ this.schema }}.{{ this.identifier }}' as me,",
    "  '{{ target.name }}/{{ target.type }}' as tgt, '{{ var(\"greeting\") }}' as greeting, '{{ env_var(\"CTX_WHO\", \"nobody\") }}' as who,",
    "  '{{ my_shout(\"x\") }}' as shouted",
  ].join('\n'),
  'models/with_statement.sql': [
    "{% call statement('max_status', fetch_result=True) %}select max(status) from {{ ref('statuses') }}{% endcall %}",
    "{% set top = load_result('max_status')['data'][0][0] if execute else '' %}",
    "{% set first = run_query('select status, count(*) as n from ' ~ ref('statuses') ~ ' group by 1 order by 1') %}",
    "select '{{ top }}' as top_status{% if execute %}, '{{ first.rows[0][0] }}/{{ first.rows[0][\"n\"] }}/{{ first.rows[1].status }}' as rows_access{% endif %}",
  ].join('\n'),
  'models/hooked.sql':
    '{{ config(pre_hook="create table if not exists {{ target.schema }}.hook_log (n integer)", post_hook=["insert into {{ target.schema }}.hook_log select count(*) from {{ this }}", "insert into {{ target.schema }}.hook_log select 100"]) }}\nselect 1 as id union all select 2\n',
  'macros/shout.sql': [
    "{% macro my_shout(s) %}{{ return(adapter.dispatch('my_shout')(s)) }}{% endmacro %}",
    '{% macro default__my_shout(s) %}{{ s }}!{% endmacro %}',
    '{% macro duckdb__my_shout(s) %}{{ s | upper }}!!{% endmacro %}',
    // The project overrides a generic test's engine implementation, as dbt allows.
    '{% macro default__test_not_null(model, column_name) %}select * from {{ model }} where {{ column_name }} is null and 1 = 1{% endmacro %}',
  ].join('\n'),
  'models/schema.yml': 'version: 2\nmodels:\n  - name: statuses\n    columns:\n      - name: status\n        data_tests: [not_null]\n',
};

describe('render context against DuckDB', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'martflow-ctx-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('build succeeds and each model computed what its template asked', () => {
    const r = martflow(['build'], { cwd: dir, env: { CTX_WHO: 'martflow' } });
    assert.equal(r.code, 0, r.output);
    const show = (sql: string) => {
      const s = martflow(['show', '--inline', sql, '--output', 'json', '--quiet'], { cwd: dir });
      assert.equal(s.code, 0, s.output);
      return JSON.parse(s.stdout.trim().split('\n').pop()!).show;
    };
    assert.deepEqual(show("select * from {{ ref('pivot') }}").map((x: Record<string, unknown>) => ({ p: Number(x.n_placed), s: Number(x.n_shipped) })), [{ p: 2, s: 1 }]);
    assert.deepEqual(show("select * from {{ ref('columns_of') }}"), [
      { names: 'status', me: 'analytics.columns_of', tgt: 'dev/duckdb', greeting: 'hello', who: 'martflow', shouted: 'X!!' },
    ]);
    assert.deepEqual(show("select * from {{ ref('with_statement') }}"), [{ top_status: 'shipped', rows_access: 'placed/2/shipped' }]);
    // pre-hook made the log table, post-hooks (rendered at run time: {{ this }}) filled it
    assert.deepEqual(show('select n from analytics.hook_log order by n').map((x: Record<string, unknown>) => Number(x.n)), [2, 100]);
  });

  test('the project override of a dbt test implementation is used', () => {
    const r = martflow(['compile', '-s', 'test_type:generic'], { cwd: dir });
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /where status is null and 1 = 1/);
  });

  test('--vars overrides project vars', () => {
    const r = martflow(['compile', '--inline', "{{ var('greeting') }} {{ var('missing', 'fallback') }}", '--vars', '{greeting: hi}'], { cwd: dir });
    assert.equal(r.code, 0, r.output);
    assert.equal(r.stdout.trim(), 'hi fallback');
  });
});

describe('compile connects to the warehouse only when a template queries it', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'martflow-ondemand-'));
    const files: Record<string, string> = {
      'dbt_project.yml': 'name: od\nprofile: od\n',
      'profiles.yml': 'od:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/od.duckdb\n      schema: main\n',
      'models/plain.sql': "select 1 as id{{ ' -- ' ~ target.database }}\n",
      'models/asks.sql': "{% set r = run_query('select 40 + 2 as answer') %}select {{ r.columns[0].values()[0] if execute else 0 }} as answer\n",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a model that does not query compiles without opening (or creating) the database file', () => {
    const r = martflow(['compile', '-s', 'plain'], { cwd: dir });
    assert.equal(r.code, 0, r.output);
    assert.equal(readFileSync(join(dir, 'target/compiled/od/models/plain.sql'), 'utf8'), 'select 1 as id -- od\n');
    assert.ok(!existsSync(join(dir, 'target/od.duckdb')), 'compile opened the database without a query');
  });

  test('run_query connects at its first use and its answer is compiled in', () => {
    const r = martflow(['compile', '-s', 'asks'], { cwd: dir });
    assert.equal(r.code, 0, r.output);
    assert.equal(readFileSync(join(dir, 'target/compiled/od/models/asks.sql'), 'utf8'), 'select 42 as answer\n');
    assert.ok(existsSync(join(dir, 'target/od.duckdb')));
  });
});
