// One schema-YAML test entry (`- not_null`, `- accepted_values: {values: [...]}`, dbt 1.10's
// `arguments:`/`config:` form, `name:` overrides, `test_name:` form) → a GenericTestInstance,
// following dbt-core's TestBuilder. Test arguments are not rendered (dbt renders them at compile
// time); config values are.
import { validateConfigLayer } from './config-validate.js';
import type { GenericTestInstance, TestTarget, YamlRenderer } from './loaded-project.js';
import { hasJinja, nativeValue } from './render-yaml.js';
import { constructConfig, synthesizeGenericTestNames, testHash } from './test-names.js';
import { isRecord, locationOf } from './yaml-source.js';
import { ErrorCollector, UserError } from '../util/errors.js';
import type { SourceLocation } from '../util/errors.js';

/** Entry keys that are test config, not test arguments (TestBuilder.CONFIG_ARGS). */
const CONFIG_ARGS = ['severity', 'tags', 'enabled', 'where', 'limit', 'warn_if', 'error_if', 'fail_calc', 'store_failures', 'store_failures_as', 'meta', 'database', 'schema', 'alias'];
const NAME_PATTERN = /^(?:([a-zA-Z_][0-9a-zA-Z_]*)\.)?([a-zA-Z_][0-9a-zA-Z_]*)/;

export interface TestEntryContext {
  target: TestTarget;
  /** The package whose schema file holds the test. */
  packageName: string;
  /** Column the test is under (already quoted when the column has quote: true). */
  columnName: string | null;
  /** Tags inherited from the column. */
  tags: string[];
  /** Schema file path relative to the package root (models/staging/schema.yml). */
  schemaPath: string;
  fileKeyName: string;
  render: YamlRenderer;
}

function targetNameFor(t: TestTarget): string {
  if (t.kind === 'source') return `${t.sourceName}_${t.name}`;
  return t.version !== undefined ? `${t.name}_v${t.version}` : t.name;
}

function modelString(t: TestTarget): string {
  let s: string;
  if (t.kind === 'source') s = `source('${t.sourceName}', '${t.name}')`;
  else if (t.version !== undefined) s = `ref('${t.name}', version='${t.version}')`;
  else s = `ref('${t.name}')`;
  return `{{ get_where_subquery(${s}) }}`;
}

function attachedNode(ctx: TestEntryContext): string | null {
  const t = ctx.target;
  if (t.kind === 'source') return null;
  return `${t.kind}.${ctx.packageName}.${t.name}${t.version !== undefined ? `.v${t.version}` : ''}`;
}

/** fqn of a generic test: the schema file's folders without the first path part (dbt drops the resource dir). */
function testFqn(packageName: string, schemaPath: string, name: string): string[] {
  let folders = schemaFolders.get(schemaPath);
  if (!folders) schemaFolders.set(schemaPath, (folders = schemaPath.split('/').slice(1, -1)));
  return [packageName, ...folders, name];
}

/** The folders of each schema file's path (every test of a file asks). */
const schemaFolders = new Map<string, string[]>();

function fail(message: string, location: SourceLocation, hint?: string): never {
  throw new UserError(message, { location, hint });
}

/** Splits an entry into test name and a fresh argument object (TestBuilder.extract_test_args). */
function extractTestArgs(entry: unknown, location: SourceLocation): { testName: string; args: Record<string, unknown>; container: unknown } {
  if (typeof entry === 'string') return { testName: entry, args: {}, container: undefined };
  if (!isRecord(entry)) fail(`a test must be a name or a mapping, got ${JSON.stringify(entry)}`, location, "Write '- not_null' or '- accepted_values: {values: [...]}'.");
  if ('test_name' in entry) {
    const { test_name: testName, ...rest } = entry;
    if (typeof testName !== 'string') fail('test_name must be a string', locationOf(entry, 'test_name', location));
    return { testName, args: structuredClone(rest), container: entry };
  }
  const keys = Object.keys(entry);
  if (keys.length !== 1) {
    fail(
      `a test entry must have exactly one key (the test name), got ${keys.length}: ${keys.join(', ')}`,
      location,
      "Indent the arguments under the test name: '- accepted_values:' with 'values: [a, b]' on the next line, indented.",
    );
  }
  const testName = keys[0]!;
  const value = entry[testName];
  if (value !== null && !isRecord(value)) fail(`arguments of test '${testName}' must be a mapping, got ${JSON.stringify(value)}`, locationOf(entry, testName, location));
  return { testName, args: value === null ? {} : structuredClone(value), container: value };
}

async function renderConfigValues(config: Record<string, unknown>, render: YamlRenderer, location: SourceLocation): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    const value = typeof v === 'string' && hasJinja(v) ? nativeValue(await render(v, location)) : v;
    if (value !== null && value !== undefined) out[k] = value;
  }
  return out;
}

export async function buildGenericTest(entry: unknown, ctx: TestEntryContext, location: SourceLocation): Promise<GenericTestInstance> {
  const { testName: fullTestName, args, container } = extractTestArgs(entry, location);
  if (ctx.columnName !== null) args.column_name = ctx.columnName;
  if ('arguments' in args) {
    // dbt 1.10: arguments nested under `arguments:` are the test macro's keyword arguments.
    const nested = args.arguments;
    if (!isRecord(nested)) fail("'arguments' must be a mapping", locationOf(container, 'arguments', location));
    delete args.arguments;
    for (const [k, v] of Object.entries(nested)) {
      if (k in args && k !== 'column_name') fail(`test argument '${k}' is given both in 'arguments:' and beside it`, locationOf(nested, k, location));
      args[k] = v;
    }
  }
  if ('model' in args) fail('test arguments include "model", which is a reserved argument', locationOf(container, 'model', location), "Remove 'model:'; the test runs on the model it is listed under.");
  args.model = modelString(ctx.target);

  const m = NAME_PATTERN.exec(fullTestName);
  if (!m || m[0] !== fullTestName) fail(`test name '${fullTestName}' is not a valid name`, location, "Use a macro name, optionally namespaced: 'unique' or 'dbt_utils.expression_is_true'.");
  const namespace = m[1] ?? null;
  const name = m[2]!;

  // Config: legacy top-level keys, then the config: block (TestBuilder._process_legacy_args / _process_config_args).
  const rawConfig = args.config;
  if (rawConfig !== undefined && rawConfig !== null && !isRecord(rawConfig)) fail("'config' of a test must be a mapping", locationOf(container, 'config', location));
  const configBlock: Record<string, unknown> = isRecord(rawConfig) ? { ...rawConfig } : {};
  const legacy: Record<string, unknown> = {};
  for (const key of CONFIG_ARGS) {
    let value: unknown;
    // Only keys that are there are deleted: a delete turns the object into a slow dictionary.
    if (key in args) {
      value = args[key];
      delete args[key];
    }
    if (value && key in configBlock) fail(`test config '${key}' is set both at the top level and in 'config:'`, locationOf(container, key, location), 'Keep it in config: only.');
    if (!value && key in configBlock) {
      value = configBlock[key];
      delete configBlock[key];
    }
    if (value !== null && value !== undefined) legacy[key] = value;
  }
  if ('config' in args) delete args.config;
  // Most tests set no config: nothing to render or check.
  let rendered: Record<string, unknown> = {};
  let config: Record<string, unknown> = {};
  if (Object.keys(legacy).length > 0 || Object.keys(configBlock).length > 0) {
    const errors = new ErrorCollector();
    rendered = { ...(await renderConfigValues(legacy, ctx.render, location)), ...(await renderConfigValues(configBlock, ctx.render, location)) };
    config = validateConfigLayer('test', rendered, errors, location, isRecord(rawConfig) ? rawConfig : container);
    errors.throwIfAny();
  }

  let description = '';
  if (typeof args.description === 'string') {
    description = args.description;
    delete args.description;
  }
  let shortName: string;
  let fullName: string;
  if (typeof args.name === 'string') {
    shortName = fullName = args.name;
    delete args.name;
  } else {
    const type = `${namespace ? `${namespace}_` : ''}${ctx.target.kind === 'source' ? 'source_' : ''}${name}`;
    ({ shortName, fullName } = synthesizeGenericTestNames(type, targetNameFor(ctx.target), args));
    if (shortName !== fullName && !('alias' in config)) config.alias = shortName;
  }

  const configTags = (config.tags as string[] | undefined) ?? [];
  const tags = [...new Set([...ctx.tags, ...configTags])].sort();
  const rawConfigForCode = 'alias' in config && !('alias' in rendered) ? { ...rendered, alias: config.alias } : rendered;
  const metadata = { name, kwargs: args, namespace };
  return {
    name: fullName,
    shortName,
    uniqueId: `test.${ctx.packageName}.${fullName}.${testHash(fullName, metadata)}`,
    packageName: ctx.packageName,
    testName: name,
    namespace,
    kwargs: args,
    config,
    rawCode: `{{ ${namespace ? `${namespace}.` : ''}test_${name}(**_dbt_generic_test_kwargs) }}${constructConfig(rawConfigForCode)}`,
    columnName: ctx.columnName,
    target: ctx.target,
    attachedNode: attachedNode(ctx),
    fileKeyName: ctx.fileKeyName,
    path: ctx.schemaPath,
    nodePath: `${shortName}.sql`,
    fqn: testFqn(ctx.packageName, ctx.schemaPath, fullName),
    tags,
    description,
    location,
  };
}
