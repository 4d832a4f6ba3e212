// The data the docs site reads (target/docs-data.js): the manifest, catalog and last run results
// folded into one compact list of nodes. Shared by the generator (Node) and the page (browser), so
// this file holds types only.

export type DocsNodeType = 'model' | 'seed' | 'snapshot' | 'source' | 'exposure' | 'macro' | 'analysis';

export interface DocsTest {
  id: string;
  name: string;
  /** Last status from run_results.json: pass, fail, warn, error, skipped; null when never run. */
  status: string | null;
}

export interface DocsColumn {
  name: string;
  /** From the catalog (the warehouse), else the declared data_type. */
  type: string | null;
  description: string;
  tests: DocsTest[];
}

export interface DocsNode {
  id: string;
  type: DocsNodeType;
  name: string;
  package: string;
  /** Path relative to the project root. */
  path: string;
  description: string;
  tags: string[];
  relation: string | null;
  materialized: string | null;
  columns: DocsColumn[];
  /** Tests on the node as a whole (not on one column). */
  tests: DocsTest[];
  rawCode: string;
  compiledCode: string | null;
  config: Record<string, unknown>;
  /** Lineage: indexes into DocsData.nodes (macros and tests are not in the lineage). */
  parents: number[];
  children: number[];
  /** Macros this node calls (unique ids). */
  macros: string[];
  rowCount: number | null;
  relationType: string | null;
  /** Last run status of the node itself. */
  status: string | null;
  /** Sources: the source name; exposures: the owner. */
  group: string | null;
}

/** The layout of the whole lineage, computed once by docs generate so the page's first draw needs none. */
export interface PrecomputedLayout {
  /** Node indexes in drawing order; x[i], y[i] belong to ids[i]. */
  ids: number[];
  x: number[];
  y: number[];
  width: number;
  height: number;
}

export interface DocsData {
  version: 1;
  projectName: string;
  generatedAt: string;
  adapterType: string | null;
  nodes: DocsNode[];
  /** Dashboards of the project, for links from the docs (id, title). */
  dashboards: { id: string; title: string }[];
  /** The full lineage laid out (null in data written before it existed). */
  lineage: PrecomputedLayout | null;
  /**
   * True when rawCode, compiledCode and config were moved out to docs-details.js (the site loads it
   * when a page first needs it, so opening a big project parses half the data).
   */
  detailsSplit?: boolean;
}

/** docs-details.js: unique_id → the fields moved out of DocsData. */
export type DocsDetails = Record<string, { rawCode: string; compiledCode: string | null; config: Record<string, unknown> }>;
