// manifest.json written from manifest objects section by section (src/artifacts/manifest.ts) must be
// the bytes JSON.stringify gives, without martflow's own `location` fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeManifest } from '../../src/artifacts/manifest.js';
import type { Manifest } from '../../src/project/manifest-types.js';

test('writeManifest writes what JSON.stringify gives, entry by entry, without locations', () => {
  const node = (name: string) => ({ unique_id: `model.p.${name}`, name, raw_code: `select '✓ ${name}'`, compiled_code: undefined, tags: [], location: { file: `models/${name}.sql`, line: 1 } });
  const manifest = {
    metadata: { dbt_schema_version: 'v12', generated_at: new Date(0).toISOString() },
    nodes: Object.fromEntries(['a', 'b', 'ç'].map((n) => [`model.p.${n}`, node(n)])),
    sources: {},
    macros: { 'macro.p.m': { unique_id: 'macro.p.m', name: 'm', location: { file: 'macros/m.sql', line: 2 } } },
    docs: {},
    exposures: {},
    selectors: {},
    disabled: { 'model.p.off': [{ ...node('off') }] },
    parent_map: { 'model.p.a': [], 'model.p.b': ['model.p.a'] },
    child_map: { 'model.p.a': ['model.p.b'], 'model.p.b': [] },
    semantic_models: undefined,
    unit_tests: {},
  } as unknown as Manifest;
  const want = JSON.stringify(manifest, (key, value: unknown) => (key === 'location' ? undefined : value));
  const dir = mkdtempSync(join(tmpdir(), 'martflow-manifest-'));
  try {
    assert.equal(readFileSync(writeManifest(dir, manifest), 'utf8'), want);
    // The locations stay readable by martflow after the write.
    assert.deepEqual((manifest.nodes['model.p.a'] as unknown as { location: unknown }).location, { file: 'models/a.sql', line: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
