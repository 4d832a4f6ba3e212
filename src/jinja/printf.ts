// Python string formatting: 'a %s b' % args (printf style) and '{} {name:>5}'.format(...).
import { renderFault } from './errors.js';
import { pyRepr, pyStr } from './repr.js';
import { PyFloat, Undefined, floatRepr, isDict, isTuple, num, typeName } from './values.js';

function pad(s: string, width: number, left: boolean, fill = ' '): string {
  if (s.length >= width) return s;
  return left ? s + fill.repeat(width - s.length) : fill.repeat(width - s.length) + s;
}

function isNum(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat;
}

/** Formats a number for one conversion type (d, f, e, g, x, o, %). */
function formatNumber(v: unknown, type: string, precision: number | undefined, alt: boolean): string {
  if (!isNum(v)) throw renderFault(`%${type} format: a real number is required, not ${typeName(v)}`);
  const n = num(v);
  switch (type) {
    case 'd':
    case 'i':
    case 'u':
      return String(Math.trunc(n));
    case 'f':
    case 'F':
      return n.toFixed(precision ?? 6);
    case 'e':
    case 'E': {
      const s = n.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return type === 'E' ? s.toUpperCase() : s;
    }
    case 'g':
    case 'G': {
      const p = precision === 0 ? 1 : (precision ?? 6);
      let s = n.toPrecision(p);
      if (s.includes('e')) s = s.replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
      else if (s.includes('.') && !alt) s = s.replace(/\.?0+$/, '');
      return type === 'G' ? s.toUpperCase() : s;
    }
    case 'x':
      return (alt ? '0x' : '') + Math.trunc(n).toString(16);
    case 'X':
      return (alt ? '0X' : '') + Math.trunc(n).toString(16).toUpperCase();
    case 'o':
      return (alt ? '0o' : '') + Math.trunc(n).toString(8);
    case 'b':
      return Math.trunc(n).toString(2);
    case '%':
      return (n * 100).toFixed(precision ?? 6) + '%';
    default:
      throw renderFault(`unsupported format character '${type}'`);
  }
}

const PRINTF = /%(?:\(([^)]*)\))?([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g;

/** 'fmt' % args. */
export function printf(fmt: string, args: unknown): string {
  const list = isTuple(args) ? (args as unknown[]) : [args];
  let i = 0;
  const next = (): unknown => {
    if (i >= list.length) throw renderFault('not enough arguments for format string');
    return list[i++];
  };
  const out = fmt.replace(PRINTF, (_m, key: string | undefined, flags: string, w: string | undefined, p: string | undefined, type: string) => {
    if (type === '%') return '%';
    const width = w === '*' ? num(next()) : w ? Number(w) : 0;
    const precision = p === '*' ? num(next()) : p !== undefined ? Number(p) : undefined;
    const v = key !== undefined ? (isDict(args) ? args[key] : next()) : next();
    let s: string;
    if (type === 's') s = pyStr(v);
    else if (type === 'r' || type === 'a') s = pyRepr(v);
    else if (type === 'c') s = typeof v === 'number' ? String.fromCharCode(v) : pyStr(v);
    else s = formatNumber(v, type, precision, flags.includes('#'));
    if ((type === 's' || type === 'r') && precision !== undefined) s = s.slice(0, precision);
    if (type !== 's' && type !== 'r' && type !== 'c' && !s.startsWith('-')) {
      if (flags.includes('+')) s = '+' + s;
      else if (flags.includes(' ')) s = ' ' + s;
    }
    if (flags.includes('-')) return pad(s, width, true);
    if (flags.includes('0') && type !== 's' && type !== 'r') {
      const sign = /^[-+ ]/.test(s) ? s[0] : '';
      return sign + pad(s.slice(sign.length), width - sign.length, false, '0');
    }
    return pad(s, width, false);
  });
  if (i < list.length && !isDict(args) && list.length > 1) throw renderFault('not all arguments converted during string formatting');
  return out;
}

const SPEC = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/;

/** format(value, spec) as Python's format spec mini-language. */
export function formatSpec(v: unknown, spec: string): string {
  const m = SPEC.exec(spec);
  if (!m) throw renderFault(`invalid format specifier '${spec}'`);
  const [, fillCh, align, sign, alt, zero, w, group, p, typeCh] = m;
  let type = typeCh;
  const precision = p !== undefined ? Number(p) : undefined;
  let s: string;
  const numeric = isNum(v) && typeof v !== 'boolean';
  if (type === 's' || (!type && !numeric)) {
    s = pyStr(v);
    if (precision !== undefined) s = s.slice(0, precision);
  } else {
    if (!type) type = precision !== undefined ? 'g' : v instanceof PyFloat || !Number.isInteger(num(v)) ? 'r' : 'd';
    if (type === 'r') s = v instanceof PyFloat ? floatRepr(v.value) : pyStr(num(v));
    else if (type === 'n') s = formatNumber(v, 'd', precision, false);
    else s = formatNumber(v, type, precision, !!alt);
    if (group) {
      const [int, frac] = s.split('.');
      s = int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (frac !== undefined ? '.' + frac : '');
    }
    if (!s.startsWith('-') && sign && sign !== '-') s = sign + s;
  }
  const width = w ? Number(w) : 0;
  if (s.length >= width) return s;
  const fill = fillCh ?? (zero && !align ? '0' : ' ');
  const al = align ?? (zero ? '=' : numeric ? '>' : '<');
  const gap = width - s.length;
  if (al === '<') return s + fill.repeat(gap);
  if (al === '>') return fill.repeat(gap) + s;
  if (al === '^') return fill.repeat(Math.floor(gap / 2)) + s + fill.repeat(Math.ceil(gap / 2));
  const signCh = /^[-+ ]/.test(s) ? s[0] : '';
  return signCh + fill.repeat(gap) + s.slice(signCh.length);
}

/** 'fmt'.format(*args, **kwargs). */
export function strFormat(fmt: string, args: unknown[], kwargs: Record<string, unknown>, getattr: (o: unknown, n: string) => unknown): string {
  let auto = 0;
  return fmt.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*))?\}/g, (m, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const path = (field ?? '').split(/\.|\[/);
    const head = path[0];
    let v: unknown = head === '' ? args[auto++] : /^\d+$/.test(head) ? args[Number(head)] : kwargs[head];
    if (v === undefined && head !== '' && !/^\d+$/.test(head) && !(head in kwargs)) throw renderFault(`KeyError: '${head}' in format string`);
    for (const part of path.slice(1)) {
      const key = part.endsWith(']') ? part.slice(0, -1) : part;
      v = /^\d+$/.test(key) && Array.isArray(v) ? v[Number(key)] : getattr(v, key);
    }
    if (v instanceof Undefined) v = '';
    if (conv === 'r' || conv === 'a') v = pyRepr(v);
    else if (conv === 's') v = pyStr(v);
    return spec ? formatSpec(v, spec) : pyStr(v);
  });
}
