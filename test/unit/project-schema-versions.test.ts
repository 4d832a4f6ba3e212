// Model versions in schema YAML: columns include/exclude, version-specific columns and tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../src/project/index.js';
import { emptyDir, fakeRenderer, tempCopy } from './project-helpers.js';

test('versions inherit columns (include/exclude) and tests; tests are per version', async () => {
  const dir = tempCopy('jaffle');
  writeFileSync(join(dir, 'models/dim_v1.sql'), 'select 1 as id\n');
  writeFileSync(join(dir, 'models/dim_v2.sql'), 'select 1 as id\n');
  writeFileSync(
    join(dir, 'models/dim.yml'),
    [
      'version: 2',
      'models:',
      '  - name: dim',
      '    latest_version: 2',
      '    columns:',
      '      - name: id',
      '        data_tests: [not_null]',
      '      - name: legacy_code',
      '    versions:',
      '      - v: 1',
      '      - v: 2',
      '        columns:',
      '          - include: all',
      '            exclude: [legacy_code]',
      '          - name: amount',
      '            data_tests: [not_null]',
      '',
    ].join('\n'),
  );
  const p = await loadProject(dir, { renderYaml: fakeRenderer(), homeDir: emptyDir() });
  const dim = p.root.nodePatches.find((n) => n.name === 'dim')!;
  assert.equal(dim.latest_version, 2);
  assert.deepEqual(dim.versions.map((v) => [v.v, v.columns.map((c) => c.name)]), [[1, ['id', 'legacy_code']], [2, ['id', 'amount']]]);
  const names = p.root.tests.filter((t) => t.target.name === 'dim').map((t) => [t.name, t.target.version, t.kwargs.model]);
  assert.deepEqual(names, [
    ['not_null_dim_v1_id', 1, "{{ get_where_subquery(ref('dim', version='1')) }}"],
    ['not_null_dim_v2_id', 2, "{{ get_where_subquery(ref('dim', version='2')) }}"],
    ['not_null_dim_v2_amount', 2, "{{ get_where_subquery(ref('dim', version='2')) }}"],
  ]);
});
