// config.<key>[.<subkey>…]: the node's resolved config value equals the selector value (no wildcards,
// as in dbt). Lists match when they contain the value; "true"/"false" match booleans; severity is
// compared case-insensitively.
import { UserError } from '../../util/errors.js';
import type { SelectorMethod } from './method-context.js';

export const configMethod: SelectorMethod = function* (_ctx, candidates, value, args) {
  if (args.length === 0) {
    throw new UserError(`Invalid config selector "config:${value}"`, {
      hint: 'Name the config key after a dot, e.g. "config.materialized:table" or "config.meta.owner:growth".',
    });
  }
  const severity = args.length === 1 && args[0] === 'severity';
  for (const m of candidates) {
    // dbt's configurable_nodes: models, seeds, snapshots, tests, analyses and sources.
    if (m.resource_type === 'exposure' || m.resource_type === 'unit_test') continue;
    const found = descend(m.config, args);
    if (!found.ok) continue;
    const v = found.value;
    if (Array.isArray(v) ? v.some((item) => equals(item, value, severity)) : equals(v, value, severity)) yield m.unique_id;
  }
};

function descend(root: unknown, keys: string[]): { ok: true; value: unknown } | { ok: false } {
  let cur: unknown = root;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object' || !(k in cur)) return { ok: false };
    cur = (cur as Record<string, unknown>)[k];
  }
  return { ok: true, value: cur };
}

function equals(actual: unknown, selector: string, caseInsensitive: boolean): boolean {
  if (typeof actual === 'string') return caseInsensitive ? actual.toLowerCase() === selector.toLowerCase() : actual === selector;
  if (typeof actual === 'boolean') return selector.toLowerCase() === String(actual);
  // Numbers: the command line only has strings, so compare their text.
  if (typeof actual === 'number') return String(actual) === selector;
  return false;
}
