// Whether a node calls (directly or through other macros) a macro that was added, removed or whose
// body changed since the state manifest — dbt's check_macros_modified.
import type { Macro, Manifest } from '../../project/manifest-types.js';

export function modifiedMacros(current: Manifest, state: Manifest): Set<string> {
  const out = new Set<string>();
  for (const [id, m] of Object.entries(current.macros)) {
    const old = state.macros[id];
    if (!old || old.macro_sql !== m.macro_sql) out.add(id);
  }
  for (const id of Object.keys(state.macros)) if (!(id in current.macros)) out.add(id);
  return out;
}

export function dependsOnModifiedMacro(macroIds: string[], macros: Record<string, Macro>, modified: Set<string>): boolean {
  if (modified.size === 0) return false;
  const visited = new Set<string>();
  const stack = [...macroIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (visited.has(id)) continue;
    visited.add(id);
    if (modified.has(id)) return true;
    stack.push(...(macros[id]?.depends_on.macros ?? []));
  }
  return false;
}
