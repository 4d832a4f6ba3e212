// The config trees of dbt_project.yml (models:, seeds:, …): at each level, `+key` entries and keys
// that are known config names are config; other keys whose value is a mapping are folders (or
// package / resource names). A scalar under an unknown key is a misspelt config key: an error.
import { isConfigKey, unknownConfigKey, validateConfigLayer } from './config-validate.js';
import { normalizeConfigKey } from './config-keys.js';
import type { ConfigResourceType } from './config-keys.js';
import type { ConfigTree, ConfigTreeKind } from './loaded-project.js';
import { isRecord, locationOf } from './yaml-source.js';
import { UserError } from '../util/errors.js';
import type { ErrorCollector, SourceLocation } from '../util/errors.js';

export const TREE_RESOURCE_TYPE: Readonly<Record<ConfigTreeKind, ConfigResourceType>> = {
  models: 'model',
  seeds: 'seed',
  snapshots: 'snapshot',
  data_tests: 'test',
  sources: 'source',
  exposures: 'exposure',
  unit_tests: 'unit_test',
};

/** The tree whose configs apply to a resource type (analyses are configured under models:). */
export function treeKindFor(type: ConfigResourceType): ConfigTreeKind {
  switch (type) {
    case 'seed':
      return 'seeds';
    case 'snapshot':
      return 'snapshots';
    case 'test':
      return 'data_tests';
    case 'source':
      return 'sources';
    case 'exposure':
      return 'exposures';
    case 'unit_test':
      return 'unit_tests';
    default:
      return 'models';
  }
}

export function emptyTree(): ConfigTree {
  return { config: {}, locations: {}, children: {} };
}

/** Builds a ConfigTree from the YAML value of e.g. `models:`, collecting errors. */
export function buildConfigTree(
  type: ConfigResourceType,
  value: unknown,
  errors: ErrorCollector,
  fallback: SourceLocation,
): ConfigTree {
  const tree = emptyTree();
  if (value === null || value === undefined) return tree;
  if (!isRecord(value)) {
    errors.add(new UserError(`expected a mapping of folders and +configs, got ${JSON.stringify(value)}`, { location: fallback }));
    return tree;
  }
  const configLayer: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const location = locationOf(value, key, fallback);
    if (key.startsWith('+') || isConfigKey(type, key)) {
      configLayer[key] = child;
      tree.locations[normalizeConfigKey(key)] = location;
    } else if (isRecord(child) || child === null) {
      tree.children[key] = buildConfigTree(type, child, errors, location);
    } else {
      errors.add(unknownConfigKey(type, key, location, `Config keys in dbt_project.yml are written '+<key>: …'; a folder name must hold a mapping.`));
    }
  }
  tree.config = validateConfigLayer(type, configLayer, errors, fallback, value);
  return tree;
}

/**
 * The config layers that apply to `fqn` in one tree, outermost first
 * ([top-level +keys, package level, folder…, resource name]).
 */
export function layersForFqn(tree: ConfigTree, fqn: string[]): Record<string, unknown>[] {
  const layers: Record<string, unknown>[] = [tree.config];
  let node: ConfigTree | undefined = tree;
  for (const part of fqn) {
    node = node.children[part];
    if (!node) break;
    layers.push(node.config);
  }
  return layers;
}
