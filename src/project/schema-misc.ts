// macros:, exposures:, unit_tests: and groups: entries of schema YAML.
import { validateConfigLayer } from './config-validate.js';
import type { ExposureInput, GroupInput, MacroPatch, UnitTestInput } from './loaded-project.js';
import { checkKeys, description, list, optStr, record, tags } from './schema-fields.js';
import type { Entry, SchemaContext } from './schema-fields.js';
import { isRecord, locationOf } from './yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UserError } from '../util/errors.js';
import type { SourceLocation } from '../util/errors.js';

export function readMacroEntry(ctx: SchemaContext, entry: Entry, name: string, loc: SourceLocation): MacroPatch {
  checkKeys(ctx, entry, ['name', 'description', 'arguments', 'docs', 'meta', 'config'], `macro '${name}'`, loc);
  const args = list(ctx, entry, 'arguments', loc);
  return {
    name,
    packageName: ctx.packageName,
    description: description(ctx, entry, loc),
    arguments: args.flatMap((a, i) => {
      const at = locationOf(args, i, loc);
      if (!isRecord(a) || typeof a.name !== 'string') {
        ctx.errors.add(new UserError("each macro argument needs 'name:'", { location: at }));
        return [];
      }
      return [{ name: a.name, type: optStr(ctx, a, 'type', at), description: description(ctx, a, at) }];
    }),
    meta: record(ctx, entry, 'meta', loc),
    docs: { show: record(ctx, entry, 'docs', loc).show !== false },
    patchPath: ctx.schemaPath,
    location: loc,
  };
}

const EXPOSURE_TYPES = ['dashboard', 'notebook', 'analysis', 'ml', 'application'];
const MATURITIES = ['low', 'medium', 'high'];

function oneOf(ctx: SchemaContext, entry: Entry, key: string, allowed: string[], loc: SourceLocation, required: boolean): string | null {
  const v = entry[key];
  if (v === undefined || v === null) {
    if (required) ctx.errors.add(new UserError(`'${key}' is required (one of ${allowed.join(', ')})`, { location: loc }));
    return null;
  }
  if (typeof v !== 'string' || !allowed.includes(v)) {
    ctx.errors.add(new UserError(`'${key}' must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}.${didYouMean(String(v), allowed)}`, { location: locationOf(entry, key, loc) }));
    return null;
  }
  return v;
}

function owner(ctx: SchemaContext, entry: Entry, loc: SourceLocation): { email?: string | null; name?: string | null } {
  const o = entry.owner;
  if (!isRecord(o) || (typeof o.name !== 'string' && typeof o.email !== 'string')) {
    ctx.errors.add(new UserError("'owner' needs a name or an email", { location: locationOf(entry, 'owner', loc), hint: 'owner: {name: Marketing Analytics, email: data@example.com}' }));
    return {};
  }
  return { ...o, name: typeof o.name === 'string' ? o.name : null, email: typeof o.email === 'string' ? o.email : null };
}

export function readExposureEntry(ctx: SchemaContext, entry: Entry, name: string, loc: SourceLocation): ExposureInput {
  checkKeys(ctx, entry, ['name', 'label', 'type', 'owner', 'description', 'url', 'maturity', 'depends_on', 'meta', 'tags', 'config'], `exposure '${name}'`, loc);
  const deps = list(ctx, entry, 'depends_on', loc);
  return {
    name,
    packageName: ctx.packageName,
    type: (oneOf(ctx, entry, 'type', EXPOSURE_TYPES, loc, true) ?? 'dashboard') as ExposureInput['type'],
    owner: owner(ctx, entry, loc),
    description: description(ctx, entry, loc),
    label: optStr(ctx, entry, 'label', loc),
    maturity: oneOf(ctx, entry, 'maturity', MATURITIES, loc, false) as ExposureInput['maturity'],
    url: optStr(ctx, entry, 'url', loc),
    meta: record(ctx, entry, 'meta', loc),
    tags: tags(ctx, entry, loc),
    config: validateConfigLayer('exposure', record(ctx, entry, 'config', loc), ctx.errors, locationOf(entry, 'config', loc)),
    dependsOn: deps.map(String),
    path: ctx.schemaPath,
    location: loc,
  };
}

const FORMATS = ['dict', 'csv', 'sql'];

function fixture(ctx: SchemaContext, v: unknown, loc: SourceLocation, needsInput: boolean) {
  if (!isRecord(v)) {
    ctx.errors.add(new UserError(needsInput ? "each 'given' item needs 'input:' and 'rows:' (or 'fixture:')" : "'expect' needs 'rows:' (or 'fixture:')", { location: loc }));
    return null;
  }
  const format = v.format === undefined ? 'dict' : String(v.format);
  if (!FORMATS.includes(format)) ctx.errors.add(new UserError(`format must be dict, csv or sql; got '${format}'`, { location: locationOf(v, 'format', loc) }));
  if (needsInput && typeof v.input !== 'string') ctx.errors.add(new UserError("'given' item needs 'input:' (e.g. ref('stg_orders'))", { location: loc }));
  return { ...(needsInput ? { input: String(v.input) } : {}), rows: v.rows, format: format as 'dict' | 'csv' | 'sql', fixture: typeof v.fixture === 'string' ? v.fixture : null };
}

export function readUnitTestEntry(ctx: SchemaContext, entry: Entry, name: string, loc: SourceLocation): UnitTestInput | undefined {
  checkKeys(ctx, entry, ['name', 'model', 'given', 'expect', 'overrides', 'description', 'config', 'versions'], `unit test '${name}'`, loc);
  if (typeof entry.model !== 'string') {
    ctx.errors.add(new UserError(`unit test '${name}' needs 'model:'`, { location: loc, hint: 'Name the model the unit test exercises.' }));
    return undefined;
  }
  const givenRaw = list(ctx, entry, 'given', loc);
  const given = givenRaw.flatMap((g, i) => {
    const f = fixture(ctx, g, locationOf(givenRaw, i, loc), true);
    return f ? [f as UnitTestInput['given'][number]] : [];
  });
  const expect = fixture(ctx, entry.expect, locationOf(entry, 'expect', loc), false) ?? { format: 'dict' as const, rows: [] };
  const versions = isRecord(entry.versions) ? (entry.versions as UnitTestInput['versions']) : null;
  return {
    name,
    packageName: ctx.packageName,
    model: entry.model,
    given,
    expect,
    overrides: isRecord(entry.overrides) ? (entry.overrides as UnitTestInput['overrides']) : null,
    description: description(ctx, entry, loc),
    config: validateConfigLayer('unit_test', record(ctx, entry, 'config', loc), ctx.errors, locationOf(entry, 'config', loc)),
    versions,
    path: ctx.schemaPath,
    location: loc,
  };
}

export function readGroupEntry(ctx: SchemaContext, entry: Entry, name: string, loc: SourceLocation): GroupInput {
  checkKeys(ctx, entry, ['name', 'owner', 'description', 'config'], `group '${name}'`, loc);
  return {
    name,
    packageName: ctx.packageName,
    owner: owner(ctx, entry, loc),
    description: optStr(ctx, entry, 'description', loc),
    path: ctx.schemaPath,
    location: loc,
  };
}
