// Config precedence and merge behaviour, as dbt's ContextConfig: defaults < dbt_project.yml tree
// (outer folders first) < schema YAML config < in-file config() (< root project for packages);
// tags/hooks append, meta/docs update, grants clobber per privilege unless written '+select'.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConfigResolver, installPackages, loadProject, mergeConfig, resolveNodeConfig, varsFor } from '../../src/project/index.js';
import type { LoadedProject } from '../../src/project/index.js';
import { UserError, UserErrors } from '../../src/util/errors.js';
import { emptyDir, fakeRenderer, fixture, tempCopy } from './project-helpers.js';

const at = { file: 'models/x.sql', line: 1, col: 1 };
const hook = (sql: string) => ({ sql, transaction: true, index: null });

describe('config merge behaviour', () => {
  test('append, update, dictKeyAppend, clobber', () => {
    const base = { tags: ['a'], meta: { x: 1, y: 1 }, grants: { select: ['r1'], insert: ['w'] }, materialized: 'view' };
    const out = mergeConfig(base, { tags: ['b'], meta: { y: 2 }, grants: { '+select': ['r2'], insert: ['w2'] }, materialized: 'table' });
    assert.deepEqual(out, { tags: ['a', 'b'], meta: { x: 1, y: 2 }, grants: { select: ['r1', 'r2'], insert: ['w2'] }, materialized: 'table' });
  });
});

describe('resolveNodeConfig on nested folder configs', () => {
  let p: LoadedProject;
  before(async () => {
    p = await loadProject(fixture('nested'), { renderYaml: fakeRenderer(), homeDir: emptyDir() });
  });

  test('deeper folders override; tags, hooks append; meta updates; +grants extend', () => {
    const c = resolveNodeConfig(p, 'model', 'nested', ['nested', 'marketing', 'email', 'sends'], {}, at);
    assert.equal(c.materialized, 'incremental');
    assert.equal(c.schema, 'email');
    assert.deepEqual(c.tags, ['all', 'marketing']);
    assert.deepEqual(c.meta, { team: 'email', domain: 'marketing' });
    assert.deepEqual(c.grants, { select: ['reporter', 'marketer'] });
    assert.deepEqual(c['pre-hook'], [hook("select 'project'")]);
    assert.deepEqual(c['post-hook'], [hook('grant select on {{ this }} to crm')]);
    assert.equal(c.enabled, true);
    assert.equal(c.on_schema_change, 'ignore', 'defaults stay');
  });

  test('schema YAML config beats the project tree; in-file config() beats both', () => {
    const patch = p.root.nodePatches.find((n) => n.name === 'opens')!;
    const resolve = createConfigResolver(p);
    const c = resolve('model', 'nested', ['nested', 'marketing', 'email', 'opens'], { schemaYaml: patch.config, inFile: { materialized: 'ephemeral', tags: 'infile' } }, at);
    assert.equal(c.materialized, 'ephemeral');
    assert.deepEqual(c.tags, ['all', 'marketing', 'yaml', 'infile']);
    assert.deepEqual(c.meta, { team: 'yaml', domain: 'marketing', tier: 1 });
    assert.deepEqual(c['post-hook'], [hook('grant select on {{ this }} to crm'), hook("select 'yaml'")]);
    const noFile = resolve('model', 'nested', ['nested', 'marketing', 'email', 'opens'], { schemaYaml: patch.config }, at);
    assert.equal(noFile.materialized, 'table');
  });

  test('grants without + replace; enabled: false; docs update', () => {
    const ads = resolveNodeConfig(p, 'model', 'nested', ['nested', 'marketing', 'ads', 'ad_spend'], {}, at);
    assert.equal(ads.enabled, false);
    assert.deepEqual(ads.grants, { select: ['ads_only'] });
    const dim = resolveNodeConfig(p, 'model', 'nested', ['nested', 'core', 'dim'], {}, at);
    assert.deepEqual(dim.docs, { show: true, node_color: '#ff0000' });
    assert.equal(dim.materialized, 'view');
  });

  test('tests use the data_tests tree and dbt defaults', () => {
    const [t] = p.root.tests;
    const c = resolveNodeConfig(p, 'test', 'nested', t!.fqn, { schemaYaml: t!.config }, t!.location);
    assert.deepEqual(t!.fqn, ['nested', 'marketing', 'email', 'unique_opens_id']);
    assert.equal(c.severity, 'WARN');
    assert.equal(c.store_failures, true);
    assert.equal(c.store_failures_as, 'table');
    assert.equal(c.schema, 'dbt_test__audit');
    assert.equal(c.fail_calc, 'count(*)');
  });

  test('unknown keys and bad values are user errors with location and did-you-mean', () => {
    assert.throws(
      () => resolveNodeConfig(p, 'model', 'nested', ['nested', 'core', 'dim'], { inFile: { unnnique_key: 'id' } }, at),
      (e: unknown) => e instanceof UserError && e.message === "unknown config key 'unnnique_key' for a model. Did you mean 'unique_key'?" && e.location === at,
    );
    assert.throws(
      () => resolveNodeConfig(p, 'model', 'nested', ['nested', 'core', 'dim'], { inFile: { incremental_stategy: 'merge', on_schema_change: 'drop' } }, at),
      (e: unknown) =>
        e instanceof UserErrors &&
        e.errors.length === 2 &&
        /Did you mean 'incremental_strategy'\?/.test(e.errors[0]!.message) &&
        /on_schema_change.*'ignore', 'fail', 'append_new_columns', 'sync_all_columns'/.test(e.errors[1]!.message),
    );
    assert.throws(() => resolveNodeConfig(p, 'model', 'nested', ['nested', 'core', 'dim'], { inFile: { materialized: 5 } }, at), /invalid value 5 for config 'materialized'/);
  });

  test('no profiles.yml anywhere: the embedded DuckDB default, with a note', () => {
    assert.equal(p.target.profilesPath, null);
    assert.equal(p.target.output.type, 'duckdb');
    assert.equal(p.target.output.path, join(fixture('nested'), 'target/warehouse.duckdb'));
    assert.equal(p.target.output.schema, 'main');
    assert.match(p.target.note ?? '', /No profiles\.yml found/);
  });
});

describe('local packages', () => {
  test('not installed yet: an error telling to run deps', async () => {
    const dir = tempCopy('with-package');
    await assert.rejects(loadProject(dir, { renderYaml: fakeRenderer(), homeDir: emptyDir() }), (e: unknown) => e instanceof UserError && /not installed/.test(e.message) && /martflow deps/.test(e.hint ?? ''));
  });

  test('deps installs, the package loads as a project, root config wins over the package', async () => {
    const dir = tempCopy('with-package');
    const result = await installPackages(dir, { renderYaml: fakeRenderer() });
    assert.deepEqual(result.installed.map((i) => i.name), ['my_package']);
    assert.deepEqual(result.builtin.map((b) => b.name), ['dbt_utils']);
    assert.ok(existsSync(join(dir, 'dbt_packages/my_package/models/staging/pkg_model.sql')));

    const p = await loadProject(dir, { renderYaml: fakeRenderer(), homeDir: emptyDir() });
    assert.deepEqual(p.packages.map((x) => x.name), ['app', 'my_package']);
    const pkg = p.packages[1]!;
    assert.equal(pkg.displayPrefix, 'dbt_packages/my_package/');
    assert.deepEqual(pkg.models.map((m) => m.fqn), [['my_package', 'staging', 'pkg_model']]);
    assert.deepEqual(pkg.macros.map((m) => m.path), ['macros/pkg_macro.sql']);
    assert.equal(pkg.tests[0]?.uniqueId.startsWith('test.my_package.not_null_pkg_model_id.'), true);
    assert.equal(pkg.tests[0]?.location.file, 'dbt_packages/my_package/models/staging/schema.yml');

    const c = resolveNodeConfig(p, 'model', 'my_package', ['my_package', 'staging', 'pkg_model'], { inFile: { schema: 'infile', materialized: 'view' } }, at);
    assert.equal(c.schema, 'from_root', "the root project's config is applied last for package nodes");
    assert.equal(c.materialized, 'view');
    assert.deepEqual(c.tags, ['pkg', 'root_tag']);
  });

  test('a remote package martflow cannot fetch is a clear error naming it', async () => {
    const dir = tempCopy('with-package');
    writeFileSync(join(dir, 'packages.yml'), 'packages:\n  - package: fivetran/ad_reporting\n    version: 1.0.0\n');
    await assert.rejects(
      loadProject(dir, { renderYaml: fakeRenderer(), homeDir: emptyDir() }),
      (e: unknown) => e instanceof UserError && e.message.includes("package 'fivetran/ad_reporting' cannot be installed") && e.location?.line === 2,
    );
  });
});

describe('varsFor', () => {
  test('cli > root scoped > root global > package scoped > package global', async () => {
    const dir = tempCopy('with-package');
    writeFileSync(join(dir, 'dbt_project.yml'), 'name: app\nprofile: app\nvars:\n  a: root\n  b: root\n  my_package:\n    b: root_scoped\n    c: root_scoped\n');
    writeFileSync(join(dir, 'vendor/my_package/dbt_project.yml'), 'name: my_package\nvars:\n  a: pkg\n  d: pkg\n  e: pkg\n  my_package:\n    e: pkg_scoped\n');
    await installPackages(dir, { renderYaml: fakeRenderer() });
    const p = await loadProject(dir, { renderYaml: fakeRenderer(), homeDir: emptyDir(), vars: { c: 'cli' } });
    assert.deepEqual(varsFor(p, 'my_package'), { a: 'root', b: 'root_scoped', c: 'cli', d: 'pkg', e: 'pkg_scoped' });
    assert.deepEqual(varsFor(p, 'app'), { a: 'root', b: 'root', c: 'cli' });
  });
});
