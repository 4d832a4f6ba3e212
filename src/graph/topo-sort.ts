// Kahn's algorithm with a sorted ready list (stable: ties broken by unique_id), and cycle reporting
// in dbt's words: "Found a cycle: model.p.a --> model.p.b --> model.p.a".
import type { GraphMember } from '../project/manifest-types.js';
import { UserError } from '../util/errors.js';
import { compareIds, sortIds } from './parent-child-maps.js';

type Edges = (id: string) => readonly string[];

/** Orders `ids` so every parent (within ids) comes first. Ids on or behind a cycle are left out. */
export function topologicalSort(ids: Set<string>, parents: Edges, children: Edges): string[] {
  // Ids become their rank in unique_id order: the ready heap then compares numbers, not ids that
  // share long prefixes (model.<project>.…), and the smallest ready rank is the smallest ready id.
  const sorted = sortIds([...ids]);
  const rank = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) rank.set(sorted[i]!, i);
  const indegree = new Int32Array(sorted.length);
  const ready = new MinHeap();
  for (let i = 0; i < sorted.length; i++) {
    let n = 0;
    for (const p of parents(sorted[i]!)) if (rank.has(p)) n++;
    indegree[i] = n;
    if (n === 0) ready.push(i);
  }
  const order: string[] = [];
  while (ready.size > 0) {
    const id = sorted[ready.pop()]!;
    order.push(id);
    for (const c of children(id)) {
      const r = rank.get(c);
      if (r !== undefined && --indegree[r]! === 0) ready.push(r);
    }
  }
  return order;
}

/** The smallest number first: the ready list of 20,000-node graphs. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= value) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = value;
  }

  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const smaller = l + 1 < a.length && a[l + 1]! < a[l]! ? l + 1 : l;
        if (last <= a[smaller]!) break;
        a[i] = a[smaller]!;
        i = smaller;
      }
      a[i] = last;
    }
    return top;
  }
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
  for (const start of sortIds([...within])) {
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
