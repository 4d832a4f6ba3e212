// `build` runs a node only after the tests of what it is built from (dbt's Linker.add_test_edges):
// a non-test node waits on every test whose parents are all among the node's ancestors. A failing
// test on stg_orders then skips everything built from stg_orders. Tests never feed other nodes,
// so these edges cannot form a cycle.
import type { Graph } from './graph.js';

/** For each executed non-test node, the executed tests it must wait for. */
export function testEdges(graph: Graph, executed: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const descendantsOf = new Map<string, Set<string>>();
  const desc = (id: string) => {
    let d = descendantsOf.get(id);
    if (!d) {
      d = graph.descendants(id);
      descendantsOf.set(id, d);
    }
    return d;
  };
  for (const testId of executed) {
    const test = graph.member(testId);
    if (test?.resource_type !== 'test') continue;
    const parents = graph.parents(testId);
    if (parents.length === 0) continue;
    // Nodes downstream of every parent: their ancestors include all of the test's parents.
    const [first, ...rest] = parents.map(desc);
    for (const nodeId of first!) {
      if (!executed.has(nodeId) || !rest.every((d) => d.has(nodeId))) continue;
      const kind = graph.member(nodeId)?.resource_type;
      if (kind === 'test' || kind === 'unit_test') continue;
      const list = out.get(nodeId) ?? [];
      list.push(testId);
      out.set(nodeId, list);
    }
  }
  return out;
}
