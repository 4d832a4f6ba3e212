// Python methods on str, list and dict values, as dbt code calls them ('a,b'.split(','), d.items()).
// Each method takes (self, args, kwargs) and returns a Python value.
import { renderFault } from './errors.js';
import { cmp, contains, eq } from './ops.js';
import { strFormat } from './printf.js';
import { pyStr } from './repr.js';
import { Undefined, isDict, newDict, num, truthy, tuple, typeName } from './values.js';

export type Method = (self: any, args: unknown[], kwargs: Record<string, unknown>) => unknown;

/** Set by access.ts (avoids an import cycle): attribute lookup used by '{a.b}'.format(). */
export const hooks = { getattr: (_o: unknown, _n: string): unknown => undefined };

function arg(args: unknown[], kwargs: Record<string, unknown>, i: number, name: string): unknown {
  return i < args.length ? args[i] : kwargs[name];
}

function optStr(v: unknown): string | undefined {
  return v === undefined || v === null || v instanceof Undefined ? undefined : String(v);
}

function stripChars(s: string, chars: string | undefined, left: boolean, right: boolean): string {
  if (chars === undefined) {
    if (left) s = s.replace(/^\s+/, '');
    if (right) s = s.replace(/\s+$/, '');
    return s;
  }
  let a = 0;
  let b = s.length;
  if (left) while (a < b && chars.includes(s[a])) a++;
  if (right) while (b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function split(s: string, sep: string | undefined, maxsplit: number, fromRight: boolean): string[] {
  if (sep === undefined) {
    const parts = s.trim().split(/\s+/).filter((x) => x !== '');
    if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
    if (fromRight) {
      const idx = parts.length - maxsplit;
      const head = s.trim().split(/\s+/, idx);
      const rest = parts.slice(idx);
      return [s.trim().slice(0, s.trim().length - rest.join(' ').length).trim() || head.join(' '), ...rest];
    }
    const out: string[] = [];
    let rest = s.replace(/^\s+/, '');
    for (let i = 0; i < maxsplit; i++) {
      const m = /\s+/.exec(rest);
      if (!m) break;
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    out.push(rest);
    return out;
  }
  if (sep === '') throw renderFault('empty separator');
  const all = s.split(sep);
  if (maxsplit < 0 || all.length <= maxsplit + 1) return all;
  if (fromRight) return [all.slice(0, all.length - maxsplit).join(sep), ...all.slice(all.length - maxsplit)];
  return [...all.slice(0, maxsplit), all.slice(maxsplit).join(sep)];
}

function findIndex(s: string, sub: unknown, start: unknown, end: unknown, right: boolean): number {
  const len = s.length;
  let a = start === undefined || start === null ? 0 : num(start);
  let b = end === undefined || end === null ? len : num(end);
  if (a < 0) a = Math.max(0, len + a);
  if (b < 0) b = Math.max(0, len + b);
  const hay = s.slice(0, b);
  const i = right ? hay.lastIndexOf(String(sub)) : hay.indexOf(String(sub), a);
  return i >= a ? i : -1;
}

function title(s: string): string {
  return s.toLowerCase().replace(/(^|[^a-zA-Z0-9])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

function affix(s: string, x: unknown, f: (p: string) => boolean): boolean {
  return Array.isArray(x) ? x.some((p) => f(String(p))) : f(String(x));
}

export const strMethods: Record<string, Method> = {
  upper: (s: string) => s.toUpperCase(),
  lower: (s: string) => s.toLowerCase(),
  casefold: (s: string) => s.toLowerCase(),
  strip: (s: string, a) => stripChars(s, optStr(a[0]), true, true),
  lstrip: (s: string, a) => stripChars(s, optStr(a[0]), true, false),
  rstrip: (s: string, a) => stripChars(s, optStr(a[0]), false, true),
  split: (s: string, a, k) => split(s, optStr(arg(a, k, 0, 'sep')), num(arg(a, k, 1, 'maxsplit') ?? -1), false),
  rsplit: (s: string, a, k) => split(s, optStr(arg(a, k, 0, 'sep')), num(arg(a, k, 1, 'maxsplit') ?? -1), true),
  splitlines: (s: string) => (s === '' ? [] : s.replace(/\r?\n$/, '').split(/\r\n|\r|\n/)),
  replace: (s: string, a) => {
    const count = a[2] === undefined ? -1 : num(a[2]);
    if (count < 0) return s.split(String(a[0])).join(String(a[1]));
    const parts = s.split(String(a[0]));
    return parts.slice(0, count + 1).join(String(a[1])) + (parts.length > count + 1 ? String(a[0]) + parts.slice(count + 1).join(String(a[0])) : '');
  },
  startswith: (s: string, a) => affix(s, a[0], (p) => s.startsWith(p, a[1] === undefined ? 0 : num(a[1]))),
  endswith: (s: string, a) => affix(s, a[0], (p) => s.endsWith(p)),
  format: (s: string, a, k) => strFormat(s, a, k, hooks.getattr),
  join: (s: string, a) => iterStrings(a[0]).join(s),
  title: (s: string) => title(s),
  capitalize: (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  swapcase: (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  find: (s: string, a) => findIndex(s, a[0], a[1], a[2], false),
  rfind: (s: string, a) => findIndex(s, a[0], a[1], a[2], true),
  index: (s: string, a) => {
    const i = findIndex(s, a[0], a[1], a[2], false);
    if (i < 0) throw renderFault('substring not found');
    return i;
  },
  rindex: (s: string, a) => {
    const i = findIndex(s, a[0], a[1], a[2], true);
    if (i < 0) throw renderFault('substring not found');
    return i;
  },
  count: (s: string, a) => (String(a[0]) === '' ? s.length + 1 : s.split(String(a[0])).length - 1),
  isdigit: (s: string) => /^[0-9]+$/.test(s),
  isnumeric: (s: string) => /^[0-9]+$/.test(s),
  isdecimal: (s: string) => /^[0-9]+$/.test(s),
  isalpha: (s: string) => /^[\p{L}]+$/u.test(s),
  isalnum: (s: string) => /^[\p{L}0-9]+$/u.test(s),
  isspace: (s: string) => /^\s+$/.test(s),
  islower: (s: string) => /[a-z]/.test(s) && s === s.toLowerCase(),
  isupper: (s: string) => /[A-Z]/.test(s) && s === s.toUpperCase(),
  istitle: (s: string) => /[A-Za-z]/.test(s) && s === title(s),
  isidentifier: (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s),
  zfill: (s: string, a) => {
    const w = num(a[0]);
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
    return s.length >= w ? s : sign + '0'.repeat(w - s.length) + s.slice(sign.length);
  },
  ljust: (s: string, a) => s.padEnd(num(a[0]), a[1] === undefined ? ' ' : String(a[1])),
  rjust: (s: string, a) => s.padStart(num(a[0]), a[1] === undefined ? ' ' : String(a[1])),
  center: (s: string, a) => center(s, num(a[0]), a[1] === undefined ? ' ' : String(a[1])),
  partition: (s: string, a) => {
    const i = s.indexOf(String(a[0]));
    return i < 0 ? tuple([s, '', '']) : tuple([s.slice(0, i), String(a[0]), s.slice(i + String(a[0]).length)]);
  },
  rpartition: (s: string, a) => {
    const i = s.lastIndexOf(String(a[0]));
    return i < 0 ? tuple(['', '', s]) : tuple([s.slice(0, i), String(a[0]), s.slice(i + String(a[0]).length)]);
  },
  removeprefix: (s: string, a) => (s.startsWith(String(a[0])) ? s.slice(String(a[0]).length) : s),
  removesuffix: (s: string, a) => (a[0] !== '' && s.endsWith(String(a[0])) ? s.slice(0, -String(a[0]).length) : s),
  // bytes are not modelled; encode/decode return the string itself.
  encode: (s: string) => s,
  decode: (s: string) => s,
  expandtabs: (s: string, a) => s.replace(/\t/g, ' '.repeat(a[0] === undefined ? 8 : num(a[0]))),
};

export function center(s: string, width: number, fill = ' '): string {
  if (s.length >= width) return s;
  const gap = width - s.length;
  const left = Math.floor(gap / 2) + (gap % 2 && width % 2 ? 1 : 0);
  return fill.repeat(left) + s + fill.repeat(gap - left);
}

function iterStrings(v: unknown): string[] {
  if (Array.isArray(v)) {
    return v.map((x) => {
      if (typeof x !== 'string') throw renderFault(`sequence item: expected str instance, ${typeName(x)} found`);
      return x;
    });
  }
  if (typeof v === 'string') return [...v];
  if (isDict(v)) return Object.keys(v);
  if (v instanceof Undefined) return [];
  if (v !== null && typeof v === 'object' && Symbol.iterator in v) return [...(v as Iterable<unknown>)].map(pyStr);
  throw renderFault(`can only join an iterable, not ${typeName(v)}`);
}

function listIndex(l: unknown[], i: unknown): number {
  const n = i === undefined ? -1 : num(i);
  return n < 0 ? l.length + n : n;
}

export const listMethods: Record<string, Method> = {
  append: (l: unknown[], a) => {
    l.push(a[0]);
    return null;
  },
  extend: (l: unknown[], a) => {
    l.push(...(Array.isArray(a[0]) ? a[0] : iterStrings(a[0])));
    return null;
  },
  pop: (l: unknown[], a) => {
    if (l.length === 0) throw renderFault('pop from empty list');
    const i = listIndex(l, a[0]);
    if (i < 0 || i >= l.length) throw renderFault('pop index out of range');
    return l.splice(i, 1)[0];
  },
  insert: (l: unknown[], a) => {
    let i = num(a[0]);
    if (i < 0) i = Math.max(0, l.length + i);
    l.splice(i, 0, a[1]);
    return null;
  },
  remove: (l: unknown[], a) => {
    const i = l.findIndex((x) => eq(x, a[0]));
    if (i < 0) throw renderFault('list.remove(x): x not in list');
    l.splice(i, 1);
    return null;
  },
  index: (l: unknown[], a) => {
    const i = l.findIndex((x) => eq(x, a[0]));
    if (i < 0) throw renderFault(`${pyStr(a[0])} is not in list`);
    return i;
  },
  count: (l: unknown[], a) => l.filter((x) => eq(x, a[0])).length,
  sort: (l: unknown[], _a, k) => {
    l.sort((x, y) => cmp(x, y));
    if (truthy(k.reverse)) l.reverse();
    return null;
  },
  reverse: (l: unknown[]) => {
    l.reverse();
    return null;
  },
  copy: (l: unknown[]) => l.slice(),
  clear: (l: unknown[]) => {
    l.length = 0;
    return null;
  },
};

export function dictItems(d: Record<string, unknown>): unknown[][] {
  const out: unknown[][] = [];
  for (const k in d) out.push(tuple([k, d[k]]));
  return out;
}

export const dictMethods: Record<string, Method> = {
  items: (d) => dictItems(d),
  keys: (d) => Object.keys(d),
  values: (d) => Object.values(d),
  get: (d, a) => (Object.prototype.hasOwnProperty.call(d, String(a[0])) ? d[String(a[0])] : (a[1] ?? null)),
  update: (d, a, k) => {
    if (a[0] !== undefined && a[0] !== null) {
      if (isDict(a[0])) Object.assign(d, a[0]);
      else for (const [key, v] of a[0] as unknown[][]) d[String(key)] = v;
    }
    Object.assign(d, k);
    return null;
  },
  pop: (d, a) => {
    const key = String(a[0]);
    if (Object.prototype.hasOwnProperty.call(d, key)) {
      const v = d[key];
      delete d[key];
      return v;
    }
    if (a.length > 1) return a[1];
    throw renderFault(`KeyError: '${key}'`);
  },
  setdefault: (d, a) => {
    const key = String(a[0]);
    if (!Object.prototype.hasOwnProperty.call(d, key)) d[key] = a[1] ?? null;
    return d[key];
  },
  copy: (d) => Object.assign(newDict(), d),
  clear: (d) => {
    for (const k of Object.keys(d)) delete d[k];
    return null;
  },
  __contains__: (d, a) => contains(d, a[0]),
};
