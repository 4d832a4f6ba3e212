// One schema YAML file (version: 2) → patches, sources, exposures, unit tests, groups, YAML
// snapshots and generic tests. Each entry is rendered (dbt's SchemaYamlRenderer rules) then read;
// problems are collected, each with the file:line:col of the offending entry or key.
import type { LoadWarning, SchemaContent, SchemaFile, YamlRenderer } from './loaded-project.js';
import { renderTree } from './render-yaml.js';
import { readExposureEntry, readGroupEntry, readMacroEntry, readUnitTestEntry } from './schema-misc.js';
import { readNodeEntry } from './schema-nodes.js';
import { namedEntries } from './schema-fields.js';
import type { SchemaContext } from './schema-fields.js';
import { shouldRenderSchemaKey } from './schema-render.js';
import { readSourceEntry } from './schema-sources.js';
import { isRecord, locationOf, parseYaml } from './yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UserError } from '../util/errors.js';
import type { ErrorCollector } from '../util/errors.js';

const NODE_SECTIONS = { models: 'model', seeds: 'seed', snapshots: 'snapshot', analyses: 'analysis' } as const;
const IGNORED_SECTIONS = ['metrics', 'semantic_models', 'saved_queries', 'data_tests', 'functions'];
const SECTIONS = ['version', ...Object.keys(NODE_SECTIONS), 'sources', 'macros', 'exposures', 'unit_tests', 'groups', ...IGNORED_SECTIONS];

export function emptySchemaContent(): SchemaContent {
  return { nodePatches: [], sources: [], macroPatches: [], exposures: [], unitTests: [], groups: [], tests: [] };
}

export interface ReadSchemaOptions {
  packageName: string;
  render: YamlRenderer;
  errors: ErrorCollector;
  warnings: LoadWarning[];
  /** Prefix for locations of files in installed packages ("dbt_packages/utils/"). */
  displayPrefix?: string;
}

export async function readSchemaFile(schema: SchemaFile, o: ReadSchemaOptions, into: SchemaContent): Promise<void> {
  const display = (o.displayPrefix ?? '') + schema.file.path;
  const parsed = o.errors.try(() => parseYaml(schema.file.text, display));
  if (!parsed || parsed.value === undefined || parsed.value === null) return;
  const root = parsed.value;
  const loc = parsed.location;
  if (!isRecord(root)) {
    o.errors.add(new UserError('a schema YAML file must be a mapping (version: 2, models: …)', { location: loc }));
    return;
  }
  // dbt skips YAML files that do not look like property files only when they lack every known key.
  const keys = Object.keys(root);
  if (!keys.some((k) => SECTIONS.includes(k))) return;
  if (root.version !== undefined && root.version !== 2) {
    o.errors.add(new UserError(`schema file version must be 2, got ${JSON.stringify(root.version)}`, { location: locationOf(root, 'version', loc), hint: 'Write version: 2 at the top of the file.' }));
  }
  for (const k of keys) {
    const at = locationOf(root, k, loc);
    if (!SECTIONS.includes(k)) o.warnings.push({ message: `unknown top-level key '${k}' in a schema file; it is ignored.${didYouMean(k, SECTIONS)}`, location: at });
    else if (IGNORED_SECTIONS.includes(k)) o.warnings.push({ message: `'${k}' is not supported by martflow yet; it is ignored`, location: at });
  }

  const ctx: SchemaContext = { packageName: o.packageName, schemaPath: schema.file.path, errors: o.errors, warnings: o.warnings, render: o.render };
  const each = async (section: string, what: string, fn: (entry: Record<string, unknown>, name: string, at: ReturnType<typeof locationOf>) => Promise<void> | void) => {
    for (const { entry, name, loc: at } of namedEntries(ctx, root[section], what, locationOf(root, section, loc), section)) {
      await o.errors.tryAsync(async () => {
        await renderTree(entry, o.render, (kp) => shouldRenderSchemaKey(section, kp), at);
        await fn(entry, name, at);
      });
    }
  };

  for (const [section, kind] of Object.entries(NODE_SECTIONS)) {
    await each(section, kind, async (entry, name, at) => {
      const { patch, tests } = await readNodeEntry(ctx, kind, entry, name, at);
      into.nodePatches.push(patch);
      into.tests.push(...tests);
    });
  }
  await each('sources', 'source', async (entry, name, at) => {
    const { source, tests } = await readSourceEntry(ctx, entry, name, at);
    into.sources.push(source);
    into.tests.push(...tests);
  });
  await each('macros', 'macro', (entry, name, at) => void into.macroPatches.push(readMacroEntry(ctx, entry, name, at)));
  await each('exposures', 'exposure', (entry, name, at) => void into.exposures.push(readExposureEntry(ctx, entry, name, at)));
  await each('unit_tests', 'unit_test', (entry, name, at) => {
    const u = readUnitTestEntry(ctx, entry, name, at);
    if (u) into.unitTests.push(u);
  });
  await each('groups', 'group', (entry, name, at) => void into.groups.push(readGroupEntry(ctx, entry, name, at)));
}
