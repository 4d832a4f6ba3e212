// The pieces of the dbt render context that emulate Python: modules.re, modules.datetime, tojson,
// var()/env_var() lookup, ephemeral CTE injection and the test verdict.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JinjaEnvironment } from '../../src/jinja/index.js';
import { createReModule } from '../../src/context/py-re.js';
import { createDatetimeModule } from '../../src/context/py-datetime.js';
import { pyJsonDumps, serializationMembers } from '../../src/context/serialization.js';
import { lookupEnvVar, lookupVar, NO_DEFAULT, varsForPackage } from '../../src/context/vars.js';
import { injectCtes } from '../../src/compile/ephemeral.js';
import { testVerdictSql, verdict } from '../../src/quality/test-query.js';
import { UserError } from '../../src/util/errors.js';
import type { ManifestNode } from '../../src/project/manifest-types.js';

const jinja = new JinjaEnvironment();
const modules = { re: createReModule(), datetime: createDatetimeModule() };
const render = (t: string) => jinja.renderString(t, { modules });

describe('modules.re', () => {
  const cases: [string, string][] = [
    ["{{ modules.re.match('a(b+)', 'abbbc').group(1) }}", 'bbb'],
    ["{{ modules.re.match('b', 'abc') is none }}", 'True'],
    ["{{ modules.re.search('b+', 'abbbc').group() }}", 'bbb'],
    ["{{ modules.re.fullmatch('[a-c]+', 'abc') is not none }}", 'True'],
    ["{{ modules.re.findall('\\\\d+', 'a1b22c333') }}", "['1', '22', '333']"],
    ["{{ modules.re.sub('(\\\\w+)@(\\\\w+)', '\\\\2 at \\\\1', 'me@home') }}", 'home at me'],
    ["{{ modules.re.sub('a', 'x', 'banana', count=2) }}", 'bxnxna'],
    ["{{ modules.re.split(',\\\\s*', 'a, b,c') }}", "['a', 'b', 'c']"],
    ["{{ modules.re.match('(?P<year>\\\\d{4})-(?P<m>\\\\d\\\\d)', '2024-05').group('year') }}", '2024'],
    ["{{ modules.re.search('HELLO', 'say hello', modules.re.IGNORECASE).group() }}", 'hello'],
    ["{% set p = modules.re.compile('^stg_') %}{{ p.match('stg_orders') is not none }}", 'True'],
  ];
  for (const [t, want] of cases) test(t, async () => assert.equal(await render(t), want));
});

describe('modules.datetime', () => {
  const cases: [string, string][] = [
    ['{{ modules.datetime.datetime(2024, 1, 31, 12, 5, 9) }}', '2024-01-31 12:05:09'],
    ["{{ modules.datetime.datetime(2024, 1, 31).strftime('%Y%m%d %H:%M %a %b %j') }}", '20240131 00:00 Wed Jan 031'],
    ['{{ (modules.datetime.datetime(2024, 1, 31) + modules.datetime.timedelta(days=1)).isoformat() }}', '2024-02-01T00:00:00'],
    ['{{ modules.datetime.date(2024, 3, 1) - modules.datetime.timedelta(days=1) }}', '2024-02-29'],
    ['{{ (modules.datetime.date(2024, 3, 1) - modules.datetime.date(2024, 1, 1)).days }}', '60'],
    ["{{ modules.datetime.datetime.strptime('2024-07-04 10:30', '%Y-%m-%d %H:%M') }}", '2024-07-04 10:30:00'],
    ["{{ modules.datetime.date.fromisoformat('2024-07-04').weekday() }}", '3'],
    ['{{ modules.datetime.timedelta(hours=25) }}', '1 day, 1:00:00'],
  ];
  for (const [t, want] of cases) test(t, async () => assert.equal(await render(t), want));
});

describe('tojson', () => {
  test('uses Python json.dumps separators and keeps key order unless sorted', () => {
    assert.equal(pyJsonDumps({ b: 1, a: [1, 'x', null, true] }), '{"b": 1, "a": [1, "x", null, true]}');
    assert.equal(pyJsonDumps({ b: 1, a: 2 }, true), '{"a": 2, "b": 1}');
  });
});

describe('tojson / fromjson / toyaml / fromyaml in templates', () => {
  const renderWith = (t: string) => jinja.renderString(t, { ...serializationMembers() });
  const cases: [string, string][] = [
    ['{{ tojson({"a": [1, none]}) }}', '{"a": [1, null]}'],
    ['{{ fromjson(\'{"a": 2}\').a }}', '2'],
    ["{{ fromjson('not json', 'fallback') }}", 'fallback'],
    ['{{ toyaml({"a": [1, 2]}) }}', 'a:\n  - 1\n  - 2\n'],
    ["{{ fromyaml('a: [1, 2]').a | length }}", '2'],
    ["{{ fromyaml('a: [1, 2', 'fallback') }}", 'fallback'],
  ];
  for (const [t, want] of cases) test(t, async () => assert.equal(await renderWith(t), want));
});

describe('vars', () => {
  const sources = { projectVars: { days: 7, shop: { days: 30, only_shop: 1 } }, cliVars: { days: 90 }, packageNames: new Set(['shop', 'other']) };
  test('command-line vars win over package-scoped ones, which win over global ones', () => {
    assert.deepEqual(varsForPackage(sources, 'shop'), { days: 90, only_shop: 1 });
    assert.deepEqual(varsForPackage({ ...sources, cliVars: {} }, 'shop'), { days: 30, only_shop: 1 });
    assert.deepEqual(varsForPackage({ ...sources, cliVars: {} }, 'other'), { days: 7 });
  });
  test('a missing var without default is a user error that says where to define it', () => {
    assert.equal(lookupVar({ a: 1 }, 'b', 5, 'model.x'), 5);
    assert.throws(() => lookupVar({ start_date: 1 }, 'start_dat', NO_DEFAULT, 'model.x'), (e: unknown) => e instanceof UserError && /Required var 'start_dat'/.test(e.message) && /start_date/.test(e.hint ?? ''));
  });
  test('env_var reads the environment, falls back to the default, else fails with a hint', () => {
    assert.equal(lookupEnvVar('MF_X', NO_DEFAULT, { MF_X: 'v' }), 'v');
    assert.equal(lookupEnvVar('MF_X', 'd', {}), 'd');
    assert.throws(() => lookupEnvVar('MF_X', NO_DEFAULT, {}), /Env var required but not provided: 'MF_X'/);
  });
});

describe('ephemeral CTE injection', () => {
  const ctes = [{ id: 'model.p.a', sql: 'select 1 as x' }, { id: 'model.p.b', sql: 'select * from __dbt__cte__a' }];
  test('prepends a WITH clause', () => {
    assert.equal(injectCtes('select * from __dbt__cte__b', ctes), 'with __dbt__cte__a as (\nselect 1 as x\n), __dbt__cte__b as (\nselect * from __dbt__cte__a\n)\nselect * from __dbt__cte__b');
  });
  test('merges into an existing WITH, after leading comments', () => {
    assert.equal(
      injectCtes('-- hi\nWITH q as (select 2) select * from q, __dbt__cte__a', ctes.slice(0, 1)),
      '-- hi\nWITH __dbt__cte__a as (\nselect 1 as x\n), q as (select 2) select * from q, __dbt__cte__a',
    );
  });
  test('leaves SQL without ephemerals alone', () => assert.equal(injectCtes('select 1', []), 'select 1'));
});

describe('test verdict', () => {
  const node = (config: Record<string, unknown>) => ({ name: 't', config: { severity: 'ERROR', ...config }, location: { file: 'x.yml' } }) as unknown as ManifestNode;
  test('wraps the failing rows with fail_calc, warn_if and error_if', () => {
    assert.equal(
      testVerdictSql(node({ fail_calc: 'sum(n)', warn_if: '>5', error_if: '>10', limit: 3 }), 'select 1 as n'),
      'select\n  sum(n) as failures,\n  sum(n) >5 as should_warn,\n  sum(n) >10 as should_error\nfrom (\nselect 1 as n\nlimit 3\n) dbt_internal_test',
    );
  });
  test('severity and thresholds decide pass, warn and fail', () => {
    assert.equal(verdict(node({}), [0, false, false]).status, 'pass');
    assert.equal(verdict(node({}), [3, true, true]).status, 'fail');
    assert.equal(verdict(node({ severity: 'warn' }), [3, true, true]).status, 'warn');
    assert.equal(verdict(node({ error_if: '>10' }), [3, true, false]).status, 'warn');
    assert.equal(verdict(node({}), [1, true, true]).message, 'Got 1 result, configured to fail if != 0');
  });
  test('a threshold that is not a comparison is a user error', () => {
    assert.throws(() => testVerdictSql(node({ warn_if: 'drop table x' }), 'select 1'), /warn_if 'drop table x' is not a comparison/);
  });
});
