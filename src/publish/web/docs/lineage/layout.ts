// A layered (Sugiyama-style) layout of the selected part of the DAG, linear enough for 10,000 nodes:
// layer = longest path from a root, order within a layer by the barycentre of neighbours
// (two down sweeps and one up), then fixed spacing. Coordinates are world units; the view scales.
import type { DocsNode } from '../../../docs/docs-data-types.js';

export const NODE_W = 180;
export const NODE_H = 26;
export const LAYER_GAP = 90;
export const ROW_GAP = 10;

export interface Layout {
  /** Node indexes (into DocsData.nodes) in the drawing. */
  ids: number[];
  x: Float64Array;
  y: Float64Array;
  /** Position in `ids` of each node index, -1 when not drawn. */
  slot: Int32Array;
  /** Pairs of slots: edges[2k] → edges[2k+1]. */
  edges: Int32Array;
  width: number;
  height: number;
}

export function layoutGraph(nodes: DocsNode[], selected: Set<number>): Layout {
  const ids = [...selected].sort((a, b) => a - b);
  const slot = new Int32Array(nodes.length).fill(-1);
  ids.forEach((id, s) => (slot[id] = s));
  const n = ids.length;
  const edgeList: number[] = [];
  const indeg = new Int32Array(n);
  const children: number[][] = Array.from({ length: n }, () => []);
  const parents: number[][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < n; s++) {
    for (const c of nodes[ids[s]!]!.children) {
      const t = slot[c]!;
      if (t < 0) continue;
      edgeList.push(s, t);
      children[s]!.push(t);
      parents[t]!.push(s);
      indeg[t]!++;
    }
  }
  // Longest-path layering in topological order (Kahn); anything left in a cycle goes last.
  const layer = new Int32Array(n);
  const queue: number[] = [];
  for (let s = 0; s < n; s++) if (indeg[s] === 0) queue.push(s);
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (const t of children[s]!) {
      if (layer[t]! < layer[s]! + 1) layer[t] = layer[s]! + 1;
      if (--indeg[t]! === 0) queue.push(t);
    }
  }
  let layers = 0;
  for (let s = 0; s < n; s++) layers = Math.max(layers, layer[s]! + 1);
  const rows: number[][] = Array.from({ length: layers }, () => []);
  // Initial order: by file path, so folders stay together.
  const bySlotPath = [...Array(n).keys()].sort((a, b) => (nodes[ids[a]!]!.path < nodes[ids[b]!]!.path ? -1 : 1));
  for (const s of bySlotPath) rows[layer[s]!]!.push(s);
  const pos = new Float64Array(n);
  const setPos = () => rows.forEach((row) => row.forEach((s, i) => (pos[s] = i - row.length / 2)));
  setPos();
  const sweep = (neighbours: number[][], order: number[]) => {
    for (const l of order) {
      const row = rows[l]!;
      const bary = new Map<number, number>();
      for (const s of row) {
        const nb = neighbours[s]!;
        if (nb.length === 0) bary.set(s, pos[s]!);
        else {
          let sum = 0;
          for (const t of nb) sum += pos[t]!;
          bary.set(s, sum / nb.length);
        }
      }
      row.sort((a, b) => bary.get(a)! - bary.get(b)!);
      row.forEach((s, i) => (pos[s] = i - row.length / 2));
    }
  };
  const down = [...Array(layers).keys()];
  const up = [...down].reverse();
  sweep(parents, down);
  sweep(children, up);
  sweep(parents, down);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let height = 0;
  for (let l = 0; l < layers; l++) {
    const row = rows[l]!;
    height = Math.max(height, row.length * (NODE_H + ROW_GAP));
    row.forEach((s, i) => {
      x[s] = l * (NODE_W + LAYER_GAP);
      y[s] = (i - row.length / 2) * (NODE_H + ROW_GAP);
    });
  }
  return { ids, x, y, slot, edges: Int32Array.from(edgeList), width: layers * (NODE_W + LAYER_GAP), height };
}
