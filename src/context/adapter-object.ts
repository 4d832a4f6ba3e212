// The `adapter` object templates see: dispatch, relation and column introspection, quoting, execute.
// At parse time it answers without a connection (get_relation → None, columns → []), as dbt does.
import { pyfunction, type JinjaCallable, type Kwargs } from '../jinja/api.js';
import type { Adapter, ColumnDef, Dialect, RelationRef } from '../warehouse/adapter.js';
import { UserError } from '../util/errors.js';
import { Relation } from './relation.js';
import type { MacroRegistry, RegisteredMacro } from './macro-registry.js';
import type { DispatchConfig } from '../project/loaded-project.js';
import type { StatementStore } from './statements.js';
import { resolveDispatch } from './dispatch.js';

/** dbt's Column: name, data_type, dtype, quoted and the is_* helpers macros use. */
export class PyColumn {
  constructor(readonly name: string, readonly dtype: string, private readonly dialect: Dialect) {}
  get column(): string {
    return this.name;
  }
  get data_type(): string {
    return this.dtype;
  }
  get quoted(): string {
    return this.dialect.quoteIdentifier(this.name);
  }
  get is_string() {
    return pyfunction(() => /char|text|string|varchar/i.test(this.dtype), 'is_string');
  }
  get is_number() {
    return pyfunction(() => /int|numeric|decimal|float|double|real/i.test(this.dtype), 'is_number');
  }
  get is_integer() {
    return pyfunction(() => /int/i.test(this.dtype), 'is_integer');
  }
  get is_float() {
    return pyfunction(() => /float|double|real/i.test(this.dtype), 'is_float');
  }
  get is_numeric() {
    return pyfunction(() => /numeric|decimal/i.test(this.dtype), 'is_numeric');
  }
  toString(): string {
    return `<Column ${this.name} (${this.dtype})>`;
  }
}

/** What the adapter object's members need of the environment (the same for every render of it). */
export interface AdapterEnvironment {
  adapter: Adapter | null;
  adapterType: string;
  dialect: Dialect;
  defaultDatabase: string | null;
  registry: MacroRegistry;
  dispatch: DispatchConfig[];
  execute: boolean;
  signal?: AbortSignal;
}

/** What a render adds: its macro binding, its record of macros used, its statements. */
export interface AdapterRenderHooks {
  bind: (macro: RegisteredMacro) => JinjaCallable | undefined;
  /** Called for each macro found, to record dependencies. */
  onMacroUsed: (macro: RegisteredMacro) => void;
  statements: StatementStore;
}

function relationFrom(v: unknown, defaultDatabase: string | null): RelationRef {
  if (v instanceof Relation) return v.ref;
  const o = (v ?? {}) as Record<string, unknown>;
  return { database: (o.database as string | null) ?? defaultDatabase, schema: String(o.schema ?? ''), identifier: String(o.identifier ?? o.name ?? '') };
}

/**
 * The adapter object of one render: `shared` (adapterMembers() of its environment) inherited, with
 * the members that record into this render. Inherited, not copied: calls like adapter.quote(…) read
 * them through the prototype (jinja/access.ts callMethod), and a render makes two functions, not 17.
 */
export function createAdapterObject(shared: Record<string, unknown>, env: AdapterEnvironment, render: AdapterRenderHooks): Record<string, unknown> {
  const o = { ...env, ...render };
  const dispatch = pyfunction((args, kw) => {
    const macroName = String(kw.macro_name ?? args[0]);
    const namespace = (kw.macro_namespace ?? args[1] ?? null) as string | null;
    if (macroName.includes('.')) {
      throw new UserError(`adapter.dispatch('${macroName}') takes a macro name without a package`, {
        hint: `Write adapter.dispatch('${macroName.split('.').pop()}', '${macroName.split('.')[0]}').`,
      });
    }
    const { macro, tried } = resolveDispatch(o, macroName, namespace);
    if (macro) {
      o.onMacroUsed(macro);
      return o.bind(macro);
    }
    throw new UserError(`In dispatch: no macro named '${macroName}' found within namespace '${namespace ?? 'None'}'`, {
      hint: `Searched for: ${tried.join(', ')}. Define one of these macros, or check the dispatch: config in dbt_project.yml.`,
    });
  }, 'adapter.dispatch');

  // Statements run through the render's own store (load_result reads them back).
  const execute = pyfunction(async (args, kw) => {
    if (!o.execute) return [null, null];
    const sql = String(kw.sql ?? args[0]);
    const fetch = Boolean(kw.fetch ?? args[2] ?? false);
    const r = await o.statements.run(sql, fetch);
    return [r.response, r.table];
  }, 'adapter.execute');
  return Object.assign(Object.create(shared) as Record<string, unknown>, { dispatch, execute });
}

/**
 * The members that depend only on the environment, made once per environment (dbt-context.ts keeps
 * them): a compile makes thousands of render contexts.
 */
export function adapterMembers(o: AdapterEnvironment): Record<string, unknown> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, unknown>, environmentMembers(o)));
}

function environmentMembers(o: AdapterEnvironment): Record<string, unknown> {
  const needConnection = (what: string): Adapter => {
    if (!o.adapter) throw new UserError(`adapter.${what} needs a warehouse connection, which this command does not open`);
    return o.adapter;
  };

  const getRelation = pyfunction(async (args, kw: Kwargs) => {
    if (!o.execute || !o.adapter) return null;
    const ref: RelationRef = {
      database: (kw.database ?? args[0] ?? o.defaultDatabase) as string | null,
      schema: String(kw.schema ?? args[1]),
      identifier: String(kw.identifier ?? args[2]),
    };
    const info = await o.adapter.getRelation(ref);
    return info ? new Relation(info, o.dialect, info.type) : null;
  }, 'adapter.get_relation');

  const getColumns = pyfunction(async (args, kw) => {
    if (!o.execute || !o.adapter) return [];
    const rel = relationFrom(kw.relation ?? args[0], o.defaultDatabase);
    const cols: ColumnDef[] = await o.adapter.getColumns(rel);
    return cols.map((c) => new PyColumn(c.name, c.dataType, o.dialect));
  }, 'adapter.get_columns_in_relation');

  return {
    get_relation: getRelation,
    get_columns_in_relation: getColumns,
    get_missing_columns: pyfunction(async (args, kw) => {
      if (!o.execute || !o.adapter) return [];
      const from = await o.adapter.getColumns(relationFrom(kw.from_relation ?? args[0], o.defaultDatabase));
      const to = new Set((await o.adapter.getColumns(relationFrom(kw.to_relation ?? args[1], o.defaultDatabase))).map((c) => c.name.toLowerCase()));
      return from.filter((c) => !to.has(c.name.toLowerCase())).map((c) => new PyColumn(c.name, c.dataType, o.dialect));
    }, 'adapter.get_missing_columns'),
    quote: pyfunction((args) => o.dialect.quoteIdentifier(String(args[0])), 'adapter.quote'),
    quote_as_configured: pyfunction((args) => o.dialect.quoteIdentifier(String(args[0])), 'adapter.quote_as_configured'),
    type: pyfunction(() => o.adapterType, 'adapter.type'),
    check_schema_exists: pyfunction(async (args, kw) => {
      if (!o.execute || !o.adapter) return false;
      const schemas = await o.adapter.listSchemas((kw.database ?? args[0] ?? o.defaultDatabase) as string | null);
      const wanted = String(kw.schema ?? args[1]).toLowerCase();
      return schemas.some((s) => s.toLowerCase() === wanted);
    }, 'adapter.check_schema_exists'),
    list_relations_without_caching: pyfunction(async (args, kw) => {
      if (!o.execute || !o.adapter) return [];
      const rel = relationFrom(kw.schema_relation ?? args[0], o.defaultDatabase);
      return (await o.adapter.listRelations(rel.database, rel.schema)).map((r) => new Relation(r, o.dialect, r.type));
    }, 'adapter.list_relations_without_caching'),
    create_schema: pyfunction(async (args, kw) => {
      if (!o.execute) return '';
      const rel = relationFrom(kw.relation ?? args[0], o.defaultDatabase);
      await needConnection('create_schema').execute(o.dialect.createSchemaIfNotExists(rel.schema, rel.database), { signal: o.signal });
      return '';
    }, 'adapter.create_schema'),
    drop_schema: pyfunction(async (args, kw) => {
      if (!o.execute) return '';
      const rel = relationFrom(kw.relation ?? args[0], o.defaultDatabase);
      await needConnection('drop_schema').execute(o.dialect.dropSchemaCascade(rel.schema, rel.database), { signal: o.signal });
      return '';
    }, 'adapter.drop_schema'),
    drop_relation: pyfunction(async (args, kw) => {
      if (!o.execute) return '';
      const rel = (kw.relation ?? args[0]) as Relation;
      await needConnection('drop_relation').execute(o.dialect.dropRelationIfExists(rel.ref, rel.type ?? 'table'), { signal: o.signal });
      return '';
    }, 'adapter.drop_relation'),
    already_exists: pyfunction(async (args, kw) => {
      if (!o.execute || !o.adapter) return false;
      const info = await o.adapter.getRelation({ database: o.defaultDatabase, schema: String(kw.schema ?? args[0]), identifier: String(kw.name ?? args[1]) });
      return info !== null;
    }, 'adapter.already_exists'),
  };
}
