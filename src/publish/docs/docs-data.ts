// Folds the manifest, the catalog and the last run results into the docs site's DocsData.
import type { Manifest, ManifestNode, ColumnInfo } from '../../project/manifest-types.js';
import type { Catalog, CatalogTable } from '../catalog/catalog-types.js';
import type { DocsColumn, DocsData, DocsNode, DocsNodeType, DocsTest } from './docs-data-types.js';
import { layoutGraph, toPrecomputed } from './lineage-layout.js';

/** unique_id → last status, from run_results.json's `results`. */
export type RunStatuses = Map<string, string>;

export function runStatusesFrom(runResults: unknown): RunStatuses {
  const map: RunStatuses = new Map();
  const results = (runResults as { results?: { unique_id?: string; status?: string }[] } | null)?.results;
  for (const r of results ?? []) if (r.unique_id && r.status) map.set(r.unique_id, r.status);
  return map;
}

const LINEAGE_NODE_TYPES = new Set(['model', 'seed', 'snapshot', 'analysis']);

export function buildDocsData(manifest: Manifest, catalog: Catalog | null, statuses: RunStatuses, dashboards: { id: string; title: string }[] = []): DocsData {
  const nodes: DocsNode[] = [];
  const index = new Map<string, number>();
  const add = (n: DocsNode) => {
    index.set(n.id, nodes.length);
    nodes.push(n);
  };
  const testsBy = testsByAttachedNode(manifest, statuses);

  for (const n of Object.values(manifest.nodes)) {
    if (!LINEAGE_NODE_TYPES.has(n.resource_type)) continue;
    const cat = catalog?.nodes[n.unique_id];
    add({
      id: n.unique_id,
      type: n.resource_type as DocsNodeType,
      name: n.name,
      package: n.package_name,
      path: n.original_file_path,
      description: n.description ?? '',
      tags: n.tags ?? [],
      relation: n.config.materialized === 'ephemeral' ? null : n.relation_name,
      materialized: n.config.materialized ?? null,
      columns: columnsOf(n.columns, cat, testsBy.get(n.unique_id)),
      tests: (testsBy.get(n.unique_id) ?? []).filter((t) => !t.column).map(({ test }) => test),
      rawCode: n.raw_code ?? '',
      compiledCode: n.compiled_code ?? null,
      config: compactConfig(n),
      parents: [],
      children: [],
      macros: n.depends_on?.macros ?? [],
      rowCount: rowCountOf(cat),
      relationType: cat?.metadata.type ?? null,
      status: statuses.get(n.unique_id) ?? null,
      group: null,
    });
  }
  for (const s of Object.values(manifest.sources)) {
    const cat = catalog?.sources[s.unique_id];
    add({
      id: s.unique_id, type: 'source', name: `${s.source_name}.${s.name}`, package: s.package_name, path: s.original_file_path,
      description: s.description || s.source_description || '', tags: s.tags ?? [], relation: s.relation_name, materialized: null,
      columns: columnsOf(s.columns, cat, testsBy.get(s.unique_id)), tests: (testsBy.get(s.unique_id) ?? []).filter((t) => !t.column).map(({ test }) => test),
      rawCode: '', compiledCode: null, config: { loader: s.loader, loaded_at_field: s.loaded_at_field, freshness: s.freshness }, parents: [], children: [], macros: [],
      rowCount: rowCountOf(cat), relationType: cat?.metadata.type ?? null, status: statuses.get(s.unique_id) ?? null, group: s.source_name,
    });
  }
  for (const e of Object.values(manifest.exposures)) {
    add({
      id: e.unique_id, type: 'exposure', name: e.name, package: e.package_name, path: e.original_file_path, description: e.description ?? '',
      tags: e.tags ?? [], relation: null, materialized: null, columns: [], tests: [], rawCode: '', compiledCode: null,
      config: { type: e.type, maturity: e.maturity ?? null, url: e.url ?? null, owner: e.owner }, parents: [], children: [], macros: [],
      rowCount: null, relationType: null, status: null, group: e.owner?.name ?? e.owner?.email ?? null,
    });
  }
  for (const m of Object.values(manifest.macros)) {
    // Built-in macros would drown the project's own; list the root project's and packages' macros.
    if (m.package_name === 'dbt' || m.package_name.startsWith('dbt_') || m.package_name === 'martflow') continue;
    add({
      id: m.unique_id, type: 'macro', name: m.name, package: m.package_name, path: m.original_file_path, description: m.description ?? '',
      tags: [], relation: null, materialized: null, columns: [], tests: [], rawCode: m.macro_sql, compiledCode: null,
      config: { arguments: m.arguments }, parents: [], children: [], macros: m.depends_on?.macros ?? [], rowCount: null, relationType: null, status: null, group: null,
    });
  }
  // Lineage edges from depends_on.nodes (tests and macros are not drawn).
  const dependsOn = (id: string): string[] => manifest.nodes[id]?.depends_on?.nodes ?? manifest.exposures[id]?.depends_on?.nodes ?? [];
  nodes.forEach((n, i) => {
    if (n.type === 'macro' || n.type === 'source') return;
    for (const p of new Set(dependsOn(n.id))) {
      const pi = index.get(p);
      if (pi === undefined) continue;
      n.parents.push(pi);
      nodes[pi]!.children.push(i);
    }
  });
  return {
    version: 1,
    projectName: manifest.metadata.project_name,
    generatedAt: new Date().toISOString(),
    adapterType: manifest.metadata.adapter_type,
    nodes,
    dashboards,
    lineage: toPrecomputed(layoutGraph(nodes, new Set(nodes.flatMap((n, i) => (n.type === 'macro' ? [] : [i]))))),
  };
}

interface AttachedTest {
  test: DocsTest;
  column: string | null;
}

function testsByAttachedNode(manifest: Manifest, statuses: RunStatuses): Map<string, AttachedTest[]> {
  const map = new Map<string, AttachedTest[]>();
  for (const t of Object.values(manifest.nodes)) {
    if (t.resource_type !== 'test') continue;
    const attached = t.attached_node ?? t.depends_on?.nodes?.[0];
    if (!attached) continue;
    const name = t.test_metadata?.name ?? t.name;
    const entry = { test: { id: t.unique_id, name, status: statuses.get(t.unique_id) ?? null }, column: t.column_name ?? null };
    const list = map.get(attached) ?? [];
    list.push(entry);
    map.set(attached, list);
  }
  return map;
}

function columnsOf(declared: Record<string, ColumnInfo>, cat: CatalogTable | undefined, tests: AttachedTest[] | undefined): DocsColumn[] {
  const out: DocsColumn[] = [];
  const seen = new Set<string>();
  const testsFor = (name: string) => (tests ?? []).filter((t) => t.column?.toLowerCase() === name.toLowerCase()).map((t) => t.test);
  const declaredByLower = new Map(Object.values(declared ?? {}).map((c) => [c.name.toLowerCase(), c]));
  // Warehouse order first (what the relation really has), then declared columns it lacks.
  for (const c of Object.values(cat?.columns ?? {}).sort((a, b) => a.index - b.index)) {
    const d = declaredByLower.get(c.name.toLowerCase());
    out.push({ name: c.name, type: c.type, description: d?.description ?? '', tests: testsFor(c.name) });
    seen.add(c.name.toLowerCase());
  }
  for (const d of Object.values(declared ?? {})) {
    if (seen.has(d.name.toLowerCase())) continue;
    out.push({ name: d.name, type: d.data_type ?? null, description: d.description ?? '', tests: testsFor(d.name) });
  }
  return out;
}

function rowCountOf(cat: CatalogTable | undefined): number | null {
  const v = cat?.stats.row_count?.value;
  return typeof v === 'number' ? v : null;
}

function compactConfig(n: ManifestNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n.config ?? {})) {
    if (v === null || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out;
}
