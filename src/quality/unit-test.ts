// dbt 1.8 unit tests: the model's SQL run on fixture rows instead of its inputs, compared with the
// expected rows. Upstream models need not be built: each given input becomes a table in a scratch
// schema (typed like the upstream relation when it exists) and the compiled SQL reads those instead.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, ManifestNode, UnitTestDefinition } from '../project/manifest-types.js';
import type { Adapter, RelationRef } from '../warehouse/adapter.js';
import type { Compiler } from '../compile/compile-node.js';
import { UserError } from '../util/errors.js';
import { pyfunction } from '../jinja/api.js';
import { lookupVar, NO_DEFAULT, varsForPackage, type VarSources } from '../context/vars.js';
import { comparable, fixtureRows, fixtureSelect, type FixtureFormat } from './unit-fixtures.js';

export interface UnitTestOutcome {
  uniqueId: string;
  name: string;
  status: 'pass' | 'fail' | 'error';
  message: string;
}

interface Target {
  schema: string;
  database: string | null;
  /** The project's vars, for var() calls that overrides.vars does not answer. */
  varSources?: VarSources;
  /** Folders searched for `fixture:` files (<name>.csv / <name>.sql): the project's test paths. */
  fixtureDirs?: string[];
}

/** Finds <name>.csv or <name>.sql under the fixture folders (dbt looks anywhere in the test paths). */
function readFixture(dirs: string[], name: string, format: FixtureFormat): string {
  const file = `${name}.${format === 'sql' ? 'sql' : 'csv'}`;
  const walk = (dir: string): string | null => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return null;
    }
    if (entries.includes(file)) return join(dir, file);
    for (const e of entries) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) {
        const found = walk(p);
        if (found) return found;
      }
    }
    return null;
  };
  for (const d of dirs) {
    const found = walk(d);
    if (found) return readFileSync(found, 'utf8');
  }
  throw new UserError(`unit test fixture '${name}' not found: no ${file} under ${dirs.join(', ') || 'the test paths'}`, { hint: 'Put fixture files under tests/fixtures/ (format csv or sql).' });
}

/** The relation strings a given input stands for in compiled SQL ('ref(...)', 'source(...)', 'this'). */
function inputRelations(manifest: Manifest, adapter: Adapter, input: string, model: ManifestNode): { ref: RelationRef; spellings: string[] } {
  const d = adapter.dialect;
  const spell = (ref: RelationRef, relationName?: string | null) => ({ ref, spellings: [...new Set([relationName, d.relation(ref)].filter((s): s is string => Boolean(s)))] });
  const trimmed = input.trim();
  if (trimmed === 'this') return spell({ database: model.database, schema: model.schema, identifier: model.alias ?? model.name }, model.relation_name);
  const refMatch = /^ref\(\s*(?:['"]([^'"]+)['"]\s*,\s*)?['"]([^'"]+)['"]\s*\)$/.exec(trimmed);
  if (refMatch) {
    const name = refMatch[2]!;
    const node = Object.values(manifest.nodes).find((n) => n.name === name && ['model', 'seed', 'snapshot'].includes(n.resource_type) && (!refMatch[1] || n.package_name === refMatch[1]));
    if (!node) throw new UserError(`unit test input ${input}: no model, seed or snapshot named '${name}'`);
    return spell({ database: node.database, schema: node.schema, identifier: node.alias ?? node.name }, node.relation_name);
  }
  const srcMatch = /^source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)$/.exec(trimmed);
  if (srcMatch) {
    const src = Object.values(manifest.sources).find((s) => s.source_name === srcMatch[1] && s.name === srcMatch[2]);
    if (!src) throw new UserError(`unit test input ${input}: no source ${srcMatch[1]}.${srcMatch[2]}`);
    return spell({ database: src.database, schema: src.schema, identifier: src.identifier }, src.relation_name);
  }
  throw new UserError(`unit test input '${input}' is not ref('…'), source('…', '…') or this`);
}

/** overrides.vars answer var() first; other names fall back to the project's vars. */
function varOverrides(ut: UnitTestDefinition, model: ManifestNode, sources: VarSources | undefined): Record<string, unknown> | undefined {
  const overrides = ut.overrides?.vars;
  if (!overrides || Object.keys(overrides).length === 0) return undefined;
  const projectVars = sources ? varsForPackage(sources, model.package_name) : {};
  return {
    var: pyfunction((args, kw) => {
      const name = String(args[0] ?? kw.name);
      if (Object.prototype.hasOwnProperty.call(overrides, name)) return overrides[name];
      const fallback = args.length > 1 ? args[1] : 'default' in kw ? kw.default : NO_DEFAULT;
      return lookupVar(projectVars, name, fallback, model.name);
    }, 'var'),
  };
}

function replaceAll(sql: string, from: string, to: string): string {
  return sql.split(from).join(to);
}

/** Runs one unit test; the scratch schema is dropped afterwards. */
export async function runUnitTest(manifest: Manifest, adapter: Adapter, compiler: Compiler, ut: UnitTestDefinition, target: Target, signal?: AbortSignal): Promise<UnitTestOutcome> {
  const base = { uniqueId: ut.unique_id, name: ut.name };
  const model = manifest.nodes[ut.depends_on.nodes[0] ?? `model.${ut.package_name}.${ut.model}`];
  if (!model) return { ...base, status: 'error', message: `unit test ${ut.name}: model '${ut.model}' not found` };
  const d = adapter.dialect;
  const scratch = `${target.schema}_martflow_unit_${ut.name.replace(/\W/g, '_').slice(0, 30)}`.toLowerCase();
  const run = (sql: string) => adapter.execute(sql, { signal });
  try {
    await run(d.createSchemaIfNotExists(scratch, target.database));
    const isIncremental = Boolean(ut.overrides?.macros?.is_incremental);
    let sql = (await compiler.compile(model, { isIncremental, extra: varOverrides(ut, model, target.varSources) })).sql;
    for (const [i, given] of ut.given.entries()) {
      const { ref, spellings } = inputRelations(manifest, adapter, given.input, model);
      const format = (given.format ?? 'dict') as FixtureFormat;
      const source = given.fixture ? readFixture(target.fixtureDirs ?? [], given.fixture, format) : given.rows;
      const rows = fixtureRows(source, format, `unit test ${ut.name}, given ${given.input}`);
      const fixture: RelationRef = { database: target.database, schema: scratch, identifier: `input_${i + 1}` };
      let select: string;
      if (typeof rows === 'string') select = rows;
      else {
        const upstream = await adapter.getColumns(ref);
        select = fixtureSelect(d, rows, upstream.length ? upstream : null);
      }
      await run(d.createTableAs(fixture, select));
      for (const s of spellings) sql = replaceAll(sql, s, d.relation(fixture));
    }
    const expectFormat = (ut.expect.format ?? 'dict') as FixtureFormat;
    const expectSource = ut.expect.fixture ? readFixture(target.fixtureDirs ?? [], ut.expect.fixture, expectFormat) : ut.expect.rows;
    const expectRows = fixtureRows(expectSource, expectFormat, `unit test ${ut.name}, expect`);
    const expected = typeof expectRows === 'string' ? await run(expectRows) : null;
    const expectedColumns = expected ? expected.columns.map((c) => c.name) : [...new Set((expectRows as Record<string, unknown>[]).flatMap((r) => Object.keys(r)))];
    const actualAll = await run(`select * from (\n${sql}\n) as martflow_unit_actual`);
    const actualNames = actualAll.columns.map((c) => c.name.toLowerCase());
    const columns = expectedColumns.length ? expectedColumns : actualAll.columns.map((c) => c.name);
    const missing = columns.filter((c) => !actualNames.includes(c.toLowerCase()));
    if (missing.length) return { ...base, status: 'fail', message: `the model returns no column${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (it returns ${actualAll.columns.map((c) => c.name).join(', ')})` };
    const index = columns.map((c) => actualNames.indexOf(c.toLowerCase()));
    const actualKeys = actualAll.rows.map((r) => index.map((i) => comparable(r[i])));
    const expectedKeys = expected
      ? expected.rows.map((r) => columns.map((_, i) => comparable(r[i])))
      : (expectRows as Record<string, unknown>[]).map((r) => columns.map((c) => comparable(r[Object.keys(r).find((k) => k.toLowerCase() === c.toLowerCase()) ?? c])));
    const diff = rowDiff(columns, expectedKeys, actualKeys);
    if (!diff) return { ...base, status: 'pass', message: 'PASS' };
    return { ...base, status: 'fail', message: `actual differs from expected:\n${diff}` };
  } catch (e) {
    return { ...base, status: 'error', message: (e as Error).message };
  } finally {
    await run(d.dropSchemaCascade(scratch, target.database)).catch(() => undefined);
  }
}

/** Rows only in expected (-) or only in actual (+), as multisets; null when they agree. */
export function rowDiff(columns: string[], expected: string[][], actual: string[][]): string | null {
  const key = (r: string[]) => JSON.stringify(r);
  const pool = new Map<string, number>();
  for (const r of actual) pool.set(key(r), (pool.get(key(r)) ?? 0) + 1);
  const missing: string[][] = [];
  for (const r of expected) {
    const n = pool.get(key(r)) ?? 0;
    if (n > 0) pool.set(key(r), n - 1);
    else missing.push(r);
  }
  const extra = actual.filter((r) => {
    const n = pool.get(key(r)) ?? 0;
    if (n > 0) {
      pool.set(key(r), n - 1);
      return true;
    }
    return false;
  });
  if (missing.length === 0 && extra.length === 0) return null;
  const lines = [`    ${columns.join(' | ')}`];
  for (const r of missing) lines.push(`  - ${r.join(' | ')}   (expected, not returned)`);
  for (const r of extra) lines.push(`  + ${r.join(' | ')}   (returned, not expected)`);
  return lines.join('\n');
}
