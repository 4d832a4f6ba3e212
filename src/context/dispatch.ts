// adapter.dispatch's search: for each package of the search order (the dispatch: config of
// dbt_project.yml, else the root project then the namespace), `<engine>__<name>` then
// `default__<name>`. Renders call through it, and parsing uses it to record a macro's dependencies.
import type { DispatchConfig } from '../project/loaded-project.js';
import type { MacroRegistry, RegisteredMacro } from './macro-registry.js';

export interface DispatchSearch {
  registry: MacroRegistry;
  adapterType: string;
  dispatch: DispatchConfig[];
}

/** The macro `adapter.dispatch(macroName, namespace)` calls, or undefined, and the names it tried. */
export function resolveDispatch(o: DispatchSearch, macroName: string, namespace: string | null): { macro: RegisteredMacro | undefined; tried: string[] } {
  const tried: string[] = [];
  for (const pkg of searchPackages(o, namespace)) {
    for (const prefix of [o.adapterType, 'default']) {
      const name = `${prefix}__${macroName}`;
      tried.push(pkg ? `${pkg}.${name}` : name);
      const macro = pkg === null ? o.registry.resolve(name, o.registry.rootPackage) : o.registry.inPackage(pkg, name);
      if (macro) return { macro, tried };
    }
  }
  return { macro: undefined, tried };
}

function searchPackages(o: DispatchSearch, namespace: string | null): (string | null)[] {
  if (namespace === null) return [null];
  const configured = o.dispatch.find((d) => d.macro_namespace === namespace);
  if (configured) return configured.search_order;
  // The root project may override any package's implementation, as dbt allows.
  return [o.registry.rootPackage, namespace];
}
