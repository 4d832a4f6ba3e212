// Attribute, item, slice and call semantics (Python's, as Jinja's sandbox-free environment uses them):
// obj.attr falls back to obj['attr'] and obj['key'] to obj.key; missing → Undefined.
import { PY_CALLABLE, type JinjaCallable, type Kwargs } from './api.js';
import { renderFault } from './errors.js';
import { Loop } from './loop.js';
import { dictMethods, hooks, listMethods, strMethods, type Method } from './methods.js';
import { Undefined, isDict, isTuple, num, tuple, typeName } from './values.js';

const hasOwn = Object.prototype.hasOwnProperty;

function describe(obj: unknown): string {
  return obj === null || obj === undefined ? 'None' : `'${typeName(obj)}' object`;
}

function boundMethod(self: unknown, m: Method, name: string): JinjaCallable {
  const f = ((args: unknown[], kwargs: Kwargs) => m(self, args, kwargs)) as JinjaCallable;
  f[PY_CALLABLE] = true;
  f.displayName = name;
  return f;
}

function bindFunction(obj: object, f: (...a: unknown[]) => unknown): unknown {
  if ((f as Partial<JinjaCallable>)[PY_CALLABLE]) {
    const b = f.bind(obj) as JinjaCallable;
    b[PY_CALLABLE] = true;
    b.displayName = (f as JinjaCallable).displayName ?? f.name;
    return b;
  }
  return f.bind(obj);
}

/** obj.name */
export function getattr(obj: unknown, name: string): unknown {
  if (typeof obj === 'string') {
    const m = strMethods[name];
    return m ? boundMethod(obj, m, name) : new Undefined(`'str object' has no attribute '${name}'`);
  }
  if (obj === null || obj === undefined) return new Undefined(`'None' has no attribute '${name}'`);
  if (typeof obj !== 'object' && typeof obj !== 'function') return new Undefined(`${describe(obj)} has no attribute '${name}'`);
  if (obj instanceof Undefined) return new Undefined(`${obj.hint}.${name}`);
  if (Array.isArray(obj)) {
    // groupby's (grouper, list) tuples carry named fields.
    if (name !== 'length' && hasOwn.call(obj, name) && !/^\d+$/.test(name)) return (obj as unknown as Record<string, unknown>)[name];
    const m = listMethods[name];
    if (m) return boundMethod(obj, m, name);
    return new Undefined(`${describe(obj)} has no attribute '${name}'`);
  }
  if (isDict(obj)) {
    const own = hasOwn.call(obj, name);
    const v = own ? obj[name] : undefined;
    if (own && typeof v === 'function') return v;
    const m = dictMethods[name];
    if (m) return boundMethod(obj, m, name);
    return own ? v : new Undefined(`'dict object' has no attribute '${name}'`);
  }
  if (obj instanceof Map) {
    if (obj.has(name)) return obj.get(name);
    return new Undefined(`'dict object' has no attribute '${name}'`);
  }
  if (name in obj) {
    const v = (obj as Record<string, unknown>)[name];
    return typeof v === 'function' && typeof obj === 'object' ? bindFunction(obj, v as (...a: unknown[]) => unknown) : v;
  }
  return new Undefined(`${describe(obj)} has no attribute '${name}'`);
}
hooks.getattr = getattr;

/** obj[key] */
export function getitem(obj: unknown, key: unknown): unknown {
  if (Array.isArray(obj) || typeof obj === 'string') {
    if (typeof key === 'number' || typeof key === 'boolean') {
      let i = Number(key);
      if (i < 0) i += obj.length;
      return i >= 0 && i < obj.length ? obj[i] : new Undefined(`${describe(obj)} has no element ${String(key)}`);
    }
    if (typeof key === 'string') return getattr(obj, key);
    if (key instanceof Undefined) return key;
    return new Undefined(`${describe(obj)} has no element ${String(key)}`);
  }
  if (isDict(obj)) {
    const k = typeof key === 'string' ? key : String(key);
    if (hasOwn.call(obj, k)) return obj[k];
    return new Undefined(`'dict object' has no attribute '${k}'`);
  }
  if (obj instanceof Map) return obj.has(key) ? obj.get(key) : new Undefined(`'dict object' has no attribute '${String(key)}'`);
  if (obj !== null && typeof obj === 'object' && typeof (obj as { __getitem__?: unknown }).__getitem__ === 'function') {
    return (obj as { __getitem__(k: unknown): unknown }).__getitem__(key);
  }
  if (typeof key === 'string') return getattr(obj, key);
  if (obj instanceof Undefined) return new Undefined(`${obj.hint}[${String(key)}]`);
  return new Undefined(`${describe(obj)} has no element ${String(key)}`);
}

/** obj[start:stop:step] on strings and lists. */
export function slice(obj: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  const st = step === undefined || step === null ? 1 : num(step);
  if (st === 0) throw renderFault('slice step cannot be zero');
  const isStr = typeof obj === 'string';
  if (!isStr && !Array.isArray(obj)) {
    if (obj instanceof Undefined) return obj;
    throw renderFault(`${describe(obj)} is not subscriptable`);
  }
  const len = obj.length;
  const norm = (v: unknown, dflt: number, lo: number, hi: number): number => {
    if (v === undefined || v === null) return dflt;
    let n = num(v);
    if (n < 0) n += len;
    return Math.min(Math.max(n, lo), hi);
  };
  let items: unknown[];
  if (st > 0) {
    const a = norm(start, 0, 0, len);
    const b = norm(stop, len, 0, len);
    if (st === 1) return isStr ? obj.slice(a, b) : keepTuple(obj, obj.slice(a, b));
    items = [];
    for (let i = a; i < b; i += st) items.push(obj[i]);
  } else {
    const a = norm(start, len - 1, -1, len - 1);
    const b = norm(stop, -1, -1, len - 1);
    items = [];
    for (let i = a; i > b; i += st) items.push(obj[i]);
  }
  return isStr ? items.join('') : keepTuple(obj, items);
}

function keepTuple(src: unknown[], r: unknown[]): unknown[] {
  return isTuple(src) ? tuple(r) : r;
}

/** Iterates a value as a Python for loop does; returns an array. */
export function iter(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (isDict(v)) return Object.keys(v);
  if (v instanceof Undefined) return [];
  if (v instanceof Map) return [...v.keys()];
  if (v !== null && typeof v === 'object' && Symbol.iterator in v) return [...(v as Iterable<unknown>)];
  throw renderFault(`${describe(v)} is not iterable`);
}

export function unpack(v: unknown, n: number): unknown[] {
  const items = iter(v);
  if (items.length !== n) {
    throw renderFault(items.length > n ? `too many values to unpack (expected ${n})` : `not enough values to unpack (expected ${n}, got ${items.length})`);
  }
  return items;
}

export function len(v: unknown): number {
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  if (isDict(v)) return Object.keys(v).length;
  if (v instanceof Map || v instanceof Set) return v.size;
  if (v instanceof Undefined) return 0;
  if (v !== null && typeof v === 'object') {
    const dunderLen = (v as { __len__?: unknown }).__len__;
    if (typeof dunderLen === 'function') return Number(dunderLen.call(v));
    const l = (v as { length?: unknown }).length;
    if (typeof l === 'number') return l;
    if (Symbol.iterator in v) return [...(v as Iterable<unknown>)].length;
  }
  throw renderFault(`object of type '${typeName(v)}' has no len()`);
}

export const NO_KWARGS: Kwargs = Object.freeze(Object.create(null)) as Kwargs;

function hasKeys(k: Kwargs): boolean {
  for (const _ in k) return true;
  return false;
}

/** f(*args, **kwargs): JinjaCallables get (args, kwargs); plain JS functions get positional args. */
export function call(f: unknown, args: unknown[], kwargs: Kwargs, self?: unknown): unknown {
  if (typeof f === 'function') {
    if ((f as Partial<JinjaCallable>)[PY_CALLABLE]) return (f as JinjaCallable).call(self, args, kwargs);
    if (hasKeys(kwargs)) {
      throw renderFault(`${f.name || 'function'}() does not take keyword arguments`, 'Pass the arguments positionally, or mark the function with pyfunction().');
    }
    return (f as (...a: unknown[]) => unknown).apply(self, args);
  }
  if (f instanceof Undefined) f.fail();
  if (f instanceof Loop && f.recurse) return f.recurse(args[0], f.depth + 1);
  throw renderFault(`${describe(f)} is not callable`);
}

/** obj.name(*args, **kwargs) without allocating a bound method. */
export function callMethod(obj: unknown, name: string, args: unknown[], kwargs: Kwargs): unknown {
  if (typeof obj === 'string') {
    const m = strMethods[name];
    if (m) return m(obj, args, kwargs);
  } else if (Array.isArray(obj)) {
    const m = listMethods[name];
    if (m) return m(obj, args, kwargs);
  } else if (isDict(obj)) {
    const v = hasOwn.call(obj, name) ? obj[name] : undefined;
    if (typeof v === 'function') return call(v, args, kwargs, obj);
    const m = dictMethods[name];
    if (m) return m(obj, args, kwargs);
  } else if (obj !== null && typeof obj === 'object' && !(obj instanceof Undefined) && !(obj instanceof Map)) {
    const v = (obj as Record<string, unknown>)[name];
    if (typeof v === 'function') return call(v, args, kwargs, obj);
  }
  const f = getattr(obj, name);
  if (f instanceof Undefined && obj instanceof Undefined) obj.fail();
  if (f instanceof Undefined) throw renderFault(`${describe(obj)} has no attribute '${name}'`);
  return call(f, args, kwargs);
}

/** {% set obj.name = value %} (Jinja allows it on namespace(); we allow it on any dict/object). */
export function setattr(obj: unknown, name: string, value: unknown): void {
  if (obj !== null && typeof obj === 'object' && !(obj instanceof Undefined)) {
    (obj as Record<string, unknown>)[name] = value;
    return;
  }
  if (obj instanceof Undefined) obj.fail();
  throw renderFault(`cannot assign attribute on ${describe(obj)}`);
}

/** **kwargs expansion. */
export function toKwargs(v: unknown): Kwargs {
  if (isDict(v)) return v;
  if (v instanceof Map) return Object.fromEntries(v) as Kwargs;
  if (v instanceof Undefined) return NO_KWARGS;
  throw renderFault(`argument after ** must be a mapping, not ${typeName(v)}`);
}
