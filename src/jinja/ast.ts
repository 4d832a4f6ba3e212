// The template AST. Every node carries the 1-based line/col where it starts (for error locations).

export interface Pos {
  line: number;
  col: number;
}

export type Expr =
  | ({ kind: 'const'; value: string | number | boolean | null; float?: boolean } & Pos)
  | ({ kind: 'name'; name: string } & Pos)
  | ({ kind: 'list' | 'tuple'; items: Expr[] } & Pos)
  | ({ kind: 'dict'; pairs: [Expr, Expr][] } & Pos)
  | ({ kind: 'getattr'; obj: Expr; attr: string } & Pos)
  | ({ kind: 'getitem'; obj: Expr; key: Expr } & Pos)
  | ({ kind: 'slice'; obj: Expr; start?: Expr; stop?: Expr; step?: Expr } & Pos)
  | ({ kind: 'call'; callee: Expr; args: CallArgs } & Pos)
  | ({ kind: 'filter'; name: string; value: Expr | null; args: CallArgs } & Pos)
  | ({ kind: 'test'; name: string; value: Expr; args: CallArgs; negated: boolean } & Pos)
  | ({ kind: 'binop'; op: string; left: Expr; right: Expr } & Pos)
  | ({ kind: 'unary'; op: 'not' | '-' | '+'; operand: Expr } & Pos)
  | ({ kind: 'and' | 'or'; left: Expr; right: Expr } & Pos)
  | ({ kind: 'compare'; first: Expr; ops: { op: string; expr: Expr }[] } & Pos)
  | ({ kind: 'cond'; test: Expr; then: Expr; else?: Expr } & Pos);

export interface CallArgs {
  args: Expr[];
  kwargs: [string, Expr][];
  star?: Expr;
  dstar?: Expr;
}

/** An assignment target: a name, a tuple of names, or ns.attr. */
export type Target = ({ kind: 'name'; name: string } & Pos) | ({ kind: 'tuple'; items: Target[] } & Pos) | ({ kind: 'attr'; obj: Expr; attr: string } & Pos);

export interface MacroParam {
  name: string;
  default?: Expr;
  defaultSource?: string;
}

export type Stmt =
  | ({ kind: 'output'; text: string } & Pos)
  | ({ kind: 'print'; expr: Expr } & Pos)
  | ({ kind: 'if'; branches: { test: Expr; body: Stmt[] }[]; else?: Stmt[] } & Pos)
  | ({ kind: 'for'; target: Target; iter: Expr; filter?: Expr; body: Stmt[]; else?: Stmt[]; recursive: boolean } & Pos)
  | ({ kind: 'set'; target: Target; value: Expr } & Pos)
  | ({ kind: 'setblock'; target: Target; body: Stmt[]; filters: Expr[] } & Pos)
  | ({ kind: 'macro'; name: string; params: MacroParam[]; body: Stmt[]; source: string } & Pos)
  | ({ kind: 'callblock'; call: Expr; params: MacroParam[]; body: Stmt[] } & Pos)
  | ({ kind: 'filterblock'; filters: Expr[]; body: Stmt[] } & Pos)
  | ({ kind: 'with'; assigns: { target: Target; value: Expr }[]; body: Stmt[] } & Pos)
  | ({ kind: 'do'; expr: Expr } & Pos)
  | ({ kind: 'break' | 'continue' } & Pos)
  | ({ kind: 'body'; body: Stmt[]; render: boolean; name: string } & Pos);
