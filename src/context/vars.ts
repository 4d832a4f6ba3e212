// var() and env_var(): project vars (global, or scoped under a package name in dbt_project.yml)
// overridden by --vars; environment variables with defaults. Missing ones are user errors that say
// where to define them.
import { UserError } from '../util/errors.js';
import { closest } from '../util/did-you-mean.js';

export interface VarSources {
  /** vars: from the root dbt_project.yml, as written (package-named keys hold scoped vars). */
  projectVars: Record<string, unknown>;
  /** --vars from the command line; win over everything. */
  cliVars: Record<string, unknown>;
  /** Names of every package, so their scoped blocks are not mistaken for vars. */
  packageNames: Set<string>;
}

/** The vars visible to nodes and macros of one package. */
export function varsForPackage(sources: VarSources, packageName: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(sources.projectVars)) {
    if (!sources.packageNames.has(k)) out[k] = v;
  }
  const scoped = sources.projectVars[packageName];
  if (scoped && typeof scoped === 'object' && !Array.isArray(scoped)) Object.assign(out, scoped);
  Object.assign(out, sources.cliVars);
  return out;
}

export const NO_DEFAULT = Symbol('no default');

export function lookupVar(vars: Record<string, unknown>, name: string, fallback: unknown, nodeName: string): unknown {
  if (Object.prototype.hasOwnProperty.call(vars, name)) return vars[name];
  if (fallback !== NO_DEFAULT) return fallback;
  const near = closest(name, Object.keys(vars));
  throw new UserError(`Required var '${name}' not found in config: vars supplied to ${nodeName} = ${JSON.stringify(vars)}`, {
    hint: near
      ? `Did you mean '${near}'?`
      : `Define it under vars: in dbt_project.yml, pass it with --vars '{${name}: ...}', or give var() a default.`,
  });
}

export function lookupEnvVar(name: string, fallback: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const v = env[name];
  if (v !== undefined) return v;
  if (fallback !== NO_DEFAULT && fallback !== undefined && fallback !== null) return String(fallback);
  throw new UserError(`Env var required but not provided: '${name}'`, {
    hint: `Set ${name} in the environment, or give env_var() a default: env_var('${name}', 'value').`,
  });
}
