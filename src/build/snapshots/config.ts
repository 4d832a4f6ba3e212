// A snapshot's resolved settings: strategy, keys, meta column names, hard-delete handling.
import type { ManifestNode } from '../../project/manifest-types.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { UserError } from '../../util/errors.js';

export type HardDeletes = 'ignore' | 'invalidate' | 'new_record';

export interface SnapshotColumnNames {
  dbt_scd_id: string;
  dbt_updated_at: string;
  dbt_valid_from: string;
  dbt_valid_to: string;
  dbt_is_deleted: string;
}

export interface SnapshotConfig {
  strategy: 'timestamp' | 'check';
  /** Key expressions as written (dbt splices them into SQL unquoted). */
  uniqueKey: string[];
  /** unique_key was given as a list: staging columns are dbt_unique_key_1..n, else dbt_unique_key. */
  keyIsList: boolean;
  /** timestamp: the updated_at expression; check: optional (null → the snapshot time). */
  updatedAt: string | null;
  /** check only: 'all' or the columns to compare. */
  checkCols: 'all' | string[];
  hardDeletes: HardDeletes;
  columns: SnapshotColumnNames;
  /** SQL expression used for dbt_valid_to of current rows instead of null (dbt_valid_to_current). */
  validToCurrent: string | null;
}

const DEFAULT_COLUMNS: SnapshotColumnNames = {
  dbt_scd_id: 'dbt_scd_id',
  dbt_updated_at: 'dbt_updated_at',
  dbt_valid_from: 'dbt_valid_from',
  dbt_valid_to: 'dbt_valid_to',
  dbt_is_deleted: 'dbt_is_deleted',
};

export function snapshotConfig(node: ManifestNode): SnapshotConfig {
  const c = node.config;
  const fail = (message: string, hint: string): never => {
    throw new UserError(message, { location: node.location ?? { file: node.original_file_path }, node: node.unique_id, hint });
  };
  const strategy = c.strategy;
  if (strategy !== 'timestamp' && strategy !== 'check') {
    fail(
      strategy ? `unknown snapshot strategy '${String(strategy)}'.${didYouMean(String(strategy), ['timestamp', 'check'])}` : 'a snapshot needs a strategy',
      "Set strategy='timestamp' (with updated_at) or strategy='check' (with check_cols).",
    );
  }
  const key = c.unique_key;
  const uniqueKey = (Array.isArray(key) ? key : key ? [key] : []).map((k) => String(k).trim()).filter((k) => k !== '');
  if (uniqueKey.length === 0) fail('a snapshot needs a unique_key', "Set unique_key='id' (or a list of columns) in the snapshot's config.");
  const updatedAt = typeof c.updated_at === 'string' && c.updated_at.trim() !== '' ? c.updated_at.trim() : null;
  if (strategy === 'timestamp' && !updatedAt) fail("the timestamp strategy needs updated_at", "Set updated_at to the column that records when a row last changed.");
  let checkCols: 'all' | string[] = 'all';
  if (strategy === 'check') {
    const raw = c.check_cols;
    if (raw === 'all') checkCols = 'all';
    else if (Array.isArray(raw) && raw.length > 0) checkCols = raw.map(String);
    else fail('the check strategy needs check_cols', "Set check_cols='all' or a list of columns to compare.");
  }
  let hardDeletes: HardDeletes = c.invalidate_hard_deletes === true ? 'invalidate' : 'ignore';
  if (c.hard_deletes !== null && c.hard_deletes !== undefined) {
    if (!['ignore', 'invalidate', 'new_record'].includes(c.hard_deletes)) {
      fail(`unknown hard_deletes '${String(c.hard_deletes)}'`, 'Use one of: ignore, invalidate, new_record.');
    }
    hardDeletes = c.hard_deletes;
  }
  const names = (c.snapshot_meta_column_names ?? {}) as Record<string, unknown>;
  const columns = { ...DEFAULT_COLUMNS };
  for (const [k, v] of Object.entries(names)) {
    if (!(k in columns)) fail(`unknown snapshot_meta_column_names key '${k}'.${didYouMean(k, Object.keys(columns))}`, `Use the keys: ${Object.keys(columns).join(', ')}.`);
    if (typeof v === 'string' && v.trim() !== '') columns[k as keyof SnapshotColumnNames] = v.trim();
  }
  const vtc = c.dbt_valid_to_current;
  return {
    strategy: strategy as 'timestamp' | 'check',
    uniqueKey,
    keyIsList: Array.isArray(key),
    updatedAt,
    checkCols,
    hardDeletes,
    columns,
    validToCurrent: typeof vtc === 'string' && vtc.trim() !== '' ? vtc : null,
  };
}
