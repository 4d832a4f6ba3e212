// The parsed form of --select / --exclude / selectors.yml (dbt's selector_spec.py): criteria
// (method:value with graph operators) combined by union, intersection and difference.

export const INDIRECT_SELECTION_MODES = ['eager', 'cautious', 'buildable', 'empty'] as const;
export type IndirectSelection = (typeof INDIRECT_SELECTION_MODES)[number];

export const METHOD_NAMES = [
  'fqn',
  'tag',
  'group',
  'access',
  'source',
  'path',
  'file',
  'package',
  'config',
  'test_name',
  'test_type',
  'resource_type',
  'state',
  'exposure',
  'metric',
  'result',
  'source_status',
  'version',
  'semantic_model',
  'saved_query',
  'unit_test',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export interface SelectionCriteria {
  kind: 'criteria';
  /** The text as the user wrote it, for messages. */
  raw: string;
  method: MethodName;
  /** config.meta.owner → ['meta', 'owner']. */
  methodArgs: string[];
  value: string;
  childrensParents: boolean;
  parents: boolean;
  /** undefined = unlimited. */
  parentsDepth?: number;
  children: boolean;
  childrenDepth?: number;
  /** Set by selectors.yml; otherwise the run's --indirect-selection applies. */
  indirectSelection?: IndirectSelection;
}

export interface SelectionSet {
  kind: 'union' | 'intersection' | 'difference';
  components: SelectionSpec[];
  raw: string;
  /** Warn when this set selects nothing (dbt: set on each space-separated --select part). */
  expectExists: boolean;
  indirectSelection?: IndirectSelection;
}

export type SelectionSpec = SelectionCriteria | SelectionSet;

export function union(components: SelectionSpec[], raw = '', expectExists = false): SelectionSet {
  return { kind: 'union', components, raw, expectExists };
}

export function intersection(components: SelectionSpec[], raw = '', expectExists = false): SelectionSet {
  return { kind: 'intersection', components, raw, expectExists };
}

export function difference(include: SelectionSpec, exclude: SelectionSpec, raw = ''): SelectionSet {
  return { kind: 'difference', components: [include, exclude], raw, expectExists: false };
}

/** Combines component results the way the set kind says. */
export function combine(kind: SelectionSet['kind'], sets: Set<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  // One set is its own union, intersection and difference (callers copy before changing a set).
  if (sets.length === 1) return sets[0]!;
  if (kind === 'union') {
    const out = new Set<string>();
    for (const s of sets) for (const id of s) out.add(id);
    return out;
  }
  if (kind === 'intersection') {
    const [first, ...rest] = sets;
    return new Set([...first!].filter((id) => rest.every((s) => s.has(id))));
  }
  const [first, ...rest] = sets;
  return new Set([...first!].filter((id) => !rest.some((s) => s.has(id))));
}
