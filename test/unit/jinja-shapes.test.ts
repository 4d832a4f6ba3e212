// Templates of the same structure share one compiled function (their text and string constants are
// passed in, not compiled in): each must still render its own text, and errors their own location.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JinjaEnvironment, JinjaRenderError } from '../../src/jinja/index.js';

test('templates differing only in text and string constants share a function and render their own', async () => {
  const env = new JinjaEnvironment();
  const ctx = { ref: (name: string) => `"main"."${name}"` };
  const a = "select * from {{ ref('orders') }} where status = '{{ \"paid\" }}'{% for c in ['x', 'y'] %}, {{ c }}{% endfor %}";
  const b = "-- customers\nselect id from {{ ref('customers') }} where status = '{{ \"open\" }}'{% for c in ['é', '\"q\"'] %}, {{ c }}{% endfor %}";
  assert.equal(await env.renderString(a, ctx), `select * from "main"."orders" where status = 'paid', x, y`);
  assert.equal(await env.renderString(b, ctx), `-- customers\nselect id from "main"."customers" where status = 'open', é, "q"`);
  assert.equal(env.shapes.size, 1, 'one function for both');
  // A different structure (a third loop item) is a function of its own; the first still renders its own text.
  assert.equal(await env.renderString("{% for c in ['1', '2', '3'] %}{{ c }}{% endfor %}", ctx), '123');
  assert.equal(env.shapes.size, 2);
  assert.equal(await env.renderString(a, ctx), `select * from "main"."orders" where status = 'paid', x, y`);
});

test('an error in a shared function names the template it was rendering', async () => {
  const env = new JinjaEnvironment();
  const fails = (path: string) => env.renderString('\n\n{{ undefined_macro() }}', {}, path).then(
    () => assert.fail('expected an error'),
    (e: unknown) => e as JinjaRenderError,
  );
  const first = await fails('models/first.sql');
  const second = await fails('models/second.sql');
  assert.equal(env.shapes.size, 1);
  assert.deepEqual([first.location?.file, first.location?.line], ['models/first.sql', 3]);
  assert.deepEqual([second.location?.file, second.location?.line], ['models/second.sql', 3]);
});
