// Which spec a command runs with, from its flags (dbt's GraphRunnableTask.get_selection_spec):
// --selector NAME when given (it takes precedence over --select/--exclude, as in dbt), else
// --select/--exclude when either is given, else the selectors.yml selector marked `default: true`,
// else everything. `selector:name` inside --select/--exclude (dbt 1.12) resolves against selectors.yml.
import { parseSelection } from './parse-selection.js';
import type { ParseOptions } from './parse-selection.js';
import { defaultSelector, resolveSelector } from './selectors-yaml.js';
import type { Selectors } from './selectors-yaml.js';
import type { SelectionSpec } from './selection-spec.js';

export interface SelectionArgs extends ParseOptions {
  select?: string[];
  exclude?: string[];
  /** --selector NAME. */
  selector?: string;
  /** manifest.selectors (from selectors.yml). */
  selectors?: Selectors;
}

export function selectionSpecFor(args: SelectionArgs): { spec: SelectionSpec; defaultSelectorUsed?: string } {
  const select = args.select ?? [];
  const exclude = args.exclude ?? [];
  const selectors = args.selectors ?? {};
  if (args.selector) return { spec: resolveSelector(args.selector, selectors) };
  if (select.length === 0 && exclude.length === 0) {
    const name = defaultSelector(selectors);
    if (name) return { spec: resolveSelector(name, selectors), defaultSelectorUsed: name };
  }
  return { spec: parseSelection(select, exclude, { ...args, resolveNamedSelector: (name) => resolveSelector(name, selectors) }) };
}
