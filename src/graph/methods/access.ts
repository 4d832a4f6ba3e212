// access: models whose access is exactly private, protected or public.
import { UserError } from '../../util/errors.js';
import type { SelectorMethod } from './method-context.js';

const LEVELS = ['private', 'protected', 'public'];

export const accessMethod: SelectorMethod = function* (_ctx, candidates, value) {
  if (!LEVELS.includes(value)) {
    throw new UserError(`Invalid access selector "access:${value}"`, { hint: `Use one of: ${LEVELS.join(', ')}.` });
  }
  for (const m of candidates) {
    if (m.resource_type !== 'model') continue;
    // dbt defaults a model's access to protected.
    const access = m.access ?? (m.config.access as string | undefined) ?? 'protected';
    if (access === value) yield m.unique_id;
  }
};
