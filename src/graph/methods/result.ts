// result:<status>: nodes whose status in a previous run_results.json equals the value
// (success, error, skipped, pass, fail, warn, runtime error).
import { UserError } from '../../util/errors.js';
import type { SelectorMethod } from './method-context.js';

export const resultMethod: SelectorMethod = function* (ctx, candidates, value) {
  if (!ctx.previousResults) {
    throw new UserError(`The selector "result:${value}" needs the results of a previous run`, {
      hint: 'Pass --state pointing at a folder with run_results.json from an earlier run.',
    });
  }
  const matches = new Set(ctx.previousResults.results.filter((r) => r.status === value).map((r) => r.unique_id));
  for (const m of candidates) if (matches.has(m.unique_id)) yield m.unique_id;
};
