// package: the node's package name (wildcards allowed); `package:this` is the root project.
import type { SelectorMethod } from './method-context.js';
import { fnmatch } from '../fnmatch.js';

export const packageMethod: SelectorMethod = function* (ctx, candidates, value) {
  const pkg = value === 'this' ? ctx.manifest.metadata.project_name : value;
  for (const m of candidates) if (fnmatch(m.package_name, pkg)) yield m.unique_id;
};
