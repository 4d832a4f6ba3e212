// Expressions → JavaScript source. Every fallible runtime call gets `$p = <loc>` as its last argument:
// JS evaluates arguments left to right, so $p names the expression's template position exactly when
// the call runs, at no extra cost (the helpers ignore the extra argument).
import type { CallArgs, Expr, Pos } from './ast.js';
import { JinjaSyntaxError } from './errors.js';
import type { Frame } from './scope.js';

const BINOPS: Record<string, string> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '//': 'floordiv', '%': 'mod', '**': 'pow' };
const CMPOPS: Record<string, string> = { '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };

export interface FnState {
  temps: number;
}

export class ExprGen {
  readonly locs: number[] = [];
  /**
   * The template's text and string constants, read as M.k[i] instead of written into the code: the
   * code then depends only on the template's structure, and templates of the same structure share
   * one compiled function (creating a function costs V8 far more than generating its code).
   */
  readonly consts: string[] = [];
  protected fn: FnState = { temps: 0 };
  /** > 0 inside {% if %} bodies and inline ifs: unknown filters/tests there fail only if reached (as jinja2 3). */
  protected conditional = 0;

  constructor(
    protected readonly file: string,
    private readonly filterNames: ReadonlySet<string>,
    private readonly testNames: ReadonlySet<string>,
  ) {}

  /** Index into the location table for a node. */
  protected loc(n: Pos): number {
    this.locs.push(n.line, n.col);
    return this.locs.length / 2 - 1;
  }

  /** A string constant of the template. */
  protected text(value: string): string {
    this.consts.push(value);
    return `M.k[${this.consts.length - 1}]`;
  }

  protected at(n: Pos): string {
    return `$p = ${this.loc(n)}`;
  }

  protected temp(): string {
    return `$t${this.fn.temps++}`;
  }

  protected fail(message: string, n: Pos, hint?: string): never {
    throw new JinjaSyntaxError(message, { location: { file: this.file, line: n.line, col: n.col }, hint });
  }

  protected name(name: string, frame: Frame): string {
    return frame.resolve(name) ?? `rt.name(ctx, ${JSON.stringify(name)})`;
  }

  expr(e: Expr, f: Frame): string {
    switch (e.kind) {
      case 'const':
        if (typeof e.value === 'string') return this.text(e.value);
        if (typeof e.value === 'number') return e.float && Number.isInteger(e.value) ? `rt.float(${e.value})` : String(e.value);
        return String(e.value);
      case 'name':
        return this.name(e.name, f);
      case 'list':
        return `[${e.items.map((x) => this.expr(x, f)).join(', ')}]`;
      case 'tuple':
        return `rt.tuple([${e.items.map((x) => this.expr(x, f)).join(', ')}])`;
      case 'dict':
        return `{ __proto__: null, ${e.pairs.map(([k, v]) => `${this.dictKey(k, f)}: ${this.expr(v, f)}`).join(', ')} }`;
      case 'getattr':
        return `rt.getattr(${this.expr(e.obj, f)}, ${JSON.stringify(e.attr)})`;
      case 'getitem':
        return `rt.getitem(${this.expr(e.obj, f)}, ${this.expr(e.key, f)})`;
      case 'slice':
        return `rt.slice(${this.expr(e.obj, f)}, ${this.opt(e.start, f)}, ${this.opt(e.stop, f)}, ${this.opt(e.step, f)}, ${this.at(e)})`;
      case 'call':
        return this.call(e.callee, e.args, f, e, null);
      case 'filter':
        return this.filter(e, this.expr(e.value!, f), f);
      case 'test': {
        if (!this.testNames.has(e.name)) {
          if (!this.conditional) this.fail(`no test named '${e.name}'`, e, 'Check the spelling of the test after `is`.');
          return `rt.missing("test", ${JSON.stringify(e.name)}, ${this.at(e)})`;
        }
        const c = `rt.T[${JSON.stringify(e.name)}](${this.expr(e.value, f)}, ${this.args(e.args, f)}, ${this.kwargs(e.args, f, null)}, ${this.at(e)})`;
        return e.negated ? `!${c}` : c;
      }
      case 'binop':
        if (e.op === '~') return `(rt.str(${this.expr(e.left, f)}) + rt.str(${this.expr(e.right, f)}))`;
        return `rt.${BINOPS[e.op]}(${this.expr(e.left, f)}, ${this.expr(e.right, f)}, ${this.at(e)})`;
      case 'unary':
        if (e.op === 'not') return `!rt.truthy(${this.expr(e.operand, f)})`;
        if (e.operand.kind === 'const' && typeof e.operand.value === 'number' && !e.operand.float) return `(${e.op}${e.operand.value})`;
        return `rt.${e.op === '-' ? 'neg' : 'pos'}(${this.expr(e.operand, f)}, ${this.at(e)})`;
      case 'and': {
        const t = this.temp();
        return `(rt.truthy(${t} = ${this.expr(e.left, f)}) ? ${this.expr(e.right, f)} : ${t})`;
      }
      case 'or': {
        const t = this.temp();
        return `(rt.truthy(${t} = ${this.expr(e.left, f)}) ? ${t} : ${this.expr(e.right, f)})`;
      }
      case 'compare':
        return this.compare(e, f);
      case 'cond': {
        const test = this.expr(e.test, f);
        this.conditional++;
        const then = this.expr(e.then, f);
        const alt = e.else ? this.expr(e.else, f) : `rt.undef("the inline if-expression on line ${e.line}")`;
        this.conditional--;
        return `(rt.truthy(${test}) ? ${then} : ${alt})`;
      }
    }
  }

  private opt(e: Expr | undefined, f: Frame): string {
    return e ? this.expr(e, f) : 'null';
  }

  private dictKey(k: Expr, f: Frame): string {
    if (k.kind === 'const' && typeof k.value === 'string') return JSON.stringify(k.value);
    return `[rt.key(${this.expr(k, f)})]`;
  }

  private compare(e: Extract<Expr, { kind: 'compare' }>, f: Frame): string {
    const one = (op: string, a: string, b: string, n: Pos): string => {
      if (op === 'in') return `rt.contains(${b}, ${a}, ${this.at(n)})`;
      if (op === 'notin') return `!rt.contains(${b}, ${a}, ${this.at(n)})`;
      return `rt.${CMPOPS[op]}(${a}, ${b}, ${this.at(n)})`;
    };
    if (e.ops.length === 1) return one(e.ops[0].op, this.expr(e.first, f), this.expr(e.ops[0].expr, f), e);
    // a < b < c: each middle operand is evaluated once.
    const parts: string[] = [];
    let left = this.expr(e.first, f);
    for (let i = 0; i < e.ops.length; i++) {
      const { op, expr } = e.ops[i];
      if (i === e.ops.length - 1) {
        parts.push(one(op, left, this.expr(expr, f), e));
      } else {
        const t = this.temp();
        parts.push(one(op, left, `(${t} = ${this.expr(expr, f)})`, e));
        left = t;
      }
    }
    return `(${parts.join(' && ')})`;
  }

  protected args(a: CallArgs, f: Frame): string {
    const items = a.args.map((x) => this.expr(x, f));
    if (a.star) items.push(`...rt.iter(${this.expr(a.star, f)})`);
    return `[${items.join(', ')}]`;
  }

  /** kwargs object; `extra` is already-generated `key: value` source (caller for call blocks). */
  protected kwargs(a: CallArgs, f: Frame, extra: string | null): string {
    const items = a.kwargs.map(([k, v]) => `${JSON.stringify(k)}: ${this.expr(v, f)}`);
    if (extra) items.push(extra);
    if (a.dstar) return `Object.assign({ __proto__: null }, rt.toKwargs(${this.expr(a.dstar, f)}), { ${items.join(', ')} })`;
    return items.length ? `{ __proto__: null, ${items.join(', ')} }` : 'rt.NO_KWARGS';
  }

  protected call(callee: Expr, a: CallArgs, f: Frame, n: Pos, extraKw: string | null): string {
    if (callee.kind === 'getattr') {
      return `(await rt.callMethod(${this.expr(callee.obj, f)}, ${JSON.stringify(callee.attr)}, ${this.args(a, f)}, ${this.kwargs(a, f, extraKw)}, ${this.at(n)}))`;
    }
    return `(await rt.call(${this.expr(callee, f)}, ${this.args(a, f)}, ${this.kwargs(a, f, extraKw)}, undefined, ${this.at(n)}))`;
  }

  protected filter(e: Expr, value: string, f: Frame): string {
    if (e.kind !== 'filter') return this.fail('expected a filter', e);
    if (!this.filterNames.has(e.name)) {
      if (!this.conditional) this.fail(`no filter named '${e.name}'`, e, 'Check the spelling of the filter after `|`.');
      return `rt.missing("filter", ${JSON.stringify(e.name)}, ${this.at(e)})`;
    }
    return `rt.F[${JSON.stringify(e.name)}](${value}, ${this.args(e.args, f)}, ${this.kwargs(e.args, f, null)}, ${this.at(e)})`;
  }
}
