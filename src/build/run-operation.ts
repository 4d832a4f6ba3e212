// run-operation: calls one macro with keyword arguments, in the root project's context with
// execute = True (macros may query and change the warehouse).
import { parse as parseYaml } from 'yaml';
import type { Workspace } from '../workspace/workspace.js';
import { createRenderContext } from '../context/dbt-context.js';
import { Relation } from '../context/relation.js';
import { RefIndex } from '../parse/ref-index.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/did-you-mean.js';

export function parseOperationArgs(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (e) {
    throw new UserError(`--args is not valid YAML: ${(e as Error).message}`, { hint: `Pass a YAML mapping: --args '{days: 30, seed: 42}'.` });
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new UserError('--args must be a YAML mapping of argument names to values', { hint: `For example --args '{days: 30}'.` });
  return value as Record<string, unknown>;
}

export async function runOperation(ws: Workspace, macroName: string, args: Record<string, unknown>): Promise<unknown> {
  const [pkg, name] = macroName.includes('.') ? macroName.split('.', 2) as [string, string] : [null, macroName];
  const root = ws.project.root.name;
  const registry = ws.env.registry;
  const macro = pkg ? registry.inPackage(pkg, name) : registry.resolve(name, root);
  if (!macro) {
    const near = closest(name, registry.all.map((m) => m.name));
    throw new UserError(`no macro named '${macroName}' in the project or its packages`, { hint: near ? `Did you mean '${near}'?` : 'Check the name; macros live in the macro-paths of dbt_project.yml.' });
  }
  const index = new RefIndex(Object.values(ws.manifest.nodes), Object.values(ws.manifest.sources), [], root);
  const ctx = createRenderContext(ws.env, {
    packageName: root,
    nodeName: `operation ${macroName}`,
    execute: true,
    thisRelation: null,
    model: null,
    isIncremental: false,
    ref: (call) => {
      const n = index.resolveRef(call, root, `operation ${macroName}`);
      return new Relation({ database: n.database, schema: n.schema, identifier: n.alias }, ws.dialect, n.config.materialized === 'view' ? 'view' : 'table');
    },
    source: (s, t) => {
      const src = index.resolveSource(s, t, `operation ${macroName}`);
      return new Relation({ database: src.database, schema: src.schema, identifier: src.identifier }, ws.dialect, 'table');
    },
    config: { set: () => undefined, get: () => undefined },
  });
  const fn = pkg ? (ctx[pkg] as Record<string, unknown>)[name] : ctx[name];
  if (typeof fn !== 'function') throw new Error(`internal: macro ${macroName} did not bind`);
  return await (fn as (a: unknown[], kw: Record<string, unknown>) => unknown)([], args);
}
