// tag: any of the node's tags matches (wildcards allowed). Sources and exposures have tags too.
import type { SelectorMethod } from './method-context.js';
import { fnmatch } from '../fnmatch.js';

export const tagMethod: SelectorMethod = function* (_ctx, candidates, value) {
  for (const m of candidates) {
    const tags = 'tags' in m ? m.tags : (m.config.tags ?? []);
    if (tags.some((t) => fnmatch(t, value))) yield m.unique_id;
  }
};
