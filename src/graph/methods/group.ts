// group: nodes whose config.group (or node.group) matches.
import type { SelectorMethod } from './method-context.js';
import { fnmatch } from '../fnmatch.js';

export const groupMethod: SelectorMethod = function* (_ctx, candidates, value) {
  for (const m of candidates) {
    const group = ('group' in m ? m.group : undefined) ?? m.config.group;
    if (typeof group === 'string' && fnmatch(group, value)) yield m.unique_id;
  }
};
