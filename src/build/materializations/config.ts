// Reading and validating the materialization-related config of a node, with errors that name the node.
import type { ManifestNode } from '../../project/manifest-types.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { UserError } from '../../util/errors.js';
import type { ColumnDef, RelationInfo } from '../../warehouse/adapter.js';

export type IncrementalStrategy = 'append' | 'merge' | 'delete+insert';
export type OnSchemaChange = 'ignore' | 'fail' | 'append_new_columns' | 'sync_all_columns';

const STRATEGIES: IncrementalStrategy[] = ['append', 'merge', 'delete+insert'];
const SCHEMA_MODES: OnSchemaChange[] = ['ignore', 'fail', 'append_new_columns', 'sync_all_columns'];

function where(node: ManifestNode): { location?: ManifestNode['location']; node: string } {
  return { location: node.location ?? { file: node.original_file_path }, node: node.unique_id };
}

/** unique_key as a list of column names ('id', ['a', 'b'], or null → []). */
export function uniqueKeyList(node: ManifestNode): string[] {
  const key = node.config.unique_key;
  if (key === null || key === undefined || key === '') return [];
  const list = Array.isArray(key) ? key : [key];
  for (const k of list) {
    if (typeof k !== 'string' || k.trim() === '') {
      throw new UserError(`unique_key must be a column name or a list of column names, got ${JSON.stringify(key)}`, {
        ...where(node),
        hint: "Write unique_key='id' or unique_key=['account_id', 'day'].",
      });
    }
  }
  return list.map((k) => k.trim());
}

export function incrementalStrategy(node: ManifestNode, uniqueKey: string[]): IncrementalStrategy {
  const raw = node.config.incremental_strategy;
  if (raw === null || raw === undefined || raw === '') return uniqueKey.length ? 'merge' : 'append';
  if ((STRATEGIES as string[]).includes(raw)) {
    if (raw !== 'append' && uniqueKey.length === 0) {
      throw new UserError(`incremental_strategy '${raw}' needs a unique_key`, {
        ...where(node),
        hint: "Set unique_key to the column(s) that identify a row, or use incremental_strategy='append'.",
      });
    }
    return raw as IncrementalStrategy;
  }
  if (raw === 'microbatch') {
    throw new UserError(`incremental_strategy 'microbatch' (model ${node.name}) is not supported yet`, {
      ...where(node),
      hint: "Use 'merge' or 'delete+insert' with a unique_key, filtering new rows with is_incremental().",
    });
  }
  throw new UserError(`unknown incremental_strategy '${raw}' for model ${node.name}.${didYouMean(raw, STRATEGIES)}`, {
    ...where(node),
    hint: `Use one of: ${STRATEGIES.join(', ')}.`,
  });
}

export function onSchemaChange(node: ManifestNode): OnSchemaChange {
  const raw = node.config.on_schema_change;
  if (raw === null || raw === undefined) return 'ignore';
  if ((SCHEMA_MODES as string[]).includes(raw)) return raw;
  throw new UserError(`unknown on_schema_change '${String(raw)}' for model ${node.name}.${didYouMean(String(raw), SCHEMA_MODES)}`, {
    ...where(node),
    hint: `Use one of: ${SCHEMA_MODES.join(', ')}.`,
  });
}

/**
 * Maps configured key names onto the columns the model produces (case-insensitively, as SQL does),
 * or explains which key is missing and what exists.
 */
export function resolveColumns(node: ManifestNode, what: string, names: string[], columns: ColumnDef[]): string[] {
  const byLower = new Map(columns.map((c) => [c.name.toLowerCase(), c.name]));
  return names.map((name) => {
    const found = byLower.get(name.toLowerCase());
    if (found !== undefined) return found;
    const existing = columns.map((c) => c.name);
    throw new UserError(
      `${what} column '${name}' of ${node.name} is not among the columns the model returns: ${existing.join(', ')}.${didYouMean(name, existing)}`,
      { ...where(node), hint: `Select '${name}' in the model or change ${what}.` },
    );
  });
}

/** Whether the full-refresh flag applies to this node (config full_refresh overrides the flag, as in dbt). */
export function shouldFullRefresh(node: ManifestNode, fullRefresh: boolean): boolean {
  const own = node.config.full_refresh;
  return own === null || own === undefined ? fullRefresh : own;
}

/**
 * Whether is_incremental() is true for this node: an incremental model whose table already exists
 * and is not being fully refreshed. Decided before compiling because the model's SQL depends on it.
 */
export function willBeIncremental(node: ManifestNode, existing: RelationInfo | null, fullRefresh: boolean): boolean {
  return (
    node.config.materialized === 'incremental' &&
    existing !== null &&
    existing.type === 'table' &&
    !shouldFullRefresh(node, fullRefresh)
  );
}

export function configList(node: ManifestNode, key: string): string[] | undefined {
  const v = node.config[key];
  if (v === null || v === undefined) return undefined;
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

export function compiledSql(node: ManifestNode): string {
  if (typeof node.compiled_code !== 'string') {
    throw new Error(`internal: ${node.unique_id} reached materialization without compiled_code`);
  }
  return node.compiled_code;
}
