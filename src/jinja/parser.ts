// Statement grammar: turns the token list into a list of Stmt (see ast.ts).
import type { Expr, MacroParam, Pos, Stmt, Target } from './ast.js';
import { ExprParser } from './parse-expr.js';
import type { Token } from './lexer.js';

interface Block {
  /** Tag that opened the block ('for'), its line, and the tags that may end the current body. */
  tag: string;
  line: number;
  ends: string[];
}

const UNSUPPORTED: Record<string, string> = {
  extends: 'Template inheritance is not supported in dbt models; use macros instead.',
  include: 'include is not supported; call a macro instead.',
  import: 'import is not supported; macros from all macro files are available by name.',
  from: 'from-import is not supported; macros from all macro files are available by name.',
};

export class TemplateParser extends ExprParser {
  constructor(
    toks: Token[],
    file: string,
    private readonly source: string,
  ) {
    super(toks, file);
  }

  parseTemplate(): Stmt[] {
    return this.subparse(null);
  }

  /** Parses statements until one of block.ends (left unconsumed, positioned at its name). */
  private subparse(block: Block | null): Stmt[] {
    const body: Stmt[] = [];
    for (;;) {
      const t = this.tok;
      if (t.type === 'eof') {
        if (block) {
          const want = block.ends.filter((e) => e.startsWith('end')).map((e) => `'${e}'`).join(' or ');
          this.fail(`unexpected end of template, expected ${want} to close the '${block.tag}' opened at line ${block.line}`, t, `Add {% ${block.ends.find((e) => e.startsWith('end'))} %}.`);
        }
        return body;
      }
      if (t.type === 'data') {
        this.next();
        body.push({ kind: 'output', text: t.value, line: t.line, col: t.col });
      } else if (t.type === 'var_begin') {
        this.next();
        const expr = this.parseTuple();
        this.expect('var_end');
        body.push({ kind: 'print', expr, line: t.line, col: t.col });
      } else if (t.type === 'block_begin') {
        const name = this.look();
        if (name.type !== 'name') this.fail(`unexpected ${this.describe(name)}, expected a tag name`, name);
        if (block && block.ends.includes(name.value)) {
          this.next();
          return body;
        }
        this.next();
        body.push(this.parseStatement(t, block));
      } else {
        this.fail(`unexpected ${this.describe(t)}`);
      }
    }
  }

  /** Parses a body and consumes its end tag; returns body and the tag that ended it. */
  private block(tag: string, open: Token, ends: string[]): { body: Stmt[]; end: string } {
    this.expect('block_end');
    const body = this.subparse({ tag, line: open.line, ends });
    const end = this.next().value;
    return { body, end };
  }

  private endTag(): void {
    this.expect('block_end');
  }

  private parseStatement(open: Token, outer: Block | null): Stmt {
    const t = this.next();
    const pos = this.pos(open);
    switch (t.value) {
      case 'if':
        return this.parseIf(open);
      case 'for':
        return this.parseFor(open);
      case 'set':
        return this.parseSet(open);
      case 'macro':
        return this.parseMacro(open, this.expect('name').value, 'endmacro');
      case 'test':
        return this.parseMacro(open, 'test_' + this.expect('name').value, 'endtest');
      case 'materialization':
        return this.parseMaterialization(open);
      case 'call':
        return this.parseCallBlock(open);
      case 'filter': {
        const filters = this.parseFilterChain();
        const { body } = this.block('filter', open, ['endfilter']);
        this.endTag();
        return { kind: 'filterblock', filters, body, ...pos };
      }
      case 'with':
        return this.parseWith(open);
      case 'do': {
        const expr = this.parseTuple();
        this.endTag();
        return { kind: 'do', expr, ...pos };
      }
      case 'break':
      case 'continue':
        this.endTag();
        return { kind: t.value, ...pos };
      case 'docs':
      case 'snapshot':
      case 'block': {
        const name = this.expect('name').value;
        const { body } = this.block(t.value, open, ['end' + t.value]);
        if (this.at('name')) this.next();
        this.endTag();
        return { kind: 'body', body, render: t.value !== 'docs', name, ...pos };
      }
      default: {
        if (t.value in UNSUPPORTED) this.fail(`'${t.value}' is not supported`, t, UNSUPPORTED[t.value]);
        const inner = outer ? ` Jinja was looking for ${outer.ends.map((e) => `'${e}'`).join(' or ')} to close the '${outer.tag}' opened at line ${outer.line}.` : '';
        return this.fail(`encountered unknown tag '${t.value}'.${inner}`, t);
      }
    }
  }

  private parseIf(open: Token): Stmt {
    const branches: { test: Expr; body: Stmt[] }[] = [];
    let test = this.parseTuple(false, true);
    for (;;) {
      const { body, end } = this.block('if', open, ['elif', 'else', 'endif']);
      branches.push({ test, body });
      if (end === 'elif') {
        test = this.parseTuple(false, true);
        continue;
      }
      if (end === 'else') {
        const r = this.block('if', open, ['endif']);
        this.endTag();
        return { kind: 'if', branches, else: r.body, line: open.line, col: open.col };
      }
      this.endTag();
      return { kind: 'if', branches, line: open.line, col: open.col };
    }
  }

  private parseFor(open: Token): Stmt {
    const target = this.parseAssignTarget(['in'], false);
    this.expect('name', 'in');
    const iter = this.parseTuple(false, false, ['recursive']);
    const filter = this.skip('name', 'if') ? this.parseExpression() : undefined;
    const recursive = this.skip('name', 'recursive');
    const { body, end } = this.block('for', open, ['endfor', 'else']);
    let elseBody: Stmt[] | undefined;
    if (end === 'else') elseBody = this.block('for', open, ['endfor']).body;
    this.endTag();
    return { kind: 'for', target, iter, filter, body, else: elseBody, recursive, line: open.line, col: open.col };
  }

  private parseSet(open: Token): Stmt {
    const target = this.parseAssignTarget([], true);
    if (this.skip('op', '=')) {
      const value = this.parseTuple();
      this.endTag();
      return { kind: 'set', target, value, line: open.line, col: open.col };
    }
    const filters = this.at('op', '|') ? this.parseFilterChain(true) : [];
    const { body } = this.block('set', open, ['endset']);
    this.endTag();
    return { kind: 'setblock', target, body, filters, line: open.line, col: open.col };
  }

  private parseFilterChain(leadingPipe = false): Expr[] {
    const out: Expr[] = [];
    let first = true;
    while (first ? !leadingPipe || this.at('op', '|') : this.at('op', '|')) {
      out.push(this.parseFilter(null, !first || leadingPipe));
      first = false;
    }
    return out;
  }

  private parseAssignTarget(extraEnd: string[], withNamespace: boolean): Target {
    const t = this.tok;
    if (withNamespace && t.type === 'name' && this.look().type === 'op' && this.look().value === '.') {
      this.next();
      this.next();
      const attr = this.expect('name').value;
      return { kind: 'attr', obj: { kind: 'name', name: t.value, line: t.line, col: t.col }, attr, line: t.line, col: t.col };
    }
    const e = this.parseTuple(true, true, extraEnd);
    return this.toTarget(e);
  }

  private toTarget(e: Expr): Target {
    if (e.kind === 'name') return { kind: 'name', name: e.name, line: e.line, col: e.col };
    if (e.kind === 'tuple' || e.kind === 'list') return { kind: 'tuple', items: e.items.map((x) => this.toTarget(x)), line: e.line, col: e.col };
    return this.fail(`can't assign to ${e.kind === 'const' ? 'a literal' : 'this expression'}`, { ...this.tok, line: e.line, col: e.col });
  }

  private parseParams(): MacroParam[] {
    const params: MacroParam[] = [];
    if (!this.at('op', '(')) return params;
    this.next();
    while (!this.at('op', ')')) {
      if (params.length) this.expect('op', ',');
      if (this.at('op', ')')) break;
      const name = this.expect('name').value;
      const p: MacroParam = { name };
      if (this.skip('op', '=')) {
        const start = this.tok.offset;
        p.default = this.parseExpression();
        p.defaultSource = this.source.slice(start, this.tok.offset).trim();
      } else if (params.some((x) => x.default)) {
        this.fail('non-default argument follows default argument');
      }
      params.push(p);
    }
    this.expect('op', ')');
    return params;
  }

  private parseMacro(open: Token, name: string, endTag: string): Stmt {
    const params = this.parseParams();
    const { body } = this.block(name, open, [endTag]);
    if (this.at('name')) this.next();
    const close = this.expect('block_end');
    const source = this.source.slice(open.offset, close.offset + close.value.length);
    return { kind: 'macro', name, params, body, source, line: open.line, col: open.col };
  }

  /** {% materialization name, adapter='x' %} or {% materialization name, default %} → materialization_name_x. */
  private parseMaterialization(open: Token): Stmt {
    const name = this.expect('name').value;
    let adapter = 'default';
    while (this.skip('op', ',')) {
      if (this.skip('name', 'default')) continue;
      const key = this.expect('name').value;
      this.expect('op', '=');
      const value = this.parseExpression();
      if (key === 'adapter') {
        if (value.kind !== 'const' || typeof value.value !== 'string') this.fail("materialization adapter must be a string, e.g. adapter='duckdb'", open);
        adapter = value.value;
      }
    }
    return this.parseMacro(open, `materialization_${name}_${adapter}`, 'endmaterialization');
  }

  private parseCallBlock(open: Token): Stmt {
    const params = this.at('op', '(') ? this.parseParams() : [];
    const call = this.parseExpression();
    if (call.kind !== 'call') this.fail('expected a macro call after {% call %}', open);
    const { body } = this.block('call', open, ['endcall']);
    this.endTag();
    return { kind: 'callblock', call, params, body, line: open.line, col: open.col };
  }

  private parseWith(open: Token): Stmt {
    const assigns: { target: Target; value: Expr }[] = [];
    while (!this.at('block_end')) {
      if (assigns.length) this.expect('op', ',');
      const target = this.parseAssignTarget([], false);
      this.expect('op', '=');
      assigns.push({ target, value: this.parseExpression() });
    }
    const { body } = this.block('with', open, ['endwith']);
    this.endTag();
    return { kind: 'with', assigns, body, line: open.line, col: open.col };
  }
}

export type { Pos };
