// models:/seeds:/snapshots:/analyses: entries of schema YAML → NodePatch + their generic tests.
import { validateConfigLayer } from './config-validate.js';
import type { ConfigResourceType } from './config-keys.js';
import { buildGenericTest } from './generic-tests.js';
import type { ColumnPatch, GenericTestInstance, ModelVersionPatch, NodePatch, PatchKind, TestTarget } from './loaded-project.js';
import { checkKeys, columns, constraints, description, list, optStr, record, tags, testEntries } from './schema-fields.js';
import type { Entry, ParsedColumn, SchemaContext } from './schema-fields.js';
import { isRecord, locationOf } from './yaml-source.js';
import { UserError } from '../util/errors.js';
import type { SourceLocation } from '../util/errors.js';

const COMMON_KEYS = ['name', 'description', 'columns', 'config', 'tests', 'data_tests', 'meta', 'docs', 'tags'];
const KEYS: Record<PatchKind, readonly string[]> = {
  model: [...COMMON_KEYS, 'constraints', 'access', 'group', 'latest_version', 'versions', 'deprecation_date', 'time_spine', 'quote_columns'],
  seed: [...COMMON_KEYS, 'quote_columns'],
  snapshot: [...COMMON_KEYS, 'relation', 'group'],
  analysis: [...COMMON_KEYS, 'group'],
};
const SECTION: Record<PatchKind, string> = { model: 'models', seed: 'seeds', snapshot: 'snapshots', analysis: 'analyses' };

function docsOf(ctx: SchemaContext, entry: Entry, loc: SourceLocation): { show: boolean; node_color?: string | null } {
  const d = record(ctx, entry, 'docs', loc);
  return { show: d.show !== false, node_color: typeof d.node_color === 'string' ? d.node_color : null };
}

function versionId(v: unknown): string | number | null {
  return typeof v === 'string' || typeof v === 'number' ? v : null;
}

/** dbt's get_columns_for_version: include/exclude the top-level columns, then version columns override. */
function columnsForVersion(ctx: SchemaContext, top: ParsedColumn[], version: Entry, loc: SourceLocation): ParsedColumn[] {
  const raw = list(ctx, version, 'columns', loc);
  let include: 'all' | string[] = 'all';
  let exclude: string[] = [];
  const own: Entry[] = [];
  for (const c of raw) {
    if (isRecord(c) && ('include' in c || 'exclude' in c)) {
      include = c.include === undefined || c.include === 'all' || c.include === '*' ? 'all' : Array.isArray(c.include) ? c.include.map(String) : [String(c.include)];
      exclude = Array.isArray(c.exclude) ? c.exclude.map(String) : c.exclude ? [String(c.exclude)] : [];
    } else if (isRecord(c)) own.push(c);
  }
  const ownParsed = columns(ctx, { columns: own }, loc, 'a model version');
  const ownNames = new Set(ownParsed.map((c) => c.column.name));
  const inherited = top.filter((c) => (include === 'all' || include.includes(c.column.name)) && !exclude.includes(c.column.name) && !ownNames.has(c.column.name));
  return [...inherited, ...ownParsed];
}

async function testsFor(
  ctx: SchemaContext,
  kind: PatchKind,
  target: TestTarget,
  cols: ParsedColumn[],
  entryTests: unknown[],
  loc: SourceLocation,
): Promise<GenericTestInstance[]> {
  const out: GenericTestInstance[] = [];
  const base = { packageName: ctx.packageName, schemaPath: ctx.schemaPath, fileKeyName: `${SECTION[kind]}.${target.name}`, render: ctx.render };
  for (const c of cols) {
    if (c.tests.length === 0) continue;
    const columnName = c.column.quote ? `"${c.column.name}"` : c.column.name;
    const tags = [...new Set(c.column.tags)];
    for (let i = 0; i < c.tests.length; i++) {
      const at = locationOf(c.tests, i, c.column.location);
      const t = await ctx.errors.tryAsync(() => buildGenericTest(c.tests[i], { ...base, target, columnName, tags }, at));
      if (t) out.push(t);
    }
  }
  for (let i = 0; i < entryTests.length; i++) {
    const at = locationOf(entryTests, i, loc);
    const t = await ctx.errors.tryAsync(() => buildGenericTest(entryTests[i], { ...base, target, columnName: null, tags: [] }, at));
    if (t) out.push(t);
  }
  return out;
}

export async function readNodeEntry(
  ctx: SchemaContext,
  kind: PatchKind,
  entry: Entry,
  name: string,
  loc: SourceLocation,
): Promise<{ patch: NodePatch; tests: GenericTestInstance[] }> {
  checkKeys(ctx, entry, KEYS[kind], `${kind} '${name}'`, loc);
  const cfgType: ConfigResourceType = kind;
  const rawConfig = record(ctx, entry, 'config', loc);
  const config = validateConfigLayer(cfgType, rawConfig, ctx.errors, locationOf(entry, 'config', loc));
  const cols = columns(ctx, entry, loc, `${kind} '${name}'`);
  const entryTests = testEntries(ctx, entry, loc).items;
  const access = entry.access ?? null;
  if (access !== null && !['private', 'protected', 'public'].includes(String(access))) {
    ctx.errors.add(new UserError(`access must be one of private, protected, public; got ${JSON.stringify(access)}`, { location: locationOf(entry, 'access', loc) }));
  }

  const versions: ModelVersionPatch[] = [];
  const tests: GenericTestInstance[] = [];
  const rawVersions = kind === 'model' ? list(ctx, entry, 'versions', loc) : [];
  if (rawVersions.length === 0) {
    tests.push(...(await testsFor(ctx, kind, { kind, name }, cols, entryTests, loc)));
  }
  for (let i = 0; i < rawVersions.length; i++) {
    const v = rawVersions[i];
    const at = locationOf(rawVersions, i, loc);
    if (!isRecord(v) || versionId(v.v) === null) {
      ctx.errors.add(new UserError("each model version needs 'v:' (a number or string)", { location: at }));
      continue;
    }
    const vcols = columnsForVersion(ctx, cols, v, at);
    const vTests = v.tests !== undefined || v.data_tests !== undefined ? testEntries(ctx, v, at).items : entryTests;
    versions.push({
      v: versionId(v.v)!,
      defined_in: optStr(ctx, v, 'defined_in', at),
      description: optStr(ctx, v, 'description', at),
      columns: vcols.map((c) => c.column),
      config: validateConfigLayer('model', record(ctx, v, 'config', at), ctx.errors, locationOf(v, 'config', at)),
      constraints: constraints(ctx, v, at),
      deprecation_date: optStr(ctx, v, 'deprecation_date', at),
      location: at,
    });
    tests.push(...(await testsFor(ctx, kind, { kind, name, version: versionId(v.v)! }, vcols, vTests, at)));
  }

  const patch: NodePatch = {
    kind,
    name,
    packageName: ctx.packageName,
    description: description(ctx, entry, loc),
    columns: cols.map((c): ColumnPatch => c.column),
    config,
    meta: record(ctx, entry, 'meta', loc),
    tags: tags(ctx, entry, loc),
    docs: docsOf(ctx, entry, loc),
    constraints: constraints(ctx, entry, loc),
    access: access === null ? null : (String(access) as NodePatch['access']),
    group: optStr(ctx, entry, 'group', loc),
    latest_version: versionId(entry.latest_version),
    versions,
    deprecation_date: optStr(ctx, entry, 'deprecation_date', loc),
    patchPath: ctx.schemaPath,
    location: loc,
  };
  if (kind === 'snapshot' && entry.relation !== undefined) patch.relation = optStr(ctx, entry, 'relation', loc);
  return { patch, tests };
}
