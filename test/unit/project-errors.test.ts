// A project with many problems reports all of them at once, each at its exact file:line:col.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject, parseYaml, locationOf } from '../../src/project/index.js';
import { UserError, UserErrors } from '../../src/util/errors.js';
import { emptyDir, fakeRenderer, fixture, tempCopy } from './project-helpers.js';

async function errorsOf(dir: string): Promise<UserError[]> {
  try {
    await loadProject(dir, { renderYaml: fakeRenderer(), homeDir: emptyDir() });
  } catch (e) {
    if (e instanceof UserErrors) return e.errors;
    if (e instanceof UserError) return [e];
    throw e;
  }
  assert.fail('expected loadProject to fail');
}

const where = (e: UserError) => `${e.location?.file}:${e.location?.line ?? 0}:${e.location?.col ?? 0}`;

describe('a project with several errors', () => {
  test('every error is reported together with its location', async () => {
    const errors = await errorsOf(fixture('broken'));
    const got = errors.map((e) => `${where(e)} ${e.message}`).sort();
    assert.deepEqual(got, [
      "dbt_project.yml:6:5 unknown config key 'incremental_stategy' for a model. Did you mean 'incremental_strategy'?",
      "dbt_project.yml:8:7 unknown config key 'materialised' for a model. Did you mean 'materialized'?",
      'models/bad.yml:4:18 invalid YAML: Missing closing "quote',
      'models/py_model.py:0:0 Python models are not supported yet',
      "models/schema.yml:12:7 unknown config key 'unnnique_key' for a model. Did you mean 'unique_key'?",
      "models/schema.yml:13:7 invalid value 'drop' for config 'on_schema_change': expected one of 'ignore', 'fail', 'append_new_columns', 'sync_all_columns'",
      'models/schema.yml:17:13 a test entry must have exactly one key (the test name), got 2: unique, not_null',
      "models/schema.yml:19:5 model entry has no 'name:'",
      "selectors.yml:4:7 unknown selector method 'tagg'. Did you mean 'tag'?",
      'snapshots/unclosed.sql:1:1 {% snapshot open_snap %} has no matching {% endsnapshot %}',
    ]);
    assert.ok(errors.every((e) => e.hint), 'every error says how to fix it');
  });

  test('duplicates are reported with both places', async () => {
    const dir = tempCopy('jaffle');
    writeFileSync(join(dir, 'models/more.yml'), 'version: 2\nmodels:\n  - name: orders\n    description: again\n');
    const errors = await errorsOf(dir);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.message, "model properties for 'orders' is defined twice (first at models/marts/schema.yml:11:5)");
    assert.equal(where(errors[0]!), 'models/more.yml:3:5');
  });

  test('unknown property keys are warnings with did-you-mean (dbt 1.10 warns too)', async () => {
    const dir = tempCopy('jaffle');
    writeFileSync(join(dir, 'models/extra.yml'), 'version: 2\nmodels:\n  - name: customers_extra\n    descripton: typo\nmetrics:\n  - name: m\n');
    writeFileSync(join(dir, 'snapshots/plain.sql'), 'select 1\n');
    const p = await loadProject(dir, { renderYaml: fakeRenderer(), homeDir: emptyDir() });
    const msgs = p.warnings.map((w) => `${where(w as UserError)} ${w.message}`);
    assert.ok(msgs.includes("models/extra.yml:4:5 unexpected key 'descripton' in model 'customers_extra'; it is ignored. Did you mean 'description'?"), msgs.join('\n'));
    assert.ok(msgs.some((m) => m.startsWith("models/extra.yml:5:1 'metrics' is not supported by martflow yet")));
    assert.ok(msgs.some((m) => m.startsWith('snapshots/plain.sql:0:0 no {% snapshot name %}')), msgs.join('\n'));
  });
});

describe('YAML positions', () => {
  test('locationOf gives the line and column of keys and list items', () => {
    const { value } = parseYaml('a:\n  - x: 1\n    y: 2\n  - z: 3\n', 'f.yml');
    const list = (value as { a: Record<string, number>[] }).a;
    assert.deepEqual(locationOf(value, 'a'), { file: 'f.yml', line: 1, col: 1 });
    assert.deepEqual(locationOf(list, 1), { file: 'f.yml', line: 4, col: 5 });
    assert.deepEqual(locationOf(list[0], 'y'), { file: 'f.yml', line: 3, col: 5 });
  });

  test('booleans as PyYAML reads them; keys stay as written', () => {
    const { value } = parseYaml('a: yes\nb: y\nc: Off\non: 1\nd: 0.5\n', 'f.yml');
    assert.deepEqual(value, { a: true, b: 'y', c: false, on: 1, d: 0.5 });
  });

  test('anchors and merge keys resolve', () => {
    const { value } = parseYaml('base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n', 'f.yml');
    assert.deepEqual((value as Record<string, unknown>).use, { x: 1, y: 3 });
  });
});

describe('selectors.yml validation', () => {
  test('exclude outside a set, two defaults, bad depth are located errors', async () => {
    const dir = tempCopy('jaffle');
    writeFileSync(
      join(dir, 'selectors.yml'),
      [
        'selectors:',
        '  - name: a',
        '    default: true',
        '    definition:',
        '      exclude:',
        '        - tag:x',
        '  - name: b',
        '    default: true',
        '    definition:',
        '      method: tag',
        '      value: y',
        '      parents_depth: -1',
        '',
      ].join('\n'),
    );
    const got = (await errorsOf(dir)).map((e) => `${where(e)} ${e.message}`);
    assert.deepEqual(got, [
      "selectors.yml:5:7 'exclude' can only appear inside a union or intersection list",
      "selectors.yml:12:7 'parents_depth' must be a whole number",
      "selectors.yml:8:5 selectors 'a' and 'b' are both marked default: true",
    ]);
  });
});
