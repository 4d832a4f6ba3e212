// str() and repr() as Python prints values: None, True, 1.0, ['a', 'b'], {'a': 1}, ('x',).
import { PyFloat, Undefined, floatRepr, isDict, isTuple } from './values.js';
import { PY_CALLABLE } from './api.js';

export function numberStr(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return floatRepr(n);
}

/** Python str(v): what {{ v }} outputs. */
export function pyStr(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return numberStr(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'undefined':
      return 'None';
    case 'bigint':
      return v.toString();
    case 'function':
      return functionRepr(v);
    default:
      if (v === null) return 'None';
      if (v instanceof Undefined) return '';
      return objectStr(v as object);
  }
}

function functionRepr(f: unknown): string {
  const fn = f as { displayName?: string; name?: string; [PY_CALLABLE]?: true };
  return `<function ${fn.displayName ?? fn.name ?? 'anonymous'}>`;
}

function objectStr(v: object): string {
  if (Array.isArray(v) || isDict(v) || v instanceof Map || v instanceof Set) return pyRepr(v);
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof Date) return dateStr(v);
  // Relations, agate-like tables and other context objects define their own toString.
  if (v.toString !== Object.prototype.toString) return String(v);
  return `<${v.constructor?.name ?? 'object'} object>`;
}

function dateStr(d: Date): string {
  const iso = d.toISOString();
  return iso.slice(0, 10) + ' ' + iso.slice(11, 19) + (d.getUTCMilliseconds() ? iso.slice(19, 23) + '000' : '');
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const e = ESCAPES[ch];
    if (e) out += e;
    else if (ch === q) out += '\\' + ch;
    else if (ch < ' ' || ch === '\x7f') out += '\\x' + ch.charCodeAt(0).toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

/** Python repr(v): how lists and dicts print their items. */
export function pyRepr(v: unknown): string {
  if (typeof v === 'string') return strRepr(v);
  if (Array.isArray(v)) {
    const items = v.map(pyRepr);
    if (isTuple(v)) return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    return `[${items.join(', ')}]`;
  }
  if (v instanceof Undefined) return 'Undefined';
  if (isDict(v)) {
    const parts: string[] = [];
    for (const k in v) parts.push(`${strRepr(k)}: ${pyRepr(v[k])}`);
    return `{${parts.join(', ')}}`;
  }
  if (v instanceof Map) {
    const parts: string[] = [];
    for (const [k, x] of v) parts.push(`${pyRepr(k)}: ${pyRepr(x)}`);
    return `{${parts.join(', ')}}`;
  }
  if (v instanceof Set) return v.size === 0 ? 'set()' : `{${[...v].map(pyRepr).join(', ')}}`;
  if (v instanceof Date) return `datetime.datetime(${v.getUTCFullYear()}, ${v.getUTCMonth() + 1}, ${v.getUTCDate()}, ${v.getUTCHours()}, ${v.getUTCMinutes()})`;
  return pyStr(v);
}
