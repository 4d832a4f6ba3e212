// The contract between the build runner and the materializations.
import type { ManifestNode } from '../../project/manifest-types.js';
import type { Adapter, Connection, RelationRef } from '../../warehouse/adapter.js';

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
  /** Runs inside the transaction that makes the new data visible (the runner writes run state here). */
  afterWrite?: (conn: Connection) => Promise<void>;
}

export interface MaterializeResult {
  /** Rows written, when known. */
  rowsAffected: number | null;
  /** dbt-style status: "CREATE VIEW", "SELECT 1000", "INSERT 0 500", "MERGE 12". */
  message: string;
}
