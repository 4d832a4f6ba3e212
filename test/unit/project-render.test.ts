// Which YAML values are rendered, and how rendered text becomes a value (dbt's native rendering).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nativeValue, renderTree, type Keypath } from '../../src/project/render-yaml.js';
import { parseYaml } from '../../src/project/yaml-source.js';
import { shouldRenderSchemaKey } from '../../src/project/schema-render.js';
import { shouldRenderProjectKey } from '../../src/project/project-file.js';

describe('native values', () => {
  test('numbers, booleans, None; leading zeros stay text', () => {
    assert.equal(nativeValue('5432'), 5432);
    assert.equal(nativeValue('0.5'), 0.5);
    assert.equal(nativeValue('True'), true);
    assert.equal(nativeValue('None'), null);
    assert.equal(nativeValue('007'), '007');
    assert.equal(nativeValue('main'), 'main');
  });
});

describe('SchemaYamlRenderer rules', () => {
  test('models: descriptions, tests and hooks stay raw; other values render', () => {
    assert.equal(shouldRenderSchemaKey('models', ['description']), false);
    assert.equal(shouldRenderSchemaKey('models', ['data_tests', 0, 'accepted_values', 'values', 0]), false);
    assert.equal(shouldRenderSchemaKey('models', ['columns', 0, 'description']), false);
    assert.equal(shouldRenderSchemaKey('models', ['columns', 0, 'tests', 0]), false);
    assert.equal(shouldRenderSchemaKey('models', ['config', 'pre_hook', 0]), false);
    assert.equal(shouldRenderSchemaKey('models', ['versions', 0, 'columns', 1, 'description']), false);
    assert.equal(shouldRenderSchemaKey('models', ['config', 'schema']), true);
    assert.equal(shouldRenderSchemaKey('models', ['columns', 0, 'meta', 'owner']), true);
  });

  test('sources: table descriptions and tests stay raw; schema renders', () => {
    assert.equal(shouldRenderSchemaKey('sources', ['schema']), true);
    assert.equal(shouldRenderSchemaKey('sources', ['description']), false);
    assert.equal(shouldRenderSchemaKey('sources', ['tables', 0, 'description']), false);
    assert.equal(shouldRenderSchemaKey('sources', ['tables', 0, 'columns', 1, 'data_tests', 0]), false);
    assert.equal(shouldRenderSchemaKey('sources', ['tables', 0, 'identifier']), true);
  });

  test('macros: argument descriptions stay raw', () => {
    assert.equal(shouldRenderSchemaKey('macros', ['arguments', 0, 'description']), false);
    assert.equal(shouldRenderSchemaKey('macros', ['arguments', 0, 'type']), true);
  });
});

describe('DbtProjectYamlRenderer rules', () => {
  test('vars, run hooks and config-tree hooks stay raw', () => {
    assert.equal(shouldRenderProjectKey(['vars', 'x']), false);
    assert.equal(shouldRenderProjectKey(['on-run-end', 0]), false);
    assert.equal(shouldRenderProjectKey(['models', 'pkg', '+post-hook', 0]), false);
    assert.equal(shouldRenderProjectKey(['models', 'pkg', '+schema']), true);
    assert.equal(shouldRenderProjectKey(['profile']), true);
  });
});

describe('renderTree', () => {
  test('renders only allowed Jinja strings, natively, in place, each with its own position and keypath', async () => {
    const text = ['models:', '  - name: a', '    config:', "      port: '{{ 5400 + 32 }}'", '      tags: [x, "{{ \'y\' }}"]', "    description: '{{ skipped }}'", '  - name: b', ''].join('\n');
    const parsed = parseYaml(text, 'models/schema.yml');
    const rendered: string[] = [];
    const asked: Keypath[] = [];
    const render = async (t: string, at: { file: string; line?: number; col?: number }) => {
      rendered.push(`${t} @ ${at.file}:${at.line}:${at.col}`);
      return t.includes('5400') ? '5432' : 'y';
    };
    const root = parsed.value as { models: Record<string, unknown>[] };
    const out = await renderTree(root, render, (kp) => (asked.push(kp), kp.includes('config')), parsed.location);
    assert.equal(out, root, 'containers are changed in place');
    assert.deepEqual(root.models[0]!.config, { port: 5432, tags: ['x', 'y'] });
    assert.equal(root.models[0]!.description, '{{ skipped }}');
    assert.deepEqual(asked, [['models', 0, 'config', 'port'], ['models', 0, 'config', 'tags', 1], ['models', 0, 'description']]);
    assert.equal(rendered.length, 2);
    assert.match(rendered[0]!, /^\{\{ 5400 \+ 32 \}\} @ models\/schema\.yml:4:\d+$/);
    assert.match(rendered[1]!, /@ models\/schema\.yml:5:\d+$/);
  });
});
