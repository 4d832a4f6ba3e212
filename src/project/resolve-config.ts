// A node's final config, layered exactly as dbt's ContextConfig.calculate_node_config:
//   defaults < own package's dbt_project.yml tree (outer folders first) < schema YAML config:
//   < in-file config() < root project's tree (only for nodes of installed packages).
// The lead calls this after rendering a node's SQL (which yields the in-file layer).
import { configDefaults } from './config-keys.js';
import type { ConfigResourceType } from './config-keys.js';
import { mergeConfigInto } from './config-merge.js';
import { layersForFqn, treeKindFor } from './config-tree.js';
import { validateConfigLayer } from './config-validate.js';
import type { LoadedProject, ProjectConfig } from './loaded-project.js';
import type { NodeConfig } from './manifest-types.js';
import { ErrorCollector, UserError } from '../util/errors.js';
import type { SourceLocation } from '../util/errors.js';

export interface ConfigLayers {
  /** The entry's `config:` in schema YAML (validated again here; cheap). */
  schemaYaml?: Record<string, unknown>;
  /** Where the schema YAML entry is (its errors point there); else the node's location. */
  schemaYamlLocation?: SourceLocation;
  /** The values of the file's config() call(s), merged in call order. */
  inFile?: Record<string, unknown>;
}

/** What config resolution reads of a project: every package's dbt_project.yml (a shell is enough). */
export type ProjectConfigs = Pick<LoadedProject, 'builtinPackages'> & { root: { project: ProjectConfig }; packages: { name: string; project: ProjectConfig }[] };

function projectFor(project: ProjectConfigs, packageName: string): ProjectConfig {
  const pkg = project.packages.find((p) => p.name === packageName);
  if (pkg) return pkg.project;
  if (project.builtinPackages.some((b) => b.name === packageName)) return project.root.project;
  throw new UserError(`unknown package '${packageName}'`, {
    hint: `Installed packages: ${project.packages.map((p) => p.name).join(', ')}.`,
  });
}

/** dbt's TestConfig.__post_init__: store_failures_as and store_failures follow each other. */
function settleTestConfig(config: Record<string, unknown>): void {
  if (config.store_failures_as === null || config.store_failures_as === undefined) {
    const sf = config.store_failures;
    config.store_failures_as = sf === true ? 'table' : sf === false ? 'ephemeral' : null;
  } else {
    config.store_failures = config.store_failures_as !== 'ephemeral';
  }
}

/**
 * Resolves the config of one node. Throws a UserError (or UserErrors) naming the location when a
 * layer has unknown keys or bad values.
 */
export function resolveNodeConfig(
  project: ProjectConfigs,
  resourceType: ConfigResourceType,
  packageName: string,
  fqn: string[],
  layers: ConfigLayers,
  location: SourceLocation,
): NodeConfig {
  const errors = new ErrorCollector();
  const kind = treeKindFor(resourceType);
  const own = projectFor(project, packageName);
  // A fresh defaults object, each layer merged into it in place.
  const config = configDefaults(resourceType);
  for (const layer of layersForFqn(own.configTrees[kind], fqn)) mergeConfigInto(config, layer);
  if (layers.schemaYaml) mergeConfigInto(config, validateConfigLayer(resourceType, layers.schemaYaml, errors, layers.schemaYamlLocation ?? location));
  if (layers.inFile) mergeConfigInto(config, validateConfigLayer(resourceType, layers.inFile, errors, location));
  if (own !== project.root.project) {
    for (const layer of layersForFqn(project.root.project.configTrees[kind], fqn)) mergeConfigInto(config, layer);
  }
  errors.throwIfAny();
  if (resourceType === 'test') settleTestConfig(config);
  if (config.access === undefined && resourceType === 'model') config.access = 'protected';
  return config as NodeConfig;
}

/** Binds resolveNodeConfig to one loaded project: resolver(resourceType, packageName, fqn, layers, location). */
export function createConfigResolver(project: ProjectConfigs) {
  return (resourceType: ConfigResourceType, packageName: string, fqn: string[], layers: ConfigLayers, location: SourceLocation): NodeConfig =>
    resolveNodeConfig(project, resourceType, packageName, fqn, layers, location);
}
