// fqn: (the default method) dotted name prefixes of a node's fully qualified name, with or without
// the package: `stg_orders`, `staging`, `jaffle_shop.staging.*`, `dim_customers.v2` (dbt's is_selected_node).
import type { SelectorMethod } from './method-context.js';
import { fnmatch, hasWildcard } from '../fnmatch.js';

export const fqnMethod: SelectorMethod = function* (_ctx, candidates, value) {
  for (const m of candidates) {
    if (m.resource_type === 'source') continue;
    const versioned = m.resource_type === 'model' && m.version !== undefined && m.version !== null;
    const fqn = m.fqn;
    if (isSelectedNode(fqn, value, versioned) || isSelectedNode(fqn.slice(1), value, versioned)) yield m.unique_id;
  }
};

export function isSelectedNode(fqn: string[], selector: string, versioned: boolean): boolean {
  if (fqn.length === 0) return false;
  const parts = selector.split('.');
  if (versioned) {
    // `dim_customers` picks every version; `dim_customers.v2` and `dim_customers_v2` pick one.
    if (fqn[fqn.length - 2] === selector) return true;
    if (fqn.slice(-2).join('_') === parts.slice(-2).join('_')) return true;
  } else if (fqn[fqn.length - 1] === selector) {
    return true;
  }
  // Dots inside fqn segments (versions like v1.5) act as separators too.
  const flat = fqn.flatMap((s) => s.split('.'));
  if (flat.length < parts.length) return false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (hasWildcard(part)) {
      // From the first wildcard on, the rest of the selector must match the rest of the fqn.
      return fnmatch(flat.slice(i).join('.'), parts.slice(i).join('.'));
    }
    if (flat[i] !== part) return false;
  }
  return true;
}
