// version: latest, prerelease (newer than latest_version), old (older than latest), none (unversioned models).
import { UserError } from '../../util/errors.js';
import type { SelectorMethod } from './method-context.js';

export const versionMethod: SelectorMethod = function* (_ctx, candidates, value) {
  if (!['latest', 'prerelease', 'old', 'none'].includes(value)) {
    throw new UserError(`Invalid version type selector "${value}"`, { hint: 'Expected one of: "latest", "prerelease", "old", or "none".' });
  }
  for (const m of candidates) {
    if (m.resource_type !== 'model') continue;
    const v = m.version ?? null;
    const latest = m.latest_version ?? null;
    let hit = false;
    if (value === 'none') hit = v === null;
    else if (v !== null && latest !== null) {
      const c = compareVersions(v, latest);
      hit = value === 'latest' ? c === 0 : value === 'prerelease' ? c > 0 : c < 0;
    }
    if (hit) yield m.unique_id;
  }
};

/** dbt's UnparsedVersion ordering: numerically when both parse as numbers, else as strings. */
export function compareVersions(a: string | number, b: string | number): number {
  const na = Number(a);
  const nb = Number(b);
  if (String(a).trim() !== '' && String(b).trim() !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
