// The vars visible to one package, with dbt's precedence (highest first):
//   --vars; root dbt_project.yml vars scoped to the package; root global vars;
//   the package's own dbt_project.yml vars scoped to itself; its own global vars.
import type { LoadedProject } from './loaded-project.js';

export function varsFor(project: LoadedProject, packageName: string): Record<string, unknown> {
  const root = project.root.project;
  const own = project.packages.find((p) => p.name === packageName)?.project;
  const layers: Record<string, unknown>[] = [];
  if (own && own !== root) layers.push(own.vars, own.packageVars[packageName] ?? {});
  layers.push(root.vars, root.packageVars[packageName] ?? {}, project.cliVars);
  return Object.assign({}, ...layers) as Record<string, unknown>;
}
