// Compile-time scoping, as Jinja's idtracking does it: each frame (template, for body, macro, caller,
// with) knows the names it assigns; loads resolve to the innermost frame that assigns the name,
// else to the render context at run time.
import type { CallArgs, Expr, Stmt, Target } from './ast.js';

export class Frame {
  readonly vars = new Map<string, string>();

  constructor(
    readonly id: number,
    readonly parent: Frame | null,
  ) {}

  declare(name: string): string {
    let v = this.vars.get(name);
    if (!v) {
      v = `v${this.id}_${name}`;
      this.vars.set(name, v);
    }
    return v;
  }

  /** JS variable for `name`, or undefined when it lives in the render context. */
  resolve(name: string): string | undefined {
    return this.vars.get(name) ?? this.parent?.resolve(name);
  }
}

export function targetNames(t: Target, out: string[] = []): string[] {
  if (t.kind === 'name') out.push(t.name);
  else if (t.kind === 'tuple') for (const x of t.items) targetNames(x, out);
  return out;
}

/** Names assigned directly in this frame (if/else and set/filter blocks share it; loops and macros don't). */
export function frameStores(body: Stmt[], out = new Set<string>()): Set<string> {
  for (const s of body) {
    switch (s.kind) {
      case 'set':
      case 'setblock':
        for (const n of targetNames(s.target)) out.add(n);
        if (s.kind === 'setblock') frameStores(s.body, out);
        break;
      case 'macro':
        out.add(s.name);
        break;
      case 'if':
        for (const b of s.branches) frameStores(b.body, out);
        if (s.else) frameStores(s.else, out);
        break;
      case 'filterblock':
      case 'body':
        frameStores(s.body, out);
        break;
      case 'for':
        if (s.else) frameStores(s.else, out);
        break;
      default:
        break;
    }
  }
  return out;
}

function argsExprs(a: CallArgs): Expr[] {
  const out = [...a.args, ...a.kwargs.map((k) => k[1])];
  if (a.star) out.push(a.star);
  if (a.dstar) out.push(a.dstar);
  return out;
}

function exprUses(e: Expr | null | undefined, name: string): boolean {
  if (!e) return false;
  switch (e.kind) {
    case 'const':
      return false;
    case 'name':
      return e.name === name;
    case 'list':
    case 'tuple':
      return e.items.some((x) => exprUses(x, name));
    case 'dict':
      return e.pairs.some(([k, v]) => exprUses(k, name) || exprUses(v, name));
    case 'getattr':
      return exprUses(e.obj, name);
    case 'getitem':
      return exprUses(e.obj, name) || exprUses(e.key, name);
    case 'slice':
      return exprUses(e.obj, name) || exprUses(e.start, name) || exprUses(e.stop, name) || exprUses(e.step, name);
    case 'call':
      return exprUses(e.callee, name) || argsExprs(e.args).some((x) => exprUses(x, name));
    case 'filter':
    case 'test':
      return exprUses(e.value, name) || argsExprs(e.args).some((x) => exprUses(x, name));
    case 'binop':
    case 'and':
    case 'or':
      return exprUses(e.left, name) || exprUses(e.right, name);
    case 'unary':
      return exprUses(e.operand, name);
    case 'compare':
      return exprUses(e.first, name) || e.ops.some((o) => exprUses(o.expr, name));
    case 'cond':
      return exprUses(e.test, name) || exprUses(e.then, name) || exprUses(e.else, name);
  }
}

function targetUses(t: Target, name: string): boolean {
  return t.kind === 'attr' ? exprUses(t.obj, name) : false;
}

/** Whether `name` is loaded anywhere in body, nested frames included (over-approximation is fine). */
export function bodyUses(body: Stmt[], name: string): boolean {
  return body.some((s) => stmtUses(s, name));
}

function stmtUses(s: Stmt, name: string): boolean {
  switch (s.kind) {
    case 'output':
    case 'break':
    case 'continue':
      return false;
    case 'print':
    case 'do':
      return exprUses(s.expr, name);
    case 'if':
      return s.branches.some((b) => exprUses(b.test, name) || bodyUses(b.body, name)) || (!!s.else && bodyUses(s.else, name));
    case 'for':
      return exprUses(s.iter, name) || exprUses(s.filter, name) || bodyUses(s.body, name) || (!!s.else && bodyUses(s.else, name));
    case 'set':
      return targetUses(s.target, name) || exprUses(s.value, name);
    case 'setblock':
      return bodyUses(s.body, name) || s.filters.some((f) => exprUses(f, name));
    case 'macro':
      return s.params.some((p) => exprUses(p.default, name)) || bodyUses(s.body, name);
    case 'callblock':
      return exprUses(s.call, name) || bodyUses(s.body, name);
    case 'filterblock':
      return s.filters.some((f) => exprUses(f, name)) || bodyUses(s.body, name);
    case 'with':
      return s.assigns.some((a) => exprUses(a.value, name)) || bodyUses(s.body, name);
    case 'body':
      return bodyUses(s.body, name);
  }
}
