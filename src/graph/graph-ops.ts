// The graph operators of one criterion: n+x (ancestors to depth n), x+n (descendants), @x
// (x, its descendants and all their ancestors). Returns only the added neighbours.
import type { Graph } from './graph.js';
import type { SelectionCriteria } from './selection-spec.js';

export function collectNeighbors(graph: Graph, spec: SelectionCriteria, selected: Set<string>): Set<string> {
  const out = new Set<string>();
  const add = (ids: Iterable<string>) => {
    for (const id of ids) out.add(id);
  };
  if (spec.childrensParents) add(graph.childrensParents(selected));
  if (spec.parents) add(graph.ancestors(selected, spec.parentsDepth));
  if (spec.children) add(graph.descendants(selected, spec.childrenDepth));
  return out;
}
