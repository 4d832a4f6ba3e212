// same_contents for sources, exposures and unit tests (dbt overrides it per resource). Note dbt's
// quirk, kept on purpose: a source or exposure that did not exist before is *not* "modified".
import type { Exposure, SourceDefinition, UnitTestDefinition } from '../../project/manifest-types.js';
import { deepEqual } from './deep-equal.js';

export function sameSourceContents(src: SourceDefinition, old: SourceDefinition | undefined): boolean {
  if (!old) return true;
  return (
    sameSourceRelation(src, old) &&
    deepEqual(src.fqn, old.fqn) &&
    sameSourceConfig(src, old) &&
    deepEqual(src.quoting, old.quoting) &&
    deepEqual(src.freshness, old.freshness) &&
    deepEqual(src.loaded_at_field, old.loaded_at_field) &&
    deepEqual(src.external, old.external)
  );
}

/** Config as written; tags and meta are labels, not changes. */
function sameUnrenderedConfig(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  const strip = (c: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(c ?? {}).filter(([k]) => k !== 'tags' && k !== 'meta'));
  return deepEqual(strip(a), strip(b));
}

export function sameSourceRelation(src: SourceDefinition, old: SourceDefinition): boolean {
  return src.database === old.database && src.schema === old.schema && src.identifier === old.identifier;
}

export function sameSourceConfig(src: SourceDefinition, old: SourceDefinition): boolean {
  return sameUnrenderedConfig(src.unrendered_config, old.unrendered_config);
}

export function sameExposureContents(exp: Exposure, old: Exposure | undefined): boolean {
  if (!old) return true;
  return (
    deepEqual(exp.fqn, old.fqn) &&
    exp.type === old.type &&
    deepEqual(exp.owner, old.owner) &&
    deepEqual(exp.maturity, old.maturity) &&
    deepEqual(exp.url, old.url) &&
    exp.description === old.description &&
    deepEqual(exp.label, old.label) &&
    deepEqual([...new Set(exp.depends_on.nodes)].sort(), [...new Set(old.depends_on.nodes)].sort()) &&
    sameExposureConfig(exp, old)
  );
}

export function sameExposureConfig(exp: Exposure, old: Exposure): boolean {
  return sameUnrenderedConfig(exp.unrendered_config, old.unrendered_config);
}

/** dbt compares a checksum of model, versions, given, expect and overrides (not description or config). */
export function sameUnitTestContents(ut: UnitTestDefinition, old: UnitTestDefinition | undefined): boolean {
  if (!old) return false;
  const versions = (u: UnitTestDefinition) => (u as unknown as { versions?: unknown }).versions ?? null;
  return (
    ut.model === old.model &&
    deepEqual(versions(ut), versions(old)) &&
    deepEqual(ut.given, old.given) &&
    deepEqual(ut.expect, old.expect) &&
    deepEqual(ut.overrides ?? null, old.overrides ?? null)
  );
}
