// Re-parsing from the stored parse state (./parse-state.ts). When only the SQL files of models,
// analyses and singular tests changed, or schema YAML entries of models, analyses and their tests
// (./reparse-schema.ts), just those nodes are built again — with the NodeBuilder of a full parse — and
// linked against the recorded names; every other entry is reused as stored.
// Anything else (a file added or removed, other schema YAML edits, macros, seeds, snapshots, docs, an
// environment variable that YAML or a render read, a node that became disabled) makes the caller
// parse everything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JinjaEnvironment } from '../jinja/index.js';
import type { GenericTestInstance, LoadedPackage, LoadedProject, YamlRenderer } from '../project/loaded-project.js';
import type { ProjectShell } from '../project/load-project.js';
import { discoverMacros } from '../project/discover.js';
import { sha256 } from '../project/read-files.js';
import type { Macro, ManifestNode, SourceDefinition } from '../project/manifest-types.js';
import type { RenderEnvironment } from '../context/dbt-context.js';
import { ErrorCollector } from '../util/errors.js';
import type { BuiltNode } from './node-builder.js';
import type { Refable } from './ref-index.js';
import { projectFiles, type ParseState } from './parse-state.js';
import { rootSchemaFolder, schemaRebuild, type ChangedFile } from './reparse-schema.js';

export interface ReparseInput {
  shell: ProjectShell;
  state: ParseState;
  env: Omit<RenderEnvironment, 'registry'>;
  targetDatabase: string | null;
  /** The command renders afterwards: load the template engine even when nothing is re-parsed. */
  render: boolean;
  /** Renders schema YAML (an edited schema file is read again). */
  renderYaml: YamlRenderer;
}

export interface Reparsed {
  /** The project with its macros read (resource files are in the stored state, not here). */
  project: LoadedProject;
  /** The template engine; null when nothing needed it (render: false and nothing re-parsed). */
  jinja: JinjaEnvironment | null;
  /** The render environment; its macros are compiled on first call. */
  env: () => RenderEnvironment;
  /** Nodes built again. */
  rebuilt: number;
}

const changedEnv = (vars: Record<string, string | null>) => Object.entries(vars).some(([k, v]) => (process.env[k] ?? null) !== v);

/** Node index → its new text and checksum (null: the same text; an environment variable it read changed). */
type Rebuild = Map<number, { text: string; checksum: string } | null>;

/** The nodes to build again and the schema files to read again, or why the whole project must be parsed. */
function nodesToRebuild(shell: ProjectShell, state: ParseState): { rebuild: Rebuild; schemaFiles: ChangedFile[] } | string {
  const index = state.index;
  if (changedEnv(index.yamlEnvVars)) return 'an environment variable read by schema YAML changed';
  const files = projectFiles(shell);
  for (const path of index.files.paths) if (!files.has(path)) return `${path} was removed`;
  const changed: { path: string; text: string; checksum: string }[] = [];
  for (const [path, stat] of files) {
    if (!state.files.has(path)) return `${path} was added`;
    if (state.files.unchanged(path, stat)) continue;
    const recorded = state.files.checksum(path);
    if (recorded === null) return `${path} changed`; // a file the last parse did not read
    const text = readFileSync(join(shell.rootDir, path), 'utf8');
    const checksum = sha256(text);
    state.files.set(path, stat, checksum);
    if (checksum !== recorded) changed.push({ path, text, checksum });
  }
  const nodes = index.nodes;
  const rebuild: Rebuild = new Map();
  const schemaFiles: ChangedFile[] = [];
  for (const c of changed) {
    // The file must hold exactly one node that is built from it alone, or be a root schema file.
    const first = nodes.files.indexOf(c.path);
    if (first < 0 && rootSchemaFolder(shell, c.path)) schemaFiles.push(c);
    else if (first < 0 || nodes.files.indexOf(c.path, first + 1) >= 0) return `${c.path} changed`;
    else rebuild.set(first, { text: c.text, checksum: c.checksum });
  }
  for (const [key, vars] of Object.entries(nodes.envVars)) {
    const i = Number(key);
    if (rebuild.has(i) || !changedEnv(vars)) continue;
    if (nodes.files[i] === null) return `an environment variable ${nodes.ids[i]} read changed`;
    rebuild.set(i, null);
  }
  return { rebuild, schemaFiles };
}

/** Re-parses what changed into `state`, or says why the whole project must be parsed. Throws the nodes' user errors. */
export async function reparse(input: ReparseInput): Promise<Reparsed | string> {
  const { shell, state } = input;
  const changes = nodesToRebuild(shell, state);
  if (typeof changes === 'string') return changes;
  const { rebuild } = changes;
  const errors = new ErrorCollector();
  const schema = changes.schemaFiles.length > 0 ? await schemaRebuild(shell, state, changes.schemaFiles, input.renderYaml, errors) : null;
  if (typeof schema === 'string') return schema;
  for (const i of [...(schema?.patches.keys() ?? []), ...(schema?.tests.keys() ?? [])]) if (!rebuild.has(i)) rebuild.set(i, null);

  const packages: LoadedPackage[] = [];
  for (const p of shell.packages) {
    const macros = await discoverMacros(p.fileIndex, p.project, p.displayPrefix);
    const noSchema = { nodePatches: [], sources: [], macroPatches: [], exposures: [], unitTests: [], groups: [], tests: [] };
    packages.push({ ...p, models: [], analyses: [], singularTests: [], seeds: [], snapshots: [], macros, docs: [], schemaFiles: [], ...noSchema });
  }
  const project: LoadedProject = { ...shell, root: packages[0]!, packages, warnings: [...shell.warnings, ...state.index.warnings] };
  const unavailable = () => {
    throw new Error('internal: a workspace opened with render: false has no render environment');
  };
  // The template engine is loaded when the command renders, or a changed file needs more than
  // literal ref/source/config calls, or the project overrides how nodes are built.
  const overridden = new Set(state.index.overridden);
  const { parseStatic } = rebuild.size > 0 ? await import('./static-parse.js') : { parseStatic: () => null };
  // Generic tests render at parse time (their macros); so does a node whose render read a changed variable.
  const needsEngine = input.render || overridden.size > 0 || (schema?.tests.size ?? 0) + (schema?.added.length ?? 0) > 0 || [...rebuild.values()].some((change) => !change || !parseStatic(change.text));
  let jinja: JinjaEnvironment | null = null;
  let env: RenderEnvironment | null = null;
  let renderEnv: () => RenderEnvironment = unavailable;
  if (needsEngine) {
    const [{ JinjaEnvironment }, { lazyMacroRegistry }] = await Promise.all([import('../jinja/index.js'), import('./macros.js')]);
    const engine = new JinjaEnvironment();
    jinja = engine;
    // Macro files are as the stored parse read them (a changed one means a whole parse): their
    // macros are known, and each file is compiled when a render first calls into it.
    renderEnv = () => (env ??= { ...input.env, registry: lazyMacroRegistry(project, engine, state.section<Record<string, Macro>>('macros')) });
  }
  if (rebuild.size === 0 && !schema?.added.length && !schema?.removed.size) return { project, jinja, env: renderEnv, rebuilt: 0 };

  const [{ NodeBuilder, applyTestInstance, genericTestSeed }, { RefIndex }] = await Promise.all([import('./node-builder.js'), import('./ref-index.js')]);
  const builderEngine = {
    env: renderEnv,
    jinja: () => jinja ?? unavailable(),
    isOverridden: (name: string) => overridden.has(name),
    dialect: input.env.dialect,
  };
  const builder = new NodeBuilder(project, builderEngine, errors, project.target.output.schema, input.targetDatabase);
  const nodes = state.index.nodes;
  const refables: Refable[] = [];
  nodes.names.forEach((name, i) => {
    if (name === null) return;
    const [version, latest] = nodes.versions[i] ?? [null, null];
    refables.push({ unique_id: nodes.ids[i]!, resource_type: nodes.types[i]!, name, package_name: nodes.packages[i]!, version, latest_version: latest });
  });
  const sources = Object.values(state.section<Record<string, SourceDefinition>>('sources'));
  const refIndex = new RefIndex<Refable>(refables, sources, state.index.disabledNames, project.root.name);
  const built: [number, BuiltNode][] = [];
  const buildTest = async ({ test, path }: { test: GenericTestInstance; path: string }) => {
    const node = await builder.sqlNode(shell.root.name, 'test', genericTestSeed(test, path), undefined, { schemaYamlConfig: test.config, testInstance: test });
    if (node) applyTestInstance(node.node, test);
    return node;
  };
  const added: BuiltNode[] = [];
  for (const test of schema?.added ?? []) {
    const node = await buildTest(test);
    if (!node) continue;
    if (!node.enabled) return `${node.node.unique_id} is disabled`;
    await builder.assignNames(node.node);
    builder.link(node.node, refIndex, node.location);
    added.push(node);
  }
  for (const [i, change] of rebuild) {
    const test = schema?.tests.get(i);
    let node: BuiltNode | null;
    if (test) node = await buildTest(test);
    else {
      const old: ManifestNode = state.node(i);
      const text = change?.text ?? old.raw_code;
      const seed = {
        uniqueId: old.unique_id, name: old.name, path: old.path, originalFilePath: old.original_file_path, fqn: old.fqn,
        rawCode: text, checksum: change?.checksum ?? old.checksum.checksum, template: text, location: { file: old.original_file_path, line: 1 },
      };
      const patch = schema?.patches.has(i) ? schema.patches.get(i) : state.patch(i);
      node = await builder.sqlNode(old.package_name, nodes.types[i] as 'model' | 'analysis' | 'test', seed, patch);
    }
    if (!node) continue;
    // A node that became disabled changes what other nodes may ref: parse everything.
    if (!node.enabled) return `${node.node.unique_id} was disabled`;
    await builder.assignNames(node.node);
    builder.link(node.node, refIndex, node.location);
    built.push([i, node]);
  }
  errors.throwIfAny();
  for (const [i, { node, capture }] of built) {
    state.replaceNode(i, node);
    state.setEnvVars(i, capture.envVars);
  }
  if (schema) {
    for (const [i, patch] of schema.patches) state.setPatch(i, patch);
    // Positions move from here on: the files' records are made from unique_ids afterwards.
    state.dropTests(schema.removed);
    for (const { node, capture } of added) state.setEnvVars(state.appendTest(node), capture.envVars);
    const position = new Map(state.index.nodes.ids.map((id, i) => [id, i]));
    for (const [path, ids] of schema.files) state.setYamlNodes(path, ids.map((id) => position.get(id)!));
  }
  return { project, jinja, env: renderEnv, rebuilt: built.length + added.length + (schema?.removed.size ?? 0) };
}
