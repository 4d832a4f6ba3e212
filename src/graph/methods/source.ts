// source: `src`, `src.table` or `pkg.src.table`, each part a wildcard pattern.
import { UserError } from '../../util/errors.js';
import type { SelectorMethod } from './method-context.js';
import { fnmatch } from '../fnmatch.js';

export const sourceMethod: SelectorMethod = function* (_ctx, candidates, value) {
  const parts = value.split('.');
  let pkg = '*';
  let src: string;
  let table = '*';
  if (parts.length === 1) [src] = parts as [string];
  else if (parts.length === 2) [src, table] = parts as [string, string];
  else if (parts.length === 3) [pkg, src, table] = parts as [string, string, string];
  else {
    throw new UserError(`Invalid source selector value "${value}"`, {
      hint: 'Sources have the form source_name, source_name.table_name or package.source_name.table_name.',
    });
  }
  for (const m of candidates) {
    if (m.resource_type !== 'source') continue;
    if (fnmatch(m.package_name, pkg) && fnmatch(m.source_name, src) && fnmatch(m.name, table)) yield m.unique_id;
  }
};
