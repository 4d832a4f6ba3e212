// What a selector method sees: the manifest, its graph, and the optional comparison artifacts
// (state manifest, previous run_results.json, sources.json) that state:/result:/source_status: need.
import type { GraphMember, Manifest } from '../../project/manifest-types.js';
import type { Graph } from '../graph.js';

/** The parts of run_results.json that result: reads. */
export interface RunResultsLike {
  results: { unique_id: string; status: string }[];
}

/** The parts of sources.json (dbt source freshness) that source_status: reads. */
export interface SourcesLike {
  results: { unique_id: string; status?: string; max_loaded_at?: string | null }[];
}

export interface MethodContext {
  manifest: Manifest;
  graph: Graph;
  /** --state manifest to compare with. */
  state?: Manifest;
  previousResults?: RunResultsLike;
  /** previous: sources.json from --state; current: sources.json of this project's target/. */
  sources?: { previous?: SourcesLike; current?: SourcesLike };
  /** Per-run caches (e.g. the set of modified macros). */
  cache: Map<string, unknown>;
  /** Warnings a method wants shown (e.g. breaking changes to unversioned contracts). */
  warnings: string[];
}

/** A selector method: yields ids among `candidates` that match `value`. */
export type SelectorMethod = (ctx: MethodContext, candidates: GraphMember[], value: string, args: string[]) => Iterable<string>;

export function isSource(m: GraphMember): m is Extract<GraphMember, { resource_type: 'source' }> {
  return m.resource_type === 'source';
}

export function isManifestNode(m: GraphMember): m is Extract<GraphMember, { raw_code: string }> {
  return m.resource_type !== 'source' && m.resource_type !== 'exposure' && m.resource_type !== 'unit_test';
}
