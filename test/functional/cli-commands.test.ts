// The foundation commands through the CLI: parse (manifest v12 shape, partial parsing), ls and its
// outputs, selectors, compile --inline, debug, deps, clean, JSON logs, exit codes, and user errors
// reported together with file:line:col and a did-you-mean.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, martflow, REPO_ROOT } from '../helpers/cli.js';

const FIXTURE = join(REPO_ROOT, 'test', 'functional', 'projects', 'jaffle');

describe('foundation commands on the jaffle project', () => {
  let p: { dir: string; remove: () => void };
  before(() => {
    p = copyProject(FIXTURE);
  });
  after(() => p.remove());
  const run = (...args: string[]) => martflow(args, { cwd: p.dir });

  test('parse writes a dbt v12 manifest with nodes, macros, parent and child maps', () => {
    const r = run('parse');
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /Found 6 models, 3 seeds, 1 snapshots, 11 data tests/);
    const m = JSON.parse(readFileSync(join(p.dir, 'target', 'manifest.json'), 'utf8'));
    assert.equal(m.metadata.dbt_schema_version, 'https://schemas.getdbt.com/dbt/manifest/v12.json');
    assert.equal(m.metadata.project_name, 'jaffle');
    const customers = m.nodes['model.jaffle.customers'];
    assert.equal(customers.config.materialized, 'table');
    assert.deepEqual(customers.tags, ['daily']);
    assert.deepEqual(customers.depends_on.nodes.sort(), ['model.jaffle.orders', 'model.jaffle.stg_customers']);
    assert.equal(customers.schema, 'main');
    assert.equal(customers.relation_name, '"jaffle"."main"."customers"');
    assert.ok(m.macros['macro.jaffle.cents_to_dollars']);
    assert.ok(m.macros['macro.dbt.test_not_null']);
    assert.deepEqual(m.parent_map['model.jaffle.customers'].sort(), ['model.jaffle.orders', 'model.jaffle.stg_customers']);
    assert.ok(m.child_map['model.jaffle.orders'].includes('model.jaffle.customers'));
    const snapshot = m.nodes['snapshot.jaffle.orders_snapshot'];
    assert.equal(snapshot.schema, 'snapshots');
    assert.equal(snapshot.config.strategy, 'check');
  });

  test('partial parsing renders only the edited file again', () => {
    assert.equal(run('parse').code, 0);
    const again = run('parse');
    assert.match(again.stdout, /\(0 rendered, 19 from the partial-parse cache\)/);
    writeFileSync(join(p.dir, 'models', 'staging', 'stg_customers.sql'), 'select id as customer_id, first_name, last_name from {{ ref("raw_customers") }} -- edited\n');
    const edited = run('parse');
    assert.match(edited.stdout, /\(1 rendered, 18 from the partial-parse cache\)/);
  });

  test('partial parsing renders a file again when an environment variable it read changed', () => {
    writeFileSync(join(p.dir, 'models', 'env_model.sql'), "{{ config(alias=env_var('MF_ALIAS', 'env_model')) }}\nselect 1 as id\n");
    const first = martflow(['parse'], { cwd: p.dir, env: { MF_ALIAS: 'first_alias' } });
    assert.equal(first.code, 0, first.output);
    const alias = () => JSON.parse(readFileSync(join(p.dir, 'target', 'manifest.json'), 'utf8')).nodes['model.jaffle.env_model'].alias;
    assert.equal(alias(), 'first_alias');
    const same = martflow(['parse'], { cwd: p.dir, env: { MF_ALIAS: 'first_alias' } });
    assert.match(same.stdout, /\(0 rendered/);
    const changed = martflow(['parse'], { cwd: p.dir, env: { MF_ALIAS: 'second_alias' } });
    assert.match(changed.stdout, /\(1 rendered/);
    assert.equal(alias(), 'second_alias');
    rmSync(join(p.dir, 'models', 'env_model.sql'));
  });

  test('ls prints selectors, names, paths and JSON; graph operators and tags select', () => {
    assert.deepEqual(run('ls', '-s', 'customers', '--output', 'name', '--resource-type', 'model').stdout.trim().split('\n'), ['customers']);
    const upstream = run('ls', '-s', '+customers', '--resource-type', 'model', '--output', 'name').stdout.trim().split('\n').sort();
    assert.deepEqual(upstream, ['customers', 'orders', 'stg_customers', 'stg_orders', 'stg_payments']);
    assert.deepEqual(run('ls', '-s', 'tag:daily', '--resource-type', 'model').stdout.trim().split('\n').sort(), ['jaffle.marts.customers', 'jaffle.marts.order_events', 'jaffle.marts.orders']);
    assert.deepEqual(run('ls', '-s', 'stg_orders', '--resource-type', 'model', '--output', 'path').stdout.trim(), 'models/staging/stg_orders.sql');
    const json = run('ls', '-s', 'orders', '--resource-type', 'model', '--output', 'json').stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(json[0].unique_id, 'model.jaffle.orders');
    assert.equal(json[0].resource_type, 'model');
    const intersection = run('ls', '-s', 'tag:daily,config.materialized:incremental', '--output', 'name').stdout.trim();
    assert.equal(intersection, 'order_events');
    const excluded = run('ls', '-s', 'path:models/marts', '--exclude', 'customers', '--resource-type', 'model', '--output', 'name').stdout.trim().split('\n').sort();
    assert.deepEqual(excluded, ['order_events', 'orders']);
    const selector = run('ls', '--selector', 'marts_only', '--resource-type', 'model', '--output', 'name').stdout.trim().split('\n').sort();
    assert.deepEqual(selector, ['customers', 'order_events', 'orders']);
    const tests = run('ls', '-s', 'test_type:singular', '--output', 'name').stdout.trim();
    assert.equal(tests, 'assert_positive_amounts');
  });

  test('compile --inline resolves ref, macros and loops; compile writes target/compiled', () => {
    const r = run('compile', '--inline', "select {{ cents_to_dollars('x') }} from {{ ref('customers') }}{% for i in range(2) %} union all select {{ i }}{% endfor %}");
    assert.equal(r.code, 0, r.output);
    assert.equal(r.stdout.trim(), 'select round((x / 100.0), 2) from "jaffle"."main"."customers" union all select 0 union all select 1');
    const all = run('compile');
    assert.equal(all.code, 0, all.output);
    const compiled = readFileSync(join(p.dir, 'target', 'compiled', 'jaffle', 'models', 'staging', 'stg_orders.sql'), 'utf8');
    assert.match(compiled, /from "jaffle"\."main"\."raw_orders"/);
  });

  test('debug checks the connection; --log-format json prints one JSON object per line', () => {
    const r = run('debug');
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /Connection test: OK/);
    const j = run('parse', '--log-format', 'json');
    const lines = j.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(lines.every((l) => typeof l.ts === 'string' && typeof l.level === 'string' && typeof l.msg === 'string'));
    assert.ok(existsSync(join(p.dir, 'logs', 'martflow.log')));
  });

  test('versioned models: ref() picks the latest version, v= picks another; aliases carry the version', () => {
    writeFileSync(join(p.dir, 'models', 'dim_customer_v1.sql'), 'select 1 as id\n');
    writeFileSync(join(p.dir, 'models', 'dim_customer_v2.sql'), 'select 1 as id, 2 as tier\n');
    writeFileSync(join(p.dir, 'models', 'versions.yml'), 'version: 2\nmodels:\n  - name: dim_customer\n    latest_version: 1\n    versions:\n      - v: 1\n      - v: 2\n');
    const r = run('compile', '--inline', "select * from {{ ref('dim_customer') }} join {{ ref('dim_customer', v=2) }} using (id)");
    assert.equal(r.code, 0, r.output);
    assert.equal(r.stdout.trim(), 'select * from "jaffle"."main"."dim_customer_v1" join "jaffle"."main"."dim_customer_v2" using (id)');
    const ls = run('ls', '-s', 'dim_customer', '--output', 'json').stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(ls.map((n) => n.unique_id).sort(), ['model.jaffle.dim_customer.v1', 'model.jaffle.dim_customer.v2']);
    assert.equal(run('ls', '-s', 'version:latest', '--output', 'name').stdout.trim(), 'dim_customer.v1');
  });

  test('clean deletes the clean-targets', () => {
    assert.ok(existsSync(join(p.dir, 'target')));
    const r = run('clean');
    assert.equal(r.code, 0, r.output);
    assert.ok(!existsSync(join(p.dir, 'target')));
  });
});

describe('user errors', () => {
  let p: { dir: string; remove: () => void };
  before(() => {
    p = copyProject(FIXTURE);
  });
  after(() => p.remove());

  test('parse reports every bad file together, each with its location and a fix', () => {
    writeFileSync(join(p.dir, 'models', 'bad_ref.sql'), "select * from {{ ref('custmers') }}\n");
    writeFileSync(join(p.dir, 'models', 'bad_config.sql'), "{{ config(unnnique_key='id') }}\nselect 1 as id\n");
    writeFileSync(join(p.dir, 'models', 'bad_jinja.sql'), 'select 1\n{% if true %}\n, 2\n');
    const r = martflow(['parse'], { cwd: p.dir });
    assert.equal(r.code, 1, r.output);
    assert.match(r.output, /models\/bad_ref\.sql:1: model\.jaffle\.bad_ref depends on a node named 'custmers' which was not found/);
    assert.match(r.output, /Did you mean ref\('customers'\)\?/);
    assert.match(r.output, /models\/bad_config\.sql:1: unknown config key 'unnnique_key'.*Did you mean 'unique_key'\?/);
    assert.match(r.output, /models\/bad_jinja\.sql:\d+:\d+: unexpected end of template, expected 'endif'/);
    assert.doesNotMatch(r.output, /internal error|at .*\.js:\d+/);
  });

  test('a misspelt config key in schema YAML names the file, line and column', () => {
    mkdirSync(join(p.dir, 'models', 'extra'), { recursive: true });
    writeFileSync(join(p.dir, 'models', 'bad_ref.sql'), 'select 1 as id\n');
    writeFileSync(join(p.dir, 'models', 'bad_config.sql'), 'select 1 as id\n');
    writeFileSync(join(p.dir, 'models', 'bad_jinja.sql'), 'select 1 as id\n');
    writeFileSync(join(p.dir, 'models', 'extra', 'schema.yml'), 'version: 2\nmodels:\n  - name: orders\n    config:\n      incremental_stategy: merge\n');
    const r = martflow(['parse'], { cwd: p.dir });
    assert.equal(r.code, 1, r.output);
    assert.match(r.output, /models\/extra\/schema\.yml:5:7: unknown config key 'incremental_stategy'.*Did you mean 'incremental_strategy'\?/);
  });

  test('a bad flag or missing project is exit 1 with a message, not a stack trace', () => {
    const r = martflow(['ls', '--project-dir', join(p.dir, 'nope')], { cwd: p.dir });
    assert.equal(r.code, 1);
    assert.match(r.output, /no dbt_project\.yml found/);
    const bad = martflow(['ls', '--log-format', 'xml'], { cwd: p.dir });
    assert.equal(bad.code, 1);
    assert.match(bad.output, /--log-format must be 'text' or 'json'/);
  });
});
