// Adding and dropping nodes in the stored parse's index columns. Dependencies are stored as positions
// (nodes first, then members), so every column that holds positions is renumbered with them.
import type { ManifestNode } from '../project/manifest-types.js';
import type { StateIndex } from './state-format.js';

/** A node's columns: where its entry is in the data file, and what the index records of it. */
export interface NodeRow {
  id: string;
  at: [number, number, number];
  type: ManifestNode['resource_type'];
  deps: (number | string)[];
  name: string | null;
  packageName: string | null;
  file: string | null;
}

/** Appends a node's row and returns its position; the members after the nodes move down by one. */
export function appendNodeRow(index: StateIndex, row: NodeRow): number {
  const nodes = index.nodes;
  const count = nodes.ids.length;
  renumber(index, (p) => (p < count ? p : p + 1));
  nodes.ids.push(row.id);
  nodes.at.push(...row.at);
  nodes.types.push(row.type);
  nodes.deps.push(row.deps.map((d) => (typeof d === 'number' && d >= count ? d + 1 : d)));
  nodes.names.push(row.name);
  nodes.packages.push(row.packageName);
  nodes.files.push(row.file);
  nodes.patches.push(-1, 0);
  return count;
}

/** Drops the rows of `remove` (nodes nothing depends on, such as tests); later positions move up. */
export function dropNodeRows(index: StateIndex, remove: ReadonlySet<number>): void {
  const nodes = index.nodes;
  const count = nodes.ids.length;
  const moved = new Int32Array(count);
  let next = 0;
  for (let i = 0; i < count; i++) moved[i] = remove.has(i) ? -1 : next++;
  const keep = <T>(values: T[], width = 1): T[] => values.filter((_, k) => !remove.has(Math.floor(k / width)));
  nodes.ids = keep(nodes.ids);
  nodes.at = keep(nodes.at, 3);
  nodes.types = keep(nodes.types);
  nodes.deps = keep(nodes.deps);
  nodes.names = keep(nodes.names);
  nodes.packages = keep(nodes.packages);
  nodes.files = keep(nodes.files);
  nodes.patches = keep(nodes.patches, 2);
  renumber(index, (p) => (p < count ? moved[p]! : p - remove.size));
}

/** Renumbers every stored position with `to` (-1: the position is gone). */
function renumber(index: StateIndex, to: (position: number) => number): void {
  const nodes = index.nodes;
  const deps = (list: (number | string)[]) => list.map((d) => (typeof d === 'number' ? to(d) : d)).filter((d) => d !== -1);
  nodes.deps = nodes.deps.map(deps);
  index.members = index.members.map(([id, list]) => [id, deps(list)]);
  for (const [path, list] of Object.entries(nodes.yaml)) nodes.yaml[path] = list.map(to).filter((p) => p !== -1);
  const rekey = <T>(record: Record<number, T>): Record<number, T> => {
    const out: Record<number, T> = {};
    for (const [k, v] of Object.entries(record)) {
      const p = to(Number(k));
      if (p !== -1) out[p] = v;
    }
    return out;
  };
  nodes.envVars = rekey(nodes.envVars);
  nodes.versions = rekey(nodes.versions);
}
