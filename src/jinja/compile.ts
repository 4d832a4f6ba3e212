// Source text → a compiled program: lexer → parser → code generator → AsyncFunction.
import type { Stmt } from './ast.js';
import type { MacroInfo } from './api.js';
import { CodeGen } from './codegen.js';
import { JinjaSyntaxError } from './errors.js';
import { tokenize } from './lexer.js';
import { TemplateParser } from './parser.js';
import type { Runtime, TemplateMeta } from './runtime.js';

export type RenderFn = (rt: Runtime, ctx: Record<string, unknown>, M: TemplateMeta) => Promise<string>;
export type MacrosFn = (rt: Runtime, ctx: Record<string, unknown>, M: TemplateMeta) => Record<string, unknown>;

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (...args: string[]) => RenderFn;

export interface Program {
  render: RenderFn;
  locs: number[];
  macros: MacroInfo[];
  /** Built on first bindMacros(): a sync function instantiating the top-level macros. */
  macrosFn?: { fn: MacrosFn; locs: number[] };
  body: Stmt[];
}

export interface CompileNames {
  filters: ReadonlySet<string>;
  tests: ReadonlySet<string>;
}

export function compileProgram(source: string, file: string, names: CompileNames): Program {
  const toks = tokenize(source, file);
  const normalized = source.replace(/\r\n?/g, '\n');
  const body = new TemplateParser(toks, file, normalized).parseTemplate();
  const gen = new CodeGen(file, names.filters, names.tests);
  const code = gen.template(body);
  let render: RenderFn;
  try {
    render = new AsyncFunction('rt', 'ctx', 'M', code);
  } catch (e) {
    // A bug in the generator, not in the template; keep the generated code for the report.
    throw new JinjaSyntaxError(`internal error compiling template: ${(e as Error).message}`, { location: { file }, cause: e });
  }
  const macros: MacroInfo[] = [];
  for (const s of body) {
    if (s.kind === 'macro') {
      macros.push({ name: s.name, params: s.params.map((p) => ({ name: p.name, defaultSource: p.defaultSource })), line: s.line, source: s.source });
    }
  }
  // The AST is kept only where bindMacros may need it later.
  return { render, locs: gen.locs, macros, body: macros.length ? body : [] };
}

export function compileMacros(program: Program, file: string, names: CompileNames): { fn: MacrosFn; locs: number[] } {
  const gen = new CodeGen(file, names.filters, names.tests);
  const code = gen.macrosOnly(program.body);
  return { fn: new Function('rt', 'ctx', 'M', code) as MacrosFn, locs: gen.locs };
}

/** For debugging: the generated JavaScript of a template. */
export function generatedCode(source: string, names: CompileNames, file = '<string>'): string {
  const body = new TemplateParser(tokenize(source, file), file, source.replace(/\r\n?/g, '\n')).parseTemplate();
  return new CodeGen(file, names.filters, names.tests).template(body);
}
