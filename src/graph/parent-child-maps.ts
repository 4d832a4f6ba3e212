// parent_map / child_map exactly as dbt writes them in manifest.json (Manifest.build_parent_and_child_maps):
// every edge member gets an entry in both maps, values sorted, edges to unknown ids kept in parent_map
// but never create child_map entries.
import type { Manifest } from '../project/manifest-types.js';

interface EdgeMember {
  unique_id: string;
  depends_on?: { nodes?: string[] };
}

/** Nodes, sources, exposures, metrics, semantic models, saved queries and unit tests, in dbt's order. */
export function edgeMembers(manifest: Manifest): EdgeMember[] {
  const out: EdgeMember[] = [];
  const groups: Record<string, unknown>[] = [
    manifest.nodes,
    manifest.sources,
    manifest.exposures,
    manifest.metrics ?? {},
    manifest.semantic_models ?? {},
    manifest.saved_queries ?? {},
    manifest.unit_tests ?? {},
  ];
  for (const group of groups) {
    for (const member of Object.values(group)) {
      if (member && typeof member === 'object' && typeof (member as EdgeMember).unique_id === 'string') {
        out.push(member as EdgeMember);
      }
    }
  }
  return out;
}

export function buildParentChildMaps(manifest: Manifest): {
  parent_map: Record<string, string[]>;
  child_map: Record<string, string[]>;
} {
  const members = edgeMembers(manifest);
  const child: Record<string, string[]> = {};
  const parent: Record<string, string[]> = {};
  for (const m of members) child[m.unique_id] = [];
  for (const m of members) {
    const deps = [...(m.depends_on?.nodes ?? [])];
    parent[m.unique_id] = deps;
    for (const dep of deps) child[dep]?.push(m.unique_id);
  }
  sortValues(parent);
  sortValues(child);
  return { parent_map: parent, child_map: child };
}

/** Sorts every list in place. */
function sortValues(map: Record<string, string[]>): void {
  for (const list of Object.values(map)) sortIds(list);
}

/**
 * Sorts ids in place by code unit (compareIds' order) and returns them: Array.prototype.sort without
 * a comparator orders strings so, without calling back into JavaScript (graphs of 20,000 nodes).
 */
export function sortIds(ids: string[]): string[] {
  // Most parent and child lists hold one or two ids; sort() would allocate a work array for each.
  if (ids.length === 2) {
    if (ids[1]! < ids[0]!) ids.reverse();
    return ids;
  }
  return ids.length > 2 ? ids.sort() : ids;
}

/** Code-unit order, like Python's sorted() on str. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
