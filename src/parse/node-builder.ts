// One SQL node from its file: the parse-time render (or the static parse, or the partial-parse
// cache) captures ref/source/config/macros; then config (dbt's precedence), names and links.
// The full parse builds every node with it; a re-parse builds only the nodes whose file changed.
import type { JinjaEnvironment } from '../jinja/index.js';
import type { GenericTestInstance, NodePatch } from '../project/loaded-project.js';
import type { ManifestNode, RefCall } from '../project/manifest-types.js';
import { createConfigResolver, type ProjectConfigs } from '../project/resolve-config.js';
import type { ConfigResourceType } from '../project/config-keys.js';
import type { RenderEnvironment } from '../context/dbt-context.js';
import type { ErrorCollector, SourceLocation } from '../util/errors.js';
import type { Dialect } from '../warehouse/adapter.js';
import type { Capture } from './capture.js';
import { BuiltinTestCaptures } from './builtin-test-capture.js';
import { captureStatic, parseStatic, rememberStaticForm, staticParseAllowed, type StaticTemplate } from './static-parse.js';
import { Naming } from './naming.js';
import type { RefIndex, Refable } from './ref-index.js';
import { newNode, type NodeFileSeed } from './node-factory.js';
import type { PartialParseCache } from './partial-parse.js';

/** A node's identity and text; `template` is what renders (a snapshot block's SQL, else the file). */
export type SqlNodeSeed = NodeFileSeed & { template: string };

export interface SqlNodeExtra {
  schemaYamlConfig?: Record<string, unknown>;
  renderExtra?: Record<string, unknown>;
  testInstance?: GenericTestInstance;
  version?: string | number;
  latestVersion?: string | number;
}

export interface BuiltNode {
  node: ManifestNode;
  capture: Capture;
  location: SourceLocation;
  enabled: boolean;
}

/**
 * What building nodes needs of the template engine. A re-parse of a file that is only literal
 * ref/source/config calls, in a project that does not override naming, never asks for env() or jinja().
 */
export interface BuilderEngine {
  /** The render environment (its macros compiled on first use). */
  env(): RenderEnvironment;
  jinja(): JinjaEnvironment;
  /** Whether a project or package macro overrides dbt's macro of this name. */
  isOverridden(name: string): boolean;
  dialect: Dialect;
}

/** The engine of a full parse, where everything is loaded already. */
export function loadedEngine(env: RenderEnvironment, jinja: JinjaEnvironment): BuilderEngine {
  return { env: () => env, jinja: () => jinja, isOverridden: (name) => env.registry.isOverridden(name), dialect: env.dialect };
}

/** The parse-time renderer, loaded with the template engine when a node first needs rendering. */
let captureModule: Promise<typeof import('./capture.js')> | null = null;

/** The node seed of a generic test defined in schema YAML (`path`: the schema file, project-relative). */
export function genericTestSeed(t: GenericTestInstance, path: string): SqlNodeSeed {
  return { uniqueId: t.uniqueId, name: t.name, path: t.nodePath, originalFilePath: path, fqn: t.fqn, rawCode: t.rawCode, checksum: '', template: t.rawCode, location: t.location };
}

/** The fields a generic test node takes from its YAML entry (dbt's test_metadata, column, tags…). */
export function applyTestInstance(node: ManifestNode, t: GenericTestInstance): void {
  node.test_metadata = { name: t.testName, kwargs: t.kwargs, namespace: t.namespace };
  node.column_name = t.columnName;
  node.file_key_name = t.fileKeyName;
  node.description = t.description;
  node.checksum = { name: 'none', checksum: '' };
  node.tags = [...new Set([...t.tags, ...node.config.tags])];
}

export class NodeBuilder {
  private readonly resolveConfig;
  private readonly naming: Naming;
  private readonly staticAllowed: boolean;
  private readonly builtinTests = new BuiltinTestCaptures();
  /** Nodes rendered or statically parsed (not taken from the partial-parse cache). */
  renderedCount = 0;

  constructor(
    project: ProjectConfigs,
    private readonly engine: BuilderEngine,
    private readonly errors: ErrorCollector,
    readonly targetSchema: string,
    readonly targetDatabase: string | null,
    private readonly cache?: PartialParseCache,
  ) {
    this.resolveConfig = createConfigResolver(project);
    this.naming = new Naming(engine.env, engine.isOverridden, targetSchema, targetDatabase);
    // A project macro named ref, source or config changes what those calls do: then every file renders.
    this.staticAllowed = staticParseAllowed((n) => engine.isOverridden(n));
  }

  /** Renders (or takes from cache), resolves config; null when the node has errors (collected). */
  async sqlNode(packageName: string, resourceType: 'model' | 'analysis' | 'test' | 'snapshot', seed: SqlNodeSeed, patch: NodePatch | undefined, extra?: SqlNodeExtra): Promise<BuiltNode | null> {
    const { errors } = this;
    const configType = resourceType as ConfigResourceType;
    const layers = { schemaYaml: extra?.schemaYamlConfig ?? patch?.config, schemaYamlLocation: patch?.location };
    const test = extra?.testInstance;
    // Captured without rendering: files of literal ref/source/config calls, not_null/unique tests.
    // That is as quick as a partial-parse cache hit, so the cache keeps only what was rendered.
    let capture: Capture | null | undefined = null;
    let form: StaticTemplate | null | undefined;
    if (this.staticAllowed) {
      if (test) capture = this.builtinTests.lookup(test);
      else {
        form = parseStatic(seed.template);
        capture = form && captureStatic(form);
      }
    }
    if (capture) this.renderedCount++;
    const cacheKey = capture ? '' : seed.checksum + (test ? JSON.stringify(test.kwargs) : '');
    if (!capture) {
      capture = this.cache?.lookup(seed.uniqueId, cacheKey);
      if (capture && test && this.staticAllowed) this.builtinTests.record(test, capture);
    }
    // A render needs the config known before it (project tree and schema YAML) for config.get; a
    // static parse or a cached capture has its config() values already: the config is resolved once.
    if (!capture) {
      const known = errors.try(() => this.resolveConfig(configType, packageName, seed.fqn, layers, seed.location));
      if (!known) return null;
      const jinja = this.engine.jinja();
      const template = errors.try(() => jinja.compile(seed.template, seed.originalFilePath));
      if (!template) return null;
      const model = { unique_id: seed.uniqueId, name: seed.name, resource_type: resourceType, package_name: packageName, fqn: seed.fqn, config: known, path: seed.path, original_file_path: seed.originalFilePath };
      const { captureRender } = await (captureModule ??= import('./capture.js'));
      capture = await errors.tryAsync(() =>
        captureRender(this.engine.env(), { template, packageName, nodeName: seed.uniqueId, knownConfig: known, model, extra: extra?.renderExtra, testKwargs: extra?.testInstance?.kwargs, jinja, file: seed.originalFilePath, targetSchema: this.targetSchema }),
      );
      if (!capture) return null;
      if (test && this.staticAllowed) this.builtinTests.record(test, capture);
      this.renderedCount++;
      this.cache?.store(seed.uniqueId, cacheKey, capture);
    }
    const config = errors.try(() => this.resolveConfig(configType, packageName, seed.fqn, { ...layers, inFile: capture!.config }, seed.location));
    if (!config) return null;
    const node = newNode(seed, { resourceType, packageName, patch }, config);
    // Compiling this node reads the same text (a snapshot renders a different one).
    if (form !== undefined && seed.template === seed.rawCode) rememberStaticForm(node, form);
    node.unrendered_config = { ...capture.config };
    if (extra?.version !== undefined) {
      node.version = extra.version;
      node.latest_version = extra.latestVersion ?? null;
    }
    node.depends_on.macros = capture.macros;
    node.refs = capture.refs;
    node.sources = capture.sources;
    return { node, capture, location: seed.location, enabled: Boolean(config.enabled) };
  }

  /** Schema, alias, database and relation name (through the generate_*_name macros). */
  async assignNames(n: ManifestNode): Promise<void> {
    const { errors, targetSchema, targetDatabase } = this;
    const { dialect } = this.engine;
    if (n.resource_type === 'test' || n.resource_type === 'analysis') {
      n.schema = targetSchema;
      n.database = targetDatabase;
      n.alias = (n.config.alias as string | undefined) ?? n.name;
      if (n.resource_type === 'test' && n.config.store_failures) {
        const names = await errors.tryAsync(() => this.naming.names({ packageName: n.package_name, name: n.name, uniqueId: n.unique_id, resourceType: 'test', config: { ...n.config, schema: (n.config.schema as string | undefined) ?? 'dbt_test__audit' }, nodeDict: n as unknown as Record<string, unknown> }));
        if (names) Object.assign(n, { schema: names.schema, database: names.database, alias: names.alias });
        n.relation_name = dialect.relation({ database: n.database, schema: n.schema, identifier: n.alias });
      }
      return;
    }
    const names = await errors.tryAsync(() =>
      this.naming.names({ packageName: n.package_name, name: n.name, uniqueId: n.unique_id, resourceType: n.resource_type, config: n.config, version: n.version, nodeDict: n as unknown as Record<string, unknown> }),
    );
    if (!names) return;
    n.schema = names.schema;
    n.database = names.database;
    n.alias = names.alias;
    n.relation_name = n.config.materialized === 'ephemeral' ? null : dialect.relation({ database: n.database, schema: n.schema, identifier: n.alias });
  }

  /** Resolves the node's refs and sources to unique_ids (depends_on.nodes) and a test's attached node. */
  link(n: ManifestNode, refIndex: RefIndex<Refable>, location: SourceLocation): void {
    n.depends_on.nodes = resolveDependencies(n, refIndex, this.errors, location);
    if (n.resource_type === 'test' && n.test_metadata) n.attached_node = attachedNode(n, refIndex);
  }
}

/** The unique_ids a node's refs and sources resolve to, in call order without repeats. */
export function resolveDependencies(n: { refs: RefCall[]; sources: [string, string][]; package_name: string; unique_id: string }, refIndex: RefIndex<Refable>, errors: ErrorCollector, location: SourceLocation): string[] {
  const deps = new Set<string>();
  for (const r of n.refs) {
    const target = errors.try(() => refIndex.resolveRef(r, n.package_name, n.unique_id, location));
    if (target) deps.add(target.unique_id);
  }
  for (const [s, t] of n.sources) {
    const src = errors.try(() => refIndex.resolveSource(s, t, n.unique_id, location));
    if (src) deps.add(src.unique_id);
  }
  return [...deps];
}

function attachedNode(n: ManifestNode, index: RefIndex<Refable>): string | null {
  const model = n.test_metadata?.kwargs.model;
  if (typeof model !== 'string') return null;
  const m = /ref\(\s*['"]([^'"]+)['"](?:\s*,\s*['"]([^'"]+)['"])?/.exec(model);
  if (!m) return null;
  const call: RefCall = m[2] ? { package: m[1]!, name: m[2] } : { name: m[1]! };
  try {
    return index.resolveRef(call, n.package_name, n.unique_id).unique_id;
  } catch {
    return null;
  }
}
