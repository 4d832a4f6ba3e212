// not_null and unique tests are captured without a parse-time render after the first of their kind
// (src/parse/builtin-test-capture.ts): each must still record its own ref or source and the macros a
// render records, and a project override of the test's macros must make every test render.
// depends_on.macros is dbt's: the macros the test's own SQL calls; what those call (dispatch included)
// is in the macros' own depends_on.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { martflow } from '../helpers/cli.js';

const SCHEMA = `version: 2
sources:
  - name: raw
    tables:
      - name: events
        columns:
          - name: id
            data_tests: [not_null, unique]
models:
  - name: a
    columns:
      - name: id
        data_tests: [not_null, unique, {not_null: {name: not_null_a_positive_id, config: {where: "id > 0"}}}]
  - name: b
    columns:
      - name: id
        data_tests: [not_null, unique]
`;

type Node = { depends_on: { macros: string[]; nodes: string[] }; refs: { name: string }[]; sources: string[][] };

function parseProject(extraFiles: Record<string, string> = {}): { nodes: Record<string, Node>; macros: Record<string, { depends_on: { macros: string[] } }>; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'martflow-builtin-tests-'));
  const files: Record<string, string> = {
    'dbt_project.yml': 'name: bt\nprofile: bt\n',
    'profiles.yml': 'bt:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ":memory:"\n',
    'models/a.sql': 'select 1 as id\n',
    'models/b.sql': "select id from {{ ref('a') }}\n",
    'models/schema.yml': SCHEMA,
    ...extraFiles,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const r = martflow(['parse'], { cwd: dir });
  assert.equal(r.code, 0, r.output);
  const manifest = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')) as { nodes: Record<string, Node>; macros: Record<string, { depends_on: { macros: string[] } }> };
  const byName: Record<string, Node> = {};
  for (const [id, n] of Object.entries(manifest.nodes)) if (id.startsWith('test.')) byName[id.split('.')[2]!] = n;
  return { nodes: byName, macros: manifest.macros, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const NOT_NULL_MACROS = ['macro.dbt.get_where_subquery', 'macro.dbt.test_not_null'];

describe('not_null and unique tests captured without rendering', () => {
  const projects: { remove: () => void }[] = [];
  after(() => projects.forEach((p) => p.remove()));

  test('every test keeps its own ref or source and the macros its render records', () => {
    const p = parseProject();
    projects.push(p);
    const { nodes } = p;
    for (const name of ['not_null_a_id', 'not_null_b_id', 'not_null_a_positive_id']) assert.deepEqual(nodes[name]!.depends_on.macros, NOT_NULL_MACROS, name);
    assert.deepEqual(nodes.source_not_null_raw_events_id!.depends_on.macros, NOT_NULL_MACROS);
    assert.deepEqual(nodes.unique_b_id!.depends_on.macros, nodes.unique_a_id!.depends_on.macros);
    assert.deepEqual(nodes.unique_a_id!.depends_on.macros, ['macro.dbt.get_where_subquery', 'macro.dbt.test_unique']);
    assert.deepEqual(p.macros['macro.dbt.test_not_null']!.depends_on.macros, ['macro.dbt.default__test_not_null']);
    assert.deepEqual(nodes.not_null_b_id!.depends_on.nodes, ['model.bt.b']);
    assert.deepEqual(nodes.not_null_b_id!.refs.map((r) => r.name), ['b']);
    assert.deepEqual(nodes.unique_a_id!.depends_on.nodes, ['model.bt.a']);
    assert.deepEqual(nodes.source_unique_raw_events_id!.depends_on.nodes, ['source.bt.raw.events']);
    assert.deepEqual(nodes.source_unique_raw_events_id!.sources, [['raw', 'events']]);
    assert.deepEqual(nodes.source_unique_raw_events_id!.refs, []);
  });

  test("a project's own implementation of not_null makes every not_null test render", () => {
    // It refs model a only when testing model b: a test that reused another's capture would miss it.
    const nn = "{% macro default__test_not_null(model, column_name) %}{% if model.identifier == 'b' %}{% set x = ref('a') %}{% endif %}select 1 from {{ model }}{% endmacro %}\n";
    const p = parseProject({ 'macros/nn.sql': nn });
    projects.push(p);
    for (const name of ['not_null_a_id', 'not_null_b_id', 'source_not_null_raw_events_id']) assert.deepEqual(p.nodes[name]!.depends_on.macros, NOT_NULL_MACROS, name);
    // The override is what test_not_null dispatches to: state:modified.macros finds it through there.
    assert.deepEqual(p.macros['macro.dbt.test_not_null']!.depends_on.macros, ['macro.bt.default__test_not_null']);
    assert.deepEqual(p.nodes.not_null_b_id!.depends_on.nodes, ['model.bt.b', 'model.bt.a']);
    assert.deepEqual(p.nodes.not_null_a_id!.depends_on.nodes, ['model.bt.a']);
  });
});
