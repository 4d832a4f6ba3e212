// Which nodes of a run wait for which: the selected graph reconnected around unselected nodes, and
// in `build` the tests of a node run before that node's children (a failing test skips them).
import type { Graph } from '../graph/index.js';
import { nearestParentsWithin } from '../graph/subset-edges.js';
import type { Manifest } from '../project/manifest-types.js';

export interface RunPlan {
  /** Executed ids in a stable topological order. */
  order: string[];
  waitsOn: Map<string, Set<string>>;
  children: Map<string, string[]>;
}

export function planRun(manifest: Manifest, graph: Graph, executed: Set<string>, testsGateChildren: boolean): RunPlan {
  const waitsOn = new Map<string, Set<string>>();
  for (const id of executed) waitsOn.set(id, new Set(nearestParentsWithin(graph, id, (p) => executed.has(p))));
  if (testsGateChildren) {
    // tests by the node they test
    const testsOf = new Map<string, string[]>();
    for (const id of executed) {
      const n = manifest.nodes[id];
      if (n?.resource_type !== 'test') continue;
      for (const p of n.depends_on.nodes) {
        const list = testsOf.get(p) ?? [];
        list.push(id);
        testsOf.set(p, list);
      }
    }
    for (const id of executed) {
      const n = manifest.nodes[id];
      if (!n || n.resource_type === 'test') continue;
      const ancestors = graph.ancestors(id);
      for (const parent of [...waitsOn.get(id)!]) {
        for (const t of testsOf.get(parent) ?? []) {
          // Only tests whose every parent is upstream of this node; else the edge would make a cycle.
          const tn = manifest.nodes[t]!;
          if (tn.depends_on.nodes.every((p) => p !== id && (ancestors.has(p) || p === parent))) waitsOn.get(id)!.add(t);
        }
      }
    }
  }
  const children = new Map<string, string[]>();
  for (const id of executed) children.set(id, []);
  for (const [id, deps] of waitsOn) for (const d of deps) children.get(d)!.push(id);
  const order = graph.topologicalOrder().filter((id) => executed.has(id));
  return { order, waitsOn, children };
}

/** Every id downstream of `id` in the plan. */
export function downstream(plan: RunPlan, id: string): string[] {
  const seen = new Set<string>();
  const stack = [...(plan.children.get(id) ?? [])];
  while (stack.length) {
    const c = stack.pop()!;
    if (seen.has(c)) continue;
    seen.add(c);
    stack.push(...(plan.children.get(c) ?? []));
  }
  return [...seen];
}
