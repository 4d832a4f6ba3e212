// The command-line selector syntax (dbt's cli.py + SelectionCriteria.from_single_spec):
//   [@][n+][method[.arg…]:]value[+n]
// A space separates a union, a comma an intersection; --exclude is the same syntax, subtracted.
import { UserError } from '../util/errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { IndirectSelection, MethodName, SelectionCriteria, SelectionSet, SelectionSpec } from './selection-spec.js';
import { METHOD_NAMES, difference, intersection, union } from './selection-spec.js';

const RAW_SELECTOR = /^(?<childrens_parents>@)?(?<parents>(?<parents_depth>\d*)\+)?(?:(?<method>[\w.]+):)?(?<value>.*?)(?<children>\+(?<children_depth>\d*))?$/s;

/** What `dbt ls` selects with no --select: everything that can be listed. */
export const DEFAULT_INCLUDES = ['fqn:*', 'source:*', 'exposure:*', 'metric:*', 'semantic_model:*', 'saved_query:*'];

export interface ParseOptions {
  /** The run's --indirect-selection; criteria from selectors.yml may override it. Default 'eager'. */
  indirectSelection?: IndirectSelection;
  /** Resolves `selector:name` (dbt 1.12) to that selectors.yml definition. */
  resolveNamedSelector?: (name: string) => SelectionSpec;
}

/** --select args minus --exclude args. No --select means everything (without the "matches nothing" warning). */
export function parseSelection(select: string[], exclude: string[], options: ParseOptions = {}): SelectionSet {
  const included = select.length > 0 ? parseUnion(select, true, options) : parseUnion(DEFAULT_INCLUDES, false, options);
  // dbt always expands exclusions eagerly: excluding a model excludes its tests.
  const excluded = parseUnion(exclude, true, { indirectSelection: 'eager', resolveNamedSelector: options.resolveNamedSelector });
  return difference(included, excluded, [...select, ...exclude.map((e) => `--exclude ${e}`)].join(' '));
}

/** ['a b', 'c,d'] → union(a, b, intersection(c, d)). */
export function parseUnion(components: string[], expectExists: boolean, options: ParseOptions = {}): SelectionSet {
  const parts: SelectionSpec[] = [];
  for (const raw of components.flatMap((c) => c.split(/\s+/)).filter((s) => s !== '')) {
    const criteria = raw.split(',').map((part) => parsePart(part, options));
    const set: SelectionSet = intersection(criteria, raw, expectExists);
    set.indirectSelection = options.indirectSelection;
    parts.push(set);
  }
  const out = union(parts, components.join(' '), false);
  out.indirectSelection = options.indirectSelection;
  return out;
}

/** A criterion, or the selectors.yml definition a `selector:name` part names. */
function parsePart(part: string, options: ParseOptions): SelectionSpec {
  if (!part.startsWith('selector:')) return parseCriteria(part, options.indirectSelection);
  const name = part.slice('selector:'.length);
  if (!options.resolveNamedSelector) {
    throw new UserError(`"${part}" refers to a selector, but no selectors.yml definitions were given`, {
      hint: 'Define the selector in selectors.yml, or select the nodes directly.',
    });
  }
  return options.resolveNamedSelector(name);
}

/** One criterion: `2+tag:nightly+`, `@config.materialized:table`, `models/staging`. */
export function parseCriteria(raw: string, indirectSelection?: IndirectSelection): SelectionCriteria {
  const m = RAW_SELECTOR.exec(raw);
  if (!m?.groups || m.groups.value === '') {
    throw new UserError(`Invalid selector spec "${raw}"`, {
      hint: 'Write [@][n+][method:]value[+n], e.g. "+tag:nightly" or "stg_orders+2".',
    });
  }
  const g = m.groups;
  return criteriaFrom(raw, {
    method: g.method,
    value: g.value!,
    childrens_parents: g.childrens_parents !== undefined,
    parents: g.parents !== undefined,
    parents_depth: g.parents_depth,
    children: g.children !== undefined,
    children_depth: g.children_depth,
    indirect_selection: indirectSelection,
  });
}

export interface RawCriteria {
  method?: string;
  value: string;
  childrens_parents?: boolean;
  parents?: boolean;
  parents_depth?: string | number;
  children?: boolean;
  children_depth?: string | number;
  indirect_selection?: string;
}

/** Shared by the CLI syntax and selectors.yml's method/value dictionaries. */
export function criteriaFrom(raw: string, dct: RawCriteria): SelectionCriteria {
  const { method, methodArgs } = parseMethod(raw, dct.method, dct.value);
  if (dct.childrens_parents && dct.children) {
    throw new UserError(`Invalid node spec "${raw}" - "@" prefix and "+" suffix are incompatible`, {
      hint: '"@x" already includes every descendant of x; drop the trailing "+".',
    });
  }
  const criteria: SelectionCriteria = {
    kind: 'criteria',
    raw,
    method,
    methodArgs,
    value: dct.value,
    childrensParents: Boolean(dct.childrens_parents),
    parents: Boolean(dct.parents),
    parentsDepth: toDepth(raw, dct.parents_depth),
    children: Boolean(dct.children),
    childrenDepth: toDepth(raw, dct.children_depth),
  };
  if (dct.indirect_selection !== undefined) criteria.indirectSelection = toIndirect(raw, dct.indirect_selection);
  return criteria;
}

export function toIndirect(raw: string, value: string): IndirectSelection {
  const modes = ['eager', 'cautious', 'buildable', 'empty'];
  if (!modes.includes(value)) {
    throw new UserError(`Invalid indirect_selection "${value}" in "${raw}"`, {
      hint: `Use one of: ${modes.join(', ')}.${didYouMean(value, modes)}`,
    });
  }
  return value as IndirectSelection;
}

function parseMethod(raw: string, rawMethod: string | undefined, value: string): { method: MethodName; methodArgs: string[] } {
  if (rawMethod === undefined || rawMethod === '') return { method: defaultMethod(value), methodArgs: [] };
  const [name, ...args] = rawMethod.split('.');
  if (name === 'selector') {
    throw new UserError(`Cannot use "${raw}" here: \`selector:\` takes no graph operators (+, @) and only works in --select/--exclude`, {
      hint: 'Write `selector:name` on its own, or put the operators inside the selectors.yml definition.',
    });
  }
  if (!(METHOD_NAMES as readonly string[]).includes(name!)) {
    const valid = [...METHOD_NAMES, 'selector'];
    throw new UserError(`'${name}' is not a valid method name in selector "${raw}"`, {
      hint: `Valid methods: ${valid.join(', ')}.${didYouMean(name!, valid)}`,
    });
  }
  return { method: name as MethodName, methodArgs: args };
}

/** No method: a path if it has a slash, a file if it ends in .sql/.py/.csv, otherwise an fqn. */
export function defaultMethod(value: string): MethodName {
  if (value.includes('/') || value.includes('\\')) return 'path';
  if (/\.(sql|py|csv)$/i.test(value)) return 'file';
  return 'fqn';
}

function toDepth(raw: string, v: string | number | undefined): number | undefined {
  // dbt's _match_to_int treats every falsy value as "no limit", so YAML `parents_depth: 0` is unlimited.
  if (v === undefined || v === '' || v === null || v === 0) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < 0) {
    throw new UserError(`Invalid depth "${v}" in selector "${raw}"`, { hint: 'Depths are whole numbers, e.g. "2+model".' });
  }
  return n;
}
