// The schema-drift gate: the columns (names, types, order) of selected models now, against a previous
// target/ (manifest + catalog). Removed and retyped columns, or a removed model, are breaking: tools
// downstream read those columns. Added and moved columns are reported but do not break.
import type { Manifest, ManifestNode } from '../project/manifest-types.js';
import { canonicalType } from './contract.js';

export interface ColumnShape {
  name: string;
  type: string;
  index: number;
}

export interface ModelShape {
  uniqueId: string;
  name: string;
  columns: ColumnShape[];
}

export interface ModelDrift {
  uniqueId: string;
  name: string;
  status: 'unchanged' | 'changed' | 'new model' | 'removed model';
  added: ColumnShape[];
  removed: ColumnShape[];
  retyped: { name: string; from: string; to: string }[];
  moved: { name: string; from: number; to: number }[];
  breaking: boolean;
}

/** The parts of catalog.json drift reads. */
export interface CatalogLike {
  nodes: Record<string, { columns: Record<string, { name: string; type: string; index: number }> }>;
}

export function shapeFromCatalog(catalog: CatalogLike, uniqueId: string, name: string): ModelShape | null {
  const entry = catalog.nodes[uniqueId];
  if (!entry) return null;
  const columns = Object.values(entry.columns).map((c) => ({ name: c.name, type: c.type, index: c.index })).sort((a, b) => a.index - b.index);
  return { uniqueId, name, columns };
}

/** Models the gate watches by default: enforced contracts and the tag `critical`. */
export function isWatchedByDefault(node: ManifestNode): boolean {
  if (node.resource_type !== 'model') return false;
  const contract = (node.config.contract ?? node.contract) as { enforced?: boolean } | undefined;
  const tags = [...(node.tags ?? []), ...((node.config.tags as string[] | undefined) ?? [])];
  return Boolean(contract?.enforced) || tags.includes('critical');
}

export function defaultWatched(current: Manifest, previous: Manifest): string[] {
  const ids = new Set<string>();
  for (const m of [current, previous]) for (const n of Object.values(m.nodes)) if (isWatchedByDefault(n)) ids.add(n.unique_id);
  return [...ids].sort();
}

export function compareShapes(uniqueId: string, name: string, before: ModelShape | null, after: ModelShape | null): ModelDrift {
  const base = { uniqueId, name, added: [], removed: [], retyped: [], moved: [] };
  if (!before && !after) return { ...base, status: 'unchanged', breaking: false };
  if (!before) return { ...base, status: 'new model', added: after!.columns, breaking: false };
  if (!after) return { ...base, status: 'removed model', removed: before.columns, breaking: true };
  const key = (c: ColumnShape) => c.name.toLowerCase();
  const was = new Map(before.columns.map((c) => [key(c), c]));
  const now = new Map(after.columns.map((c) => [key(c), c]));
  const added = after.columns.filter((c) => !was.has(key(c)));
  const removed = before.columns.filter((c) => !now.has(key(c)));
  const retyped: ModelDrift['retyped'] = [];
  const moved: ModelDrift['moved'] = [];
  // Positions among the columns both sides have, so an added column does not count as moving the rest.
  const keptBefore = before.columns.filter((c) => now.has(key(c))).map(key);
  const keptAfter = after.columns.filter((c) => was.has(key(c))).map(key);
  for (const c of after.columns) {
    const old = was.get(key(c));
    if (!old) continue;
    if (canonicalType(old.type) !== canonicalType(c.type)) retyped.push({ name: c.name, from: old.type, to: c.type });
    const from = keptBefore.indexOf(key(c));
    const to = keptAfter.indexOf(key(c));
    if (from !== to) moved.push({ name: c.name, from: from + 1, to: to + 1 });
  }
  const changed = added.length + removed.length + retyped.length + moved.length > 0;
  return { uniqueId, name, status: changed ? 'changed' : 'unchanged', added, removed, retyped, moved, breaking: removed.length > 0 || retyped.length > 0 };
}

/** The report people read in CI. */
export function formatDrift(drifts: ModelDrift[]): string {
  const lines: string[] = [];
  for (const d of drifts) {
    if (d.status === 'unchanged') {
      lines.push(`  ${d.name}: no change`);
      continue;
    }
    lines.push(`${d.breaking ? 'BREAKING' : 'ok'}  ${d.name}: ${d.status}`);
    if (d.status === 'new model' || d.status === 'removed model') continue;
    for (const c of d.removed) lines.push(`    - removed  ${c.name} (${c.type})`);
    for (const c of d.retyped) lines.push(`    ~ retyped  ${c.name}: ${c.from} -> ${c.to}`);
    for (const c of d.added) lines.push(`    + added    ${c.name} (${c.type})`);
    for (const c of d.moved) lines.push(`    > moved    ${c.name}: position ${c.from} -> ${c.to}`);
  }
  const breaking = drifts.filter((d) => d.breaking).length;
  lines.push(breaking ? `${breaking} model${breaking === 1 ? '' : 's'} with breaking changes` : 'No breaking changes');
  return lines.join('\n');
}
