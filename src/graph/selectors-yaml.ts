// selectors.yml definitions → SelectionSpec (dbt's config/selectors.py + graph/cli.py
// parse_from_definition). A definition is a CLI-style string, a {method: value} or
// {method, value, parents, children, …, exclude} dictionary, or {union|intersection: [...]} whose
// list may hold one {exclude: [...]} entry.
import type { SelectorDefinition } from '../project/manifest-types.js';
import { UserError } from '../util/errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { criteriaFrom, parseCriteria, toIndirect } from './parse-selection.js';
import type { RawCriteria } from './parse-selection.js';
import type { SelectionSet, SelectionSpec } from './selection-spec.js';
import { difference, intersection, union } from './selection-spec.js';

const CRITERIA_KEYS = ['method', 'value', 'childrens_parents', 'parents', 'parents_depth', 'children', 'children_depth', 'indirect_selection', 'exclude'];
const HINT = 'See https://docs.getdbt.com/reference/node-selection/yaml-selectors for the forms a definition can take.';

/** manifest.selectors (by name) or the `selectors:` list of selectors.yml. */
export type Selectors = Record<string, SelectorDefinition> | SelectorDefinition[];

function byName(selectors: Selectors): Record<string, SelectorDefinition> {
  return Array.isArray(selectors) ? Object.fromEntries(selectors.map((s) => [s.name, s])) : selectors;
}

/** The selector marked `default: true`, used when no --select/--selector is given. More than one is an error. */
export function defaultSelector(selectors: Selectors): string | undefined {
  const defaults = Object.values(byName(selectors)).filter((s) => s.default === true);
  if (defaults.length > 1) {
    throw new UserError(`Found multiple selectors with \`default: true\`: ${defaults.map((s) => s.name).join(', ')}`, {
      location: { file: 'selectors.yml' },
      hint: 'Mark only one selector as the default.',
    });
  }
  return defaults[0]?.name;
}

/** The spec of the selector called `name` (for --selector name). */
export function resolveSelector(name: string, selectors: Selectors): SelectionSpec {
  return new Resolver(byName(selectors)).resolve(name, []);
}

class Resolver {
  private readonly done = new Map<string, SelectionSpec>();

  constructor(private readonly selectors: Record<string, SelectorDefinition>) {}

  resolve(name: string, stack: string[]): SelectionSpec {
    const cached = this.done.get(name);
    if (cached) return cached;
    const sel = this.selectors[name];
    if (!sel) {
      throw new UserError(`Could not find selector named ${name}, expected one of ${JSON.stringify(Object.keys(this.selectors))}`, {
        location: { file: 'selectors.yml' },
        hint: `Define it under \`selectors:\` in selectors.yml.${didYouMean(name, Object.keys(this.selectors))}`,
      });
    }
    if (stack.includes(name)) {
      throw new UserError(`Selector definitions form a cycle: ${[...stack, name].join(' --> ')}`, {
        location: { file: 'selectors.yml' },
        node: name,
        hint: 'A selector cannot include itself through `method: selector`.',
      });
    }
    const spec = this.parse(sel.definition, [...stack, name], true);
    this.done.set(name, spec);
    return spec;
  }

  parse(def: unknown, stack: string[], rootLevel = false): SelectionSpec {
    const where = stack[stack.length - 1]!;
    if (typeof def === 'string') {
      return def.startsWith('selector:') ? this.resolve(def.slice('selector:'.length), stack) : parseCriteria(def);
    }
    if (!isRecord(def)) throw this.error(where, `Invalid selector definition ${JSON.stringify(def)}`);
    const keys = Object.keys(def);
    if (('union' in def || 'intersection' in def) && rootLevel && keys.length > 1) {
      throw this.error(where, `Only a single 'union' or 'intersection' key is allowed in a root level selector definition; found ${keys.join(',')}.`);
    }
    if ('union' in def) return this.parseSet('union', def, stack);
    if ('intersection' in def) return this.parseSet('intersection', def, stack);
    return this.parseDict(def, stack);
  }

  private parseSet(kind: 'union' | 'intersection', def: Record<string, unknown>, stack: string[]): SelectionSpec {
    const items = this.list(def, kind, stack);
    const include: SelectionSpec[] = [];
    let exclude: SelectionSpec | undefined;
    for (const item of items) {
      if (isRecord(item) && 'exclude' in item) {
        if (exclude) throw this.error(stack[stack.length - 1]!, `You cannot provide multiple exclude arguments to the same selector set operator: ${JSON.stringify(item)}`);
        exclude = this.parseExclusions(item, stack);
      } else {
        include.push(this.parse(item, stack));
      }
    }
    const raw = JSON.stringify(def);
    const set: SelectionSet = kind === 'union' ? union(include, raw) : intersection(include, raw);
    // dbt builds YAML set operators with its default (eager), so only their criteria honour
    // cautious/buildable; tests whose parents come from different components are not re-admitted.
    set.indirectSelection = 'eager';
    if (!exclude) return set;
    const diff = difference(set, exclude, raw);
    diff.indirectSelection = 'eager';
    return diff;
  }

  private parseDict(def: Record<string, unknown>, stack: string[]): SelectionSpec {
    const where = stack[stack.length - 1]!;
    const raw = JSON.stringify(def);
    let dct: RawCriteria;
    let exclude: SelectionSpec | undefined;
    const keys = Object.keys(def);
    if (keys.length === 1 && keys[0] !== 'method') {
      dct = { method: keys[0], value: this.value(def[keys[0]!], where) };
    } else if (def.method === 'selector') {
      return this.resolve(String(def.value), stack);
    } else if ('method' in def && 'value' in def) {
      for (const k of keys) {
        if (!CRITERIA_KEYS.includes(k)) {
          throw this.error(where, `Unknown key '${k}' in selector definition ${raw}.${didYouMean(k, CRITERIA_KEYS)}`);
        }
      }
      dct = {
        method: String(def.method),
        value: this.value(def.value, where),
        childrens_parents: Boolean(def.childrens_parents),
        parents: Boolean(def.parents),
        parents_depth: def.parents_depth as number | undefined,
        children: Boolean(def.children),
        children_depth: def.children_depth as number | undefined,
      };
      if (def.indirect_selection !== undefined) dct.indirect_selection = toIndirect(raw, String(def.indirect_selection));
      if ('exclude' in def) exclude = this.parseExclusions(def, stack);
    } else {
      throw this.error(where, `Expected either 1 key or else "method" and "value" keys, but got ${JSON.stringify(keys)}`);
    }
    const base = criteriaFrom(raw, dct);
    if (!exclude) return base;
    const diff = difference(base, exclude, raw);
    diff.indirectSelection = 'eager';
    return diff;
  }

  private parseExclusions(def: Record<string, unknown>, stack: string[]): SelectionSpec {
    const parts = this.list(def, 'exclude', stack).map((d) => this.parse(d, stack));
    if (parts.length === 1) return parts[0]!;
    const set = union(parts, JSON.stringify(def.exclude));
    set.indirectSelection = 'eager';
    return set;
  }

  private list(def: Record<string, unknown>, key: string, stack: string[]): unknown[] {
    const v = def[key];
    if (!Array.isArray(v)) throw this.error(stack[stack.length - 1]!, `Invalid value for key "${key}". Expected a list.`);
    return v;
  }

  private value(v: unknown, where: string): string {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw this.error(where, `Invalid selector value ${JSON.stringify(v)}: expected a string`);
  }

  private error(selector: string, message: string): UserError {
    return new UserError(message, { location: { file: 'selectors.yml' }, node: `selector:${selector}`, hint: HINT });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
