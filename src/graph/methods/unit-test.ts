// unit_test: `name`, `pkg.name` (as ls prints them) or any fqn form (`pkg.model.name`, `folder.*`).
import type { SelectorMethod } from './method-context.js';
import { fnmatch } from '../fnmatch.js';
import { isSelectedNode } from './fqn.js';

export const unitTestMethod: SelectorMethod = function* (_ctx, candidates, value) {
  const parts = value.split('.');
  for (const m of candidates) {
    if (m.resource_type !== 'unit_test') continue;
    const byName = parts.length === 1 ? fnmatch(m.name, value) : parts.length === 2 && fnmatch(m.package_name, parts[0]!) && fnmatch(m.name, parts[1]!);
    if (byName || isSelectedNode(m.fqn, value, false) || isSelectedNode(m.fqn.slice(1), value, false)) yield m.unique_id;
  }
};
