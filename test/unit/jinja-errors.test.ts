// Errors name the template file, line and column, say what was expected, and keep their cause.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JinjaEnvironment, JinjaRenderError, JinjaSyntaxError, pyfunction } from '../../src/jinja/index.js';
import { UserError } from '../../src/util/errors.js';

const env = new JinjaEnvironment();

async function failure(src: string, ctx: Record<string, unknown> = {}): Promise<UserError> {
  try {
    await env.renderString(src, ctx, 'models/m.sql');
  } catch (e) {
    assert.ok(e instanceof UserError, `expected a UserError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the render to fail');
}

// [template, error class, line, col, message substring]
const SYNTAX: [string, number, number, string][] = [
  ['a\nb\n{% for x in y %}\n{{ x }}\n', 4, 8, "expected 'endfor' to close the 'for' opened at line 3"],
  ['{% if x %}', 1, 11, "expected 'endif' to close the 'if' opened at line 1"],
  ['{% macro m() %}\n', 1, 16, "expected 'endmacro'"],
  ['{% set x %}abc', 1, 15, "expected 'endset'"],
  ['{% call m() %}', 1, 15, "expected 'endcall'"],
  ['{% if x %}\n{% endfor %}', 2, 4, "unknown tag 'endfor'"],
  ['{% frobnicate %}', 1, 4, "unknown tag 'frobnicate'"],
  ['{{ x | nosuchfilter }}', 1, 8, "no filter named 'nosuchfilter'"],
  ['{{ x is nosuchtest }}', 1, 6, "no test named 'nosuchtest'"],
  ["{{ 'abc }}", 1, 4, 'unterminated string'],
  ['\n  {{ 1 + }}', 2, 10, 'unexpected end of print statement'],
  ['{{ x', 1, 1, "missing '}}'"],
  ['{% if x', 1, 1, "missing '%}'"],
  ['{# never closed', 1, 1, 'missing end of comment'],
  ['{{ f(a=1, 2) }}', 1, 11, 'positional argument follows keyword argument'],
  ['{{ [1, 2 }}', 1, 10, "unexpected '}', expected ']'"],
  ['{% for in x %}{% endfor %}', 1, 8, "expected 'in'"],
  ["{% include 'x.sql' %}", 1, 4, "'include' is not supported"],
  ['{% raw %}never ends', 1, 1, "expected 'endraw'"],
  ['{{ 1 $ 2 }}', 1, 6, "unexpected character '$'"],
  ['{% set 1 = 2 %}', 1, 8, "can't assign"],
  ['{% macro m(a=1, b) %}{% endmacro %}', 1, 18, 'non-default argument follows default argument'],
];

describe('syntax errors', () => {
  for (const [src, line, col, message] of SYNTAX) {
    test(JSON.stringify(src), async () => {
      const e = await failure(src);
      assert.ok(e instanceof JinjaSyntaxError, `expected JinjaSyntaxError, got ${e.name}: ${e.message}`);
      assert.ok(e.message.includes(message), `message ${JSON.stringify(e.message)} lacks ${JSON.stringify(message)}`);
      assert.deepEqual(e.location, { file: 'models/m.sql', line, col });
    });
  }
  test('compile throws synchronously', () => {
    assert.throws(() => env.compile('{% if %}', 'x.sql'), JinjaSyntaxError);
  });
});

const RUNTIME: [string, Record<string, unknown>, number, number, string][] = [
  ['line one\n  {{ undefined_fn() }}', {}, 2, 6, "'undefined_fn' is undefined"],
  ['{{ missing.attr }}', {}, 1, 4, "'missing' is undefined"],
  ["{{ 'a' + 1 }}", {}, 1, 8, "unsupported operand type(s) for +: 'str' and 'int'"],
  ['\n\n{{ 1 // 0 }}', {}, 3, 6, 'integer division or modulo by zero'],
  ['{{ 1 / 0 }}', {}, 1, 6, 'division by zero'],
  ['{% for x in 5 %}{% endfor %}', {}, 1, 13, "'int' object is not iterable"],
  ['{% set a, b = [1] %}', {}, 1, 1, 'not enough values to unpack'],
  ['{% macro m(a) %}{% endmacro %}\n{{ m(1, 2) }}', {}, 2, 4, "macro 'm' takes not more than 1 argument"],
  ['{% macro m(a) %}{% endmacro %}{{ m(b=1) }}', {}, 1, 34, "macro 'm' takes no keyword argument 'b'"],
  ['{% macro m() %}\n  {{ 1 < "a" }}\n{% endmacro %}\n{{ m() }}', {}, 2, 6, "'<' not supported between instances of 'int' and 'str'"],
  ['{{ x.nope() }}', { x: 1 }, 1, 4, "'int' object has no attribute 'nope'"],
  ['{{ "%d" % "x" }}', {}, 1, 9, '%d format: a real number is required'],
  ['{{ [].pop() }}', {}, 1, 4, 'pop from empty list'],
  ['{{ 3 }}{{ f() }}', { f: 5 }, 1, 11, "'int' object is not callable"],
];

describe('runtime errors', () => {
  for (const [src, ctx, line, col, message] of RUNTIME) {
    test(JSON.stringify(src), async () => {
      const e = await failure(src, ctx);
      assert.ok(e instanceof JinjaRenderError, `expected JinjaRenderError, got ${e.name}: ${e.message}`);
      assert.ok(e.message.includes(message), `message ${JSON.stringify(e.message)} lacks ${JSON.stringify(message)}`);
      assert.deepEqual(e.location, { file: 'models/m.sql', line, col });
    });
  }

  test('a UserError raised by a context function gets the call location and keeps its cause and hint', async () => {
    const raised = new UserError('Compilation Error: bad config', { hint: 'Set materialized.' });
    const raise_compiler_error = pyfunction(() => {
      throw raised;
    });
    const e = await failure('select 1\n{% if true %}\n  {{ exceptions.raise_compiler_error("x") }}\n{% endif %}', { exceptions: { raise_compiler_error } });
    assert.equal(e.message, 'Compilation Error: bad config');
    assert.equal(e.hint, 'Set materialized.');
    assert.equal(e.cause, raised);
    assert.deepEqual(e.location, { file: 'models/m.sql', line: 3, col: 6 });
  });

  test('an async rejection is located too', async () => {
    const run_query = async () => {
      throw new UserError('relation does not exist');
    };
    const e = await failure('\n{% set r = run_query("x") %}', { run_query });
    assert.deepEqual(e.location, { file: 'models/m.sql', line: 2, col: 12 });
  });

  test('a UserError that already has a location is kept as it is', async () => {
    const inner = new UserError('elsewhere', { location: { file: 'other.sql', line: 9, col: 1 } });
    const e = await failure('{{ f() }}', { f: () => { throw inner; } });
    assert.equal(e, inner);
  });

  test('a plain JS error is wrapped with the location and kept as cause', async () => {
    const boom = new TypeError('x is not a function');
    const e = await failure('\n {{ f() }}', { f: () => { throw boom; } });
    assert.equal(e.cause, boom);
    assert.deepEqual(e.location, { file: 'models/m.sql', line: 2, col: 5 });
  });

  test('an error inside a macro from another file names that file', async () => {
    const lib = env.compile('{% macro bad() %}\n\n  {{ nope() }}{% endmacro %}', 'macros/lib.sql');
    const ctx: Record<string, unknown> = {};
    Object.assign(ctx, lib.bindMacros(ctx));
    const e = await failure('{{ bad() }}', ctx);
    assert.deepEqual(e.location, { file: 'macros/lib.sql', line: 3, col: 6 });
  });

  test('format() prints file:line:col', async () => {
    const e = await failure('\n{{ nope() }}');
    assert.match(e.format(), /^models\/m\.sql:2:4: 'nope' is undefined/);
  });
});

describe('unknown filters and tests inside conditionals', () => {
  test('are only an error when reached (as jinja2 3)', async () => {
    assert.equal(await env.renderString("{% if false %}{{ x | nosuch }}{% endif %}{{ 'ok' if true else y is nosuch }}", {}), 'ok');
    await assert.rejects(env.renderString('{% if true %}\n{{ x | nosuch }}{% endif %}', {}, 'm.sql'), (e: UserError) => {
      assert.ok(e instanceof JinjaRenderError);
      assert.match(e.message, /no filter named 'nosuch'/);
      assert.deepEqual(e.location, { file: 'm.sql', line: 2, col: 8 });
      return true;
    });
  });
});

describe('cached templates keep their own path', () => {
  test('the same text under two paths reports each path', async () => {
    const e = new JinjaEnvironment();
    const a = e.compile('{{ nope() }}', 'models/a.sql');
    const b = e.compile('{{ nope() }}', 'models/b.sql');
    assert.equal(e.cacheSize, 1);
    await assert.rejects(a.render({}), (err: UserError) => err.location?.file === 'models/a.sql');
    await assert.rejects(b.render({}), (err: UserError) => err.location?.file === 'models/b.sql');
  });
});
