// The render context of one node (or one run-operation / hook): everything dbt puts in scope —
// ref, source, config, var, env_var, this, target, is_incremental, execute, adapter, run_query,
// statement, log, exceptions, modules, … — plus macros resolved in dbt's order (see macro-registry.ts).
import { createHash } from 'node:crypto';
import { pyfunction, type JinjaCallable } from '../jinja/api.js';
import type { Adapter, Dialect } from '../warehouse/adapter.js';
import type { DispatchConfig, ResolvedTarget } from '../project/loaded-project.js';
import type { RefCall } from '../project/manifest-types.js';
import { UserError } from '../util/errors.js';
import { MacroBinder, type MacroRegistry, type RegisteredMacro } from './macro-registry.js';
import { adapterMembers, createAdapterObject, type AdapterEnvironment, type AdapterRenderHooks } from './adapter-object.js';
import { StatementStore } from './statements.js';
import { createDatetimeModule, pyDatetimeFromDate } from './py-datetime.js';
import { createReModule } from './py-re.js';
import { serializationMembers } from './serialization.js';
import { lookupEnvVar, lookupVar, NO_DEFAULT, varsForPackage, type VarSources } from './vars.js';
import type { Relation } from './relation.js';
import { VERSION } from '../version.js';

/** Shared by every render of one invocation. */
export interface RenderEnvironment {
  registry: MacroRegistry;
  adapter: Adapter | null;
  adapterType: string;
  dialect: Dialect;
  target: ResolvedTarget;
  varSources: VarSources;
  dispatch: DispatchConfig[];
  invocationId: string;
  runStartedAt: Date;
  flags: Record<string, unknown>;
  projectName: string;
  /** log(msg, info=True) prints; info=False goes to the log file only. */
  log: (message: string, info: boolean) => void;
  signal?: AbortSignal;
  /** The `graph` variable: manifest nodes/sources/exposures, built on demand. */
  graph?: () => Record<string, unknown>;
}

/** What config() does in this render: capture at parse time, read resolved values at execute time. */
export interface ConfigAccess {
  /** config(materialized='table', …): parse time records kwargs; execute time ignores them. */
  set(kwargs: Record<string, unknown>): void;
  get(key: string): unknown;
}

/** One node's render. */
export interface NodeRender {
  packageName: string;
  /** For messages: model.pkg.name or operation name. */
  nodeName: string;
  /** False while parsing: nothing touches the warehouse. */
  execute: boolean;
  thisRelation: Relation | null;
  /** The `model` variable (the node as a dict). */
  model: Record<string, unknown> | null;
  isIncremental: boolean;
  ref(call: RefCall): Relation;
  source(sourceName: string, tableName: string): Relation;
  config: ConfigAccess;
  /** Extra names in scope (generic test kwargs, `sql` in materializations, …). */
  extra?: Record<string, unknown>;
  /** Called with the unique_id of each macro the render reaches, its own or through other macros. */
  onMacroUsed?: (uniqueId: string) => void;
  /**
   * Called with the unique_id of each macro the node's own template calls (dbt's depends_on.macros:
   * the macros those call are the macros' own dependencies).
   */
  onMacroCalled?: (uniqueId: string) => void;
  /** Called with each environment variable the render reads (partial parsing must notice changes). */
  onEnvVarRead?: (name: string) => void;
}

const datetimeModule = createDatetimeModule();
const reModule = createReModule();
const serialization = serializationMembers();

function parseRefArgs(args: unknown[], kw: Record<string, unknown>): RefCall {
  const version = (kw.version ?? kw.v ?? null) as string | number | null;
  if (args.length === 1) return { name: String(args[0]), package: null, version };
  if (args.length === 2) return { package: String(args[0]), name: String(args[1]), version };
  throw new UserError(`ref() takes one or two arguments (got ${args.length})`, {
    hint: `Use ref('model_name') or ref('package_name', 'model_name').`,
  });
}

/** Members that are the same for every render of an invocation, built once (thousands of renders). */
const sharedByEnv = new WeakMap<RenderEnvironment, Record<string, unknown>>();
function sharedMembers(env: RenderEnvironment): Record<string, unknown> {
  let shared = sharedByEnv.get(env);
  if (shared) return shared;
  const { target } = env;
  const targetObject: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(target.output).filter(([k]) => k !== 'password')),
    name: target.targetName,
    target_name: target.targetName,
    profile_name: target.profileName,
    type: target.output.type,
    schema: target.output.schema,
    database: env.adapter?.defaultDatabase ?? (target.output as { database?: string; dbname?: string }).database ?? (target.output as { dbname?: string }).dbname ?? null,
    threads: target.output.threads,
  };

  shared = Object.assign(Object.create(null) as Record<string, unknown>, {
    target: targetObject,
    log: pyfunction((args, kw) => {
      env.log(String(args[0] ?? kw.msg ?? ''), Boolean(kw.info ?? args[1] ?? false));
      return '';
    }, 'log'),
    print: pyfunction((args) => {
      env.log(args.map(String).join(' '), true);
      return '';
    }, 'print'),
    modules: { datetime: datetimeModule, re: reModule, pytz: { utc: 'UTC', timezone: pyfunction(() => 'UTC') }, itertools: {} },
    invocation_id: env.invocationId,
    run_started_at: pyDatetimeFromDate(env.runStartedAt),
    flags: env.flags,
    dbt_version: VERSION,
    project_name: env.projectName,
    database: targetObject.database,
    schema: target.output.schema,
    local_md5: pyfunction((args) => createHash('md5').update(String(args[0])).digest('hex'), 'local_md5'),
    zip: pyfunction((args) => {
      const lists = args.map((a) => [...(a as Iterable<unknown>)]);
      const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 0;
      return Array.from({ length: n }, (_v, i) => lists.map((l) => l[i]));
    }, 'zip'),
    set: pyfunction((args) => [...new Set(args.length ? [...(args[0] as Iterable<unknown>)] : [])], 'set'),
    ...serialization,
  });
  sharedByEnv.set(env, shared);
  return shared;
}

/** The adapter object's environment-wide members, per environment and execute flag (parse, compile). */
const adapterMembersByEnv = new WeakMap<RenderEnvironment, Map<boolean, { environment: AdapterEnvironment; members: Record<string, unknown> }>>();

function renderAdapter(env: RenderEnvironment, execute: boolean, hooks: AdapterRenderHooks): Record<string, unknown> {
  let byExecute = adapterMembersByEnv.get(env);
  if (!byExecute) adapterMembersByEnv.set(env, (byExecute = new Map()));
  let shared = byExecute.get(execute);
  if (!shared) {
    const environment: AdapterEnvironment = {
      adapter: env.adapter,
      adapterType: env.adapterType,
      dialect: env.dialect,
      defaultDatabase: env.adapter?.defaultDatabase ?? null,
      registry: env.registry,
      dispatch: env.dispatch,
      execute,
      signal: env.signal,
    };
    byExecute.set(execute, (shared = { environment, members: adapterMembers(environment) }));
  }
  return createAdapterObject(shared.members, shared.environment, hooks);
}

/**
 * Macro callables that report each call made while no macro is running, i.e. from the node's own
 * template (dbt's macro stack at depth 0). Renders await each call before the next, so one counter
 * of calls in progress tells.
 */
function trackTopLevelCalls(bind: (macro: RegisteredMacro) => JinjaCallable | undefined, onCall: (uniqueId: string) => void) {
  const tracked = new Map<RegisteredMacro, JinjaCallable>();
  let running = 0;
  const done = () => {
    running--;
  };
  return (macro: RegisteredMacro): JinjaCallable | undefined => {
    let fn = tracked.get(macro);
    if (fn) return fn;
    const inner = bind(macro);
    if (!inner) return undefined;
    fn = pyfunction((args, kwargs) => {
      if (running === 0) onCall(macro.uniqueId);
      running++;
      let result: unknown;
      try {
        result = inner(args, kwargs);
      } catch (e) {
        running--;
        throw e;
      }
      if (result instanceof Promise) return result.finally(done);
      running--;
      return result;
    }, inner.displayName);
    tracked.set(macro, fn);
    return fn;
  };
}

export function createRenderContext(env: RenderEnvironment, node: NodeRender): Record<string, unknown> {
  const statements = new StatementStore(env.adapter, node.execute, env.signal);
  const vars = varsForPackage(env.varSources, node.packageName);
  const packageContexts = new Map<string, Record<string, unknown>>();
  const binder = new MacroBinder((pkg) => contextFor(pkg));
  const used = (macro: RegisteredMacro) => node.onMacroUsed?.(macro.uniqueId);
  const bound = (macro: RegisteredMacro): JinjaCallable | undefined => binder.bind(macro);
  const bind = node.onMacroCalled ? trackTopLevelCalls(bound, node.onMacroCalled) : bound;

  const config = Object.assign(
    pyfunction((args, kw) => {
      if (args.length === 1 && args[0] && typeof args[0] === 'object') node.config.set(args[0] as Record<string, unknown>);
      else node.config.set(kw);
      return '';
    }, 'config'),
    {
      get: pyfunction((args, kw) => {
        const v = node.config.get(String(kw.name ?? args[0]));
        return v === undefined || v === null ? (kw.default ?? args[1] ?? null) : v;
      }, 'config.get'),
      require: pyfunction((args) => {
        const key = String(args[0]);
        const v = node.config.get(key);
        if ((v === undefined || v === null) && node.execute) {
          throw new UserError(`${node.nodeName}: the config '${key}' is required but not set`, { hint: `Set it in the model's config() or schema YAML.` });
        }
        return v ?? null;
      }, 'config.require'),
    },
  );

  const exceptions = {
    raise_compiler_error: pyfunction((args) => {
      throw new UserError(`Compilation Error in ${node.nodeName}: ${String(args[0])}`);
    }, 'raise_compiler_error'),
    warn: pyfunction((args) => {
      env.log(`Warning in ${node.nodeName}: ${String(args[0])}`, true);
      return '';
    }, 'warn'),
    raise_not_implemented: pyfunction((args) => {
      throw new UserError(`Not implemented in ${node.nodeName}: ${String(args[0])}`);
    }, 'raise_not_implemented'),
    raise_fail_fast_error: pyfunction((args) => {
      throw new UserError(`${node.nodeName}: ${String(args[0])}`);
    }, 'raise_fail_fast_error'),
  };

  const members: Record<string, unknown> = Object.assign(Object.create(sharedMembers(env)) as Record<string, unknown>, {
    ref: pyfunction((args, kw) => node.ref(parseRefArgs(args, kw)), 'ref'),
    source: pyfunction((args) => {
      if (args.length !== 2) throw new UserError(`source() takes two arguments: source('source_name', 'table_name')`);
      return node.source(String(args[0]), String(args[1]));
    }, 'source'),
    config,
    var: pyfunction((args, kw) => lookupVar(vars, String(args[0] ?? kw.name), args.length > 1 ? args[1] : 'default' in kw ? kw.default : NO_DEFAULT, node.nodeName), 'var'),
    env_var: pyfunction((args, kw) => {
      const name = String(args[0] ?? kw.var);
      node.onEnvVarRead?.(name);
      return lookupEnvVar(name, args.length > 1 ? args[1] : 'default' in kw ? kw.default : NO_DEFAULT);
    }, 'env_var'),
    this: node.thisRelation,
    is_incremental: pyfunction(() => node.isIncremental, 'is_incremental'),
    execute: node.execute,
    model: node.model,
    exceptions,
    ...statements.members(),
    ...(node.extra ?? {}),
  });
  members.builtins = { ref: members.ref, source: members.source, config };
  if (env.graph) {
    Object.defineProperty(members, 'graph', { get: env.graph, enumerable: true });
  }

  function packageNamespace(pkg: string): Record<string, unknown> {
    return new Proxy(Object.create(null) as Record<string, unknown>, {
      get(_t, name) {
        if (typeof name !== 'string') return undefined;
        const macro = env.registry.inPackage(pkg, name);
        if (!macro) return undefined;
        used(macro);
        return bind(macro);
      },
      has(_t, name) {
        return typeof name === 'string' && env.registry.inPackage(pkg, name) !== undefined;
      },
      // Jinja's attribute access on null-prototype objects asks hasOwnProperty first.
      getOwnPropertyDescriptor(_t, name) {
        if (typeof name !== 'string' || env.registry.inPackage(pkg, name) === undefined) return undefined;
        return { configurable: true, enumerable: true, writable: false, value: undefined };
      },
    });
  }

  function lookup(pkg: string, name: string): unknown {
    const macro = env.registry.resolve(name, pkg);
    if (macro) {
      used(macro);
      return bind(macro);
    }
    if (name in members) return members[name];
    if (env.registry.isPackage(name)) return packageNamespace(name);
    return undefined;
  }

  function contextFor(pkg: string): Record<string, unknown> {
    let ctx = packageContexts.get(pkg);
    if (ctx) return ctx;
    // Made when a template first names `adapter` (most model renders never do).
    let adapterObject: Record<string, unknown> | undefined;
    const adapterMember = () => (adapterObject ??= renderAdapter(env, node.execute, { bind, onMacroUsed: used, statements }));
    // Templates ask `name in ctx` before reading a free name: both go through one lookup.
    const cache = new Map<string, unknown>();
    const find = (name: string): unknown => {
      if (cache.has(name)) return cache.get(name);
      const v = lookup(pkg, name);
      if (v !== undefined) cache.set(name, v);
      return v;
    };
    ctx = new Proxy(Object.create(null) as Record<string, unknown>, {
      get(_t, name) {
        if (typeof name !== 'string') return undefined;
        return name === 'adapter' ? adapterMember() : find(name);
      },
      has(_t, name) {
        if (typeof name !== 'string') return false;
        return name === 'adapter' || find(name) !== undefined;
      },
    });
    packageContexts.set(pkg, ctx);
    return ctx;
  }

  return contextFor(node.packageName);
}
