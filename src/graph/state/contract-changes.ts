// Breaking changes to an enforced model contract, found while comparing with the state manifest
// (dbt's ModelNode.same_contract and same_contract_removed). A versioned model with a breaking
// change is an error (make a new version instead); an unversioned one gets a warning.
// Not compared: removal of individual constraints (whether the warehouse enforces a constraint
// type is adapter knowledge this pure layer does not have).
import type { Manifest, ManifestNode } from '../../project/manifest-types.js';
import { UserError } from '../../util/errors.js';

const ENFORCING_MATERIALIZATIONS = new Set(['table', 'incremental']);

/** What breaks consumers between `old` and `node` (both models), or [] when nothing does. */
export function breakingContractChanges(node: ManifestNode, old: ManifestNode): string[] {
  if (!old.contract?.enforced) return [];
  if (node.contract?.enforced && node.contract.checksum === old.contract.checksum) return [];
  const out: string[] = [];
  if (!node.contract?.enforced) {
    out.push('Contract enforcement was removed: previously this model had an enforced contract; it no longer does.');
  }
  const removed: string[] = [];
  const retyped: string[] = [];
  let columnConstraints = false;
  for (const [key, col] of Object.entries(old.columns ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const now = node.columns?.[key];
    if (!now) removed.push(col.name);
    else if ((col.data_type ?? null) !== (now.data_type ?? null)) retyped.push(`${col.name} (${col.data_type} -> ${now.data_type})`);
    if (col.constraints?.length) columnConstraints = true;
  }
  if (removed.length) out.push(`Columns were removed: ${removed.join(', ')}`);
  if (retyped.length) out.push(`Columns with data_type changes: ${retyped.join(', ')}`);
  const oldEnforces = ENFORCING_MATERIALIZATIONS.has(old.config.materialized);
  const newEnforces = ENFORCING_MATERIALIZATIONS.has(node.config.materialized);
  if (oldEnforces && !newEnforces && (old.constraints?.length || columnConstraints)) {
    out.push(`Materialization changed with enforced constraints: ${old.config.materialized} -> ${node.config.materialized}`);
  }
  return out;
}

/** Throws for versioned models; returns the warning text for unversioned ones (undefined when nothing breaks). */
export function reportBreakingChanges(node: ManifestNode, changes: string[]): string | undefined {
  if (changes.length === 0) return undefined;
  const list = changes.map((c) => `  - ${c}`).join('\n');
  if (node.version !== undefined && node.version !== null) {
    throw new UserError(`While comparing to previous project state, a breaking change to the enforced contract of ${node.unique_id} was found:\n${list}`, {
      location: node.location ?? { file: node.original_file_path },
      node: node.unique_id,
      hint: 'Make an additive (non-breaking) change instead, or create a new model version: https://docs.getdbt.com/docs/collaborate/govern/model-versions',
    });
  }
  return `Breaking change to the contract of unversioned model ${node.name} (${node.original_file_path}):\n${list}\n  Consider versioning the model so consumers can migrate.`;
}

/** Enforced-contract models of the state manifest that are gone or disabled now (deprecated ones excepted). */
export function removedContractedModels(current: Manifest, state: Manifest, today: Date): { node: ManifestNode; change: string }[] {
  const out: { node: ManifestNode; change: string }[] = [];
  for (const [id, old] of Object.entries(state.nodes)) {
    if (old.resource_type !== 'model' || !old.contract?.enforced) continue;
    const now = current.nodes[id];
    const disabled = id in (current.disabled ?? {}) || now?.config.enabled === false;
    if (now && !disabled) continue;
    if (old.deprecation_date && Date.parse(old.deprecation_date) < today.getTime()) continue;
    out.push({ node: old, change: disabled ? `Contracted model '${id}' was disabled.` : `Contracted model '${id}' was deleted or renamed.` });
  }
  return out;
}
