// Edges of a subgraph that keep the order of the whole graph: a member of the subset depends on the
// nearest subset members above it, looking through nodes outside the subset (like dbt's
// Graph.get_subset_graph, which reconnects around removed nodes).
import type { Graph } from './graph.js';
import { sortIds } from './parent-child-maps.js';

export function nearestParentsWithin(graph: Graph, id: string, within: (id: string) => boolean): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const stack = [...graph.parents(id)];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    if (within(p)) found.add(p);
    else stack.push(...graph.parents(p));
  }
  return sortIds([...found]);
}

/** parents and children maps of the subset, reconnected around the ids left out. */
export function subsetEdges(graph: Graph, subset: Set<string>): { parents: Map<string, string[]>; children: Map<string, string[]> } {
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const id of subset) children.set(id, []);
  for (const id of subset) {
    const ps = nearestParentsWithin(graph, id, (p) => subset.has(p));
    parents.set(id, ps);
    for (const p of ps) children.get(p)!.push(id);
  }
  for (const list of children.values()) sortIds(list);
  return { parents, children };
}
