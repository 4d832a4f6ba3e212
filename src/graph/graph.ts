// The DAG of a manifest: enabled nodes, sources, exposures and unit tests, with edges from
// depends_on.nodes (parent → child). Pure and immutable once built; selection and the runner read it.
import type { GraphMember, Manifest } from '../project/manifest-types.js';
import { sortIds } from './parent-child-maps.js';
import { subsetEdges } from './subset-edges.js';
import { findCycle, cycleError, topologicalSort } from './topo-sort.js';

export class Graph {
  private readonly members: Map<string, GraphMember>;
  private readonly parentIds = new Map<string, string[]>();
  private readonly childIds = new Map<string, string[]>();
  private sortedIds?: string[];

  /**
   * members: what can be selected; edges to ids outside members are dropped (a disabled or missing
   * node cannot be built, and parse reports those refs itself).
   */
  constructor(members: Iterable<GraphMember>) {
    this.members = new Map();
    for (const m of members) this.members.set(m.unique_id, m);
    for (const id of this.members.keys()) this.childIds.set(id, []);
    for (const [id, m] of this.members) {
      const deps = 'depends_on' in m ? m.depends_on.nodes : [];
      // Most nodes have one parent or none: no Set for them.
      const parents = sortIds(deps.length <= 1 ? deps.filter((d) => this.members.has(d)) : [...new Set(deps)].filter((d) => this.members.has(d)));
      this.parentIds.set(id, parents);
      for (const p of parents) this.childIds.get(p)!.push(id);
    }
    for (const list of this.childIds.values()) sortIds(list);
  }

  /** The graph of everything enabled in the manifest (disabled nodes never enter the graph). */
  static fromManifest(manifest: Manifest): Graph {
    const all: GraphMember[] = [
      ...Object.values(manifest.nodes),
      ...Object.values(manifest.sources),
      ...Object.values(manifest.exposures),
      ...Object.values(manifest.unit_tests ?? {}),
    ];
    return new Graph(all.filter((m) => m.config?.enabled !== false));
  }

  has(id: string): boolean {
    return this.members.has(id);
  }

  member(id: string): GraphMember | undefined {
    return this.members.get(id);
  }

  /** All ids, sorted. */
  nodes(): string[] {
    this.sortedIds ??= sortIds([...this.members.keys()]);
    return [...this.sortedIds];
  }

  get size(): number {
    return this.members.size;
  }

  parents(id: string): readonly string[] {
    return this.parentIds.get(id) ?? [];
  }

  children(id: string): readonly string[] {
    return this.childIds.get(id) ?? [];
  }

  /** Ancestors of the given ids up to maxDepth edges away (unlimited when undefined); starts excluded unless reached again. */
  ancestors(ids: string | Iterable<string>, maxDepth?: number): Set<string> {
    return this.walk(ids, maxDepth, (id) => this.parents(id));
  }

  descendants(ids: string | Iterable<string>, maxDepth?: number): Set<string> {
    return this.walk(ids, maxDepth, (id) => this.children(id));
  }

  /** dbt's `@`: the selection, its descendants, and every ancestor of those. */
  childrensParents(ids: Iterable<string>): Set<string> {
    const base = new Set(ids);
    for (const d of this.descendants(base)) base.add(d);
    for (const a of this.ancestors(base)) base.add(a);
    return base;
  }

  /**
   * Topological order of ids (default all), ties broken by unique_id; throws a UserError naming a
   * cycle. For a subset, order through left-out nodes is kept (a → x → b puts a before b).
   */
  topologicalOrder(ids?: Iterable<string>): string[] {
    let parents: (id: string) => readonly string[] = (id) => this.parents(id);
    let children: (id: string) => readonly string[] = (id) => this.children(id);
    const subset = new Set(this.members.keys());
    if (ids) {
      subset.clear();
      for (const id of ids) if (this.has(id)) subset.add(id);
      const edges = subsetEdges(this, subset);
      parents = (id) => edges.parents.get(id) ?? [];
      children = (id) => edges.children.get(id) ?? [];
    }
    const order = topologicalSort(subset, parents, children);
    if (order.length < subset.size) {
      const placed = new Set(order);
      const rest = [...subset].filter((id) => !placed.has(id));
      // Name the cycle in the whole graph: it is what the user has to fix.
      const cycle = findCycle(this.nodes(), (id) => this.children(id)) ?? findCycle(rest, children);
      throw cycleError(cycle ?? rest, (id) => this.member(id));
    }
    return order;
  }

  /** The first cycle found (deterministically), as a closed path [a, b, a], or undefined. */
  findCycle(): string[] | undefined {
    return findCycle(this.nodes(), (id) => this.children(id));
  }

  private walk(ids: string | Iterable<string>, maxDepth: number | undefined, next: (id: string) => readonly string[]): Set<string> {
    const seen = new Set<string>();
    let frontier = typeof ids === 'string' ? [ids] : [...ids];
    let depth = 0;
    while (frontier.length > 0 && (maxDepth === undefined || depth < maxDepth)) {
      const nextFrontier: string[] = [];
      for (const id of frontier) {
        for (const n of next(id)) {
          if (!seen.has(n)) {
            seen.add(n);
            nextFrontier.push(n);
          }
        }
      }
      frontier = nextFrontier;
      depth++;
    }
    return seen;
  }
}
