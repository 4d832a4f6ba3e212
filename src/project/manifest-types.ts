// The Manifest: everything parse knows about a project, in the shape of dbt's manifest v12
// (https://schemas.getdbt.com/dbt/manifest/v12.json) so tools that read dbt manifests read ours.
// Every stage after parse (graph, selection, compile, build, docs) reads these types.
import type { SourceLocation } from '../util/errors.js';

export type ResourceType =
  | 'model'
  | 'seed'
  | 'snapshot'
  | 'test'
  | 'unit_test'
  | 'analysis'
  | 'operation'
  | 'source'
  | 'exposure'
  | 'macro'
  | 'doc'
  | 'metric'
  | 'semantic_model'
  | 'saved_query'
  | 'group';

export type Materialization = 'view' | 'table' | 'incremental' | 'ephemeral' | 'seed' | 'snapshot' | 'test' | 'unit' | (string & {});

/** Resolved node config. Known keys are typed; others (validated against the known set) pass through. */
export interface NodeConfig {
  enabled: boolean;
  materialized: Materialization;
  alias?: string | null;
  schema?: string | null;
  database?: string | null;
  tags: string[];
  meta: Record<string, unknown>;
  group?: string | null;
  persist_docs: Record<string, unknown>;
  quoting: Record<string, unknown>;
  column_types: Record<string, string>;
  full_refresh?: boolean | null;
  unique_key?: string | string[] | null;
  on_schema_change?: 'ignore' | 'fail' | 'append_new_columns' | 'sync_all_columns' | null;
  incremental_strategy?: 'append' | 'merge' | 'delete+insert' | 'microbatch' | (string & {}) | null;
  incremental_predicates?: string[] | null;
  contract: { enforced: boolean; alias_types?: boolean };
  docs: { show: boolean; node_color?: string | null };
  access?: 'private' | 'protected' | 'public';
  'pre-hook': Hook[];
  'post-hook': Hook[];
  grants?: Record<string, string[]>;
  packages?: string[];
  // tests
  severity?: 'ERROR' | 'WARN' | 'error' | 'warn';
  store_failures?: boolean | null;
  store_failures_as?: 'table' | 'view' | 'ephemeral' | null;
  where?: string | null;
  limit?: number | null;
  fail_calc?: string;
  warn_if?: string;
  error_if?: string;
  // seeds
  quote_columns?: boolean | null;
  delimiter?: string;
  // snapshots
  strategy?: 'timestamp' | 'check' | null;
  target_schema?: string | null;
  target_database?: string | null;
  updated_at?: string | null;
  check_cols?: string | string[] | null;
  hard_deletes?: 'ignore' | 'invalidate' | 'new_record' | null;
  invalidate_hard_deletes?: boolean;
  snapshot_meta_column_names?: Record<string, string>;
  [key: string]: unknown;
}

export interface Hook {
  sql: string;
  transaction: boolean;
  index?: number | null;
}

export interface ColumnInfo {
  name: string;
  description: string;
  meta: Record<string, unknown>;
  data_type: string | null;
  constraints: Constraint[];
  quote: boolean | null;
  tags: string[];
  granularity?: string | null;
  doc_blocks?: string[];
}

export interface Constraint {
  type: 'check' | 'not_null' | 'unique' | 'primary_key' | 'foreign_key' | 'custom';
  name?: string | null;
  expression?: string | null;
  warn_unenforced?: boolean;
  warn_unsupported?: boolean;
  to?: string | null;
  to_columns?: string[];
  columns?: string[];
}

export interface DependsOn {
  macros: string[];
  nodes: string[];
}

/** A ref() call as written: ref('pkg', 'name', v=2) → { package: 'pkg', name: 'name', version: 2 }. */
export interface RefCall {
  name: string;
  package?: string | null;
  version?: string | number | null;
}

export interface TestMetadata {
  name: string;
  kwargs: Record<string, unknown>;
  namespace: string | null;
}

/** Models, seeds, snapshots, tests, analyses, operations (hooks) — dbt's "nodes". */
export interface ManifestNode {
  unique_id: string;
  resource_type: 'model' | 'seed' | 'snapshot' | 'test' | 'analysis' | 'operation' | 'sql_operation';
  package_name: string;
  name: string;
  /** Path relative to the resource folder (models/…), as dbt writes it. */
  path: string;
  /** Path relative to the project root. */
  original_file_path: string;
  fqn: string[];
  alias: string;
  schema: string;
  database: string | null;
  relation_name: string | null;
  checksum: { name: string; checksum: string };
  config: NodeConfig;
  /** Config given in the SQL file's config() call only (dbt keeps it apart). */
  unrendered_config: Record<string, unknown>;
  tags: string[];
  description: string;
  columns: Record<string, ColumnInfo>;
  meta: Record<string, unknown>;
  docs: { show: boolean; node_color?: string | null };
  patch_path: string | null;
  build_path: string | null;
  raw_code: string;
  language: 'sql' | 'python';
  refs: RefCall[];
  sources: [string, string][];
  metrics: string[][];
  depends_on: DependsOn;
  compiled_path: string | null;
  compiled?: boolean;
  compiled_code?: string;
  extra_ctes_injected?: boolean;
  extra_ctes?: { id: string; sql: string }[];
  contract: { enforced: boolean; alias_types: boolean; checksum: string | null };
  constraints: Constraint[];
  access?: 'private' | 'protected' | 'public';
  version?: string | number | null;
  latest_version?: string | number | null;
  deprecation_date?: string | null;
  group?: string | null;
  created_at: number;
  /** Tests only. */
  test_metadata?: TestMetadata;
  column_name?: string | null;
  attached_node?: string | null;
  file_key_name?: string | null;
  /** Seeds only: the CSV path relative to the project root. */
  root_path?: string;
  /** Where the node is defined (for error messages). Not part of dbt's shape; written as martflow extra. */
  location?: SourceLocation;
}

export interface SourceDefinition {
  unique_id: string;
  resource_type: 'source';
  package_name: string;
  name: string;
  source_name: string;
  source_description: string;
  identifier: string;
  database: string | null;
  schema: string;
  relation_name: string;
  loader: string;
  loaded_at_field: string | null;
  loaded_at_query?: string | null;
  freshness: FreshnessThreshold | null;
  path: string;
  original_file_path: string;
  fqn: string[];
  description: string;
  columns: Record<string, ColumnInfo>;
  meta: Record<string, unknown>;
  source_meta: Record<string, unknown>;
  tags: string[];
  config: { enabled: boolean; [key: string]: unknown };
  quoting: Record<string, unknown>;
  external: unknown;
  patch_path: string | null;
  unrendered_config: Record<string, unknown>;
  created_at: number;
  location?: SourceLocation;
}

export interface FreshnessThreshold {
  warn_after: { count: number | null; period: 'minute' | 'hour' | 'day' | null } | null;
  error_after: { count: number | null; period: 'minute' | 'hour' | 'day' | null } | null;
  filter: string | null;
}

export interface MacroArgument {
  name: string;
  type?: string | null;
  description?: string;
}

export interface Macro {
  unique_id: string;
  resource_type: 'macro';
  package_name: string;
  name: string;
  path: string;
  original_file_path: string;
  macro_sql: string;
  depends_on: { macros: string[] };
  description: string;
  meta: Record<string, unknown>;
  docs: { show: boolean };
  patch_path: string | null;
  arguments: MacroArgument[];
  created_at: number;
  supported_languages: string[] | null;
  /** 1-based line where the {% macro %} tag starts inside the file. */
  location?: SourceLocation;
}

export interface Documentation {
  unique_id: string;
  resource_type: 'doc';
  package_name: string;
  name: string;
  path: string;
  original_file_path: string;
  block_contents: string;
}

export interface Exposure {
  unique_id: string;
  resource_type: 'exposure';
  package_name: string;
  name: string;
  type: 'dashboard' | 'notebook' | 'analysis' | 'ml' | 'application';
  owner: { email?: string | null; name?: string | null };
  description: string;
  label?: string | null;
  maturity?: 'low' | 'medium' | 'high' | null;
  url?: string | null;
  path: string;
  original_file_path: string;
  fqn: string[];
  meta: Record<string, unknown>;
  tags: string[];
  config: { enabled: boolean; [key: string]: unknown };
  unrendered_config: Record<string, unknown>;
  depends_on: DependsOn;
  refs: RefCall[];
  sources: [string, string][];
  metrics: string[][];
  created_at: number;
  location?: SourceLocation;
}

export interface UnitTestDefinition {
  unique_id: string;
  resource_type: 'unit_test';
  package_name: string;
  name: string;
  model: string;
  given: { input: string; rows?: unknown; format?: 'dict' | 'csv' | 'sql'; fixture?: string | null }[];
  expect: { rows?: unknown; format?: 'dict' | 'csv' | 'sql'; fixture?: string | null };
  overrides?: { macros?: Record<string, unknown>; vars?: Record<string, unknown>; env_vars?: Record<string, unknown> } | null;
  description: string;
  path: string;
  original_file_path: string;
  fqn: string[];
  config: { enabled: boolean; tags: string[]; meta: Record<string, unknown>; [key: string]: unknown };
  depends_on: DependsOn;
  created_at: number;
  location?: SourceLocation;
}

export interface SelectorDefinition {
  name: string;
  description?: string;
  default?: boolean;
  definition: unknown;
}

export interface ManifestMetadata {
  dbt_schema_version: string;
  dbt_version: string;
  generated_at: string;
  invocation_id: string;
  env: Record<string, string>;
  project_name: string;
  project_id: string | null;
  user_id: string | null;
  send_anonymous_usage_stats: boolean;
  adapter_type: string | null;
}

export interface Manifest {
  metadata: ManifestMetadata;
  nodes: Record<string, ManifestNode>;
  sources: Record<string, SourceDefinition>;
  macros: Record<string, Macro>;
  docs: Record<string, Documentation>;
  exposures: Record<string, Exposure>;
  metrics: Record<string, unknown>;
  groups: Record<string, unknown>;
  selectors: Record<string, SelectorDefinition>;
  disabled: Record<string, unknown[]>;
  parent_map: Record<string, string[]>;
  child_map: Record<string, string[]>;
  group_map: Record<string, string[]>;
  saved_queries: Record<string, unknown>;
  semantic_models: Record<string, unknown>;
  unit_tests: Record<string, UnitTestDefinition>;
}

/** Anything in the graph that selectors can pick. */
export type GraphMember = ManifestNode | SourceDefinition | Exposure | UnitTestDefinition;
