// Dashboard files: the schema and cross-checks report problems at file:line:col with a fix; :name
// placeholders become bound parameters; filter defaults and the previous period; the email_mart
// example's dashboards are valid.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseDashboard, loadDashboards } from '../../src/publish/dashboards/load-dashboards.js';
import { bindNamed, findPlaceholders, hasSecondStatement } from '../../src/publish/dashboards/named-params.js';
import { filterDefaults, previousPeriod, requestValues, ParameterError } from '../../src/publish/dashboards/filter-values.js';
import { UserError, UserErrors } from '../../src/util/errors.js';
import { REPO_ROOT } from '../helpers/cli.js';

function errorsOf(text: string): string[] {
  try {
    parseDashboard(text, 'dashboards/test.yml');
  } catch (e) {
    if (e instanceof UserErrors) return e.errors.map((x) => x.format());
    if (e instanceof UserError) return [e.format()];
    throw e;
  }
  assert.fail('expected errors');
}

const VALID = `title: Sales
filters:
  - name: period
    type: date_range
    default: { start: '2024-01-01', end: '2024-01-31' }
  - name: region
    type: select
    options: [north, south]
pages:
  - name: main
    tiles:
      - name: revenue
        type: kpi
        compare: previous_period
        sql: select sum(x) from t where d between :period_start and :period_end and (:region is null or r = :region)
      - name: by_day
        type: line
        x: d
        y: [a, b]
        link: { page: detail, params: { day: d } }
        sql: select d, a, b from t
  - name: detail
    params: [day]
    tiles:
      - name: rows
        type: table
        sql: select * from t where d = :day
`;

describe('dashboard files', () => {
  test('a valid file loads with its pages, tiles and id', () => {
    const d = parseDashboard(VALID, 'dashboards/sales.yml');
    assert.equal(d.id, 'sales');
    assert.deepEqual(d.pages.map((p) => p.tiles.map((t) => t.name)), [['revenue', 'by_day'], ['rows']]);
  });

  test('an unknown key is reported at its line with a did-you-mean and the known keys', () => {
    const errors = errorsOf(VALID.replace('        compare: previous_period', '        compare: previous_period\n        fromat: percent'));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^dashboards\/test\.yml:15:9: pages\[0\]\.tiles\[0\]: unknown key 'fromat'\. Did you mean 'format'\?/);
    assert.match(errors[0]!, /Known keys here: .*format/);
  });

  test('a wrong tile type and a missing sql are both reported with positions', () => {
    const errors = errorsOf(VALID.replace('type: line', 'type: pie').replace('        sql: select * from t where d = :day\n', ''));
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.ok(errors.some((e) => /^dashboards\/test\.yml:1[78]:\d+: pages\[0\]\.tiles\[1\].*type/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /^dashboards\/test\.yml:2\d:\d+: pages\[1\]\.tiles\[0\]\.sql/.test(e)), errors.join('\n'));
  });

  test('cross-checks: unknown :parameter, link to a missing page, missing link params, compare without a date filter, two statements', () => {
    const text = VALID
      .replace(':region is null', ':regoin is null')
      .replace('link: { page: detail, params: { day: d } }', 'link: { page: detial }')
      .replace('select * from t where d = :day', 'select 1; drop table t');
    const errors = errorsOf(text);
    assert.ok(errors.some((e) => /:15:\d+: tile 'revenue': the SQL uses :regoin.*Did you mean 'region'/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /:20:\d+: tile 'by_day': link to page 'detial'.*Did you mean 'detail'/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /tile 'rows': the SQL holds more than one statement/.test(e)), errors.join('\n'));
    const noDates = errorsOf(VALID.replace(/ {2}- name: period\n {4}type: date_range\n {4}default: \{[^}]*\}\n/, '').replace(/ between :period_start and :period_end/, ' is not null'));
    assert.ok(noDates.some((e) => /compare: previous_period needs a date_range filter/.test(e)), noDates.join('\n'));
    const missingParam = errorsOf(VALID.replace('params: { day: d }', 'params: {}'));
    assert.ok(missingParam.some((e) => /does not give its parameter day/.test(e) && /params: \{ day: <column> \}/.test(e)), missingParam.join('\n'));
  });

  test('YAML syntax errors and bad file names point at the file', () => {
    assert.match(errorsOf('title: [unclosed\n')[0]!, /^dashboards\/test\.yml:\d+:\d+: invalid YAML/);
    assert.throws(() => parseDashboard(VALID, 'dashboards/Bad Name.yml'), /not usable in a URL/);
  });

  test('the email_mart example dashboards are valid', () => {
    const ds = loadDashboards(join(REPO_ROOT, 'examples', 'email_mart'));
    assert.deepEqual(ds.map((d) => d.title), ['Audience & Membership Quality', 'Campaign Performance & Engagement', 'Executive Email Performance']);
  });
});

describe(':name parameters', () => {
  test('become $n, the same name reusing its number; values are never in the SQL', () => {
    const b = bindNamed("select * from t where a = :x and b = :y and c = :x and s = 'it''s :x' and d::date = :y -- :x\n/* :x */", { x: "1' or '1'='1", y: '2024-01-01' });
    assert.equal(b.sql, "select * from t where a = $1 and b = $2 and c = $1 and s = 'it''s :x' and d::date = $2 -- :x\n/* :x */");
    assert.deepEqual(b.params, ["1' or '1'='1", '2024-01-01']);
  });

  test('quoted identifiers, dollar quotes and casts are left alone; unknown names throw', () => {
    assert.deepEqual(findPlaceholders('select ":a", $$ :b $$, x::int, :c'), [{ name: 'c', offset: 31 }]);
    assert.throws(() => bindNamed('select :nope', { x: 1 }), /unknown parameter :nope \(known: :x\)/);
  });

  test('a second statement is found outside strings and comments only', () => {
    assert.equal(hasSecondStatement('select 1;'), false);
    assert.equal(hasSecondStatement("select ';drop'; -- done"), false);
    assert.equal(hasSecondStatement('select 1; delete from t'), true);
  });
});

describe('filter values', () => {
  const d = parseDashboard(VALID, 'dashboards/sales.yml');
  test('defaults: fixed ranges, last N days before an end date, select defaults', () => {
    assert.deepEqual(filterDefaults(d.filters, new Date('2025-06-30T12:00:00Z')), { period_start: '2024-01-01', period_end: '2024-01-31', region: null });
    const rolling = parseDashboard(VALID.replace("default: { start: '2024-01-01', end: '2024-01-31' }", 'default: { last_days: 7 }'), 'dashboards/x.yml');
    assert.deepEqual(filterDefaults(rolling.filters, new Date('2025-06-30T12:00:00Z')), { period_start: '2025-06-24', period_end: '2025-06-30', region: null });
    assert.deepEqual(filterDefaults(rolling.filters, new Date('2025-06-30T12:00:00Z'), { period: '2025-03-10' }), { period_start: '2025-03-04', period_end: '2025-03-10', region: null });
  });

  test('the previous period has the same length and ends the day before', () => {
    assert.deepEqual(previousPeriod('2024-03-01', '2024-03-31'), { start: '2024-01-30', end: '2024-02-29' });
    assert.deepEqual(previousPeriod('2024-01-08', '2024-01-08'), { start: '2024-01-07', end: '2024-01-07' });
  });

  test('request values: query over defaults, "all" is null, bad dates and missing page params are refused', () => {
    const main = d.pages[0]!;
    const defaults = filterDefaults(d.filters, new Date());
    assert.deepEqual(requestValues(d.filters, main, new URLSearchParams('region=north&period_end=2024-01-15'), defaults), { period_start: '2024-01-01', period_end: '2024-01-15', region: 'north' });
    assert.equal(requestValues(d.filters, main, new URLSearchParams('region='), defaults).region, null);
    assert.throws(() => requestValues(d.filters, main, new URLSearchParams('period_start=2024-13-45'), defaults), ParameterError);
    assert.throws(() => requestValues(d.filters, main, new URLSearchParams('period_start=2024-02-01'), defaults), /after the end/);
    assert.throws(() => requestValues(d.filters, d.pages[1]!, new URLSearchParams(), defaults), /needs the parameter day/);
  });
});
