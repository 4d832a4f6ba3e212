// Python values as the engine represents them in JavaScript:
//   None → null/undefined; bool → boolean; int → number; float → number, or PyFloat when its value is
//   integral (so 10 / 2 prints '5.0'); str → string; list → Array; tuple → Array marked with TUPLE;
//   dict → plain object (Object or null prototype; Map is also read); Undefined → Undefined.
import { renderFault } from './errors.js';

/** Jinja's Undefined: renders '', is falsy, iterates as empty; calling it is an error. */
export class Undefined {
  constructor(readonly hint: string) {}
  toString(): string {
    return '';
  }
  toJSON(): null {
    return null;
  }
  fail(): never {
    throw renderFault(`${this.hint} is undefined`, 'Check the spelling, or pass the variable in the context.');
  }
}

export function isUndefined(v: unknown): v is Undefined {
  return v instanceof Undefined;
}

export function undefinedName(name: string): Undefined {
  return new Undefined(`'${name}'`);
}

/** A float whose value is integral: 5.0. Non-integral floats are plain numbers. */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  toJSON(): number {
    return this.value;
  }
  toString(): string {
    return floatRepr(this.value);
  }
}

export function makeFloat(n: number): number | PyFloat {
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

export function isFloat(v: unknown): boolean {
  return v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
}

export function isNumber(v: unknown): v is number | PyFloat | boolean {
  return typeof v === 'number' || v instanceof PyFloat || typeof v === 'bigint';
}

export function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const a = Math.abs(n);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  const s = String(n);
  return Number.isInteger(n) ? (Object.is(n, -0) ? '-0.0' : s + '.0') : s;
}

export const TUPLE: unique symbol = Symbol('martflow.jinja.tuple');

export function tuple<T>(items: T[]): T[] {
  Object.defineProperty(items, TUPLE, { value: true });
  return items;
}

export function isTuple(v: unknown): boolean {
  return Array.isArray(v) && (v as unknown as Record<symbol, unknown>)[TUPLE] === true;
}

/** A plain object used as a Python dict. */
export function isDict(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === null || p === Object.prototype;
}

export function newDict(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

export function truthy(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0 && !Number.isNaN(v);
    case 'bigint':
      return v !== 0n;
    case 'object':
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof Undefined) return false;
      if (v instanceof PyFloat) return v.value !== 0;
      if (v instanceof Map || v instanceof Set) return v.size > 0;
      if (isDict(v)) {
        for (const _ in v) return true;
        return false;
      }
      return objectTruthy(v as Record<string, unknown>);
    default:
      return true;
  }
}

/** Context objects may define Python's __bool__ or __len__. */
function objectTruthy(o: Record<string, unknown>): boolean {
  if (typeof o.__bool__ === 'function') return Boolean((o.__bool__ as () => unknown).call(o));
  if (typeof o.__len__ === 'function') return Number((o.__len__ as () => unknown).call(o)) > 0;
  return true;
}

/** Python's type name, for error messages. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'function') return 'function';
  if (v instanceof PyFloat) return 'float';
  if (v instanceof Undefined) return 'Undefined';
  if (Array.isArray(v)) return isTuple(v) ? 'tuple' : 'list';
  if (isDict(v) || v instanceof Map) return 'dict';
  const c = (v as object).constructor;
  return c && c.name ? c.name : 'object';
}

/** Numeric value of an int/float/bool operand (PyFloat unboxed). */
export function num(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Undefined) v.fail();
  throw renderFault(`expected a number, got ${typeName(v)}`);
}
