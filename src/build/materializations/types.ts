// The contract between the build runner and the materializations.
import type { ManifestNode } from '../../project/manifest-types.js';
import type { Adapter, Connection, RelationInfo, RelationRef } from '../../warehouse/adapter.js';

/** Looks a relation up in a listing taken at the start of the run; undefined when its schema was not listed. */
export type KnownRelations = (ref: RelationRef) => RelationInfo | null | undefined;

export interface MaterializeInput {
  /** The node with its config resolved and compiled_code set. */
  node: ManifestNode;
  /** Where the node's relation lives. */
  relation: RelationRef;
  adapter: Adapter;
  /** The connection to write on; the materialization opens its own transactions on it. */
  conn: Connection;
  fullRefresh: boolean;
  signal?: AbortSignal;
  /**
   * What the runner already knows exists in the warehouse (listed once per schema at the start of a
   * run): saves three catalog queries per node. undefined = unknown, ask the warehouse.
   */
  known?: KnownRelations;
  /** Runs inside the transaction that makes the new data visible (the runner writes run state here). */
  afterWrite?: (conn: Connection) => Promise<void>;
}

export interface MaterializeResult {
  /** Rows written, when known. */
  rowsAffected: number | null;
  /** dbt-style status: "CREATE VIEW", "SELECT 1000", "INSERT 0 500", "MERGE 12". */
  message: string;
}
