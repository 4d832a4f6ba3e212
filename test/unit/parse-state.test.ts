// The stored parse (src/parse/parse-state.ts): manifest.json assembled from stored pieces must be
// exactly JSON.stringify of the manifest, through replacements, appends, reloads and compaction —
// including runs of adjacent entries that span the loaded data and this invocation's appended bytes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParseState, STATE_DATA_FILE } from '../../src/parse/parse-state.js';
import { ENTRY_SLACK } from '../../src/parse/manifest-patch.js';
import { buildParentChildMaps } from '../../src/graph/parent-child-maps.js';
import type { Manifest, ManifestNode } from '../../src/project/manifest-types.js';

const HASH = 'h';

function node(name: string, deps: string[], extra: Record<string, unknown> = {}): ManifestNode {
  return {
    unique_id: `model.p.${name}`, resource_type: 'model', package_name: 'p', name, original_file_path: `models/${name}.sql`,
    path: `${name}.sql`, fqn: ['p', name], depends_on: { nodes: deps, macros: [] }, refs: deps.map((d) => ({ name: d.split('.').pop()! })), sources: [],
    raw_code: `select 1 -- ${name} ✓`, version: null, latest_version: null, location: { file: `models/${name}.sql`, line: 1 }, ...extra,
  } as unknown as ManifestNode;
}

function manifestOf(nodes: ManifestNode[]): Manifest {
  const m = {
    metadata: { dbt_schema_version: 'v12', project_name: 'p' }, nodes: Object.fromEntries(nodes.map((n) => [n.unique_id, n])),
    sources: {}, macros: { 'macro.p.m': { unique_id: 'macro.p.m', name: 'm', location: { file: 'macros/m.sql', line: 2 } } }, docs: {}, exposures: {},
    metrics: {}, groups: {}, selectors: {}, disabled: {}, parent_map: {}, child_map: {}, group_map: {}, saved_queries: {}, semantic_models: {}, unit_tests: {},
  } as unknown as Manifest;
  Object.assign(m, buildParentChildMaps(m));
  return m;
}

/** What JSON.stringify gives for the manifest (martflow's location fields left out). */
function expected(m: Manifest): string {
  return JSON.stringify(m, (key, value: unknown) => (key === 'location' ? undefined : value));
}

function fresh(dir: string, m: Manifest): ParseState {
  return ParseState.fromManifest(dir, m, { hash: HASH, files: new Map(), checksums: new Map(), nodeInputs: new Map(), yamlEnvVars: {}, disabledNames: [], warnings: [], overridden: [] });
}

/**
 * The JSON of a manifest.json the stored parse wrote, without the spaces it leaves after each node
 * entry to patch it in place later (checked to be only that: JSON.parse reads every other byte).
 */
function compact(fileText: string): string {
  return JSON.stringify(JSON.parse(fileText));
}

/** manifest.json as the state writes it whole (into a new folder, so there is nothing to patch). */
function text(s: ParseState, m: Manifest): string {
  const out = mkdtempSync(join(tmpdir(), 'martflow-state-manifest-'));
  try {
    const written = readFileSync(s.writeManifest(out, m.metadata, m.selectors), 'utf8');
    assert.equal(written.length - compact(written).length, Object.keys(m.nodes).length * ENTRY_SLACK, 'ENTRY_SLACK spaces after each node entry');
    return compact(written);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('stored parse', () => {
  test('assembles manifest.json byte for byte, before and after replacing nodes across reloads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-state-'));
    try {
      const nodes = [node('a', []), node('b', ['model.p.a']), node('c', ['model.p.a', 'model.p.b']), node('d', [])];
      const m = manifestOf(nodes.map((n) => structuredClone(n)));
      const state = fresh(dir, m);
      assert.equal(text(state, m), expected(m));
      await state.save();

      // Reload; replace c with the same dependencies: its new entry is appended last in the data file.
      let s = (await ParseState.loadInBackground(dir)(HASH))!;
      assert.ok(s, 'the saved state loads');
      const c2 = node('c', ['model.p.a', 'model.p.b'], { raw_code: 'select 2' });
      s.replaceNode(2, structuredClone(c2));
      nodes[2] = c2;
      let want = manifestOf(nodes.map((n) => structuredClone(n)));
      assert.equal(text(s, want), expected(want));
      await s.save();

      // Reload; replacing d appends its entry right after c's, across the loaded data and the new tail:
      // one run of adjacent entries spans both.
      s = (await ParseState.loadInBackground(dir)(HASH))!;
      const d2 = node('d', [], { raw_code: 'select 3' });
      s.replaceNode(3, structuredClone(d2));
      nodes[3] = d2;
      assert.equal(s.nodeAt(3)[0] - s.nodeAt(3)[2], s.nodeAt(2)[0] + s.nodeAt(2)[1] + 1, 'c and d are adjacent');
      want = manifestOf(nodes.map((n) => structuredClone(n)));
      assert.equal(text(s, want), expected(want));
      await s.save();

      // A changed dependency rebuilds parent_map and child_map.
      s = (await ParseState.loadInBackground(dir)(HASH))!;
      const c3 = node('c', ['model.p.b'], { raw_code: 'select 4' });
      s.replaceNode(2, structuredClone(c3));
      nodes[2] = c3;
      const d3 = node('d', ['model.p.c']);
      s.replaceNode(3, structuredClone(d3));
      nodes[3] = d3;
      want = manifestOf(nodes.map((n) => structuredClone(n)));
      assert.equal(text(s, want), expected(want));
      await s.save();

      const loaded = (await ParseState.loadInBackground(dir)(HASH))!;
      assert.equal(text(loaded, want), expected(want));
      const materialized = loaded.materialize(want.metadata, want.selectors);
      assert.deepEqual(materialized.nodes['model.p.c']!.depends_on.nodes, ['model.p.b']);
      assert.equal(materialized.nodes['model.p.d']!.raw_code, 'select 1 -- d ✓');
      assert.deepEqual(materialized.child_map['model.p.c'], ['model.p.d']);
      assert.deepEqual(materialized.nodes['model.p.a']!.location, { file: 'models/a.sql', line: 1 }, 'locations come back');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a replaced node's new location comes back from materialize, before and after a reload", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-state-'));
    try {
      const yamlTest = (line: number) => node('t', ['model.p.a'], { resource_type: 'test', original_file_path: 'models/schema.yml', location: { file: 'models/schema.yml', line, col: 9 } });
      const m = manifestOf([node('a', []), yamlTest(5)]);
      const state = fresh(dir, m);
      await state.save();
      const s = (await ParseState.loadInBackground(dir)(HASH))!;
      s.replaceNode(1, yamlTest(8)); // lines were added above the test's entry
      const want = manifestOf([node('a', []), yamlTest(8)]);
      assert.deepEqual(s.materialize(want.metadata, want.selectors).nodes['model.p.t']!.location, { file: 'models/schema.yml', line: 8, col: 9 });
      assert.equal(text(s, want), expected(want), 'manifest.json is unchanged by locations');
      await s.save();
      const loaded = (await ParseState.loadInBackground(dir)(HASH))!;
      const materialized = loaded.materialize(want.metadata, want.selectors);
      assert.deepEqual(materialized.nodes['model.p.t']!.location, { file: 'models/schema.yml', line: 8, col: 9 });
      assert.deepEqual(materialized.nodes['model.p.a']!.location, { file: 'models/a.sql', line: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('tests dropped and appended: later positions move, dependencies and maps follow, across a reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-state-'));
    try {
      const test = (name: string, on: string) => node(name, [on], { unique_id: `test.p.${name}`, resource_type: 'test', location: { file: 'models/schema.yml', line: 3 } });
      const source = { unique_id: 'source.p.raw.events', resource_type: 'source', name: 'events', depends_on: { nodes: [] } };
      const build = (nodes: ManifestNode[]) => {
        const m = manifestOf(nodes.map((n) => structuredClone(n)));
        m.sources = { [source.unique_id]: structuredClone(source) } as unknown as Manifest['sources'];
        Object.assign(m, buildParentChildMaps(m));
        return m;
      };
      const a = node('a', ['source.p.raw.events']);
      const b = node('b', ['model.p.a']);
      const c = node('c', ['model.p.b', 'source.p.raw.events']);
      const m = build([a, test('t1', 'model.p.a'), b, test('t2', 'model.p.b'), c]);
      const state = fresh(dir, m);
      await state.save();
      let s = (await ParseState.loadInBackground(dir)(HASH))!;
      s.dropTests(new Set([1, 3]));
      let want = build([a, b, c]);
      assert.equal(text(s, want), expected(want));
      assert.equal(s.appendTest(structuredClone(test('t3', 'model.p.c'))), 3);
      want = build([a, b, c, test('t3', 'model.p.c')]);
      assert.equal(text(s, want), expected(want));
      await s.save();
      s = (await ParseState.loadInBackground(dir)(HASH))!;
      assert.equal(text(s, want), expected(want));
      const materialized = s.materialize(want.metadata, want.selectors);
      assert.deepEqual(materialized.child_map['model.p.c'], ['test.p.t3']);
      assert.deepEqual(materialized.child_map['source.p.raw.events'], ['model.p.a', 'model.p.c']);
      assert.deepEqual(materialized.nodes['test.p.t3']!.location, { file: 'models/schema.yml', line: 3 });
      // A replacement after the rows moved lands on the right node.
      s.replaceNode(1, structuredClone(node('b', ['source.p.raw.events'])));
      want = build([a, node('b', ['source.p.raw.events']), c, test('t3', 'model.p.c')]);
      assert.equal(text(s, want), expected(want));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a state from another hash, or with a data file that is not its own, is not loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-state-'));
    try {
      const m = manifestOf([node('a', [])]);
      await fresh(dir, m).save();
      assert.ok(await ParseState.loadInBackground(dir)(HASH));
      assert.equal(await ParseState.loadInBackground(dir)('other'), null);
      const data = readFileSync(join(dir, STATE_DATA_FILE));
      writeFileSync(join(dir, STATE_DATA_FILE), Buffer.concat([Buffer.from('x'), data.subarray(1)]));
      assert.equal(await ParseState.loadInBackground(dir)(HASH), null, 'another data file id');
      writeFileSync(join(dir, STATE_DATA_FILE), data.subarray(0, data.length - 1));
      assert.equal(await ParseState.loadInBackground(dir)(HASH), null, 'a truncated data file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('many replacements compact the data file instead of growing it forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-state-'));
    try {
      const big = (i: number) => node('a', [], { raw_code: `select ${i} -- ${'x'.repeat(200_000)}` });
      await fresh(dir, manifestOf([big(0)])).save();
      let last = manifestOf([big(0)]);
      for (let i = 1; i <= 12; i++) {
        const s = (await ParseState.loadInBackground(dir)(HASH))!;
        s.replaceNode(0, structuredClone(big(i)));
        last = manifestOf([big(i)]);
        await s.save();
      }
      const s = (await ParseState.loadInBackground(dir)(HASH))!;
      assert.equal(text(s, last), expected(last));
      assert.ok(statSync(join(dir, STATE_DATA_FILE)).size < 3 * 1024 * 1024 + 2 * 200_000, `data file stays bounded (${statSync(join(dir, STATE_DATA_FILE)).size} bytes)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('manifest.json is patched in place after one replaced node (first, middle, last) and equals a whole write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-state-'));
    try {
      const nodes = [node('a', []), node('b', ['model.p.a']), node('c', ['model.p.b'])];
      let want = manifestOf(nodes.map((n) => structuredClone(n)));
      want.metadata = { ...want.metadata, invocation_id: 'run-9' } as Manifest['metadata'];
      const first = fresh(dir, want);
      first.writeManifest(dir, want.metadata, want.selectors);
      await first.save();
      const manifestText = () => compact(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const size = () => statSync(join(dir, 'manifest.json')).size;
      assert.equal(manifestText(), expected(want));
      // Edits that fit the spaces after the entry, then ones that do not (the bytes after it move):
      // last, first and middle node each time.
      const edits: [number, string, string[], string][] = [
        [2, 'c', ['model.p.b'], 'x'.repeat(ENTRY_SLACK - 10)], [0, 'a', [], 'a bit longer'], [1, 'b', ['model.p.a'], ''],
        [2, 'c', ['model.p.b'], 'y'.repeat(3 * ENTRY_SLACK)], [0, 'a', [], 'z'.repeat(2 * ENTRY_SLACK)], [1, 'b', ['model.p.a'], 'w'.repeat(ENTRY_SLACK + 1)],
        [0, 'a', [], 'short again'],
      ];
      for (const [i, name, deps, grow] of edits) {
        const s = await ParseState.loadInBackground(dir)(HASH);
        assert.ok(s);
        const before = size();
        const replacement = node(name, deps, { raw_code: `select ${i} -- ${grow}` });
        s.replaceNode(i, structuredClone(replacement));
        nodes[i] = replacement;
        want = manifestOf(nodes.map((n) => structuredClone(n)));
        want.metadata = { ...want.metadata, invocation_id: `run-${i}` } as Manifest['metadata'];
        s.writeManifest(dir, want.metadata, want.selectors);
        await s.save();
        s.dispose();
        assert.equal(manifestText(), expected(want), `after replacing ${name} (${grow.length} more characters)`);
        const fits = grow.length < ENTRY_SLACK - 8 || grow.startsWith('short');
        if (fits) assert.equal(size(), before, `${name}'s new entry fits where the old one and its spaces stood`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a compiled manifest is the stored entries with the compiled fields spliced in, byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'martflow-state-'));
    // As node-factory.ts makes them: compiled_path second; a multi-byte name shifts every offset after it.
    const parsed = (name: string, deps: string[]) => {
      const { unique_id, ...rest } = node(name, deps);
      return { unique_id, compiled_path: null, ...(rest as object) } as unknown as ManifestNode;
    };
    const compile = (n: ManifestNode, sql: string) => {
      n.extra_ctes = [];
      Object.assign(n, { compiled: true, compiled_code: sql, compiled_path: `target/compiled/p/${n.original_file_path}`, extra_ctes_injected: true });
    };
    const written = (s: ParseState, m: Manifest) => {
      const out = mkdtempSync(join(tmpdir(), 'martflow-state-compiled-'));
      try {
        assert.equal(s.writeCompiledManifest(out, m), true);
        return readFileSync(join(out, 'manifest.json'), 'utf8');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    };
    try {
      const names = ['a', 'café', 'c', 'd'];
      const m = manifestOf(names.map((n, i) => parsed(n, i ? ['model.p.a'] : [])));
      const state = fresh(dir, m); // its data is on disk, not in memory
      for (const id of ['model.p.a', 'model.p.café', 'model.p.d']) compile(m.nodes[id]!, `select "${id}" -- ✓\n`);
      assert.equal(written(state, m), expected(m), 'first, middle and last nodes compiled; one left as parsed');
      await state.save();

      // From the saved state: the materialized manifest compiled whole (every entry spliced).
      const loaded = (await ParseState.loadInBackground(dir)(HASH))!;
      const materialized = loaded.materialize(m.metadata, m.selectors);
      for (const n of Object.values(materialized.nodes)) compile(n, `select 1 from ${n.name}`);
      assert.equal(written(loaded, materialized), expected(materialized));

      // A node that does not start with unique_id, compiled_path: the caller must serialize the objects.
      const other = manifestOf([node('x', [])]);
      const otherState = fresh(mkdtempSync(join(tmpdir(), 'martflow-state-')), other);
      compile(other.nodes['model.p.x']!, 'select 1');
      assert.equal(otherState.writeCompiledManifest(dir, other), false);
      rmSync(otherState.dir, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
