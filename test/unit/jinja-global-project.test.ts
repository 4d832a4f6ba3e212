// Every macro file under include/ compiles, and the cross-database utils render the SQL expected
// per engine through a minimal adapter.dispatch (the real one lives in the dbt context).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JinjaEnvironment, pyfunction, type JinjaCallable } from '../../src/jinja/index.js';
import { UserError } from '../../src/util/errors.js';

const ROOT = join(import.meta.dirname, '../../include');

function sqlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) sqlFiles(p, out);
    else if (p.endsWith('.sql')) out.push(p);
  }
  return out;
}

const env = new JinjaEnvironment();
const files = sqlFiles(ROOT);

describe('include/ macro files compile', () => {
  test('there are macro files', () => assert.ok(files.length >= 10));
  for (const f of files) {
    test(relative(ROOT, f), () => {
      const t = env.compile(readFileSync(f, 'utf8'), relative(ROOT, f));
      assert.ok(t.macros.length > 0, 'defines at least one macro');
    });
  }
});

/** A context with every global-project macro, `dbt.<name>` and a dispatch preferring `<engine>__`. */
function projectContext(engine: string): Record<string, unknown> {
  const ctx: Record<string, unknown> = {};
  const macros: Record<string, JinjaCallable> = {};
  for (const f of files) Object.assign(macros, env.compile(readFileSync(f, 'utf8'), relative(ROOT, f)).bindMacros(ctx));
  const dispatch = pyfunction((args) => {
    const name = String(args[0]);
    const found = macros[`${engine}__${name}`] ?? macros[`default__${name}`];
    if (!found) throw new UserError(`no implementation of ${name}`);
    return found;
  });
  Object.assign(ctx, macros, {
    dbt: macros,
    adapter: { dispatch },
    exceptions: { raise_compiler_error: pyfunction((a) => { throw new UserError(String(a[0])); }) },
  });
  return ctx;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

// [template, duckdb, postgres]
const CASES: [string, string, string][] = [
  ["{{ dateadd('day', 1, 'created_at') }}", 'date_add(created_at, interval (1) day)', "created_at + ((interval '1 day') * (1))"],
  ["{{ datediff('a', 'b', 'day') }}", '((b)::date - (a)::date)', '((b)::date - (a)::date)'],
  ["{{ datediff('a', 'b', 'month') }}", "((date_part('year', (b)::date) - date_part('year', (a)::date)) * 12 + date_part('month', (b)::date) - date_part('month', (a)::date))", "((date_part('year', (b)::date) - date_part('year', (a)::date)) * 12 + date_part('month', (b)::date) - date_part('month', (a)::date))"],
  ["{{ date_trunc('month', 'd') }}", "date_trunc('month', d)", "date_trunc('month', d)"],
  ["{{ last_day('d', 'month') }}", "cast( date_add( date_add(date_trunc('month', d), interval (1) month) , interval (-1) day) as date)", "cast( date_trunc('month', d) + ((interval '1 month') * (1)) + ((interval '1 day') * (-1)) as date)"],
  ["{{ concat(['a', \"'-'\", 'b']) }}", "concat(a, '-', b)", "concat(a, '-', b)"],
  ["{{ hash('id') }}", 'md5(cast(id as text))', 'md5(cast(id as text))'],
  ["{{ safe_cast('x', 'int') }}", 'try_cast(x as int)', 'cast(x as int)'],
  ["{{ any_value('x') }}", 'arbitrary(x)', 'min(x)'],
  ["{{ listagg('name', \"', '\", 'order by name') }}", "string_agg(name, ', ' order by name)", "string_agg(name, ', ' order by name)"],
  ["{{ split_part('s', \"','\", 2) }}", "coalesce(string_split(s, ',')[2], '')", "split_part(s, ',', 2)"],
  ["{{ split_part('s', \"','\", -1) }}", "split_part( s, ',', length(s) - length(replace(s, ',', '')) + 2 + -1 )", "split_part( s, ',', length(s) - length(replace(s, ',', '')) + 2 + -1 )"],
  ["{{ escape_single_quotes(\"it's\") }}", "it''s", "it''s"],
  ["{{ string_literal('x') }}", "'x'", "'x'"],
  ['{{ type_string() }} {{ type_int() }} {{ type_numeric() }}', 'text integer numeric(28,6)', 'text integer numeric(28,6)'],
  ['{{ current_timestamp() }}', 'now()', 'now()'],
  ['{{ array_construct([1, 2]) }}', 'array[ 1 , 2 ]', 'array[ 1 , 2 ]'],
  ['{{ array_construct() }}', 'array[]::integer[]', 'array[]::integer[]'],
  ['{{ date(2024, 1, 5) }}', 'make_date(2024, 1, 5)', 'make_date(2024, 1, 5)'],
  ['{{ generate_series(10) }}', 'select generate_series as generated_number from generate_series(1, 10)', 'select generate_series as generated_number from generate_series(1, 10)'],
  ['{{ except() }} {{ intersect() }}', 'except intersect', 'except intersect'],
];

describe('cross-database utils render per engine', () => {
  for (const [engine, col] of [['duckdb', 1], ['postgres', 2]] as const) {
    const ctx = projectContext(engine);
    for (const c of CASES) {
      test(`${engine}: ${c[0]}`, async () => assert.equal(squash(await env.renderString(c[0], ctx)), squash(c[col])));
    }
  }

  test('default__generate_series builds a binary cross join', async () => {
    const ctx = projectContext('other');
    const sql = squash(await env.renderString('{{ generate_series(5) }}', ctx));
    assert.match(sql, /p0\.generated_number \* power\(2, 0\) \+ p1\.generated_number \* power\(2, 1\) \+ p2\.generated_number \* power\(2, 2\) \+ 1 as generated_number/);
    assert.match(sql, /from p as p0 cross join p as p1 cross join p as p2 \)/);
  });

  test('an unsupported datepart raises with the template location', async () => {
    await assert.rejects(env.renderString("{{ datediff('a', 'b', 'fortnight') }}", projectContext('duckdb')), (e: UserError) => {
      assert.match(e.message, /Unsupported datepart for macro datediff: 'fortnight'/);
      assert.equal(e.location?.file, 'global_project/macros/utils/datediff.sql');
      return true;
    });
  });
});
