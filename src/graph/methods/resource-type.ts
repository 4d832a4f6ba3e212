// resource_type: model, seed, snapshot, test, unit_test, source, exposure, analysis, … (exact).
import { UserError } from '../../util/errors.js';
import { didYouMean } from '../../util/did-you-mean.js';
import type { SelectorMethod } from './method-context.js';

export const RESOURCE_TYPES = [
  'model', 'analysis', 'test', 'snapshot', 'operation', 'seed', 'rpc', 'sql_operation', 'doc', 'source', 'macro',
  'exposure', 'metric', 'group', 'saved_query', 'semantic_model', 'unit_test', 'fixture',
];

export function checkResourceType(value: string, what = 'resource_type'): void {
  if (!RESOURCE_TYPES.includes(value)) {
    throw new UserError(`Invalid ${what} "${value}"`, {
      hint: `Use one of: ${RESOURCE_TYPES.join(', ')}.${didYouMean(value, RESOURCE_TYPES)}`,
    });
  }
}

export const resourceTypeMethod: SelectorMethod = function* (_ctx, candidates, value) {
  checkResourceType(value, 'resource_type selector');
  for (const m of candidates) if (m.resource_type === value) yield m.unique_id;
};
