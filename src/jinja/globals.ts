// Jinja's global functions (range, dict, namespace, cycler, joiner) plus Python builtins dbt exposes
// (zip, set, list) and dbt's return(). All are JinjaCallables taking (args, kwargs).
import { pyfunction, type JinjaCallable, type Kwargs } from './api.js';
import { iter, toKwargs } from './access.js';
import { ReturnSignal, renderFault } from './errors.js';
import { eq } from './ops.js';
import { pyRepr } from './repr.js';
import { isDict, newDict, num, tuple } from './values.js';

const MAX_RANGE = 100_000;

/** namespace(): an object whose attributes {% set ns.x = … %} may assign, across scopes. */
export class Namespace {
  constructor(init: Kwargs) {
    Object.assign(this, init);
  }
  toString(): string {
    return `<Namespace ${pyRepr(Object.assign(newDict(), this))}>`;
  }
}

function range(args: unknown[]): number[] {
  const [start, stop, step] = args.length === 1 ? [0, num(args[0]), 1] : [num(args[0]), num(args[1]), args.length > 2 ? num(args[2]) : 1];
  if (step === 0) throw renderFault('range() arg 3 must not be zero');
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (out.length >= MAX_RANGE) throw renderFault(`range too big, the limit is ${MAX_RANGE} items`);
    out.push(i);
  }
  return out;
}

function dict(args: unknown[], kwargs: Kwargs): Record<string, unknown> {
  const d = newDict();
  if (args.length) {
    const src = args[0];
    if (isDict(src)) Object.assign(d, src);
    else for (const pair of iter(src)) {
      const [k, v] = iter(pair);
      d[String(k)] = v;
    }
  }
  return Object.assign(d, kwargs);
}

class Cycler {
  private i = 0;
  constructor(private readonly items: unknown[]) {}
  get current(): unknown {
    return this.items[this.i];
  }
  next(): unknown {
    const v = this.items[this.i];
    this.i = (this.i + 1) % this.items.length;
    return v;
  }
  reset(): null {
    this.i = 0;
    return null;
  }
}

function joiner(sep: string): JinjaCallable {
  let used = false;
  return pyfunction(() => {
    if (!used) {
      used = true;
      return '';
    }
    return sep;
  }, 'joiner');
}

export const DEFAULT_GLOBALS: Record<string, unknown> = {
  range: pyfunction((a) => range(a), 'range'),
  dict: pyfunction((a, k) => dict(a, k), 'dict'),
  namespace: pyfunction((a, k) => new Namespace(Object.assign({}, ...a.map((x) => toKwargs(x)), k)), 'namespace'),
  cycler: pyfunction((a) => new Cycler(a), 'cycler'),
  joiner: pyfunction((a, k) => joiner(String(a[0] ?? k.sep ?? ', ')), 'joiner'),
  zip: pyfunction((a) => {
    const lists = a.map((x) => iter(x));
    const n = lists.length ? Math.min(...lists.map((l) => l.length)) : 0;
    return Array.from({ length: n }, (_, i) => tuple(lists.map((l) => l[i])));
  }, 'zip'),
  set: pyfunction((a) => {
    const out: unknown[] = [];
    for (const x of a.length ? iter(a[0]) : []) if (!out.some((y) => eq(x, y))) out.push(x);
    return out;
  }, 'set'),
  list: pyfunction((a) => (a.length ? [...iter(a[0])] : []), 'list'),
  return: pyfunction((a) => {
    throw new ReturnSignal(a.length ? a[0] : null);
  }, 'return'),
};
