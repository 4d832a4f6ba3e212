// Sequence and mapping filters (Jinja 3.1 builtins); the full filter table is FILTERS.
import type { Kwargs } from './api.js';
import { getattr, getitem, iter, len } from './access.js';
import { renderFault } from './errors.js';
import { TEXT_FILTERS, arg, type Filter } from './filters-text.js';
import { TESTS } from './is-tests.js';
import { dictItems } from './methods.js';
import { add, cmp, eq } from './ops.js';
import { pyStr } from './repr.js';
import { Undefined, isDict, num, truthy, tuple } from './values.js';

/** attribute='a.b.0' → a function reading it (as Jinja's make_attrgetter). */
function attrGetter(attribute: unknown, dflt?: unknown): (x: unknown) => unknown {
  if (attribute === null || attribute === undefined) return (x) => x;
  const parts = String(attribute)
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return (x) => {
    let v = x;
    for (const p of parts) v = typeof p === 'number' ? getitem(v, p) : getattr(v, p);
    return v instanceof Undefined && dflt !== undefined ? dflt : v;
  };
}

function sortKey(caseSensitive: boolean): (v: unknown) => unknown {
  return caseSensitive ? (v) => v : (v) => (typeof v === 'string' ? v.toLowerCase() : v);
}

function applyTest(name: unknown, args: unknown[], kw: Kwargs): (v: unknown) => boolean {
  if (name === undefined) return truthy;
  const t = TESTS[String(name)];
  if (!t) throw renderFault(`no test named '${String(name)}'`);
  return (v) => t(v, args, kw);
}

function selectOrReject(select: boolean, byAttr: boolean) {
  return (v: unknown, a: unknown[], k: Kwargs): unknown[] => {
    const get = byAttr ? attrGetter(a[0]) : (x: unknown) => x;
    const rest = byAttr ? a.slice(1) : a;
    const test = applyTest(rest[0], rest.slice(1), k);
    return iter(v).filter((x) => test(get(x)) === select);
  };
}

function minMax(sign: 1 | -1): Filter {
  return (v, a, k) => {
    const items = iter(v);
    if (items.length === 0) return new Undefined(`No aggregated item, sequence was empty.`);
    const key = sortKey(truthy(arg(a, k, 0, 'case_sensitive', false)));
    const get = attrGetter(arg(a, k, 1, 'attribute', null));
    let best = items[0];
    for (const x of items.slice(1)) if (sign * cmp(key(get(x)), key(get(best))) > 0) best = x;
    return best;
  };
}

function groupTuple(grouper: unknown, list: unknown[]): unknown[] {
  const t = tuple([grouper, list]);
  Object.defineProperty(t, 'grouper', { value: grouper });
  Object.defineProperty(t, 'list', { value: list });
  return t;
}

const SEQ_FILTERS: Record<string, Filter> = {
  // Jinja's attr() reads attributes only, never dict keys.
  attr: (v, a) => (isDict(v) ? new Undefined(`'dict object' has no attribute '${String(a[0])}'`) : getattr(v, String(a[0]))),
  batch: (v, a, k) => {
    const n = num(a[0]);
    const fill = arg(a, k, 1, 'fill_with', null);
    const out: unknown[][] = [];
    let cur: unknown[] = [];
    for (const x of iter(v)) {
      if (cur.length === n) {
        out.push(cur);
        cur = [];
      }
      cur.push(x);
    }
    if (cur.length) {
      if (fill !== null) while (cur.length < n) cur.push(fill);
      out.push(cur);
    }
    return out;
  },
  count: (v) => len(v),
  length: (v) => len(v),
  default: (v, a, k) => {
    const dflt = arg(a, k, 0, 'default_value', '');
    const boolean = truthy(arg(a, k, 1, 'boolean', false));
    return v instanceof Undefined || (boolean && !truthy(v)) ? dflt : v;
  },
  dictsort: (v, a, k) => {
    const cs = truthy(arg(a, k, 0, 'case_sensitive', false));
    const by = arg(a, k, 1, 'by', 'key');
    const rev = truthy(arg(a, k, 2, 'reverse', false));
    const key = sortKey(cs);
    const i = by === 'value' ? 1 : 0;
    const items = dictItems(v as Record<string, unknown>).sort((x, y) => cmp(key(x[i]), key(y[i])));
    return rev ? items.reverse() : items;
  },
  first: (v) => {
    const items = iter(v);
    return items.length ? items[0] : new Undefined('No first item, sequence was empty.');
  },
  last: (v) => {
    const items = iter(v);
    return items.length ? items[items.length - 1] : new Undefined('No last item, sequence was empty.');
  },
  groupby: (v, a, k) => {
    const get = attrGetter(arg(a, k, 0, 'attribute', null), arg(a, k, 1, 'default', undefined));
    const key = sortKey(truthy(arg(a, k, 2, 'case_sensitive', false)));
    const items = [...iter(v)].sort((x, y) => cmp(key(get(x)), key(get(y))));
    const out: unknown[][] = [];
    for (const x of items) {
      const g = key(get(x));
      const last = out[out.length - 1];
      if (last && eq(last[0], g)) (last[1] as unknown[]).push(x);
      else out.push(groupTuple(g, [x]));
    }
    return out;
  },
  items: (v) => (v instanceof Undefined ? [] : v instanceof Map ? [...v].map((e) => tuple(e)) : dictItems(v)),
  join: (v, a, k) => {
    const get = attrGetter(arg(a, k, 1, 'attribute', null));
    return iter(v)
      .map((x) => pyStr(get(x)))
      .join(pyStr(arg(a, k, 0, 'd', '')));
  },
  list: (v) => [...iter(v)],
  map: (v, a, k) => {
    const items = iter(v);
    if (a.length === 0 && k.attribute !== undefined) {
      const get = attrGetter(k.attribute, k.default);
      return items.map(get);
    }
    const f = FILTERS[String(a[0])];
    if (!f) throw renderFault(`no filter named '${String(a[0])}'`);
    return items.map((x) => f(x, a.slice(1), k));
  },
  max: minMax(1),
  min: minMax(-1),
  reject: selectOrReject(false, false),
  rejectattr: selectOrReject(false, true),
  select: selectOrReject(true, false),
  selectattr: selectOrReject(true, true),
  reverse: (v) => (typeof v === 'string' ? [...v].reverse().join('') : [...iter(v)].reverse()),
  slice: (v, a, k) => {
    const items = iter(v);
    const slices = num(a[0]);
    const fill = arg(a, k, 1, 'fill_with', null);
    const per = Math.floor(items.length / slices);
    const extra = items.length % slices;
    const out: unknown[][] = [];
    let offset = 0;
    for (let i = 0; i < slices; i++) {
      const start = offset + i * per;
      if (i < extra) offset++;
      const end = offset + (i + 1) * per;
      const part = items.slice(start, end);
      if (fill !== null && i >= extra) part.push(fill);
      out.push(part);
    }
    return out;
  },
  sort: (v, a, k) => {
    const rev = truthy(arg(a, k, 0, 'reverse', false));
    const key = sortKey(truthy(arg(a, k, 1, 'case_sensitive', false)));
    const get = attrGetter(arg(a, k, 2, 'attribute', null));
    const items = [...iter(v)].sort((x, y) => cmp(key(get(x)), key(get(y))));
    return rev ? items.reverse() : items;
  },
  sum: (v, a, k) => {
    const get = attrGetter(arg(a, k, 0, 'attribute', null));
    let total = arg(a, k, 1, 'start', 0);
    for (const x of iter(v)) total = add(total, get(x));
    return total;
  },
  unique: (v, a, k) => {
    const key = sortKey(truthy(arg(a, k, 0, 'case_sensitive', false)));
    const get = attrGetter(arg(a, k, 1, 'attribute', null));
    const seen: unknown[] = [];
    const out: unknown[] = [];
    for (const x of iter(v)) {
      const kx = key(get(x));
      if (!seen.some((s) => eq(s, kx))) {
        seen.push(kx);
        out.push(x);
      }
    }
    return out;
  },
};
SEQ_FILTERS.d = SEQ_FILTERS.default;

export const FILTERS: Record<string, Filter> = Object.assign(Object.create(null) as Record<string, Filter>, TEXT_FILTERS, SEQ_FILTERS);

