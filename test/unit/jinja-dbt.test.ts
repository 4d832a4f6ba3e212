// dbt's additions to Jinja: return(), materialization/test/docs/snapshot blocks, async context
// functions (run_query), bound macros, and the Python calling convention for context functions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JinjaEnvironment, bindArgs, isUndefined, pyfunction, PY_CALLABLE } from '../../src/jinja/index.js';

const env = new JinjaEnvironment();
const render = (src: string, ctx: Record<string, unknown> = {}): Promise<string> => env.renderString(src, ctx, 'models/m.sql');

describe('return()', () => {
  const cases: [string, string][] = [
    ['{% macro m() %}{{ return([1, 2]) }}{% endmacro %}{{ m() | length }}', '2'],
    ['{% macro m() %}{% do return(41) %}{% endmacro %}{{ m() + 1 }}', '42'],
    ['{% macro m() %}before{{ return("x") }}after{% endmacro %}[{{ m() }}]', '[x]'],
    ['{% macro m() %}{% for i in range(9) %}{% if i == 3 %}{{ return(i) }}{% endif %}{% endfor %}no{% endmacro %}{{ m() }}', '3'],
    ['{% macro m() %}{{ return({"a": none}) }}{% endmacro %}{{ m().a is none }}', 'True'],
    ['{% macro inner() %}{{ return("in") }}{% endmacro %}{% macro outer() %}{{ inner() }}-out{% endmacro %}{{ outer() }}', 'in-out'],
    ['{% macro m() %}{{ return(none) }}{% endmacro %}{{ m() is none }}', 'True'],
    ['{% macro m(x) %}{% if x %}{{ return("yes") }}{% endif %}{{ return("no") }}{% endmacro %}{{ m(1) }}{{ m(0) }}', 'yesno'],
  ];
  for (const [src, expected] of cases) test(src, async () => assert.equal(await render(src), expected));
});

describe('dbt blocks', () => {
  const cases: [string, string][] = [
    ["{% materialization table, adapter='duckdb' %}T{% endmaterialization %}{{ materialization_table_duckdb() }}", 'T'],
    ['{% materialization view, default %}V{% endmaterialization %}{{ materialization_view_default() }}', 'V'],
    ["{% materialization incremental, adapter='postgres', supported_languages=['sql'] %}I{% endmaterialization %}{{ materialization_incremental_postgres() }}", 'I'],
    ['{% test not_null(model, column_name) %}select {{ column_name }} from {{ model }} where {{ column_name }} is null{% endtest %}{{ test_not_null("t", column_name="c") }}', 'select c from t where c is null'],
    ['a{% docs my_doc %}Some **markdown** {{ x }}{% enddocs %}b', 'ab'],
    ["{% snapshot s %}{{ config(strategy='check') }}select 1{% endsnapshot %}", 'select 1'],
  ];
  for (const [src, expected] of cases) test(src, async () => assert.equal(await render(src, { config: pyfunction(() => '') }), expected));

  test('block macros are listed as macros', () => {
    const t = env.compile("{% materialization table, adapter='duckdb' %}{% endmaterialization %}\n{% test unique(model, column_name='id') %}{% endtest %}", 'macros/m.sql');
    assert.deepEqual(
      t.macros.map((m) => [m.name, m.line, m.params]),
      [
        ['materialization_table_duckdb', 1, []],
        ['test_unique', 2, [{ name: 'model', defaultSource: undefined }, { name: 'column_name', defaultSource: "'id'" }]],
      ],
    );
  });
});

describe('async context functions', () => {
  test('a plain async function is awaited', async () => {
    const run_query = async (sql: string) => [{ n: sql.length }];
    assert.equal(await render('{% set r = run_query("select 1") %}{{ r[0].n }}', { run_query }), '8');
  });
  test('an async pyfunction receives kwargs', async () => {
    const f = pyfunction(async (args, kwargs) => `${String(args[0])}:${String(kwargs.k)}`);
    assert.equal(await render('{{ f(1, k=2) }}', { f }), '1:2');
  });
  test('calls run in template order', async () => {
    const log: string[] = [];
    const q = async (s: string) => {
      await new Promise((r) => setTimeout(r, s === 'a' ? 5 : 0));
      log.push(s);
      return s;
    };
    assert.equal(await render("{{ q('a') }}{% for x in ['b', 'c'] %}{{ q(x) }}{% endfor %}", { q }), 'abc');
    assert.deepEqual(log, ['a', 'b', 'c']);
  });
  test('async calls inside macros, filters and conditions', async () => {
    const q = async (s: string) => s.toUpperCase();
    const src = "{% macro m(x) %}{{ q(x) | lower }}{% endmacro %}{% if q('a') == 'A' %}{{ m('Hi') }}{% endif %}";
    assert.equal(await render(src, { q }), 'hi');
  });
  test('methods of context objects keep this', async () => {
    class Adapter {
      prefix = 'p_';
      quote(s: string): string {
        return `"${this.prefix}${s}"`;
      }
      async exec(s: string): Promise<string> {
        return this.quote(s);
      }
    }
    assert.equal(await render("{{ adapter.quote('a') }} {{ adapter.exec('b') }}", { adapter: new Adapter() }), '"p_a" "p_b"');
  });
});

describe('macros bound to a context', () => {
  const lib = env.compile("{% macro greet(who='you') %}{{ prefix }} {{ who }}{{ helper() }}{% endmacro %}\n{% macro helper() %}!{% endmacro %}\n{% set ignored = 1 %}", 'macros/lib.sql');

  test('bindMacros returns callables resolving free names in the given context', async () => {
    const macros = lib.bindMacros({ prefix: 'Hello' });
    assert.deepEqual(Object.keys(macros), ['greet', 'helper']);
    assert.equal(macros.greet[PY_CALLABLE], true);
    assert.equal(await macros.greet([], {}), 'Hello you!');
    assert.equal(await macros.greet([], { who: 'Ann' }), 'Hello Ann!');
  });

  test('bound macros can be placed in another render context', async () => {
    const ctx: Record<string, unknown> = { prefix: 'Hi' };
    Object.assign(ctx, lib.bindMacros(ctx));
    assert.equal(await render("{{ greet('Bob') }}", ctx), 'Hi Bob!');
  });

  test('macro info carries params with defaults and the macro source', () => {
    const [greet] = lib.macros;
    assert.equal(greet.name, 'greet');
    assert.deepEqual(greet.params, [{ name: 'who', defaultSource: "'you'" }]);
    assert.equal(greet.source, "{% macro greet(who='you') %}{{ prefix }} {{ who }}{{ helper() }}{% endmacro %}");
    assert.equal(lib.macros[1].line, 2);
  });
});

describe('calling convention', () => {
  test('plain JS functions get positional args', async () => {
    assert.equal(await render('{{ f(1, "a") }}', { f: (a: number, b: string) => `${a}${b}` }), '1a');
  });
  test('keyword args to a plain JS function are an error', async () => {
    await assert.rejects(render('{{ f(a=1) }}', { f: (x: unknown) => x }), /does not take keyword arguments/);
  });
  test('bindArgs binds Python arguments', () => {
    assert.deepEqual(bindArgs(['name', 'default'], ['x'], { default: 1 }, 'var'), { name: 'x', default: 1 });
    assert.throws(() => bindArgs(['name'], ['x', 'y'], {}, 'var'), /var\(\) takes at most 1 argument/);
    assert.throws(() => bindArgs(['name'], [], { nme: 1 }, 'var'), /unexpected keyword argument 'nme'/);
    assert.throws(() => bindArgs(['name'], ['x'], { name: 1 }, 'var'), /multiple values/);
  });
  test('undefined from JS is None', async () => {
    assert.equal(await render('{{ f() }} {{ f() is none }}', { f: () => undefined }), 'None True');
  });
  test('a macro passed to JS code is callable with (args, kwargs)', async () => {
    let captured: unknown;
    const take = pyfunction((args) => {
      captured = args[0];
      return '';
    });
    await render('{% macro m(x) %}<{{ x }}>{% endmacro %}{{ take(m) }}', { take });
    assert.equal(await (captured as (a: unknown[], k: object) => Promise<string>)(['v'], {}), '<v>');
  });
});

describe('environment', () => {
  test('globals sit beneath the render context', async () => {
    const e = new JinjaEnvironment({ globals: { g: 'global', x: 'from-globals' } });
    assert.equal(await e.renderString('{{ g }} {{ x }}', { x: 'from-context' }), 'global from-context');
  });
  test('identical text compiles once', () => {
    const e = new JinjaEnvironment();
    e.compile('select {{ 1 }}', 'a.sql');
    const b = e.compile('select {{ 1 }}', 'b.sql');
    e.compile('select {{ 2 }}', 'c.sql');
    assert.equal(e.cacheSize, 2);
    assert.equal(b.path, 'b.sql');
  });
  test('lenientUndefined: attributes and calls of Undefined stay Undefined', async () => {
    const e = new JinjaEnvironment({ lenientUndefined: true });
    assert.equal(await e.renderString('[{{ missing.attr.deeper }}][{{ missing() }}][{{ missing["k"].x() }}]', {}), '[][][]');
    await assert.rejects(env.renderString('{{ missing.attr }}', {}), /'missing' is undefined/);
  });
  test('isUndefined recognises Undefined passed to JS', async () => {
    let seen: unknown = 'unset';
    await render('{{ f(nope) }}', { f: (v: unknown) => ((seen = isUndefined(v)), '') });
    assert.equal(seen, true);
  });
  test('context keys named like Object.prototype members resolve as variables', async () => {
    assert.equal(await render('[{{ constructor }}][{{ toString }}]'), '[][]');
    assert.equal(await render('{{ constructor }}', { constructor: 'c' }), 'c');
  });
});

describe('Python operator protocol on context objects', () => {
  class Days {
    constructor(readonly n: number) {}
    __add__(o: unknown): unknown {
      return o instanceof Days ? new Days(this.n + o.n) : typeof o === 'number' ? new Days(this.n + o) : undefined;
    }
    __radd__(o: unknown): unknown {
      return typeof o === 'number' ? new Days(this.n + o) : undefined;
    }
    __sub__(o: unknown): unknown {
      return o instanceof Days ? new Days(this.n - o.n) : undefined;
    }
    __truediv__(o: unknown): unknown {
      return typeof o === 'number' ? new Days(this.n / o) : undefined;
    }
    __lt__(o: unknown): unknown {
      return o instanceof Days ? this.n < o.n : undefined;
    }
    __gt__(o: unknown): unknown {
      return o instanceof Days ? this.n > o.n : undefined;
    }
    __eq__(o: unknown): unknown {
      return o instanceof Days && this.n === o.n;
    }
    toString(): string {
      return `${this.n} days`;
    }
  }
  const cases: [string, string][] = [
    ['{{ a + b }}', '3 days'],
    ['{{ a + 5 }}', '6 days'],
    ['{{ 5 + a }}', '6 days'],
    ['{{ b - a }}', '1 days'],
    ['{{ b / 2 }}', '1 days'],
    ['{{ a < b }} {{ a > b }} {{ b >= a }}', 'True False True'],
    ['{{ a == a2 }} {{ a != b }}', 'True True'],
    ['{{ [b, a] | sort | join(",") }}', '1 days,2 days'],
    ['{{ [b, a] | max }}', '2 days'],
  ];
  const ctx = { a: new Days(1), a2: new Days(1), b: new Days(2) };
  for (const [src, expected] of cases) test(src, async () => assert.equal(await render(src, ctx), expected));
  test('an operator neither side implements is a TypeError', async () => {
    await assert.rejects(render('{{ a * a }}', ctx), /unsupported operand type\(s\) for \*: 'Days' and 'Days'/);
  });
});

describe('Python container protocol on context objects', () => {
  class Rows {
    constructor(readonly rows: string[]) {}
    __len__(): number {
      return this.rows.length;
    }
    __getitem__(k: unknown): unknown {
      return typeof k === 'number' ? this.rows[k] : `col:${String(k)}`;
    }
    __contains__(x: unknown): boolean {
      return this.rows.includes(String(x));
    }
    *[Symbol.iterator](): Iterator<string> {
      yield* this.rows;
    }
  }
  const ctx = { full: new Rows(['a', 'b']), empty: new Rows([]) };
  const cases: [string, string][] = [
    ['{{ full | length }} {{ empty | length }}', '2 0'],
    ['{% if full %}yes{% endif %}{% if not empty %}none{% endif %}', 'yesnone'],
    ["{{ full[1] }} {{ full['x'] }}", 'b col:x'],
    ["{{ 'a' in full }} {{ 'z' in full }}", 'True False'],
    ['{% for r in full %}{{ r }}{% endfor %}', 'ab'],
  ];
  for (const [src, expected] of cases) test(src, async () => assert.equal(await render(src, ctx), expected));
});

describe('recursive loops', () => {
  const tree = [{ name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }, { name: 'd' }] }, { name: 'e' }];
  test('loop(children) renders the body one level deeper (output from Python jinja2)', async () => {
    const src = '{% for n in tree recursive %}[{{ loop.depth }}:{{ n.name }}{% if n.children %}({{ loop(n.children) }}){% endif %}]{% endfor %}';
    assert.equal(await render(src, { tree }), '[1:a([2:b([3:c])][2:d])][1:e]');
  });
  test('loop.index restarts at each level and the else branch runs for empty levels', async () => {
    const src = '{% for n in tree recursive %}{{ loop.index }}{{ n.name }}<{{ loop(n.children or []) }}>{% else %}-{% endfor %}';
    assert.equal(await render(src, { tree }), '1a<1b<1c<->>2d<->>2e<->');
  });
});
