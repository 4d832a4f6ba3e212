// dbt_project.yml → ProjectConfig. Jinja in values is rendered (env_var, var, target) except where
// dbt's DbtProjectYamlRenderer leaves it for later: vars, on-run-start/end, query-comment and
// pre-/post-hooks inside the config trees.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildConfigTree, emptyTree, TREE_RESOURCE_TYPE } from './config-tree.js';
import type { ConfigTree, ConfigTreeKind, DispatchConfig, ProjectConfig, YamlRenderer } from './loaded-project.js';
import { renderTree } from './render-yaml.js';
import type { Keypath } from './render-yaml.js';
import { isRecord, locationOf, parseYaml } from './yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UserError } from '../util/errors.js';
import type { ErrorCollector, SourceLocation } from '../util/errors.js';

const KNOWN_KEYS = [
  'name', 'version', 'config-version', 'profile', 'model-paths', 'source-paths', 'seed-paths', 'data-paths',
  'snapshot-paths', 'macro-paths', 'test-paths', 'analysis-paths', 'docs-paths', 'asset-paths', 'target-path',
  'log-path', 'packages-install-path', 'modules-path', 'clean-targets', 'vars', 'on-run-start', 'on-run-end',
  'dispatch', 'quoting', 'require-dbt-version', 'flags', 'query-comment', 'restrict-access', 'dbt-cloud',
  'models', 'seeds', 'snapshots', 'tests', 'data_tests', 'sources', 'exposures', 'unit_tests', 'metrics',
  'semantic-models', 'saved-queries', 'analyses', 'functions',
];

export function shouldRenderProjectKey(keypath: Keypath): boolean {
  const first = keypath[0];
  if (first === 'on-run-start' || first === 'on-run-end' || first === 'query-comment' || first === 'vars') return false;
  if (first === 'seeds' || first === 'models' || first === 'snapshots' || first === 'tests' || first === 'data_tests') {
    const parts = keypath.map((k) => (typeof k === 'string' ? k.replace(/^[+ ]+/, '') : k));
    if (parts.includes('pre-hook') || parts.includes('post-hook')) return false;
  }
  return true;
}

function stringList(raw: Record<string, unknown>, key: string, dflt: string[], errors: ErrorCollector, loc: SourceLocation): string[] {
  const v = raw[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  errors.add(new UserError(`'${key}' must be a list of strings`, { location: locationOf(raw, key, loc) }));
  return dflt;
}

function optString(raw: Record<string, unknown>, key: string, dflt: string, errors: ErrorCollector, loc: SourceLocation): string {
  const v = raw[key];
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'string') return v;
  errors.add(new UserError(`'${key}' must be a string`, { location: locationOf(raw, key, loc) }));
  return dflt;
}

/** Splits vars: into global ones and `{package: {...}}` scoped ones (a mapping whose key names a package). */
function splitVars(vars: unknown, packageNames: Set<string>): { vars: Record<string, unknown>; packageVars: Record<string, Record<string, unknown>> } {
  const out = { vars: {} as Record<string, unknown>, packageVars: {} as Record<string, Record<string, unknown>> };
  if (!isRecord(vars)) return out;
  for (const [k, v] of Object.entries(vars)) {
    if (isRecord(v) && packageNames.has(k)) out.packageVars[k] = v;
    else out.vars[k] = v;
  }
  return out;
}

function dispatchList(raw: unknown, errors: ErrorCollector, loc: SourceLocation): DispatchConfig[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add(new UserError("'dispatch' must be a list of {macro_namespace, search_order}", { location: loc }));
    return [];
  }
  const out: DispatchConfig[] = [];
  raw.forEach((d, i) => {
    const at = locationOf(raw, i, loc);
    if (!isRecord(d) || typeof d.macro_namespace !== 'string' || !Array.isArray(d.search_order)) {
      errors.add(new UserError('each dispatch entry needs macro_namespace (a string) and search_order (a list)', { location: at }));
      return;
    }
    out.push({ macro_namespace: d.macro_namespace, search_order: d.search_order.map(String) });
  });
  return out;
}

export interface ReadProjectOptions {
  render: YamlRenderer;
  /** Names of all packages in the project (to tell package-scoped vars from global ones). */
  packageNames?: Set<string>;
  /** Path of the file relative to the root project, for messages ("dbt_packages/x/dbt_project.yml"). */
  displayPath?: string;
}

/** Reads and validates <dir>/dbt_project.yml. */
export async function readDbtProjectFile(dir: string, errors: ErrorCollector, opts: ReadProjectOptions): Promise<ProjectConfig> {
  const file = opts.displayPath ?? 'dbt_project.yml';
  let text: string;
  try {
    text = await readFile(join(dir, 'dbt_project.yml'), 'utf8');
  } catch {
    throw new UserError(`no dbt_project.yml found in ${dir}`, {
      hint: 'Run martflow from the project folder or pass --project-dir; a project needs a dbt_project.yml.',
    });
  }
  const parsed = parseYaml(text, file);
  const loc = parsed.location;
  if (!isRecord(parsed.value)) throw new UserError('dbt_project.yml must be a mapping', { location: loc });
  const raw = parsed.value;
  await renderTree(raw, opts.render, shouldRenderProjectKey, loc);

  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) {
      errors.add(new UserError(`unknown key '${key}' in dbt_project.yml.${didYouMean(key, KNOWN_KEYS)}`, { location: locationOf(raw, key, loc) }));
    }
  }
  if (typeof raw.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw.name)) {
    throw new UserError(`project name ${JSON.stringify(raw.name ?? null)} is missing or not a valid identifier`, {
      location: locationOf(raw, 'name', loc),
      hint: "Set 'name:' to letters, digits and underscores, starting with a letter (e.g. jaffle_shop).",
    });
  }
  if (raw.tests !== undefined && raw.data_tests !== undefined) {
    errors.add(new UserError("both 'tests:' and 'data_tests:' are set", { location: locationOf(raw, 'tests', loc), hint: "Keep only 'data_tests:'." }));
  }

  const configTrees = {} as Record<ConfigTreeKind, ConfigTree>;
  for (const kind of Object.keys(TREE_RESOURCE_TYPE) as ConfigTreeKind[]) {
    const source = kind === 'data_tests' ? (raw.data_tests ?? raw.tests) : raw[kind];
    const key = kind === 'data_tests' && raw.data_tests === undefined ? 'tests' : kind;
    configTrees[kind] = source === undefined ? emptyTree() : buildConfigTree(TREE_RESOURCE_TYPE[kind], source, errors, locationOf(raw, key, loc));
  }

  const cv = raw['config-version'] ?? 2;
  if (cv !== 2) errors.add(new UserError(`config-version ${JSON.stringify(cv)} is not supported`, { location: locationOf(raw, 'config-version', loc), hint: 'Use config-version: 2.' }));
  const { vars, packageVars } = splitVars(raw.vars, new Set([raw.name, ...(opts.packageNames ?? [])]));
  const rdv = raw['require-dbt-version'];
  return {
    name: raw.name,
    version: raw.version === undefined || raw.version === null ? null : String(raw.version),
    configVersion: 2,
    profile: typeof raw.profile === 'string' ? raw.profile : null,
    modelPaths: stringList(raw, raw['model-paths'] === undefined ? 'source-paths' : 'model-paths', ['models'], errors, loc),
    seedPaths: stringList(raw, raw['seed-paths'] === undefined ? 'data-paths' : 'seed-paths', ['seeds'], errors, loc),
    snapshotPaths: stringList(raw, 'snapshot-paths', ['snapshots'], errors, loc),
    macroPaths: stringList(raw, 'macro-paths', ['macros'], errors, loc),
    testPaths: stringList(raw, 'test-paths', ['tests'], errors, loc),
    analysisPaths: stringList(raw, 'analysis-paths', ['analyses'], errors, loc),
    docsPaths: stringList(raw, 'docs-paths', [], errors, loc),
    assetPaths: stringList(raw, 'asset-paths', [], errors, loc),
    targetPath: optString(raw, 'target-path', 'target', errors, loc),
    logPath: optString(raw, 'log-path', 'logs', errors, loc),
    packagesInstallPath: optString(raw, raw['packages-install-path'] === undefined ? 'modules-path' : 'packages-install-path', 'dbt_packages', errors, loc),
    cleanTargets: stringList(raw, 'clean-targets', [], errors, loc),
    vars,
    packageVars,
    onRunStart: stringList(raw, 'on-run-start', [], errors, loc),
    onRunEnd: stringList(raw, 'on-run-end', [], errors, loc),
    dispatch: dispatchList(raw.dispatch, errors, locationOf(raw, 'dispatch', loc)),
    quoting: isRecord(raw.quoting) ? raw.quoting : {},
    requireDbtVersion: rdv === undefined || rdv === null ? [] : (Array.isArray(rdv) ? rdv : [rdv]).map(String),
    flags: isRecord(raw.flags) ? raw.flags : {},
    configTrees,
    location: loc,
  };
}
