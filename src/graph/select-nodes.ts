// Evaluates a SelectionSpec against the graph (dbt's NodeSelector.select_nodes): each criterion's
// method, then its graph operators, then indirect test selection; sets combine bottom-up.
import type { GraphMember, Manifest } from '../project/manifest-types.js';
import type { Graph } from './graph.js';
import { collectNeighbors } from './graph-ops.js';
import { expandSelection, incorporateIndirect } from './indirect-selection.js';
import { SELECTOR_METHODS } from './methods/index.js';
import type { MethodContext, RunResultsLike, SourcesLike } from './methods/index.js';
import { checkResourceType } from './methods/resource-type.js';
import type { IndirectSelection, SelectionSpec } from './selection-spec.js';
import { combine } from './selection-spec.js';

export interface SelectOptions {
  /** The --state manifest (state: methods). */
  state?: Manifest;
  /** A previous run_results.json (result: method). */
  previousResults?: RunResultsLike;
  /** sources.json of a previous and the current freshness run (source_status: method). */
  sources?: { previous?: SourcesLike; current?: SourcesLike };
  /** --indirect-selection; criteria from selectors.yml may override it. Default 'eager'. */
  indirectSelection?: IndirectSelection;
  /** --resource-type: keep only these types ('all' keeps everything). */
  resourceTypes?: string[];
  /** --exclude-resource-type. */
  excludeResourceTypes?: string[];
  /**
   * Keep nodes whose SQL file is blank (dbt's `empty` nodes). dbt leaves them out of runs but
   * `ls` lists them: pass true for ls. Seeds are never empty.
   */
  includeEmptyNodes?: boolean;
}

export interface SelectionResult {
  selected: Set<string>;
  /** One line per criterion that matched nothing, as dbt words it. */
  warnings: string[];
}

interface Bundle {
  direct: Set<string>;
  indirect: Set<string>;
}

export function selectNodes(manifest: Manifest, graph: Graph, spec: SelectionSpec, opts: SelectOptions = {}): SelectionResult {
  const ctx: MethodContext = {
    manifest,
    graph,
    state: opts.state,
    previousResults: opts.previousResults,
    sources: opts.sources,
    cache: new Map(),
    warnings: [],
  };
  const candidates = graph.nodes().map((id) => graph.member(id)!);
  const warnings = ctx.warnings;
  const mode = opts.indirectSelection ?? 'eager';

  const evaluate = (s: SelectionSpec): Bundle => {
    if (s.kind === 'criteria') {
      const collected = new Set(SELECTOR_METHODS[s.method](ctx, candidates, s.value, s.methodArgs));
      for (const id of collectNeighbors(graph, s, collected)) collected.add(id);
      return expandSelection(graph, collected, s.indirectSelection ?? mode);
    }
    const bundles = s.components.map(evaluate);
    const initialDirect = combine(s.kind, bundles.map((b) => b.direct));
    const indirect = combine(s.kind, bundles.map((b) => (b.indirect.size === 0 ? b.direct : new Set([...b.direct, ...b.indirect]))));
    const direct = incorporateIndirect(graph, initialDirect, indirect, s.indirectSelection ?? mode);
    if (s.expectExists && direct.size === 0) {
      warnings.push(`The selection criterion '${s.raw}' does not match any enabled nodes`);
    }
    return { direct, indirect };
  };

  const { direct } = evaluate(spec);
  const keep = resourceFilter(opts);
  const selected = new Set([...direct].filter((id) => {
    const m = graph.member(id);
    return m !== undefined && m.config?.enabled !== false && keep(m) && (opts.includeEmptyNodes || !isEmptyNode(m));
  }));
  return { selected, warnings };
}

/** CompiledNode.empty: a model/test/snapshot/analysis whose code is blank. */
export function isEmptyNode(m: GraphMember): boolean {
  // /\S/ rather than trim(): the same whitespace, without copying 20,000 SQL texts.
  return 'raw_code' in m && m.resource_type !== 'seed' && typeof m.raw_code === 'string' && !/\S/.test(m.raw_code);
}

function resourceFilter(opts: SelectOptions): (m: GraphMember) => boolean {
  const include = opts.resourceTypes?.filter((t) => t !== 'all') ?? [];
  const exclude = opts.excludeResourceTypes ?? [];
  for (const t of [...include, ...exclude]) checkResourceType(t, '--resource-type');
  const all = (opts.resourceTypes ?? []).includes('all') || include.length === 0;
  return (m) => (all || include.includes(m.resource_type)) && !exclude.includes(m.resource_type);
}
