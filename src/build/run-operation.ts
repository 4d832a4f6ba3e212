// run-operation: calls one macro with keyword arguments, in the root project's context with
// execute = True (macros may query and change the warehouse).
import { parseYamlMapping } from '../util/yaml-mapping.js';
import type { Workspace } from '../workspace/workspace.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/did-you-mean.js';
import { compilerFor } from '../compile/compile-project.js';
import { operationNode } from '../compile/operation-node.js';

/** --args takes a YAML mapping of the macro's keyword arguments. */
export function parseOperationArgs(text: string | undefined): Record<string, unknown> {
  return parseYamlMapping(text, '--args', '{days: 30, seed: 42}');
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
  const node = operationNode(root, macroName, ws.project.target.output.schema);
  const ctx = compilerFor(ws).renderContext(node);
  const fn = pkg ? (ctx[pkg] as Record<string, unknown>)[name] : ctx[name];
  if (typeof fn !== 'function') throw new Error(`internal: macro ${macroName} did not bind`);
  return await (fn as (a: unknown[], kw: Record<string, unknown>) => unknown)([], args);
}
