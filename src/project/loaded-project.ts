// The output of project loading: everything about a dbt project's files, YAML and config, as
// serializable data. The parser (src/parser, the lead's) renders model SQL with Jinja and turns this
// into a Manifest (./manifest-types.ts). Nothing here renders model SQL.
import type { SourceLocation } from '../util/errors.js';
import type { PackageFileIndex } from './read-files.js';
import type { Constraint, FreshnessThreshold, SelectorDefinition } from './manifest-types.js';

/** Renders one YAML string value containing `{{` or `{%` (env_var(), var(), target…). */
export type YamlRenderer = (text: string, location: SourceLocation) => Promise<string>;

export interface LoadProjectOptions {
  profilesDir?: string;
  target?: string;
  /** --vars from the command line; they override every vars: in dbt_project.yml. */
  vars?: Record<string, unknown>;
  renderYaml: YamlRenderer;
  /** Home directory for ~/.martflow and ~/.dbt lookup (tests override it). Default os.homedir(). */
  homeDir?: string;
}

/** One file read from disk. */
export interface ProjectFile {
  /** Path relative to the package root, with forward slashes ("models/staging/stg_orders.sql"). */
  path: string;
  absolutePath: string;
  /** sha256 hex of the text, as dbt's FileHash. */
  checksum: string;
  text: string;
}

// ---------------------------------------------------------------- dbt_project.yml

/** A config tree (models:, seeds:, …): `+key` configs at each level, folders beneath. */
export interface ConfigTree {
  /** Config keys set at this level (the `+` stripped), already validated against the known keys. */
  config: Record<string, unknown>;
  /** Where each key was set, for error messages. */
  locations: Record<string, SourceLocation>;
  /** Sub-folders / resource names beneath this level. */
  children: Record<string, ConfigTree>;
}

export type ConfigTreeKind =
  | 'models'
  | 'seeds'
  | 'snapshots'
  | 'data_tests'
  | 'sources'
  | 'exposures'
  | 'unit_tests';

export interface DispatchConfig {
  macro_namespace: string;
  search_order: string[];
}

export interface ProjectConfig {
  name: string;
  version: string | null;
  configVersion: number;
  profile: string | null;
  modelPaths: string[];
  seedPaths: string[];
  snapshotPaths: string[];
  macroPaths: string[];
  testPaths: string[];
  analysisPaths: string[];
  docsPaths: string[];
  assetPaths: string[];
  targetPath: string;
  logPath: string;
  packagesInstallPath: string;
  cleanTargets: string[];
  /** vars: keys that are not package names. */
  vars: Record<string, unknown>;
  /** vars: { <package>: {...} } scoped to one package. */
  packageVars: Record<string, Record<string, unknown>>;
  onRunStart: string[];
  onRunEnd: string[];
  dispatch: DispatchConfig[];
  quoting: Record<string, unknown>;
  requireDbtVersion: string[];
  flags: Record<string, unknown>;
  /**
   * Config trees keyed by kind, each keyed by package name at the top
   * (models: { my_project: { staging: { +materialized: view } } } → trees.models.children.my_project…).
   * Top-level `+keys` apply to every package. `tests:` is merged into `data_tests`; analyses use `models:`.
   */
  configTrees: Record<ConfigTreeKind, ConfigTree>;
  location: SourceLocation;
}

// ---------------------------------------------------------------- profiles.yml

export interface DuckdbOutput {
  type: 'duckdb';
  /** Absolute path, or ':memory:'. */
  path: string;
  database: string;
  schema: string;
  threads: number;
  extensions: string[];
  settings: Record<string, unknown>;
  [key: string]: unknown;
}

export interface PostgresOutput {
  type: 'postgres';
  host: string;
  port: number;
  user: string;
  password: string;
  dbname: string;
  schema: string;
  threads: number;
  sslmode?: string;
  keepalives_idle?: number;
  connect_timeout?: number;
  search_path?: string;
  role?: string;
  retries?: number;
  [key: string]: unknown;
}

export type TargetOutput = DuckdbOutput | PostgresOutput;

export interface ResolvedTarget {
  profileName: string;
  targetName: string;
  output: TargetOutput;
  /** The profiles.yml used, or null when martflow fell back to its default DuckDB target. */
  profilesPath: string | null;
  /** Human note for `debug` (e.g. "no profiles.yml found; using the embedded DuckDB default"). */
  note?: string;
}

// ---------------------------------------------------------------- files

/** A model/analysis/singular-test SQL file. name = file name without extension. */
export interface SqlResourceFile {
  name: string;
  /** Path relative to the resource folder (models/ stripped), as dbt's `path`. */
  path: string;
  /** fqn as dbt builds it: [package, ...folders, name]. */
  fqn: string[];
  file: ProjectFile;
}

export interface SeedFile {
  name: string;
  path: string;
  fqn: string[];
  file: ProjectFile;
}

/** One {% snapshot name %}…{% endsnapshot %} block. */
export interface SnapshotBlock {
  name: string;
  path: string;
  fqn: string[];
  file: ProjectFile;
  /** The text between the tags (the snapshot's SQL + config()). */
  body: string;
  /** The whole block including the tags (dbt's raw_code). */
  raw: string;
  /** Line of the {% snapshot %} tag, 1-based. */
  location: SourceLocation;
}

export interface DocBlock {
  name: string;
  contents: string;
  file: ProjectFile;
  location: SourceLocation;
}

/** A macro file; the lead compiles it. `genericTests` lists the {% test name %} blocks found. */
export interface MacroFile {
  /** Relative to the package root ("macros/cents.sql"), as dbt's macro path. */
  path: string;
  file: ProjectFile;
  genericTests: { name: string; location: SourceLocation }[];
}

// ---------------------------------------------------------------- schema YAML

export interface ColumnPatch {
  name: string;
  description: string;
  data_type: string | null;
  constraints: Constraint[];
  meta: Record<string, unknown>;
  tags: string[];
  quote: boolean | null;
  /** Column-level config (meta/tags; dbt 1.10). */
  config: Record<string, unknown>;
  location: SourceLocation;
}

export interface ModelVersionPatch {
  v: string | number;
  defined_in: string | null;
  description: string | null;
  columns: ColumnPatch[];
  /** include/exclude of the top-level columns, already applied to `columns`. */
  config: Record<string, unknown>;
  constraints: Constraint[];
  deprecation_date: string | null;
  location: SourceLocation;
}

export type PatchKind = 'model' | 'seed' | 'snapshot' | 'analysis';

/** models:/seeds:/snapshots:/analyses: entries of schema YAML. */
export interface NodePatch {
  kind: PatchKind;
  name: string;
  packageName: string;
  description: string;
  columns: ColumnPatch[];
  config: Record<string, unknown>;
  meta: Record<string, unknown>;
  tags: string[];
  docs: { show: boolean; node_color?: string | null };
  constraints: Constraint[];
  access: 'private' | 'protected' | 'public' | null;
  group: string | null;
  latest_version: string | number | null;
  versions: ModelVersionPatch[];
  deprecation_date: string | null;
  /** YAML snapshot defined with relation: (dbt 1.9). */
  relation?: string | null;
  /** Schema file path relative to the package root (dbt's patch_path without the package prefix). */
  patchPath: string;
  location: SourceLocation;
}

export interface SourceTableInput {
  name: string;
  identifier: string;
  description: string;
  columns: ColumnPatch[];
  meta: Record<string, unknown>;
  tags: string[];
  config: Record<string, unknown>;
  quoting: Record<string, unknown>;
  /** Table's own freshness merged over the source's (null disables). */
  freshness: FreshnessThreshold | null;
  loaded_at_field: string | null;
  loaded_at_query: string | null;
  external: unknown;
  location: SourceLocation;
}

export interface SourceInput {
  name: string;
  packageName: string;
  description: string;
  database: string | null;
  schema: string;
  loader: string;
  meta: Record<string, unknown>;
  tags: string[];
  config: Record<string, unknown>;
  quoting: Record<string, unknown>;
  freshness: FreshnessThreshold | null;
  loaded_at_field: string | null;
  tables: SourceTableInput[];
  /** `overrides: <package>`: this source replaces the same-named source of that package. */
  overrides?: string;
  /** Schema file path relative to the package root. */
  path: string;
  location: SourceLocation;
}

export interface MacroPatch {
  name: string;
  packageName: string;
  description: string;
  arguments: { name: string; type: string | null; description: string }[];
  meta: Record<string, unknown>;
  docs: { show: boolean };
  patchPath: string;
  location: SourceLocation;
}

export interface ExposureInput {
  name: string;
  packageName: string;
  type: 'dashboard' | 'notebook' | 'analysis' | 'ml' | 'application';
  owner: { email?: string | null; name?: string | null };
  description: string;
  label: string | null;
  maturity: 'low' | 'medium' | 'high' | null;
  url: string | null;
  meta: Record<string, unknown>;
  tags: string[];
  config: Record<string, unknown>;
  /** depends_on: entries as written ("ref('orders')", "source('a','b')"); the lead renders them. */
  dependsOn: string[];
  path: string;
  location: SourceLocation;
}

export interface UnitTestInput {
  name: string;
  packageName: string;
  model: string;
  given: { input: string; rows?: unknown; format: 'dict' | 'csv' | 'sql'; fixture?: string | null }[];
  expect: { rows?: unknown; format: 'dict' | 'csv' | 'sql'; fixture?: string | null };
  overrides: { macros?: Record<string, unknown>; vars?: Record<string, unknown>; env_vars?: Record<string, unknown> } | null;
  description: string;
  config: Record<string, unknown>;
  versions?: { include?: (string | number)[]; exclude?: (string | number)[] } | null;
  path: string;
  location: SourceLocation;
}

export interface GroupInput {
  name: string;
  packageName: string;
  owner: { email?: string | null; name?: string | null; [key: string]: unknown };
  description: string | null;
  path: string;
  location: SourceLocation;
}

/** What a generic test is attached to. */
export interface TestTarget {
  kind: 'model' | 'seed' | 'snapshot' | 'source' | 'analysis';
  /** Model/seed/snapshot name, or the source table name. */
  name: string;
  /** Source name when kind is 'source'. */
  sourceName?: string;
  /** Model version when the test comes from a versions: entry. */
  version?: string | number;
}

/** One generic data test instance from schema YAML (not_null on orders.id, …), named as dbt names it. */
export interface GenericTestInstance {
  /** dbt's node name (the full synthesized name, or the entry's name: override), e.g. not_null_orders_id. */
  name: string;
  /** Equal to name unless the name is 64+ chars: then <first 30 chars>_<md5>, used as config.alias and file name. */
  shortName: string;
  /** dbt's `path` for the test node: "<shortName>.sql". */
  nodePath: string;
  /** Column tags + the entry's tags, sorted and unique (dbt's node.tags before config tags are appended). */
  tags: string[];
  /** test.<package>.<name>.<10-char hash>. */
  uniqueId: string;
  packageName: string;
  /** The test macro's short name: not_null, unique_combination_of_columns. */
  testName: string;
  /** Namespace for package tests (dbt_utils), else null. */
  namespace: string | null;
  /** Keyword arguments as dbt puts them in test_metadata.kwargs (model = "{{ get_where_subquery(ref('orders')) }}"). */
  kwargs: Record<string, unknown>;
  /** Config from the test entry (legacy top-level keys like severity/where, then the config: block), validated; alias set when the name was shortened. Pass as the schemaYaml layer of resolveNodeConfig. */
  config: Record<string, unknown>;
  /** dbt's raw_code: "{{ test_not_null(**_dbt_generic_test_kwargs) }}". */
  rawCode: string;
  columnName: string | null;
  target: TestTarget;
  /**
   * unique_id of the node the test is attached to, as dbt's attached_node would be when that node
   * exists in the same package ("model.jaffle_shop.orders", "model.pkg.dim.v2"); null for sources.
   * The parser should null it when no such node was built.
   */
  attachedNode: string | null;
  /** dbt's file_key_name, e.g. models.orders or sources.jaffle. */
  fileKeyName: string;
  /** Schema file path relative to the package root. */
  path: string;
  /** fqn as dbt builds it for a generic test: [package, ...schema-file folders, name]. */
  fqn: string[];
  description: string;
  location: SourceLocation;
}

export interface SchemaFile {
  file: ProjectFile;
  /** The resource folder kind it lives under. */
  folder: 'models' | 'seeds' | 'snapshots' | 'analyses' | 'macros' | 'tests';
}

// ---------------------------------------------------------------- packages and the whole project

export interface PackageFiles {
  models: SqlResourceFile[];
  analyses: SqlResourceFile[];
  singularTests: SqlResourceFile[];
  seeds: SeedFile[];
  snapshots: SnapshotBlock[];
  macros: MacroFile[];
  docs: DocBlock[];
  schemaFiles: SchemaFile[];
}

export interface SchemaContent {
  nodePatches: NodePatch[];
  sources: SourceInput[];
  macroPatches: MacroPatch[];
  exposures: ExposureInput[];
  unitTests: UnitTestInput[];
  groups: GroupInput[];
  tests: GenericTestInstance[];
}

/** A package before its files are read: its dbt_project.yml and the files under its resource folders. */
export interface PackageShell {
  name: string;
  /** Absolute path of the package root. */
  rootDir: string;
  isRoot: boolean;
  /** The package root relative to the project root, with a trailing '/' ('' for the root): prefix of its locations. */
  displayPrefix: string;
  project: ProjectConfig;
  /** Every file under the package's resource folders, with size and mtime (for partial parsing). */
  fileIndex: PackageFileIndex;
}

export interface LoadedPackage extends PackageShell, PackageFiles, SchemaContent {}

/** Packages named in packages.yml that martflow provides natively (dbt_utils, dbt_expectations). */
export interface BuiltinPackage {
  name: string;
  /** As written: dbt-labs/dbt_utils. */
  source: string;
  version: string | null;
}

export interface PackageSpec {
  kind: 'local' | 'builtin';
  /** local: path relative to the project root; builtin: hub name. */
  source: string;
  location: SourceLocation;
}

export interface LoadWarning {
  message: string;
  location?: SourceLocation;
}

export interface LoadedProject {
  rootDir: string;
  /** The root package (also first in `packages`). */
  root: LoadedPackage;
  /** Root first, then installed local packages. */
  packages: LoadedPackage[];
  builtinPackages: BuiltinPackage[];
  packageSpecs: PackageSpec[];
  target: ResolvedTarget;
  /** Vars from --vars (they win over project vars). */
  cliVars: Record<string, unknown>;
  selectors: SelectorDefinition[];
  warnings: LoadWarning[];
}
