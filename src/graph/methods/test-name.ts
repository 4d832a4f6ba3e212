// test_name: the generic test's name (unique, not_null, accepted_values, …), or a unit test's name.
import type { SelectorMethod } from './method-context.js';
import { fnmatch } from '../fnmatch.js';

export const testNameMethod: SelectorMethod = function* (_ctx, candidates, value) {
  for (const m of candidates) {
    if (m.resource_type === 'test' && m.test_metadata && fnmatch(m.test_metadata.name, value)) yield m.unique_id;
    else if (m.resource_type === 'unit_test' && fnmatch(m.name, value)) yield m.unique_id;
  }
};
