// source_status:fresher — sources whose max_loaded_at grew since the state's sources.json
// (or that have no earlier result). Sources that errored in either run never match, as in dbt.
import { UserError } from '../../util/errors.js';
import type { SelectorMethod, SourcesLike } from './method-context.js';

export const sourceStatusMethod: SelectorMethod = function* (ctx, candidates, value) {
  const previous = ctx.sources?.previous;
  const current = ctx.sources?.current;
  if (!previous || !current) {
    throw new UserError(`The selector "source_status:${value}" needs sources.json from this and a previous freshness run`, {
      hint: 'Run `source freshness` now and pass --state pointing at the sources.json of an earlier run.',
    });
  }
  if (value !== 'fresher') {
    throw new UserError(`Invalid source_status selector "${value}"`, { hint: 'The only source_status is "fresher".' });
  }
  const now = loadedAt(current);
  const before = loadedAt(previous);
  const matches = new Set<string>();
  for (const [id, at] of now.loaded) {
    if (now.errored.has(id) || before.errored.has(id)) continue;
    const prev = before.loaded.get(id);
    if (prev === undefined || at > prev) matches.add(id);
  }
  for (const m of candidates) if (matches.has(m.unique_id)) yield m.unique_id;
};

function loadedAt(s: SourcesLike): { loaded: Map<string, number>; errored: Set<string> } {
  const loaded = new Map<string, number>();
  const errored = new Set<string>();
  for (const r of s.results) {
    const t = r.max_loaded_at ? Date.parse(r.max_loaded_at) : NaN;
    if (Number.isNaN(t)) errored.add(r.unique_id);
    else loaded.set(r.unique_id, t);
  }
  return { loaded, errored };
}
