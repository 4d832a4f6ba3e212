// Statements → the body of an AsyncFunction(rt, ctx, M). Output accumulates in `out`; template
// variables are JS `let`s (see scope.ts); loops are plain JS loops; macros are async arrow functions
// closing over `ctx`, so they see the render context they were defined in.
import type { MacroParam, Pos, Stmt, Target } from './ast.js';
import { ExprGen, type FnState } from './codegen-expr.js';
import { Frame, bodyUses, frameStores, targetNames } from './scope.js';

export class CodeGen extends ExprGen {
  private frames = 0;

  private newFrame(parent: Frame | null): Frame {
    return new Frame(this.frames++, parent);
  }

  /** `let` declarations for the names a frame assigns, initialised as Jinja does from the outer scope. */
  private declareStores(names: Iterable<string>, frame: Frame): string {
    let code = '';
    for (const n of names) {
      if (frame.vars.has(n)) continue;
      const init = frame.parent ? this.name(n, frame.parent) : `rt.name(ctx, ${JSON.stringify(n)})`;
      code += `let ${frame.declare(n)} = ${init};\n`;
    }
    return code;
  }

  private withTemps(state: FnState, code: string): string {
    if (state.temps === 0) return code;
    const names = Array.from({ length: state.temps }, (_, i) => `$t${i}`);
    return `let ${names.join(', ')};\n${code}`;
  }

  /** Body of the render function. */
  template(body: Stmt[]): string {
    const frame = this.newFrame(null);
    this.fn = { temps: 0 };
    const decls = this.declareStores(frameStores(body), frame);
    const code = this.stmts(body, frame);
    return this.withTemps(
      this.fn,
      `let $p = 0, out = '';\ntry {\n${decls}${code}return out;\n} catch (e) {\nif (e instanceof rt.ReturnSignal) return out;\nthrow rt.wrap(e, $p, M);\n}`,
    );
  }

  /** Body of a sync function(rt, ctx, M) returning the template's top-level macros by name. */
  macrosOnly(body: Stmt[]): string {
    const frame = this.newFrame(null);
    this.fn = { temps: 0 };
    const macros = body.filter((s): s is Extract<Stmt, { kind: 'macro' }> => s.kind === 'macro');
    const decls = this.declareStores(
      macros.map((m) => m.name),
      frame,
    );
    let code = '';
    for (const m of macros) code += this.stmt(m, frame);
    const ret = macros.map((m) => `${JSON.stringify(m.name)}: ${frame.resolve(m.name)}`).join(', ');
    return this.withTemps(this.fn, `let $p = 0;\n${decls}${code}return { __proto__: null, ${ret} };`);
  }

  private stmts(body: Stmt[], f: Frame): string {
    let code = '';
    for (const s of body) code += this.stmt(s, f);
    return code;
  }

  private stmt(s: Stmt, f: Frame): string {
    switch (s.kind) {
      case 'output':
        return `out += ${this.text(s.text)};\n`;
      case 'print':
        if (s.expr.kind === 'const' && typeof s.expr.value === 'string') return `out += ${this.text(s.expr.value)};\n`;
        return `${this.at(s.expr)};\nout += rt.str(${this.expr(s.expr, f)});\n`;
      case 'if': {
        let code = '';
        s.branches.forEach((b, i) => {
          const test = this.expr(b.test, f);
          this.conditional++;
          code += `${i ? ' else ' : ''}if ((${this.at(b.test)}, rt.truthy(${test}))) {\n${this.stmts(b.body, f)}}`;
          this.conditional--;
        });
        if (s.else) {
          this.conditional++;
          code += ` else {\n${this.stmts(s.else, f)}}`;
          this.conditional--;
        }
        return code + '\n';
      }
      case 'for':
        return this.forLoop(s, f);
      case 'set':
        return `${this.at(s)};\n${this.assign(s.target, this.expr(s.value, f), f, s)}`;
      case 'setblock': {
        const save = this.temp();
        let value = 'out';
        for (const flt of s.filters) value = this.filter(flt, value, f);
        return `${save} = out; out = '';\n${this.stmts(s.body, f)}${this.assign(s.target, value, f, s)}out = ${save};\n`;
      }
      case 'filterblock': {
        const save = this.temp();
        let value = 'out';
        for (const flt of s.filters) value = this.filter(flt, value, f);
        return `${save} = out; out = '';\n${this.stmts(s.body, f)}${this.at(s)};\n${save} += rt.str(${value}); out = ${save};\n`;
      }
      case 'macro':
        return `${f.resolve(s.name) ?? f.declare(s.name)} = ${this.macro(s.name, s.params, s.body, f, s)};\n`;
      case 'callblock': {
        if (s.call.kind !== 'call') return this.fail('expected a call', s);
        const caller = `caller: ${this.macro('caller', s.params, s.body, f, s)}`;
        return `${this.at(s)};\nout += rt.str(${this.call(s.call.callee, s.call.args, f, s.call, caller)});\n`;
      }
      case 'with': {
        const inner = this.newFrame(f);
        let code = '{\n';
        const temps = s.assigns.map((a) => {
          const t = this.temp();
          code += `${t} = ${this.expr(a.value, f)};\n`;
          return t;
        });
        for (const a of s.assigns) for (const n of targetNames(a.target)) code += `let ${inner.declare(n)};\n`;
        s.assigns.forEach((a, i) => (code += this.assign(a.target, temps[i], inner, a.value)));
        code += this.declareStores(frameStores(s.body), inner);
        return code + this.stmts(s.body, inner) + '}\n';
      }
      case 'do':
        return `${this.at(s)};\n${this.expr(s.expr, f)};\n`;
      case 'break':
        return 'break;\n';
      case 'continue':
        return 'continue;\n';
      case 'body':
        return s.render ? this.stmts(s.body, f) : '';
    }
  }

  /** Assigns the JS expression `value` to a target in frame f. */
  private assign(t: Target, value: string, f: Frame, n: Pos): string {
    if (t.kind === 'name') return `${f.resolve(t.name) ?? f.declare(t.name)} = ${value};\n`;
    if (t.kind === 'attr') return `rt.setattr(${this.expr(t.obj, f)}, ${JSON.stringify(t.attr)}, ${value}, ${this.at(n)});\n`;
    const u = this.temp();
    let code = `${u} = rt.unpack(${value}, ${t.items.length}, ${this.at(n)});\n`;
    t.items.forEach((item, i) => (code += this.assign(item, `${u}[${i}]`, f, n)));
    return code;
  }

  private forLoop(s: Extract<Stmt, { kind: 'for' }>, outer: Frame): string {
    const f = this.newFrame(outer);
    const id = f.id;
    const iter = this.expr(s.iter, outer);
    const usesLoop = s.recursive || bodyUses(s.body, 'loop');
    // A recursive loop is an async function of (items, depth) that loop(items) calls again.
    let code = s.recursive ? `const $rec${id} = async ($src, $depth) => {\nlet out = '';\n` : `{\n`;
    code += `let $it${id} = rt.iter(${s.recursive ? '$src' : iter}, ${this.at(s.iter)});\n`;
    for (const n of targetNames(s.target)) code += `let ${f.declare(n)};\n`;
    if (usesLoop) code += `let ${f.declare('loop')};\n`;
    if (s.filter) {
      const fl = this.temp();
      code += `${fl} = [];\nfor (const $v of $it${id}) {\n${this.assign(s.target, '$v', f, s)}if (rt.truthy(${this.expr(s.filter, f)})) ${fl}.push($v);\n}\n$it${id} = ${fl};\n`;
    }
    if (usesLoop) code += `${f.resolve('loop')} = new rt.Loop($it${id}${s.recursive ? `, $depth, $rec${id}` : ''});\n`;
    code += `for (let $i${id} = 0; $i${id} < $it${id}.length; $i${id}++) {\n`;
    // Names the body assigns start again from the outer value on every iteration, as in jinja2.
    code += this.declareStores(frameStores(s.body), f);
    code += this.assign(s.target, `$it${id}[$i${id}]`, f, s);
    if (usesLoop) code += `${f.resolve('loop')}.i = $i${id};\n`;
    code += this.stmts(s.body, f) + '}\n';
    if (s.else) code += `if ($it${id}.length === 0) {\n${this.stmts(s.else, outer)}}\n`;
    if (s.recursive) return code + `return out;\n};\n${this.at(s)};\nout += await $rec${id}(${iter}, 1);\n`;
    return code + '}\n';
  }

  /** A macro (or call-block caller) as rt.macro(name, params, varargs?, kwargs?, async fn). */
  private macro(name: string, params: MacroParam[], body: Stmt[], outer: Frame, n: Pos): string {
    const saved = this.fn;
    this.fn = { temps: 0 };
    const f = this.newFrame(outer);
    let code = '';
    params.forEach((p, i) => {
      const key = JSON.stringify(p.name);
      const v = f.declare(p.name);
      const dflt = p.default ? this.expr(p.default, f) : `rt.undef(${JSON.stringify(`parameter '${p.name}' was not provided`)})`;
      code += `let ${v} = $a.length > ${i} ? $a[${i}] : $k[${key}] !== undefined ? $k[${key}] : ${dflt};\n`;
    });
    const usesVarargs = !f.vars.has('varargs') && bodyUses(body, 'varargs');
    const usesKwargs = !f.vars.has('kwargs') && bodyUses(body, 'kwargs');
    if (usesVarargs) code += `let ${f.declare('varargs')} = rt.tuple($a.slice(${params.length}));\n`;
    if (usesKwargs) code += `let ${f.declare('kwargs')} = rt.extraKwargs($k, ${JSON.stringify(params.map((p) => p.name))});\n`;
    if (!f.vars.has('caller') && bodyUses(body, 'caller')) code += `let ${f.declare('caller')} = $k.caller !== undefined ? $k.caller : rt.undef("'caller'");\n`;
    code += this.declareStores(frameStores(body), f);
    code += this.stmts(body, f);
    const fnBody = this.withTemps(
      this.fn,
      `let $p = ${this.loc(n)}, out = '';\ntry {\n${code}return out;\n} catch (e) {\nif (e instanceof rt.ReturnSignal) return e.value;\nthrow rt.wrap(e, $p, M);\n}`,
    );
    this.fn = saved;
    const names = JSON.stringify(params.map((p) => p.name));
    return `rt.macro(${JSON.stringify(name)}, ${names}, ${usesVarargs}, ${usesKwargs}, async ($a, $k) => {\n${fnBody}\n})`;
  }
}
