// Which tests come along with the nodes they test (dbt's NodeSelector.expand_selection and
// incorporate_indirect_nodes):
//   eager     — a test is selected if any of its parents is selected (the default);
//   cautious  — only if all its parents are selected;
//   buildable — if all its parents are selected or are ancestors of the selection;
//   empty     — never.
// Tests that fail the cautious/buildable check are kept as "indirect" candidates: a later union or
// intersection may bring their other parents in.
import type { GraphMember } from '../project/manifest-types.js';
import type { Graph } from './graph.js';
import type { IndirectSelection } from './selection-spec.js';

export function canSelectIndirectly(m: GraphMember | undefined): boolean {
  return m?.resource_type === 'test' || m?.resource_type === 'unit_test';
}

function parentsOf(m: GraphMember): string[] {
  return 'depends_on' in m ? m.depends_on.nodes : [];
}

function sourcesAndAncestors(graph: Graph, selected: Set<string>): Set<string> {
  const out = new Set(selected);
  for (const id of graph.ancestors(selected)) out.add(id);
  for (const id of graph.nodes()) if (graph.member(id)?.resource_type === 'source') out.add(id);
  return out;
}

export function expandSelection(
  graph: Graph,
  selected: Set<string>,
  mode: IndirectSelection,
): { direct: Set<string>; indirect: Set<string> } {
  const direct = new Set(selected);
  const indirect = new Set<string>();
  if (mode === 'empty') return { direct, indirect };
  const selectedAndParents = mode === 'buildable' ? sourcesAndAncestors(graph, selected) : undefined;
  const successors = new Set<string>();
  for (const id of selected) for (const c of graph.children(id)) successors.add(c);
  for (const id of successors) {
    const m = graph.member(id);
    if (!m || !canSelectIndirectly(m)) continue;
    const parents = parentsOf(m);
    if (mode === 'eager' || parents.every((p) => selected.has(p))) direct.add(id);
    else if (mode === 'buildable' && parents.every((p) => selectedAndParents!.has(p))) direct.add(id);
    else indirect.add(id);
  }
  return { direct, indirect };
}

/** After combining sets: admit held-back tests whose parents are now all in (cautious / buildable). */
export function incorporateIndirect(
  graph: Graph,
  direct: Set<string>,
  indirect: Set<string>,
  mode: IndirectSelection,
): Set<string> {
  if (mode !== 'cautious' && mode !== 'buildable') return direct;
  const selected = new Set(direct);
  const pool = mode === 'buildable' ? new Set([...selected, ...graph.ancestors(selected)]) : selected;
  for (const id of indirect) {
    const m = graph.member(id);
    if (m && canSelectIndirectly(m) && parentsOf(m).every((p) => pool.has(p))) selected.add(id);
  }
  return selected;
}
