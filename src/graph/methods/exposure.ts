// exposure: `name` or `pkg.name`, wildcards allowed.
import { UserError } from '../../util/errors.js';
import type { SelectorMethod } from './method-context.js';
import { fnmatch } from '../fnmatch.js';

export const exposureMethod: SelectorMethod = function* (_ctx, candidates, value) {
  const parts = value.split('.');
  if (parts.length > 2) {
    throw new UserError(`Invalid exposure selector value "${value}"`, { hint: 'Exposures have the form name or package.name.' });
  }
  const [pkg, name] = parts.length === 2 ? (parts as [string, string]) : ['*', parts[0]!];
  for (const m of candidates) {
    if (m.resource_type === 'exposure' && fnmatch(m.package_name, pkg) && fnmatch(m.name, name)) yield m.unique_id;
  }
};
