// state:modified.macros through the CLI, with dbt's depends_on.macros: a model lists the macros its own
// SQL calls; a macro lists what it calls, adapter.dispatch resolved for the target. A change to a
// macro reached only through dispatch selects the model; a change to an uncalled macro that shares a
// file with a called one does not.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { martflow } from '../helpers/cli.js';

const FILES: Record<string, string> = {
  'dbt_project.yml': 'name: sm\nprofile: sm\n',
  'profiles.yml': 'sm:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ":memory:"\n',
  'macros/money.sql':
    "{% macro cents_to_dollars(column) %}{{ return(adapter.dispatch('cents_to_dollars')(column)) }}{% endmacro %}\n" +
    '{% macro unrelated() %}1{% endmacro %}\n',
  'macros/money_impl.sql': '{% macro default__cents_to_dollars(column) %}({{ column }} / 100.0){% endmacro %}\n',
  'models/raw.sql': 'select 100 as amount\n',
  'models/orders.sql': "select {{ cents_to_dollars('amount') }} as dollars from {{ ref('raw') }}\n",
};

type Manifest = { nodes: Record<string, { depends_on: { macros: string[] } }>; macros: Record<string, { depends_on: { macros: string[] } }> };

describe('state:modified.macros', () => {
  const dir = mkdtempSync(join(tmpdir(), 'martflow-state-macros-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const modifiedByMacros = (): string[] => {
    const r = martflow(['ls', '--select', 'state:modified.macros', '--state', 'state', '--output', 'name', '--quiet'], { cwd: dir });
    assert.equal(r.code, 0, r.output);
    // Warnings print even with --quiet ("… does not match any enabled nodes" when nothing is selected).
    return r.stdout.split('\n').filter((l) => l.trim() !== '' && !l.includes('Warning:'));
  };

  test('depends_on.macros lists what the SQL calls; the macro lists what it dispatches to', () => {
    const r = martflow(['parse'], { cwd: dir });
    assert.equal(r.code, 0, r.output);
    const manifest = JSON.parse(readFileSync(join(dir, 'target', 'manifest.json'), 'utf8')) as Manifest;
    assert.deepEqual(manifest.nodes['model.sm.orders']!.depends_on.macros, ['macro.sm.cents_to_dollars']);
    assert.deepEqual(manifest.nodes['model.sm.raw']!.depends_on.macros, []);
    assert.deepEqual(manifest.macros['macro.sm.cents_to_dollars']!.depends_on.macros, ['macro.sm.default__cents_to_dollars']);
    cpSync(join(dir, 'target'), join(dir, 'state'), { recursive: true });
  });

  test('a change to the dispatched implementation selects the model that calls the dispatcher', () => {
    writeFileSync(join(dir, 'macros/money_impl.sql'), '{% macro default__cents_to_dollars(column) %}round({{ column }} / 100.0, 2){% endmacro %}\n');
    assert.deepEqual(modifiedByMacros(), ['orders']);
    writeFileSync(join(dir, 'macros/money_impl.sql'), FILES['macros/money_impl.sql']!);
    assert.deepEqual(modifiedByMacros(), []);
  });

  test('a change to an uncalled macro in the same file selects nothing', () => {
    writeFileSync(join(dir, 'macros/money.sql'), FILES['macros/money.sql']!.replace('1{% endmacro %}', '2{% endmacro %}'));
    assert.deepEqual(modifiedByMacros(), []);
  });
});
