// Asks the warehouse (through the Adapter only) for the columns, types and row counts of every
// relation the manifest builds (models, seeds, snapshots) or reads (sources). Relations that do not
// exist yet are left out, as dbt does; ephemeral models have no relation.
import type { Adapter, RelationInfo, RelationRef } from '../../warehouse/adapter.js';
import type { Manifest } from '../../project/manifest-types.js';
import { VERSION } from '../../version.js';
import { CATALOG_SCHEMA } from './catalog-types.js';
import type { Catalog, CatalogTable } from './catalog-types.js';

export interface CatalogOptions {
  invocationId?: string | null;
  /** Count rows of tables (views are not counted: that would run their whole query). Default true. */
  rowCounts?: boolean;
  signal?: AbortSignal;
}

interface Wanted {
  uniqueId: string;
  ref: RelationRef;
  kind: 'nodes' | 'sources';
}

export function relationsOf(manifest: Manifest): Wanted[] {
  const wanted: Wanted[] = [];
  for (const n of Object.values(manifest.nodes)) {
    if (!['model', 'seed', 'snapshot'].includes(n.resource_type) || n.config.materialized === 'ephemeral' || n.config.enabled === false) continue;
    wanted.push({ uniqueId: n.unique_id, ref: { database: n.database, schema: n.schema, identifier: n.alias }, kind: 'nodes' });
  }
  for (const s of Object.values(manifest.sources)) {
    wanted.push({ uniqueId: s.unique_id, ref: { database: s.database, schema: s.schema, identifier: s.identifier }, kind: 'sources' });
  }
  return wanted;
}

const key = (database: string | null, schema: string) => `${(database ?? '').toLowerCase()}\u0000${schema.toLowerCase()}`;

export async function buildCatalog(adapter: Adapter, manifest: Manifest, options: CatalogOptions = {}): Promise<Catalog> {
  const catalog: Catalog = {
    metadata: { dbt_schema_version: CATALOG_SCHEMA, dbt_version: VERSION, generated_at: new Date().toISOString(), invocation_id: options.invocationId ?? null, env: {} },
    nodes: {},
    sources: {},
    errors: null,
  };
  const wanted = relationsOf(manifest);
  // One listing per schema, then one column query per relation that exists.
  const bySchema = new Map<string, Map<string, RelationInfo>>();
  const errors: string[] = [];
  for (const w of wanted) {
    const k = key(w.ref.database, w.ref.schema);
    if (bySchema.has(k)) continue;
    try {
      const rels = await adapter.listRelations(w.ref.database, w.ref.schema);
      bySchema.set(k, new Map(rels.map((r) => [r.identifier.toLowerCase(), r])));
    } catch (e) {
      bySchema.set(k, new Map());
      errors.push(`listing ${w.ref.schema}: ${(e as Error).message}`);
    }
  }
  for (const w of wanted) {
    if (options.signal?.aborted) break;
    const info = bySchema.get(key(w.ref.database, w.ref.schema))?.get(w.ref.identifier.toLowerCase());
    if (!info) continue;
    try {
      catalog[w.kind][w.uniqueId] = await describe(adapter, info, w.uniqueId, options);
    } catch (e) {
      errors.push(`${w.uniqueId}: ${(e as Error).message}`);
    }
  }
  if (errors.length) catalog.errors = errors;
  return catalog;
}

async function describe(adapter: Adapter, info: RelationInfo, uniqueId: string, options: CatalogOptions): Promise<CatalogTable> {
  const columns = await adapter.getColumns(info);
  const table: CatalogTable = {
    metadata: { type: info.type === 'view' ? 'VIEW' : info.type === 'materialized_view' ? 'MATERIALIZED VIEW' : 'BASE TABLE', schema: info.schema, name: info.identifier, database: info.database, comment: null, owner: null },
    columns: Object.fromEntries(columns.map((c, i) => [c.name, { type: c.dataType, index: i + 1, name: c.name, comment: null }])),
    stats: { has_stats: { id: 'has_stats', label: 'Has Stats?', value: false, include: false, description: 'Indicates whether there are statistics for this table' } },
    unique_id: uniqueId,
  };
  if (options.rowCounts !== false && info.type === 'table') {
    const r = await adapter.execute(`select count(*) from ${adapter.dialect.relation(info)}`, { signal: options.signal });
    const count = Number(r.rows[0]?.[0] ?? 0);
    table.stats = {
      row_count: { id: 'row_count', label: 'Row Count', value: count, include: true, description: 'Number of rows in the table' },
      has_stats: { id: 'has_stats', label: 'Has Stats?', value: true, include: false, description: 'Indicates whether there are statistics for this table' },
    };
  }
  return table;
}
