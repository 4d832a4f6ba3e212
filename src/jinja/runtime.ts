// The `rt` object generated code calls. One per environment (it closes over the globals).
// Helpers take an extra trailing `$p = loc` argument they ignore (see codegen-expr.ts).
import { PY_CALLABLE, type JinjaCallable, type Kwargs, type RenderContext } from './api.js';
import { NO_KWARGS, call, callMethod, getattr, getitem, iter, setattr, slice, toKwargs, unpack } from './access.js';
import { JinjaRenderError, ReturnSignal, renderFault } from './errors.js';
import { FILTERS } from './filters.js';
import { TESTS } from './is-tests.js';
import { Loop } from './loop.js';
import * as ops from './ops.js';
import { pyStr } from './repr.js';
import { PyFloat, Undefined, newDict, truthy, tuple } from './values.js';
import { UserError } from '../util/errors.js';

/** Per-template data the generated code needs for error locations: M in the generated code. */
export interface TemplateMeta {
  file: string;
  /** Flat [line, col, line, col, …]; $p indexes pairs. */
  locs: number[];
  /** The template's string constants (CodeGen.consts). */
  k: readonly string[];
}

const OBJECT_PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

function hasName(o: object, n: string): boolean {
  if (!OBJECT_PROTO_NAMES.has(n)) return n in o;
  for (let p: object | null = o; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) if (Object.prototype.hasOwnProperty.call(p, n)) return true;
  return false;
}

function macro(name: string, params: string[], varargs: boolean, kwargs: boolean, fn: (a: unknown[], k: Kwargs) => Promise<unknown>): JinjaCallable {
  const f = ((args: unknown[] = [], kw: Kwargs = NO_KWARGS) => {
    if (!varargs && args.length > params.length) {
      throw renderFault(`macro '${name}' takes not more than ${params.length} argument(s), got ${args.length}`);
    }
    if (!kwargs && kw !== NO_KWARGS) {
      for (const k in kw) {
        if (k !== 'caller' && !params.includes(k)) throw renderFault(`macro '${name}' takes no keyword argument '${k}'`, `Its parameters are: ${params.join(', ') || '(none)'}.`);
      }
    }
    return fn(args, kw ?? NO_KWARGS);
  }) as JinjaCallable;
  f[PY_CALLABLE] = true;
  f.displayName = name;
  return f;
}

function extraKwargs(kw: Kwargs, params: string[]): Record<string, unknown> {
  const d = newDict();
  for (const k in kw) if (k !== 'caller' && !params.includes(k)) d[k] = kw[k];
  return d;
}

/** Attaches the template location of the failing expression; keeps errors that already have one. */
function wrap(e: unknown, p: number, M: TemplateMeta): unknown {
  if (e instanceof ReturnSignal) return e;
  const location = { file: M.file, line: M.locs[2 * p], col: M.locs[2 * p + 1] };
  if (e instanceof UserError) {
    if (e.location) return e;
    if (e instanceof JinjaRenderError && e.cause === undefined) return new JinjaRenderError(e.message, { location, hint: e.hint, node: e.node });
    return new JinjaRenderError(e.message, { location, hint: e.hint, node: e.node, cause: e });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new JinjaRenderError(message, { location, cause: e });
}

export type Runtime = ReturnType<typeof createRuntime>;

function strictGetattr(o: unknown, n: string): unknown {
  if (o instanceof Undefined) o.fail();
  return getattr(o, n);
}

function strictGetitem(o: unknown, k: unknown): unknown {
  if (o instanceof Undefined) o.fail();
  return getitem(o, k);
}

function lenientCall(f: unknown, args: unknown[], kwargs: Kwargs, self?: unknown): unknown {
  return f instanceof Undefined ? f : call(f, args, kwargs, self);
}

function lenientCallMethod(o: unknown, n: string, args: unknown[], kwargs: Kwargs): unknown {
  return o instanceof Undefined ? new Undefined(`${o.hint}.${n}`) : callMethod(o, n, args, kwargs);
}

export function createRuntime(globals: RenderContext, lenientUndefined = false) {
  return {
    name(ctx: RenderContext, n: string): unknown {
      const v = ctx[n];
      if (v !== undefined && !OBJECT_PROTO_NAMES.has(n)) return v;
      if (hasName(ctx, n)) return v ?? null;
      const g = globals[n];
      if (g !== undefined) return g;
      if (hasName(globals, n)) return null;
      return new Undefined(`'${n}'`);
    },
    str: pyStr,
    truthy,
    getattr: lenientUndefined ? getattr : strictGetattr,
    getitem: lenientUndefined ? getitem : strictGetitem,
    slice,
    call: lenientUndefined ? lenientCall : call,
    callMethod: lenientUndefined ? lenientCallMethod : callMethod,
    iter,
    unpack,
    setattr,
    toKwargs,
    NO_KWARGS,
    tuple,
    float: (n: number) => new PyFloat(n),
    key: (k: unknown) => (typeof k === 'string' ? k : pyStr(k)),
    undef: (hint: string) => new Undefined(hint),
    add: ops.add,
    sub: ops.sub,
    mul: ops.mul,
    div: ops.div,
    floordiv: ops.floordiv,
    mod: ops.mod,
    pow: ops.pow,
    neg: ops.neg,
    pos: ops.pos,
    eq: ops.eq,
    ne: ops.ne,
    lt: ops.lt,
    le: ops.le,
    gt: ops.gt,
    ge: ops.ge,
    contains: ops.contains,
    F: FILTERS,
    T: TESTS,
    Loop,
    ReturnSignal,
    macro,
    extraKwargs,
    wrap,
    missing(kind: string, name: string): never {
      throw renderFault(`no ${kind} named '${name}'`, `Check the spelling of the ${kind}.`);
    },
  };
}
