// The selector language of --select / --exclude, evaluated in the page over the lineage graph:
// space = union, comma = intersection; each atom is [n+][@]method:value[+n] with methods name
// (default, * globs), tag, path, type (resource_type), package and source.
import type { DocsNode } from '../../../docs/docs-data-types.js';

export interface LineageGraph {
  nodes: DocsNode[];
  /** Indexes of the nodes that belong in the lineage (not macros). */
  members: number[];
}

const ATOM = /^(\d*\+)?(@)?(?:([a-z_]+):)?([^+]+?)(\+\d*)?$/;

function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');
}

/** A predicate for one method:value, with the pattern compiled once (not once per node). */
function matcher(method: string, value: string): (node: DocsNode) => boolean {
  const re = globToRegExp(value);
  switch (method) {
    case 'name':
      return (n) => re.test(n.name) || (n.type === 'source' && re.test(n.name.slice(n.name.indexOf('.') + 1)));
    case 'tag':
      return (n) => n.tags.some((t) => re.test(t));
    case 'path': {
      const v = value.replace(/\/$/, '');
      return (n) => n.path === v || n.path.startsWith(v + '/') || re.test(n.path);
    }
    case 'type':
    case 'resource_type':
      return (n) => re.test(n.type);
    case 'package':
      return (n) => re.test(n.package);
    case 'source':
      return (n) => n.type === 'source' && (re.test(n.name) || re.test(n.group ?? ''));
    default:
      throw new Error(`unknown selector method '${method}:' (use name, tag, path, type, package or source)`);
  }
}

function walk(graph: LineageGraph, start: number[], dir: 'parents' | 'children', depth: number, out: Set<number>): void {
  let frontier = start;
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: number[] = [];
    for (const i of frontier) {
      for (const j of graph.nodes[i]![dir]) {
        if (!out.has(j)) {
          out.add(j);
          next.push(j);
        }
      }
    }
    frontier = next;
  }
}

function evalAtom(graph: LineageGraph, atom: string): Set<number> {
  const m = ATOM.exec(atom);
  if (!m) throw new Error(`cannot read selector '${atom}'`);
  const [, up, at, method = 'name', value, down] = m;
  const match = matcher(method, value!);
  const base = graph.members.filter((i) => match(graph.nodes[i]!));
  const out = new Set(base);
  const depthOf = (s: string | undefined) => (s === undefined ? 0 : s.replace('+', '') === '' ? Infinity : Number(s.replace('+', '')));
  if (at) {
    const desc = new Set<number>(base);
    walk(graph, base, 'children', Infinity, desc);
    walk(graph, [...desc], 'parents', Infinity, out);
    for (const d of desc) out.add(d);
  }
  if (up) walk(graph, base, 'parents', depthOf(up), out);
  if (down) walk(graph, base, 'children', depthOf(down), out);
  return out;
}

/** The members picked by `select` (all when empty) minus those picked by `exclude`. */
export function selectNodes(graph: LineageGraph, select: string, exclude: string): Set<number> {
  const pick = (expr: string): Set<number> => {
    const out = new Set<number>();
    for (const term of expr.trim().split(/\s+/).filter(Boolean)) {
      const parts = term.split(',').filter(Boolean).map((a) => evalAtom(graph, a));
      const first = parts.shift() ?? new Set<number>();
      for (const i of first) if (parts.every((p) => p.has(i))) out.add(i);
    }
    return out;
  };
  const selected = select.trim() ? pick(select) : new Set(graph.members);
  if (exclude.trim()) for (const i of pick(exclude)) selected.delete(i);
  return selected;
}
