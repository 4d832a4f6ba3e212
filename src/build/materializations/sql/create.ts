// Pure SQL for swapping freshly built relations into place (creating them is Dialect.createTableAs/createViewAs). Each function returns statements;
// running them (and in which transaction) is the executor's business.
import type { Dialect, RelationInfo, RelationRef } from '../../../warehouse/adapter.js';
import { BACKUP_SUFFIX, suffixed } from '../relation-names.js';

/**
 * Moves a freshly built relation under the target's name: old → backup, staged → name, drop backup.
 * Run inside one transaction where DDL is transactional, so readers see the old or the new relation.
 */
export function swapIntoPlace(d: Dialect, staged: RelationInfo, target: RelationRef, existing: RelationInfo | null): string[] {
  const statements: string[] = [];
  if (existing) statements.push(d.renameRelation(existing, suffixed(target, BACKUP_SUFFIX).identifier));
  statements.push(d.renameRelation(staged, target.identifier));
  if (existing) statements.push(d.dropRelationIfExists(suffixed(existing, BACKUP_SUFFIX), existing.type));
  return statements;
}

/**
 * Cleans up what a killed run left: a leftover backup is restored when the target itself is missing
 * (the run died between the two renames on an engine without transactional DDL), dropped otherwise;
 * leftover tmp relations are always dropped.
 */
export function cleanupLeftovers(
  d: Dialect,
  target: RelationRef,
  found: { target: RelationInfo | null; tmp: RelationInfo | null; backup: RelationInfo | null },
): string[] {
  const statements: string[] = [];
  if (found.tmp) statements.push(d.dropRelationIfExists(found.tmp, found.tmp.type));
  if (found.backup) {
    if (found.target) statements.push(d.dropRelationIfExists(found.backup, found.backup.type));
    else statements.push(d.renameRelation(found.backup, target.identifier));
  }
  return statements;
}
