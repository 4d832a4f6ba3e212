// fqn: (the default method) dotted name prefixes of a node's fully qualified name, with or without
// the package: `stg_orders`, `staging`, `jaffle_shop.staging.*`, `dim_customers.v2` (dbt's is_selected_node).
import type { SelectorMethod } from './method-context.js';
import { fnmatch, hasWildcard } from '../fnmatch.js';

export const fqnMethod: SelectorMethod = function* (_ctx, candidates, value) {
  const matches = compileFqnSelector(value);
  for (const m of candidates) {
    if (m.resource_type === 'source') continue;
    const versioned = m.resource_type === 'model' && m.version !== undefined && m.version !== null;
    // With the package first, then without it (matches across packages).
    if (matches(m.fqn, 0, versioned) || matches(m.fqn, 1, versioned)) yield m.unique_id;
  }
};

/** is_selected_node(fqn[from:], selector, versioned), with the selector parsed once. */
export function compileFqnSelector(selector: string): (fqn: string[], from: number, versioned: boolean) => boolean {
  // `*` (every default selection) matches every node: no fqn is joined and matched 20,000 times.
  if (selector === '*') return (fqn, from) => fqn.length - from > 0;
  const parts = selector.split('.');
  const lastTwo = parts.slice(-2).join('_');
  const wildcardAt = parts.findIndex(hasWildcard);
  const rest = wildcardAt >= 0 ? parts.slice(wildcardAt).join('.') : '';
  return (fqn, from, versioned) => {
    const n = fqn.length - from;
    if (n <= 0) return false;
    if (versioned) {
      // `dim_customers` picks every version; `dim_customers.v2` and `dim_customers_v2` pick one.
      if (n >= 2 && fqn[fqn.length - 2] === selector) return true;
      if (fqn.slice(Math.max(from, fqn.length - 2)).join('_') === lastTwo) return true;
    } else if (fqn[fqn.length - 1] === selector) {
      return true;
    }
    // Dots inside fqn segments (versions like v1.5) act as separators too.
    let flat = from === 0 ? fqn : fqn.slice(from);
    if (flat.some((s) => s.includes('.'))) flat = flat.flatMap((s) => s.split('.'));
    if (flat.length < parts.length) return false;
    const stop = wildcardAt >= 0 ? wildcardAt : parts.length;
    for (let i = 0; i < stop; i++) if (flat[i] !== parts[i]) return false;
    // From the first wildcard on, the rest of the selector must match the rest of the fqn.
    return wildcardAt < 0 || fnmatch(flat.slice(wildcardAt).join('.'), rest);
  };
}

export function isSelectedNode(fqn: string[], selector: string, versioned: boolean): boolean {
  return compileFqnSelector(selector)(fqn, 0, versioned);
}
