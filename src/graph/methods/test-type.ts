// test_type: generic (alias schema), singular, unit, and data (= generic + singular, dbt's legacy alias).
import { UserError } from '../../util/errors.js';
import type { SelectorMethod } from './method-context.js';

export const testTypeMethod: SelectorMethod = function* (_ctx, candidates, value) {
  let generic = false;
  let singular = false;
  let unit = false;
  if (value === 'generic' || value === 'schema') generic = true;
  else if (value === 'data') generic = singular = true;
  else if (value === 'singular') singular = true;
  else if (value === 'unit') unit = true;
  else {
    throw new UserError(`Invalid test type selector "${value}"`, { hint: 'Expected "generic", "singular", "unit", or "data".' });
  }
  for (const m of candidates) {
    if (m.resource_type === 'unit_test' && unit) yield m.unique_id;
    if (m.resource_type !== 'test') continue;
    const isGeneric = m.test_metadata !== undefined && m.test_metadata !== null;
    if ((isGeneric && generic) || (!isGeneric && singular)) yield m.unique_id;
  }
};
