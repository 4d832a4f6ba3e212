// What the runner asks while building: which selected nodes may start now? A node is ready when all
// its selected ancestors are done. Ephemeral models are never executed (they are inlined as CTEs), so
// they are not handed out and nobody waits on them — only on the executed nodes above them.
// With testEdges (for `build`), nodes also wait for the tests of their ancestors.
import type { GraphMember } from '../project/manifest-types.js';
import type { Graph } from './graph.js';
import { sortIds } from './parent-child-maps.js';
import { nearestParentsWithin } from './subset-edges.js';
import { testEdges } from './test-edges.js';
import { topologicalSort, findCycle, cycleError, insertSorted } from './topo-sort.js';

export interface ReadyQueueOptions {
  /** Nodes that are selected but not executed. Default: ephemeral models. */
  isSkipped?: (member: GraphMember) => boolean;
  /** `build`: nodes also wait for the selected tests of their ancestors (see test-edges.ts). */
  testEdges?: boolean;
}

export function isEphemeral(member: GraphMember): boolean {
  return member.resource_type === 'model' && member.config?.materialized === 'ephemeral';
}

export class ReadyQueue {
  private readonly waitingOn = new Map<string, Set<string>>();
  private readonly dependents = new Map<string, string[]>();
  private readonly handedOut = new Set<string>();
  private readonly finished = new Set<string>();
  private readonly ready: string[] = [];

  /** Throws the cycle UserError up front if the selected nodes cannot all be ordered. */
  constructor(graph: Graph, selected: Iterable<string>, options: ReadyQueueOptions = {}) {
    const isSkipped = options.isSkipped ?? isEphemeral;
    const executed = new Set<string>();
    for (const id of selected) {
      const m = graph.member(id);
      if (m && !isSkipped(m)) executed.add(id);
    }
    const extra = options.testEdges ? testEdges(graph, executed) : new Map<string, string[]>();
    for (const id of executed) {
      const ps = [...new Set([...nearestParentsWithin(graph, id, (p) => executed.has(p)), ...(extra.get(id) ?? [])])];
      this.waitingOn.set(id, new Set(ps));
      for (const p of ps) {
        const list = this.dependents.get(p) ?? [];
        list.push(id);
        this.dependents.set(p, list);
      }
    }
    const order = topologicalSort(executed, (id) => [...this.waitingOn.get(id)!], (id) => this.dependents.get(id) ?? []);
    if (order.length < executed.size) {
      const cycle = findCycle(graph.nodes(), (id) => graph.children(id));
      throw cycleError(cycle ?? [...executed].filter((id) => !order.includes(id)), (id) => graph.member(id));
    }
    for (const [id, deps] of this.waitingOn) if (deps.size === 0) this.ready.push(id);
    sortIds(this.ready);
  }

  /** Ids ready to run that were not handed out before, sorted; each id is returned once. */
  take(): string[] {
    const out = this.ready.splice(0);
    for (const id of out) this.handedOut.add(id);
    return out;
  }

  /** Marks a node finished (success or not); its dependents become ready when nothing else blocks them. */
  markDone(id: string): void {
    if (!this.waitingOn.has(id) || this.finished.has(id)) return;
    this.finished.add(id);
    const newlyReady: string[] = [];
    for (const d of this.dependents.get(id) ?? []) {
      const deps = this.waitingOn.get(d)!;
      deps.delete(id);
      if (deps.size === 0 && !this.handedOut.has(d) && !this.finished.has(d)) newlyReady.push(d);
    }
    for (const d of newlyReady) insertSorted(this.ready, d);
  }

  /** Executed nodes downstream of id (the ones a failure of id should skip), sorted. */
  downstreamOf(id: string): string[] {
    const seen = new Set<string>();
    const stack = [...(this.dependents.get(id) ?? [])];
    while (stack.length > 0) {
      const d = stack.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      stack.push(...(this.dependents.get(d) ?? []));
    }
    return sortIds([...seen]);
  }

  /** Number of executed nodes not yet marked done. */
  get remaining(): number {
    return this.waitingOn.size - this.finished.size;
  }

  get isFinished(): boolean {
    return this.remaining === 0;
  }
}
