// Expression grammar, following jinja2's parser precedence:
// cond → or → and → not → compare → + - → ~ → * / // % → ** → unary → primary, postfix, filters/tests.
import type { CallArgs, Expr, Pos } from './ast.js';
import { JinjaSyntaxError } from './errors.js';
import type { Token, TokenType } from './lexer.js';

const COMPARE_OPS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const TEST_ARG_START = new Set(['name', 'string', 'int', 'float']);
const BINARY_LEVELS = [new Set(['+', '-']), new Set(['~']), new Set(['*', '/', '//', '%']), new Set(['**'])];

export class ExprParser {
  protected p = 0;

  constructor(
    protected readonly toks: Token[],
    protected readonly file: string,
  ) {}

  protected get tok(): Token {
    return this.toks[this.p];
  }

  protected look(n = 1): Token {
    return this.toks[Math.min(this.p + n, this.toks.length - 1)];
  }

  protected next(): Token {
    const t = this.toks[this.p];
    if (t.type !== 'eof') this.p++;
    return t;
  }

  protected at(type: TokenType, value?: string): boolean {
    const t = this.tok;
    return t.type === type && (value === undefined || t.value === value);
  }

  protected skip(type: TokenType, value?: string): boolean {
    if (!this.at(type, value)) return false;
    this.p++;
    return true;
  }

  protected fail(message: string, t: Token = this.tok, hint?: string): never {
    throw new JinjaSyntaxError(message, { location: { file: this.file, line: t.line, col: t.col }, hint });
  }

  protected describe(t: Token): string {
    switch (t.type) {
      case 'eof':
        return 'end of template';
      case 'block_end':
        return "end of statement block ('%}')";
      case 'var_end':
        return "end of print statement ('}}')";
      case 'string':
        return 'string';
      default:
        return `'${t.value}'`;
    }
  }

  protected expect(type: TokenType, value?: string): Token {
    if (!this.at(type, value)) {
      const want = value !== undefined ? `'${value}'` : type === 'name' ? 'a name' : type === 'block_end' ? "'%}'" : type === 'var_end' ? "'}}'" : type;
      this.fail(`unexpected ${this.describe(this.tok)}, expected ${want}`);
    }
    return this.next();
  }

  protected pos(t: Token): Pos {
    return { line: t.line, col: t.col };
  }

  parseExpression(withCond = true): Expr {
    return withCond ? this.parseCond() : this.parseOr();
  }

  private parseCond(): Expr {
    let e = this.parseOr();
    while (this.at('name', 'if')) {
      const t = this.next();
      const test = this.parseOr();
      const alt = this.skip('name', 'else') ? this.parseCond() : undefined;
      e = { kind: 'cond', test, then: e, else: alt, line: t.line, col: t.col };
    }
    return e;
  }

  private parseOr(): Expr {
    let e = this.parseAnd();
    while (this.at('name', 'or')) {
      const t = this.next();
      e = { kind: 'or', left: e, right: this.parseAnd(), line: t.line, col: t.col };
    }
    return e;
  }

  private parseAnd(): Expr {
    let e = this.parseNot();
    while (this.at('name', 'and')) {
      const t = this.next();
      e = { kind: 'and', left: e, right: this.parseNot(), line: t.line, col: t.col };
    }
    return e;
  }

  private parseNot(): Expr {
    if (this.at('name', 'not')) {
      const t = this.next();
      return { kind: 'unary', op: 'not', operand: this.parseNot(), line: t.line, col: t.col };
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const first = this.parseMath1();
    const ops: { op: string; expr: Expr }[] = [];
    for (;;) {
      const t = this.tok;
      if (t.type === 'op' && COMPARE_OPS.has(t.value)) {
        this.next();
        ops.push({ op: t.value, expr: this.parseMath1() });
      } else if (this.at('name', 'in')) {
        this.next();
        ops.push({ op: 'in', expr: this.parseMath1() });
      } else if (this.at('name', 'not') && this.look().type === 'name' && this.look().value === 'in') {
        this.p += 2;
        ops.push({ op: 'notin', expr: this.parseMath1() });
      } else break;
    }
    return ops.length ? { kind: 'compare', first, ops, line: first.line, col: first.col } : first;
  }

  /** Binary operators by precedence level (0: + -, 1: ~, 2: * / // %, 3: **), left-associative. */
  private parseBinary(level: number): Expr {
    const ops = BINARY_LEVELS[level];
    let e = level < 3 ? this.parseBinary(level + 1) : this.parseUnary();
    while (this.tok.type === 'op' && ops.has(this.tok.value)) {
      const t = this.next();
      const right = level < 3 ? this.parseBinary(level + 1) : this.parseUnary();
      e = { kind: 'binop', op: t.value, left: e, right, line: t.line, col: t.col };
    }
    return e;
  }

  private parseMath1(): Expr {
    return this.parseBinary(0);
  }

  private parseUnary(withFilter = true): Expr {
    const t = this.tok;
    let e: Expr;
    if (t.type === 'op' && (t.value === '-' || t.value === '+')) {
      this.next();
      e = { kind: 'unary', op: t.value, operand: this.parseUnary(false), line: t.line, col: t.col };
    } else {
      e = this.parsePrimary();
    }
    e = this.parsePostfix(e);
    return withFilter ? this.parseFilterExpr(e) : e;
  }

  protected parsePrimary(): Expr {
    const t = this.tok;
    const pos = this.pos(t);
    switch (t.type) {
      case 'name': {
        this.next();
        if (t.value === 'true' || t.value === 'True') return { kind: 'const', value: true, ...pos };
        if (t.value === 'false' || t.value === 'False') return { kind: 'const', value: false, ...pos };
        if (t.value === 'none' || t.value === 'None') return { kind: 'const', value: null, ...pos };
        return { kind: 'name', name: t.value, ...pos };
      }
      case 'string': {
        let s = this.next().value;
        while (this.at('string')) s += this.next().value;
        return { kind: 'const', value: s, ...pos };
      }
      case 'int':
        this.next();
        return { kind: 'const', value: Number(t.value), ...pos };
      case 'float':
        this.next();
        return { kind: 'const', value: Number(t.value), float: true, ...pos };
      case 'op':
        if (t.value === '(') {
          this.next();
          if (this.skip('op', ')')) return { kind: 'tuple', items: [], ...pos };
          const e = this.parseTuple(false, true, [], true);
          this.expect('op', ')');
          return e;
        }
        if (t.value === '[') return this.parseList();
        if (t.value === '{') return this.parseDict();
        break;
    }
    return this.fail(`unexpected ${this.describe(t)}`, t, t.type === 'eof' || t.type.endsWith('_end') ? 'An expression is missing here.' : undefined);
  }

  private parseList(): Expr {
    const t = this.expect('op', '[');
    const items: Expr[] = [];
    while (!this.at('op', ']')) {
      if (items.length) this.expect('op', ',');
      if (this.at('op', ']')) break;
      items.push(this.parseExpression());
    }
    this.expect('op', ']');
    return { kind: 'list', items, line: t.line, col: t.col };
  }

  private parseDict(): Expr {
    const t = this.expect('op', '{');
    const pairs: [Expr, Expr][] = [];
    while (!this.at('op', '}')) {
      if (pairs.length) this.expect('op', ',');
      if (this.at('op', '}')) break;
      const k = this.parseExpression();
      this.expect('op', ':');
      pairs.push([k, this.parseExpression()]);
    }
    this.expect('op', '}');
    return { kind: 'dict', pairs, line: t.line, col: t.col };
  }

  protected isTupleEnd(extraEnd: string[]): boolean {
    const t = this.tok;
    if (t.type === 'var_end' || t.type === 'block_end' || t.type === 'eof') return true;
    if (t.type === 'op' && (t.value === ')' || t.value === ']' || t.value === '}' || t.value === '=')) return true;
    return t.type === 'name' && extraEnd.includes(t.value);
  }

  /** a, b, c → tuple; a single expression without a comma stays itself. */
  protected parseTuple(simplified = false, withCond = true, extraEnd: string[] = [], explicitParens = false): Expr {
    const t = this.tok;
    const items: Expr[] = [];
    let comma = false;
    for (;;) {
      if (items.length) {
        if (!this.skip('op', ',')) break;
        comma = true;
      }
      if (this.isTupleEnd(extraEnd)) break;
      items.push(simplified ? this.parsePrimary() : this.parseExpression(withCond));
    }
    if (!comma) {
      if (items.length) return items[0];
      if (!explicitParens) this.fail(`unexpected ${this.describe(this.tok)}, expected an expression`);
    }
    return { kind: 'tuple', items, line: t.line, col: t.col };
  }

  private parsePostfix(e: Expr): Expr {
    for (;;) {
      const t = this.tok;
      if (t.type !== 'op') return e;
      if (t.value === '.') {
        this.next();
        const a = this.next();
        if (a.type === 'name') e = { kind: 'getattr', obj: e, attr: a.value, line: e.line, col: e.col };
        else if (a.type === 'int') e = { kind: 'getitem', obj: e, key: { kind: 'const', value: Number(a.value), line: a.line, col: a.col }, line: a.line, col: a.col };
        else this.fail(`unexpected ${this.describe(a)} after '.', expected an attribute name`, a);
      } else if (t.value === '[') {
        e = this.parseSubscript(e);
      } else if (t.value === '(') {
        e = { kind: 'call', callee: e, args: this.parseCallArgs(), line: e.line, col: e.col };
      } else return e;
    }
  }

  private parseSubscript(obj: Expr): Expr {
    const t = this.expect('op', '[');
    const pos = { line: obj.line, col: obj.col };
    const part = (): Expr | undefined => (this.at('op', ':') || this.at('op', ']') ? undefined : this.parseExpression());
    const start = part();
    if (this.skip('op', ']')) {
      if (!start) this.fail('expected a subscript expression', t);
      return { kind: 'getitem', obj, key: start, ...pos };
    }
    this.expect('op', ':');
    const stop = part();
    const step = this.skip('op', ':') ? part() : undefined;
    this.expect('op', ']');
    return { kind: 'slice', obj, start, stop, step, ...pos };
  }

  protected parseCallArgs(): CallArgs {
    this.expect('op', '(');
    const res: CallArgs = { args: [], kwargs: [] };
    let first = true;
    while (!this.at('op', ')')) {
      if (!first) this.expect('op', ',');
      first = false;
      if (this.at('op', ')')) break;
      if (this.skip('op', '**')) res.dstar = this.parseExpression();
      else if (this.skip('op', '*')) res.star = this.parseExpression();
      else if (this.at('name') && this.look().type === 'op' && this.look().value === '=') {
        const k = this.next().value;
        this.next();
        res.kwargs.push([k, this.parseExpression()]);
      } else {
        if (res.kwargs.length || res.dstar) this.fail('positional argument follows keyword argument');
        res.args.push(this.parseExpression());
      }
    }
    this.expect('op', ')');
    return res;
  }

  private parseFilterExpr(e: Expr): Expr {
    for (;;) {
      if (this.at('op', '|')) e = this.parseFilter(e);
      else if (this.at('name', 'is')) {
        e = this.parseTest(e);
        if (this.at('name', 'is')) this.fail('You cannot chain multiple tests with is', this.tok, 'Combine the tests with `and`.');
      }
      else if (this.at('op', '(')) e = { kind: 'call', callee: e, args: this.parseCallArgs(), line: this.tok.line, col: this.tok.col };
      else return e;
    }
  }

  /** `| name(args)`; value is null for {% filter %} blocks. */
  protected parseFilter(value: Expr | null, leadingPipe = true): Expr {
    if (leadingPipe) this.expect('op', '|');
    const t = this.expect('name');
    let name = t.value;
    while (this.skip('op', '.')) name += '.' + this.expect('name').value;
    const args = this.at('op', '(') ? this.parseCallArgs() : { args: [], kwargs: [] };
    return { kind: 'filter', name, value, args, line: t.line, col: t.col };
  }

  private parseTest(value: Expr): Expr {
    const isTok = this.expect('name', 'is');
    const negated = this.skip('name', 'not');
    const t = this.expect('name');
    let name = t.value;
    while (this.skip('op', '.')) name += '.' + this.expect('name').value;
    let args: CallArgs = { args: [], kwargs: [] };
    const n = this.tok;
    if (n.type === 'op' && n.value === '(') args = this.parseCallArgs();
    else if ((TEST_ARG_START.has(n.type) || (n.type === 'op' && (n.value === '[' || n.value === '{' || n.value === '-'))) && !(n.type === 'name' && ['else', 'or', 'and', 'if', 'is', 'in', 'not'].includes(n.value))) {
      if (n.type === 'op' && n.value === '-') args = { args: [this.parseUnary(false)], kwargs: [] };
      else args = { args: [this.parsePostfix(this.parsePrimary())], kwargs: [] };
    }
    return { kind: 'test', name, value, args, negated, line: isTok.line, col: isTok.col };
  }
}
