// Small readers for schema YAML entries: typed fields with located errors, unknown-key warnings,
// columns and constraints. Shared by the models/sources/other-section readers.
import type { ColumnPatch, LoadWarning, YamlRenderer } from './loaded-project.js';
import type { Constraint } from './manifest-types.js';
import { isRecord, locationOf } from './yaml-source.js';
import { didYouMean } from '../util/did-you-mean.js';
import { UserError } from '../util/errors.js';
import type { ErrorCollector, SourceLocation } from '../util/errors.js';

export interface SchemaContext {
  packageName: string;
  /** Path relative to the package root ("models/staging/schema.yml"). */
  schemaPath: string;
  errors: ErrorCollector;
  warnings: LoadWarning[];
  render: YamlRenderer;
}

export type Entry = Record<string, unknown>;

/** Warns (as dbt 1.10 does) about keys a resource does not have, with did-you-mean. */
export function checkKeys(ctx: SchemaContext, entry: Entry, known: readonly string[], what: string, loc: SourceLocation): void {
  for (const key of Object.keys(entry)) {
    if (!known.includes(key)) {
      ctx.warnings.push({ message: `unexpected key '${key}' in ${what}; it is ignored.${didYouMean(key, known)}`, location: locationOf(entry, key, loc) });
    }
  }
}

export function optStr(ctx: SchemaContext, entry: Entry, key: string, loc: SourceLocation): string | null {
  const v = entry[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  ctx.errors.add(new UserError(`'${key}' must be a string, got ${JSON.stringify(v)}`, { location: locationOf(entry, key, loc) }));
  return null;
}

export function description(ctx: SchemaContext, entry: Entry, loc: SourceLocation): string {
  return optStr(ctx, entry, 'description', loc) ?? '';
}

export function record(ctx: SchemaContext, entry: Entry, key: string, loc: SourceLocation): Record<string, unknown> {
  const v = entry[key];
  if (v === undefined || v === null) return {};
  if (isRecord(v)) return v;
  ctx.errors.add(new UserError(`'${key}' must be a mapping, got ${JSON.stringify(v)}`, { location: locationOf(entry, key, loc) }));
  return {};
}

export function tags(ctx: SchemaContext, entry: Entry, loc: SourceLocation): string[] {
  const v = entry.tags;
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((t) => typeof t === 'string')) return v as string[];
  ctx.errors.add(new UserError("'tags' must be a string or a list of strings", { location: locationOf(entry, 'tags', loc) }));
  return [];
}

export function list(ctx: SchemaContext, entry: Entry, key: string, loc: SourceLocation): unknown[] {
  const v = entry[key];
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  ctx.errors.add(new UserError(`'${key}' must be a list, got ${JSON.stringify(v)}`, { location: locationOf(entry, key, loc), hint: `Write each item on its own line starting with '- '.` }));
  return [];
}

/** The test entries of an entry: `data_tests:` or (deprecated) `tests:`, not both. */
export function testEntries(ctx: SchemaContext, entry: Entry, loc: SourceLocation): { items: unknown[]; container: unknown[] } {
  if (entry.tests !== undefined && entry.data_tests !== undefined) {
    ctx.errors.add(new UserError("both 'tests:' and 'data_tests:' are set", { location: locationOf(entry, 'tests', loc), hint: "Keep only 'data_tests:'." }));
  }
  const key = entry.data_tests !== undefined ? 'data_tests' : 'tests';
  const items = list(ctx, entry, key, loc);
  return { items, container: items };
}

/** The named entries of a section (models:, sources:, …), each a mapping with a string name. */
export function namedEntries(ctx: SchemaContext, section: unknown, what: string, loc: SourceLocation, sectionKey = what): { entry: Entry; name: string; loc: SourceLocation }[] {
  if (section === null || section === undefined) return [];
  if (!Array.isArray(section)) {
    ctx.errors.add(new UserError(`'${sectionKey}' must be a list of entries with 'name:'`, { location: loc, hint: `Write '- name: ...' for each ${what} entry.` }));
    return [];
  }
  const out: { entry: Entry; name: string; loc: SourceLocation }[] = [];
  section.forEach((entry, i) => {
    const at = locationOf(section, i, loc);
    if (!isRecord(entry)) {
      ctx.errors.add(new UserError(`each ${what} entry must be a mapping with 'name:', got ${JSON.stringify(entry)}`, { location: at }));
      return;
    }
    if (typeof entry.name !== 'string' || entry.name === '') {
      ctx.errors.add(new UserError(`${what} entry has no 'name:'`, { location: at, hint: `Add '- name: <${what}_name>'.` }));
      return;
    }
    out.push({ entry, name: entry.name, loc: at });
  });
  return out;
}

const CONSTRAINT_TYPES = ['check', 'not_null', 'unique', 'primary_key', 'foreign_key', 'custom'];

export function constraints(ctx: SchemaContext, entry: Entry, loc: SourceLocation): Constraint[] {
  const out: Constraint[] = [];
  const items = list(ctx, entry, 'constraints', loc);
  items.forEach((c, i) => {
    const at = locationOf(items, i, loc);
    if (!isRecord(c) || typeof c.type !== 'string' || !CONSTRAINT_TYPES.includes(c.type)) {
      ctx.errors.add(new UserError(`a constraint needs 'type:' one of ${CONSTRAINT_TYPES.join(', ')}`, { location: at }));
      return;
    }
    out.push({
      type: c.type as Constraint['type'],
      name: typeof c.name === 'string' ? c.name : null,
      expression: c.expression === undefined || c.expression === null ? null : String(c.expression),
      warn_unenforced: c.warn_unenforced !== false,
      warn_unsupported: c.warn_unsupported !== false,
      to: typeof c.to === 'string' ? c.to : null,
      to_columns: Array.isArray(c.to_columns) ? c.to_columns.map(String) : [],
      columns: Array.isArray(c.columns) ? c.columns.map(String) : [],
    });
  });
  return out;
}

const COLUMN_KEYS = ['name', 'description', 'data_type', 'constraints', 'tests', 'data_tests', 'meta', 'tags', 'quote', 'config', 'granularity', 'policy_tags', 'docs'];

export interface ParsedColumn {
  column: ColumnPatch;
  tests: unknown[];
  entry: Entry;
}

/** Columns of an entry, with their test entries (not yet built into tests). */
export function columns(ctx: SchemaContext, entry: Entry, loc: SourceLocation, what: string): ParsedColumn[] {
  return namedEntries(ctx, entry.columns, 'columns', locationOf(entry, 'columns', loc)).map(({ entry: c, name, loc: at }) => {
    checkKeys(ctx, c, COLUMN_KEYS, `column '${name}' of ${what}`, at);
    const config = record(ctx, c, 'config', at);
    if (c.quote !== undefined && c.quote !== null && typeof c.quote !== 'boolean') {
      ctx.errors.add(new UserError("'quote' must be true or false", { location: locationOf(c, 'quote', at) }));
    }
    return {
      column: {
        name,
        description: description(ctx, c, at),
        data_type: optStr(ctx, c, 'data_type', at),
        constraints: constraints(ctx, c, at),
        meta: { ...record(ctx, c, 'meta', at), ...(isRecord(config.meta) ? config.meta : {}) },
        tags: [...tags(ctx, c, at), ...(typeof config.tags === 'string' ? [config.tags] : Array.isArray(config.tags) ? config.tags.map(String) : [])],
        quote: typeof c.quote === 'boolean' ? c.quote : null,
        config,
        location: at,
      },
      tests: testEntries(ctx, c, at).items,
      entry: c,
    };
  });
}
