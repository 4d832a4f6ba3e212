// Merging config layers the way dbt's BaseConfig.update_from / _merge_field_value does:
// most keys are replaced; tags, hooks and packages append; meta, quoting, column_types, docs and
// contract update key by key; grants replace per privilege unless the privilege is written '+select'.
import { MERGE_BEHAVIOR } from './config-keys.js';
import { isRecord } from './yaml-source.js';

function listify(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? [...v] : [v];
}

function mergeGrants(base: unknown, next: unknown): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  if (isRecord(base)) for (const [k, v] of Object.entries(base)) out[k] = listify(v);
  if (isRecord(next)) {
    for (const [rawKey, v] of Object.entries(next)) {
      const extend = rawKey.startsWith('+');
      const key = rawKey.replace(/^\++/, '');
      if (extend && key in out) out[key] = [...out[key]!, ...listify(v)];
      else out[key] = listify(v);
    }
  }
  return out;
}

export function mergeValue(key: string, base: unknown, next: unknown): unknown {
  switch (MERGE_BEHAVIOR[key] ?? 'clobber') {
    case 'append':
      return [...listify(base), ...listify(next)];
    case 'update':
      return { ...(isRecord(base) ? base : {}), ...(isRecord(next) ? next : {}) };
    case 'dictKeyAppend':
      return mergeGrants(base, next);
    default:
      return next;
  }
}

/** Returns a new config: `base` with `layer` applied over it. */
export function mergeConfig(base: Record<string, unknown>, layer: Record<string, unknown>): Record<string, unknown> {
  return mergeConfigInto({ ...base }, layer);
}

/** Applies `layer` over `target` in place (a config being built, not yet shared) and returns it. */
export function mergeConfigInto(target: Record<string, unknown>, layer: Record<string, unknown>): Record<string, unknown> {
  for (const key in layer) {
    if (!Object.prototype.hasOwnProperty.call(layer, key)) continue;
    target[key] = mergeValue(key, key in target ? target[key] : undefined, layer[key]);
  }
  return target;
}
