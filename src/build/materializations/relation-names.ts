// Names of the intermediate relations a build leaves behind while it runs. They are fixed (not random)
// so the next run can find and clean up what a killed run left.
import type { RelationRef } from '../../warehouse/adapter.js';

export const TMP_SUFFIX = '__martflow_tmp';
export const BACKUP_SUFFIX = '__martflow_backup';
export const STAGE_SUFFIX = '__martflow_stage';

/** PostgreSQL truncates identifiers at 63 bytes; keep the suffix intact so the names stay distinct. */
const MAX_IDENTIFIER = 63;

export function suffixed(ref: RelationRef, suffix: string): RelationRef {
  const room = MAX_IDENTIFIER - suffix.length;
  const base = Buffer.byteLength(ref.identifier) > room ? truncateBytes(ref.identifier, room) : ref.identifier;
  return { ...ref, identifier: base + suffix };
}

function truncateBytes(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/** The SQL the model selects, without trailing semicolons that would break `create … as (…)`. */
export function cleanSelect(sql: string): string {
  return sql.replace(/[\s;]+$/u, '');
}
