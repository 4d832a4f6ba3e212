// String and number filters (Jinja 3.1 builtins plus dbt's as_* filters). Each is (value, args, kwargs).
import type { Kwargs } from './api.js';
import { renderFault } from './errors.js';
import { jsonDumps } from './json.js';
import { center } from './methods.js';
import { printf } from './printf.js';
import { pyRepr, pyStr } from './repr.js';
import { PyFloat, Undefined, isDict, makeFloat, num, truthy, tuple } from './values.js';

export type Filter = (value: any, args: unknown[], kwargs: Kwargs) => unknown;

/** Argument i, or keyword `name`, or the default. */
export function arg<T>(args: unknown[], kw: Kwargs, i: number, name: string, dflt: T): T | unknown {
  if (i < args.length) return args[i];
  const v = kw[name];
  return v === undefined ? dflt : v;
}

const s = (v: unknown): string => pyStr(v);

export function escapeHtml(v: unknown): string {
  return s(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

function parseNumber(v: unknown, float: boolean, base = 10): number | PyFloat | null {
  if (typeof v === 'number') return float ? makeFloat(v) : Math.trunc(v);
  if (v instanceof PyFloat) return float ? v : v.value;
  if (typeof v === 'boolean') return float ? makeFloat(Number(v)) : Number(v);
  if (typeof v !== 'string') return null;
  const t = v.trim().replace(/_/g, '');
  if (float) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) && !/^[-+]?(inf|nan)$/i.test(t)) return null;
    return makeFloat(Number(t.replace(/inf/i, 'Infinity').replace(/nan/i, 'NaN')));
  }
  if (base === 10 && /^[-+]?\d+$/.test(t)) return Number(t);
  if (base !== 10) {
    const n = parseInt(t.replace(/^0[xob]/i, ''), base);
    return Number.isNaN(n) ? null : n;
  }
  // Jinja's int filter falls back to int(float(value)).
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Math.trunc(Number(t));
  return null;
}

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function wordwrap(text: string, width: number, breakLong: boolean, wrap: string): string {
  return text
    .split('\n')
    .map((para) => {
      const words = para.split(/\s+/).filter((w) => w !== '');
      const lines: string[] = [];
      let line = '';
      for (let w of words) {
        while (breakLong && w.length > width) {
          if (line) {
            lines.push(line);
            line = '';
          }
          lines.push(w.slice(0, width));
          w = w.slice(width);
        }
        if (!line) line = w;
        else if (line.length + 1 + w.length <= width) line += ' ' + w;
        else {
          lines.push(line);
          line = w;
        }
      }
      if (line) lines.push(line);
      return lines.join(wrap);
    })
    .join(wrap);
}

function quote(v: string): string {
  return encodeURIComponent(v)
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Python literal (as dbt's as_native reads rendered text): numbers, True/False/None, JSON-like lists/dicts. */
export function literalEval(text: string): unknown {
  const t = text.trim();
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (t === 'None') return null;
  if (/^[-+]?\d+$/.test(t)) return Number(t);
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(t)) return makeFloat(Number(t));
  if (/^[[{(]/.test(t)) {
    try {
      const json = t
        .replace(/\bTrue\b/g, 'true')
        .replace(/\bFalse\b/g, 'false')
        .replace(/\bNone\b/g, 'null')
        .replace(/'((?:[^'\\]|\\.)*)'/g, (_m, body: string) => JSON.stringify(body.replace(/\\'/g, "'")))
        .replace(/^\((.*)\)$/s, '[$1]')
        .replace(/,\s*([\]}])/g, '$1');
      return JSON.parse(json);
    } catch {
      return text;
    }
  }
  return text;
}

export const TEXT_FILTERS: Record<string, Filter> = {
  abs: (v) => (v instanceof PyFloat ? new PyFloat(Math.abs(v.value)) : Math.abs(num(v))),
  capitalize: (v) => s(v).charAt(0).toUpperCase() + s(v).slice(1).toLowerCase(),
  center: (v, a, k) => center(s(v), num(arg(a, k, 0, 'width', 80))),
  escape: (v) => escapeHtml(v),
  forceescape: (v) => escapeHtml(v),
  float: (v, a, k) => parseNumber(v, true) ?? arg(a, k, 0, 'default', new PyFloat(0)),
  int: (v, a, k) => parseNumber(v, false, num(arg(a, k, 1, 'base', 10))) ?? arg(a, k, 0, 'default', 0),
  format: (v, a, k) => printf(s(v), a.length ? tuple(a) : Object.assign(Object.create(null), k)),
  indent: (v, a, k) => {
    const w = arg(a, k, 0, 'width', 4);
    const ind = typeof w === 'string' ? w : ' '.repeat(num(w));
    const text = s(v) + '\n';
    const lines = text.split('\n').slice(0, -1);
    let rv: string;
    if (truthy(arg(a, k, 2, 'blank', false))) rv = lines.join('\n' + ind);
    else rv = lines[0] + (lines.length > 1 ? '\n' + lines.slice(1).map((l) => (l ? ind + l : l)).join('\n') : '');
    return truthy(arg(a, k, 1, 'first', false)) ? ind + rv : rv;
  },
  lower: (v) => s(v).toLowerCase(),
  upper: (v) => s(v).toUpperCase(),
  title: (v) =>
    s(v)
      .split(/([-\s({[<]+)/)
      .map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w))
      .join(''),
  pprint: (v) => pyRepr(v),
  replace: (v, a, k) => {
    const [from, to] = [s(a[0]), s(a[1])];
    const count = arg(a, k, 2, 'count', null);
    const parts = s(v).split(from);
    if (count === null) return parts.join(to);
    const n = num(count);
    return parts.slice(0, n + 1).join(to) + (parts.length > n + 1 ? from + parts.slice(n + 1).join(from) : '');
  },
  round: (v, a, k) => {
    const precision = num(arg(a, k, 0, 'precision', 0));
    const method = s(arg(a, k, 1, 'method', 'common'));
    const f = 10 ** precision;
    const x = num(v) * f;
    if (method === 'common' && typeof v === 'number' && Number.isInteger(v)) return v;
    const r = method === 'ceil' ? Math.ceil(x) : method === 'floor' ? Math.floor(x) : roundHalfEven(x);
    return makeFloat(r / f);
  },
  safe: (v) => s(v),
  string: (v) => s(v),
  striptags: (v) => s(v).replace(/<!--.*?-->|<[^>]*>/gs, '').replace(/\s+/g, ' ').trim(),
  trim: (v, a, k) => {
    const chars = arg(a, k, 0, 'chars', null);
    if (chars === null) return s(v).trim();
    const c = s(chars);
    let str = s(v);
    while (str && c.includes(str[0])) str = str.slice(1);
    while (str && c.includes(str[str.length - 1])) str = str.slice(0, -1);
    return str;
  },
  truncate: (v, a, k) => {
    const str = s(v);
    const length = num(arg(a, k, 0, 'length', 255));
    const killwords = truthy(arg(a, k, 1, 'killwords', false));
    const end = s(arg(a, k, 2, 'end', '...'));
    const leeway = num(arg(a, k, 3, 'leeway', 5));
    if (str.length <= length + leeway) return str;
    if (killwords) return str.slice(0, length - end.length) + end;
    const cut = str.slice(0, length - end.length);
    const i = cut.lastIndexOf(' ');
    return (i >= 0 ? cut.slice(0, i) : cut) + end;
  },
  urlencode: (v) => {
    if (typeof v === 'string') return quote(v);
    const pairs: [unknown, unknown][] = isDict(v) ? Object.entries(v) : (v as [unknown, unknown][]);
    const qs = (x: unknown): string => quote(s(x)).replace(/\//g, '%2F').replace(/%20/g, '+');
    return pairs.map(([key, x]) => `${qs(key)}=${qs(x)}`).join('&');
  },
  wordcount: (v) => (s(v).match(/\w+/g) ?? []).length,
  wordwrap: (v, a, k) =>
    wordwrap(s(v), num(arg(a, k, 0, 'width', 79)), truthy(arg(a, k, 1, 'break_long_words', true)), s(arg(a, k, 2, 'wrapstring', '\n'))),
  tojson: (v, a, k) => {
    const indent = arg(a, k, 0, 'indent', null);
    return jsonDumps(v, { sortKeys: true, htmlSafe: true, indent: indent === null ? null : typeof indent === 'string' ? indent : num(indent) });
  },
  // dbt's native-rendering markers: here they convert eagerly.
  as_text: (v) => (v instanceof Undefined ? '' : s(v)),
  as_native: (v) => (typeof v === 'string' ? literalEval(v) : v),
  as_bool: (v) => {
    if (typeof v === 'boolean') return v;
    const x = typeof v === 'string' ? literalEval(v.trim().replace(/^true$/i, 'True').replace(/^false$/i, 'False')) : v;
    if (typeof x === 'boolean') return x;
    throw renderFault(`could not convert ${pyRepr(v)} to a boolean`, "as_bool expects 'True' or 'False'.");
  },
  as_number: (v) => {
    if (typeof v === 'number' || v instanceof PyFloat) return v;
    const x = typeof v === 'string' ? literalEval(v) : v;
    if (typeof x === 'number' || x instanceof PyFloat) return x;
    throw renderFault(`could not convert ${pyRepr(v)} to a number`);
  },
};
TEXT_FILTERS.e = TEXT_FILTERS.escape;
