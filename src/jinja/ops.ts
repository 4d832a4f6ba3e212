// Python operators: arithmetic with int/float rules, ==, ordering comparisons, `in`.
import { renderFault } from './errors.js';
import { PyFloat, Undefined, isDict, isFloat, isTuple, makeFloat, num, truthy, tuple, typeName } from './values.js';
import { printf } from './printf.js';

function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat || typeof v === 'bigint';
}

const DUNDERS: Record<string, [string, string]> = {
  '+': ['__add__', '__radd__'],
  '-': ['__sub__', '__rsub__'],
  '*': ['__mul__', '__rmul__'],
  '/': ['__truediv__', '__rtruediv__'],
  '//': ['__floordiv__', '__rfloordiv__'],
  '%': ['__mod__', '__rmod__'],
  '**': ['__pow__', '__rpow__'],
  '<': ['__lt__', '__gt__'],
  '<=': ['__le__', '__ge__'],
  '>': ['__gt__', '__lt__'],
  '>=': ['__ge__', '__le__'],
};

/** Calls obj[name](other) when the object defines it; undefined (Python's NotImplemented) otherwise. */
function dunder(obj: unknown, name: string, other: unknown): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  const f = (obj as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as (o: unknown) => unknown).call(obj, other) : undefined;
}

/**
 * Python's operator protocol for context objects (dates, timedeltas, relations): a.__op__(b), then
 * b.__rop__(a) (for comparisons the reflected one, b.__gt__(a) for <). Throws when neither applies.
 */
function unsupported(op: string, a: unknown, b: unknown): any {
  const names = DUNDERS[op];
  if (names) {
    const r = dunder(a, names[0], b);
    if (r !== undefined) return r;
    const rr = dunder(b, names[1], a);
    if (rr !== undefined) return rr;
  }
  if (a instanceof Undefined) a.fail();
  if (b instanceof Undefined) b.fail();
  throw renderFault(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function numResult(a: unknown, b: unknown, r: number): number | PyFloat {
  return isFloat(a) || isFloat(b) ? makeFloat(r) : r;
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return Number.isInteger(r) && !(Number.isInteger(a) && Number.isInteger(b)) ? makeFloat(r) : r;
  }
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (isNumeric(a) && isNumeric(b)) return numResult(a, b, num(a) + num(b));
  if (Array.isArray(a) && Array.isArray(b)) {
    const r = a.concat(b);
    return isTuple(a) ? tuple(r) : r;
  }
  return unsupported('+', a, b);
}

export function sub(a: unknown, b: unknown): unknown {
  if (isNumeric(a) && isNumeric(b)) return numResult(a, b, num(a) - num(b));
  return unsupported('-', a, b);
}

export function mul(a: unknown, b: unknown): unknown {
  if (isNumeric(a) && isNumeric(b)) return numResult(a, b, num(a) * num(b));
  if (typeof a === 'string' && typeof b === 'number') return a.repeat(Math.max(0, b));
  if (typeof b === 'string' && typeof a === 'number') return b.repeat(Math.max(0, a));
  if (Array.isArray(a) && typeof b === 'number') return repeatList(a, b);
  if (Array.isArray(b) && typeof a === 'number') return repeatList(b, a);
  return unsupported('*', a, b);
}

function repeatList(a: unknown[], n: number): unknown[] {
  const r: unknown[] = [];
  for (let i = 0; i < n; i++) r.push(...a);
  return isTuple(a) ? tuple(r) : r;
}

function divisor(op: string, b: unknown): number {
  const d = num(b);
  if (d === 0) throw renderFault(op === '/' ? 'division by zero' : 'integer division or modulo by zero');
  return d;
}

export function div(a: unknown, b: unknown): unknown {
  if (!isNumeric(a) || !isNumeric(b)) return unsupported('/', a, b);
  const d = divisor('/', b);
  return makeFloat(num(a) / d);
}

export function floordiv(a: unknown, b: unknown): unknown {
  if (!isNumeric(a) || !isNumeric(b)) return unsupported('//', a, b);
  const d = divisor('//', b);
  return numResult(a, b, Math.floor(num(a) / d));
}

export function mod(a: unknown, b: unknown): unknown {
  if (typeof a === 'string') return printf(a, b);
  if (!isNumeric(a) || !isNumeric(b)) return unsupported('%', a, b);
  const d = divisor('%', b);
  const x = num(a);
  return numResult(a, b, ((x % d) + d) % d);
}

export function pow(a: unknown, b: unknown): unknown {
  if (!isNumeric(a) || !isNumeric(b)) return unsupported('**', a, b);
  const e = num(b);
  return isFloat(a) || isFloat(b) || e < 0 ? makeFloat(num(a) ** e) : num(a) ** e;
}

export function neg(a: unknown): unknown {
  if (!isNumeric(a)) unsupported('unary -', a, a);
  return isFloat(a) ? makeFloat(-num(a)) : -num(a);
}

export function pos(a: unknown): unknown {
  if (!isNumeric(a)) unsupported('unary +', a, a);
  return a;
}

export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  const ta = typeof a;
  if (ta === 'string' || typeof b === 'string') return false;
  if (isNumeric(a) && isNumeric(b)) return num(a) === num(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || isTuple(a) !== isTuple(b)) return false;
    for (let i = 0; i < a.length; i++) if (!eq(a[i], b[i])) return false;
    return true;
  }
  if (isDict(a)) {
    if (!isDict(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!(k in b) || !eq(a[k], b[k])) return false;
    return true;
  }
  if (a instanceof Undefined) return b instanceof Undefined;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const r = dunder(a, '__eq__', b) ?? dunder(b, '__eq__', a);
  return r === undefined ? false : truthy(r);
}

export function ne(a: unknown, b: unknown): boolean {
  return !eq(a, b);
}

/** Three-way comparison for <, <=, >, >= and sort; TypeError for mixed types as Python. */
export function cmp(a: unknown, b: unknown, op = '<'): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = num(a);
    const y = num(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!eq(a[i], b[i])) return cmp(a[i], b[i], op);
    }
    return a.length - b.length;
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'object' && a !== null && !(a instanceof Undefined)) {
    const lt = unsupportedCompare('<', a, b);
    if (lt !== undefined) return lt ? -1 : truthy(unsupportedCompare('>', a, b)) ? 1 : 0;
  }
  if (a instanceof Undefined) a.fail();
  if (b instanceof Undefined) b.fail();
  throw renderFault(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

function unsupportedCompare(op: string, a: unknown, b: unknown): boolean | undefined {
  const [name, reflected] = DUNDERS[op];
  const r = dunder(a, name, b) ?? dunder(b, reflected, a);
  return r === undefined ? undefined : truthy(r);
}

export const lt = (a: unknown, b: unknown): boolean => cmp(a, b, '<') < 0;
export const le = (a: unknown, b: unknown): boolean => cmp(a, b, '<=') <= 0;
export const gt = (a: unknown, b: unknown): boolean => cmp(a, b, '>') > 0;
export const ge = (a: unknown, b: unknown): boolean => cmp(a, b, '>=') >= 0;

/** `item in container`. */
export function contains(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw renderFault(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (Array.isArray(container)) {
    for (const x of container) if (eq(x, item)) return true;
    return false;
  }
  if (isDict(container)) return typeof item === 'string' && Object.prototype.hasOwnProperty.call(container, item);
  if (container instanceof Map || container instanceof Set) return container.has(item);
  if (container instanceof Undefined) return false;
  const dunderContains = container !== null && typeof container === 'object' ? (container as { __contains__?: unknown }).__contains__ : undefined;
  if (typeof dunderContains === 'function') return truthy(dunderContains.call(container, item));
  if (container !== null && typeof container === 'object' && Symbol.iterator in container) {
    for (const x of container as Iterable<unknown>) if (eq(x, item)) return true;
    return false;
  }
  throw renderFault(`argument of type '${typeName(container)}' is not iterable`);
}
