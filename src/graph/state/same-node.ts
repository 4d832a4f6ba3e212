// dbt's ParsedNode comparisons (contracts/graph/nodes.py) that decide state:modified.<kind> for
// models, seeds, snapshots, tests and analyses. Each returns true when nothing relevant changed.
import type { ManifestNode } from '../../project/manifest-types.js';
import { deepEqual } from './deep-equal.js';

/** Keys of unrendered_config that same_config ignores (CompareBehavior.Exclude; they are the relation or tags). */
const CONFIG_KEYS_NOT_COMPARED = new Set(['alias', 'schema', 'database', 'tags', 'group']);
/** Tests compare only the keys that change their outcome (TestConfig.same_contents). */
const TEST_CONFIG_KEYS = ['severity', 'where', 'limit', 'fail_calc', 'warn_if', 'error_if', 'store_failures', 'store_failures_as'];

/** Seeds compare the file's checksum; everything else its raw code. */
export function sameBody(node: ManifestNode, old: ManifestNode): boolean {
  if (node.resource_type === 'seed') return deepEqual(node.checksum, old.checksum);
  return node.raw_code === old.raw_code && (node.raw_code !== '' || deepEqual(node.checksum, old.checksum));
}

/** Config as written (unrendered), so values derived from the target (schema names…) don't count. */
export function sameConfig(node: ManifestNode, old: ManifestNode): boolean {
  const mine = node.unrendered_config ?? {};
  const theirs = old.unrendered_config ?? {};
  if (node.resource_type === 'test') return TEST_CONFIG_KEYS.every((k) => sameKey(mine, theirs, k));
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  for (const k of keys) {
    if (CONFIG_KEYS_NOT_COMPARED.has(k)) continue;
    if (!sameKey(mine, theirs, k)) return false;
  }
  return true;
}

function sameKey(a: Record<string, unknown>, b: Record<string, unknown>, key: string): boolean {
  if (!(key in a) && !(key in b)) return true;
  if (!(key in a) || !(key in b)) return false;
  return deepEqual(a[key], b[key]);
}

/** Descriptions only matter when persist_docs writes them to the warehouse. */
export function samePersistedDescription(node: ManifestNode, old: ManifestNode): boolean {
  const persist = node.config.persist_docs ?? {};
  if (persist.relation && node.description !== old.description) return false;
  if (persist.columns) {
    const mine = Object.fromEntries(Object.entries(node.columns ?? {}).map(([k, c]) => [k, c.description]));
    const theirs = Object.fromEntries(Object.entries(old.columns ?? {}).map(([k, c]) => [k, c.description]));
    if (!deepEqual(mine, theirs)) return false;
  }
  return true;
}

/** The configured (not resolved) database, schema and alias. */
export function sameDatabaseRepresentation(node: ManifestNode, old: ManifestNode): boolean {
  return ['database', 'schema', 'alias'].every((k) => deepEqual(node.unrendered_config?.[k], old.unrendered_config?.[k]));
}

export function sameFqn(node: ManifestNode, old: ManifestNode): boolean {
  return deepEqual(node.fqn, old.fqn);
}

/**
 * Models only (ModelNode.same_contract): unchanged when never enforced, or enforced with the same
 * contract checksum. Turning enforcement on is a (non-breaking) change.
 */
export function sameContract(node: ManifestNode, old: ManifestNode): boolean {
  if (node.resource_type !== 'model') return true;
  const was = Boolean(old.contract?.enforced);
  const is = Boolean(node.contract?.enforced);
  if (!was && !is) return true;
  if (!was && is) return false;
  return is && node.contract.checksum === old.contract.checksum;
}

/** ModelNode.same_ref_representation: changes that can break refs from elsewhere. */
export function sameRefRepresentation(node: ManifestNode, old: ManifestNode): boolean {
  return (
    deepEqual(node.latest_version, old.latest_version) &&
    deepEqual(node.access, old.access) &&
    deepEqual(node.deprecation_date, old.deprecation_date)
  );
}

/** ParsedNode.same_contents: everything above together (generic tests: config and fqn only). */
export function sameContents(node: ManifestNode, old: ManifestNode | undefined): boolean {
  if (!old) return false;
  if (node.resource_type === 'test' && node.test_metadata) return sameConfig(node, old) && sameFqn(node, old);
  if (node.resource_type === 'model' && !sameRefRepresentation(node, old)) return false;
  return (
    sameBody(node, old) &&
    sameConfig(node, old) &&
    samePersistedDescription(node, old) &&
    sameFqn(node, old) &&
    sameDatabaseRepresentation(node, old) &&
    sameContract(node, old)
  );
}
