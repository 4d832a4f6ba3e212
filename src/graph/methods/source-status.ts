// source_status:fresher — sources whose max_loaded_at grew since the state's sources.json, or that
// have no earlier load time (new, or errored last time). A source without a load time now never
// matches. This is what dbt-core does in practice: its code also meant to drop sources that errored
// in the previous run, but reads the current results for that, so they count as fresher.
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
    const prev = before.loaded.get(id);
    if (prev === undefined || at > prev) matches.add(id);
  }
  for (const m of candidates) if (matches.has(m.unique_id)) yield m.unique_id;
};

/** Load times by source; runtime-error results carry no max_loaded_at and are left out. */
function loadedAt(s: SourcesLike): { loaded: Map<string, number> } {
  const loaded = new Map<string, number>();
  for (const r of s.results) {
    const t = r.max_loaded_at ? Date.parse(r.max_loaded_at) : NaN;
    if (!Number.isNaN(t)) loaded.set(r.unique_id, t);
  }
  return { loaded };
}
