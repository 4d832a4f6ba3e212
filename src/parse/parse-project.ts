// parse: LoadedProject → Manifest. Compiles macros, renders every node once with execute = False to
// capture ref/source/config, resolves configs (dbt's precedence) and names, links dependencies.
// User errors are collected across all nodes and reported together.
import type { JinjaEnvironment } from '../jinja/index.js';
import type { LoadedPackage, LoadedProject, NodePatch, SqlResourceFile } from '../project/loaded-project.js';
import type { Manifest, ManifestNode, NodeConfig } from '../project/manifest-types.js';
import { createConfigResolver } from '../project/resolve-config.js';
import type { RenderEnvironment } from '../context/dbt-context.js';
import { ErrorCollector, UserError, type SourceLocation } from '../util/errors.js';
import { compileMacros } from './macros.js';
import type { Capture } from './capture.js';
import { applyTestInstance, genericTestSeed, loadedEngine, NodeBuilder, type SqlNodeExtra, type SqlNodeSeed } from './node-builder.js';
import { RefIndex } from './ref-index.js';
import { applyMacroPatches, buildDocs, buildExposures, buildSources, buildUnitTests, relPath } from './resources.js';
import { newNode } from './node-factory.js';
// Not from graph/index.js: that loads the selector language, which parsing does not need.
import { buildParentChildMaps } from '../graph/parent-child-maps.js';
import type { PartialParseCache } from './partial-parse.js';
import { manifestMetadata } from '../artifacts/manifest.js';
import { defaultDatabaseOf } from '../project/profiles.js';

export interface ParseInput {
  project: LoadedProject;
  jinja: JinjaEnvironment;
  /** The render environment without a warehouse connection (adapter: null). */
  env: Omit<RenderEnvironment, 'registry'>;
  cache?: PartialParseCache;
  metadata?: Manifest['metadata'];
}


export interface ParsedProject {
  manifest: Manifest;
  env: RenderEnvironment;
  /** Nodes that were rendered (not taken from the partial-parse cache). */
  renderedCount: number;
  /** What a stored parse state keeps per node: its schema YAML entry and the environment variables its render read. */
  nodeInputs: Map<string, { patch?: NodePatch; envVars?: Record<string, string | null> }>;
  /** Names of disabled nodes (a ref to one says so). */
  disabledNames: string[];
}

interface PendingNode {
  node: ManifestNode;
  capture: Capture;
  location: SourceLocation;
}



const patchIndexes = new WeakMap<LoadedPackage, Map<string, NodePatch>>();

/** The schema YAML entry of a node (indexed once per package: projects have thousands). */
function patchFor(pkg: LoadedPackage, kind: NodePatch['kind'], name: string): NodePatch | undefined {
  let index = patchIndexes.get(pkg);
  if (!index) {
    index = new Map();
    for (const p of pkg.nodePatches) if (!index.has(`${p.kind}:${p.name}`)) index.set(`${p.kind}:${p.name}`, p);
    patchIndexes.set(pkg, index);
  }
  return index.get(`${kind}:${name}`);
}

export async function parseProject(input: ParseInput): Promise<ParsedProject> {
  const { project, jinja } = input;
  const errors = new ErrorCollector();
  const { registry, macros } = compileMacros(project, jinja, errors);
  const env: RenderEnvironment = { ...input.env, registry };
  const targetSchema = project.target.output.schema;
  const targetDatabase = input.env.adapter?.defaultDatabase ?? defaultDatabaseOf(project);
  const builder = new NodeBuilder(project, loadedEngine(env, jinja), errors, targetSchema, targetDatabase, input.cache);
  const resolveConfig = createConfigResolver(project);
  const pending: PendingNode[] = [];
  const disabledNames: string[] = [];
  const disabled: Record<string, unknown[]> = {};
  const nodeInputs: ParsedProject['nodeInputs'] = new Map();

  /** Builds the node and queues it for naming and linking (or files it under disabled). */
  async function addSqlNode(pkg: LoadedPackage, resourceType: 'model' | 'analysis' | 'test' | 'snapshot', seed: SqlNodeSeed, patch: NodePatch | undefined, extra?: SqlNodeExtra): Promise<void> {
    const built = await builder.sqlNode(pkg.name, resourceType, seed, patch, extra);
    if (!built) return;
    if (patch || built.capture.envVars) nodeInputs.set(seed.uniqueId, { patch, envVars: built.capture.envVars });
    if (!built.enabled) {
      disabledNames.push(seed.name);
      (disabled[seed.uniqueId] ??= []).push(built.node);
      return;
    }
    pending.push(built);
  }

  for (const pkg of project.packages) {
    const versions = versionedFiles(pkg);
    for (const f of pkg.models) {
      const path = relPath(pkg, project, f.file.path);
      const v = versions.get(f.name);
      if (v) {
        // A version of a versioned model: model.<pkg>.<name>.v<version>, named after the YAML entry.
        const seed = {
          ...fileSeed('model', pkg, f, path),
          uniqueId: `model.${pkg.name}.${v.patch.name}.v${v.version.v}`,
          name: v.patch.name,
          fqn: [...f.fqn.slice(0, -1), v.patch.name, `v${v.version.v}`],
        };
        await addSqlNode(pkg, 'model', seed, versionPatch(v.patch, v.version), { version: v.version.v, latestVersion: v.latest });
        continue;
      }
      await addSqlNode(pkg, 'model', fileSeed('model', pkg, f, path), patchFor(pkg, 'model', f.name));
    }
    for (const f of pkg.analyses) {
      await addSqlNode(pkg, 'analysis', fileSeed('analysis', pkg, f, relPath(pkg, project, f.file.path)), patchFor(pkg, 'analysis', f.name));
    }
    for (const f of pkg.singularTests) {
      await addSqlNode(pkg, 'test', fileSeed('test', pkg, f, relPath(pkg, project, f.file.path)), undefined);
    }
    for (const s of pkg.snapshots) {
      const path = relPath(pkg, project, s.file.path);
      const line = s.location.line ?? 1;
      await addSqlNode(pkg, 'snapshot', {
        uniqueId: `snapshot.${pkg.name}.${s.name}`, name: s.name, path: s.path, originalFilePath: path, fqn: s.fqn,
        rawCode: s.body, checksum: s.file.checksum, template: '\n'.repeat(Math.max(0, line - 1)) + s.raw, location: { file: path, line },
      }, patchFor(pkg, 'snapshot', s.name));
    }
    for (const t of pkg.tests) {
      await addSqlNode(pkg, 'test', genericTestSeed(t, relPath(pkg, project, t.path)), undefined, { schemaYamlConfig: t.config, testInstance: t });
      const last = pending[pending.length - 1];
      if (last && last.node.unique_id === t.uniqueId) applyTestInstance(last.node, t);
    }
  }

  // Seeds: config from the project tree and schema YAML; no SQL to render.
  for (const pkg of project.packages) {
    for (const f of pkg.seeds) {
      const patch = patchFor(pkg, 'seed', f.name);
      const path = relPath(pkg, project, f.file.path);
      const location = patch?.location ?? { file: path, line: 1 };
      const config = errors.try(() => resolveConfig('seed', pkg.name, f.fqn, { schemaYaml: patch?.config }, location));
      if (!config) continue;
      const node = newNode({ uniqueId: `seed.${pkg.name}.${f.name}`, name: f.name, path: f.path, originalFilePath: path, fqn: f.fqn, rawCode: '', checksum: f.file.checksum, location }, { resourceType: 'seed', packageName: pkg.name, patch }, config);
      node.root_path = pkg.rootDir;
      if (!config.enabled) {
        disabledNames.push(f.name);
        (disabled[node.unique_id] ??= []).push(node);
        continue;
      }
      pending.push({ node, capture: { refs: [], sources: [], config: {}, macros: [] }, location });
    }
  }

  // Names (schema / alias / database) and relation names.
  for (const p of pending) await builder.assignNames(p.node);

  const sources = buildSources(project, env, targetDatabase, errors);
  const refIndex = new RefIndex(pending.map((p) => p.node), Object.values(sources), disabledNames, project.root.name);

  // Link: refs and sources to unique_ids.
  for (const p of pending) builder.link(p.node, refIndex, p.location);

  const nodes: Record<string, ManifestNode> = {};
  for (const p of pending) {
    if (nodes[p.node.unique_id]) {
      errors.add(new UserError(`two resources have the unique id ${p.node.unique_id}`, { location: p.location, hint: `The other is ${nodes[p.node.unique_id]!.original_file_path}. Rename one of them.` }));
      continue;
    }
    nodes[p.node.unique_id] = p.node;
  }

  const docs = buildDocs(project);
  const exposures = await buildExposures(project, env, refIndex, errors);
  const unitTests = buildUnitTests(project, refIndex, errors);
  applyMacroPatches(project, macros);

  errors.throwIfAny();

  const manifest: Manifest = {
    metadata: input.metadata ?? manifestMetadata(project.root.name, env.invocationId, env.adapterType),
    nodes,
    sources,
    macros,
    docs,
    exposures,
    metrics: {},
    groups: {},
    selectors: Object.fromEntries(project.selectors.map((s) => [s.name, s])),
    disabled,
    parent_map: {},
    child_map: {},
    group_map: {},
    saved_queries: {},
    semantic_models: {},
    unit_tests: unitTests,
  };
  const maps = buildParentChildMaps(manifest);
  manifest.parent_map = maps.parent_map;
  manifest.child_map = maps.child_map;
  return { manifest, env, renderedCount: builder.renderedCount, nodeInputs, disabledNames };
}

/** The node seed of a .sql file whose whole text is the node (models, analyses, singular tests). */
function fileSeed(type: 'model' | 'analysis' | 'test', pkg: LoadedPackage, f: SqlResourceFile, path: string) {
  return {
    uniqueId: `${type}.${pkg.name}.${f.name}`, name: f.name, path: f.path, originalFilePath: path, fqn: f.fqn,
    rawCode: f.file.text, checksum: f.file.checksum, template: f.file.text, location: { file: path, line: 1 },
  };
}

interface VersionedFile {
  patch: NodePatch;
  version: NodePatch['versions'][number];
  latest: string | number;
}

/** Model files that hold a version of a versioned model: <name>_v<v>.sql, or the version's defined_in. */
function versionedFiles(pkg: LoadedPackage): Map<string, VersionedFile> {
  const out = new Map<string, VersionedFile>();
  for (const patch of pkg.nodePatches) {
    if (patch.kind !== 'model' || patch.versions.length === 0) continue;
    const latest = patch.latest_version ?? patch.versions.map((v) => v.v).sort((a, b) => (Number(a) - Number(b)) || String(a).localeCompare(String(b))).pop()!;
    for (const version of patch.versions) out.set(version.defined_in ?? `${patch.name}_v${version.v}`, { patch, version, latest });
  }
  return out;
}

/** The YAML of one version: its own description, columns and config over the model's. */
function versionPatch(patch: NodePatch, version: NodePatch['versions'][number]): NodePatch {
  return {
    ...patch,
    description: version.description ?? patch.description,
    columns: version.columns.length ? version.columns : patch.columns,
    config: { ...patch.config, ...version.config },
    constraints: version.constraints.length ? version.constraints : patch.constraints,
    deprecation_date: version.deprecation_date ?? patch.deprecation_date,
  };
}


export type { NodeConfig };
