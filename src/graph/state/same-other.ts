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

export function sameSourceRelation(src: SourceDefinition, old: SourceDefinition): boolean {
  return src.database === old.database && src.schema === old.schema && src.identifier === old.identifier;
}

export function sameSourceConfig(src: SourceDefinition, old: SourceDefinition): boolean {
  return deepEqual(src.config, old.config);
}

export function sameExposureContents(exp: Exposure, old: Exposure | undefined): boolean {
  if (!old) return true;
  return (
    deepEqual(exp.fqn, old.fqn) &&
    exp.type === old.type &&
    deepEqual(exp.owner, old.owner) &&
    deepEqual(exp.maturity, old.maturity) &&
    deepEqual(exp.url, old.url) &&
    deepEqual([...exp.depends_on.nodes].sort(), [...old.depends_on.nodes].sort()) &&
    sameExposureConfig(exp, old) &&
    deepEqual(exp.label, old.label)
  );
}

export function sameExposureConfig(exp: Exposure, old: Exposure): boolean {
  return deepEqual(exp.unrendered_config ?? {}, old.unrendered_config ?? {});
}

/** dbt compares a checksum of the unit test's definition; ours is its defining fields. */
export function sameUnitTestContents(ut: UnitTestDefinition, old: UnitTestDefinition | undefined): boolean {
  if (!old) return false;
  return (
    ut.model === old.model &&
    deepEqual(ut.given, old.given) &&
    deepEqual(ut.expect, old.expect) &&
    deepEqual(ut.overrides ?? null, old.overrides ?? null) &&
    deepEqual(ut.config, old.config) &&
    deepEqual(ut.fqn, old.fqn)
  );
}
