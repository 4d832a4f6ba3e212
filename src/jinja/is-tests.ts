// Jinja tests (`x is defined`, `n is divisibleby 3`). Each takes (value, args, kwargs) → boolean.
import type { Kwargs } from './api.js';
import { PY_CALLABLE } from './api.js';
import { contains, eq, ge, gt, le, lt } from './ops.js';
import { PyFloat, Undefined, isDict, isFloat, num } from './values.js';

export type JinjaTest = (value: unknown, args: unknown[], kwargs: Kwargs) => boolean;

const isNum = (v: unknown): boolean => typeof v === 'number' || v instanceof PyFloat || typeof v === 'bigint';
const isMapping = (v: unknown): boolean => isDict(v) || v instanceof Map;
const isIterable = (v: unknown): boolean =>
  typeof v === 'string' || Array.isArray(v) || isMapping(v) || v instanceof Undefined || (v !== null && typeof v === 'object' && Symbol.iterator in v);

export const TESTS: Record<string, JinjaTest> = {
  defined: (v) => !(v instanceof Undefined),
  undefined: (v) => v instanceof Undefined,
  none: (v) => v === null || v === undefined,
  boolean: (v) => typeof v === 'boolean',
  false: (v) => v === false,
  true: (v) => v === true,
  integer: (v) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint',
  float: (v) => isFloat(v),
  number: (v) => isNum(v),
  string: (v) => typeof v === 'string',
  mapping: (v) => isMapping(v),
  iterable: (v) => isIterable(v),
  sequence: (v) => typeof v === 'string' || Array.isArray(v) || isMapping(v),
  callable: (v) => typeof v === 'function' || (v !== null && typeof v === 'object' && PY_CALLABLE in v),
  sameas: (v, a) => v === a[0] || ((v === null || v === undefined) && (a[0] === null || a[0] === undefined)),
  escaped: () => false,
  lower: (v) => typeof v === 'string' && v === v.toLowerCase(),
  upper: (v) => typeof v === 'string' && v === v.toUpperCase(),
  odd: (v) => num(v) % 2 !== 0,
  even: (v) => num(v) % 2 === 0,
  divisibleby: (v, a) => num(v) % num(a[0]) === 0,
  in: (v, a) => contains(a[0], v),
  eq: (v, a) => eq(v, a[0]),
  ne: (v, a) => !eq(v, a[0]),
  lt: (v, a) => lt(v, a[0]),
  le: (v, a) => le(v, a[0]),
  gt: (v, a) => gt(v, a[0]),
  ge: (v, a) => ge(v, a[0]),
};
TESTS['=='] = TESTS.equalto = TESTS.eq;
TESTS['!='] = TESTS.ne;
TESTS['<'] = TESTS.lessthan = TESTS.lt;
TESTS['<='] = TESTS.le;
TESTS['>'] = TESTS.greaterthan = TESTS.gt;
TESTS['>='] = TESTS.ge;
