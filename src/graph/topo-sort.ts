// Kahn's algorithm with a sorted ready list (stable: ties broken by unique_id), and cycle reporting
// in dbt's words: "Found a cycle: model.p.a --> model.p.b --> model.p.a".
import type { GraphMember } from '../project/manifest-types.js';
import { UserError } from '../util/errors.js';
import { compareIds } from './parent-child-maps.js';

type Edges = (id: string) => readonly string[];

/** Orders `ids` so every parent (within ids) comes first. Ids on or behind a cycle are left out. */
export function topologicalSort(ids: Set<string>, parents: Edges, children: Edges): string[] {
  const indegree = new Map<string, number>();
  for (const id of ids) indegree.set(id, parents(id).filter((p) => ids.has(p)).length);
  const ready = [...ids].filter((id) => indegree.get(id) === 0).sort(compareIds);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const c of children(id)) {
      if (!ids.has(c)) continue;
      const left = indegree.get(c)! - 1;
      indegree.set(c, left);
      if (left === 0) insertSorted(ready, c);
    }
  }
  return order;
}

/** Inserts id into a list sorted by unique_id. */
export function insertSorted(list: string[], id: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareIds(list[mid]!, id) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, id);
}

/** A cycle among `ids` as a closed path [a, b, …, a], searching from the smallest id first. */
export function findCycle(ids: Iterable<string>, children: Edges): string[] | undefined {
  const within = new Set(ids);
  const state = new Map<string, 'open' | 'closed'>();
  for (const start of [...within].sort(compareIds)) {
    if (state.has(start)) continue;
    // Iterative DFS keeping the current path so the cycle can be cut out of it.
    const path: string[] = [];
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = children(top.id).filter((c) => within.has(c));
      if (top.next < kids.length) {
        const c = kids[top.next++]!;
        const s = state.get(c);
        if (s === 'open') return [...path.slice(path.indexOf(c)), c];
        if (s === undefined) {
          state.set(c, 'open');
          path.push(c);
          stack.push({ id: c, next: 0 });
        }
      } else {
        state.set(top.id, 'closed');
        path.pop();
        stack.pop();
      }
    }
  }
  return undefined;
}

export function cycleError(cycle: string[], member: (id: string) => GraphMember | undefined): UserError {
  const first = member(cycle[0]!);
  return new UserError(`Found a cycle: ${cycle.join(' --> ')}`, {
    location: first?.location ?? (first ? { file: first.original_file_path } : undefined),
    node: cycle[0],
    hint: 'Remove one of the ref()/source() dependencies on this path so the models form a DAG.',
  });
}
