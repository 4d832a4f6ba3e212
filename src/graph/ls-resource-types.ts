// Which resource types `ls` lists (dbt's ListTask.resource_types / resource_types_from_args):
// by default everything but analyses; `all` adds analyses; `default` means the default set;
// --exclude-resource-type removes types afterwards.
import { checkResourceType } from './methods/resource-type.js';

export const LS_DEFAULT_RESOURCE_TYPES = ['model', 'snapshot', 'seed', 'test', 'source', 'exposure', 'metric', 'saved_query', 'semantic_model', 'unit_test'];
export const LS_ALL_RESOURCE_TYPES = [...LS_DEFAULT_RESOURCE_TYPES, 'analysis'];

export function lsResourceTypes(resourceTypes: string[] = [], excludeResourceTypes: string[] = []): string[] {
  const out = new Set<string>();
  if (resourceTypes.length === 0) LS_DEFAULT_RESOURCE_TYPES.forEach((t) => out.add(t));
  for (const t of resourceTypes) {
    if (t === 'all') LS_ALL_RESOURCE_TYPES.forEach((x) => out.add(x));
    else if (t === 'default') LS_DEFAULT_RESOURCE_TYPES.forEach((x) => out.add(x));
    else {
      checkResourceType(t, '--resource-type');
      out.add(t);
    }
  }
  for (const t of excludeResourceTypes) {
    checkResourceType(t, '--exclude-resource-type');
    out.delete(t);
  }
  return [...out];
}
