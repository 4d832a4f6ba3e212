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
  /** The template's string constants, passed to its function as M.k. */
  consts: string[];
  macros: MacroInfo[];
  /** Built on first bindMacros(): a sync function instantiating the top-level macros. */
  macrosFn?: { fn: MacrosFn; locs: number[]; consts: string[] };
  body: Stmt[];
}

export interface CompileNames {
  filters: ReadonlySet<string>;
  tests: ReadonlySet<string>;
}

/**
 * Compiled functions by their code. Generated code holds no string constants (they are passed in
 * as M.k), so templates of the same structure — a project's models are often written alike — share
 * one function: V8 creating a function costs several times more than generating its code.
 */
export class CompiledShapes {
  private readonly fns = new Map<string, RenderFn | MacrosFn>();

  render(code: string, file: string): RenderFn {
    return this.get(`a${code}`, file, () => new AsyncFunction('rt', 'ctx', 'M', code)) as RenderFn;
  }

  macros(code: string, file: string): MacrosFn {
    return this.get(`s${code}`, file, () => new Function('rt', 'ctx', 'M', code) as MacrosFn) as MacrosFn;
  }

  /** How many distinct functions were created. */
  get size(): number {
    return this.fns.size;
  }

  private get(key: string, file: string, create: () => RenderFn | MacrosFn): RenderFn | MacrosFn {
    let fn = this.fns.get(key);
    if (!fn) {
      try {
        fn = create();
      } catch (e) {
        // A bug in the generator, not in the template.
        throw new JinjaSyntaxError(`internal error compiling template: ${(e as Error).message}`, { location: { file }, cause: e });
      }
      this.fns.set(key, fn);
    }
    return fn;
  }
}

export function compileProgram(source: string, file: string, names: CompileNames, shapes: CompiledShapes): Program {
  const toks = tokenize(source, file);
  const normalized = source.replace(/\r\n?/g, '\n');
  const body = new TemplateParser(toks, file, normalized).parseTemplate();
  const gen = new CodeGen(file, names.filters, names.tests);
  const render = shapes.render(gen.template(body), file);
  const macros: MacroInfo[] = [];
  for (const s of body) {
    if (s.kind === 'macro') {
      macros.push({ name: s.name, params: s.params.map((p) => ({ name: p.name, defaultSource: p.defaultSource })), line: s.line, source: s.source });
    }
  }
  // The AST is kept only where bindMacros may need it later.
  return { render, locs: gen.locs, consts: gen.consts, macros, body: macros.length ? body : [] };
}

export function compileMacros(program: Program, file: string, names: CompileNames, shapes: CompiledShapes): NonNullable<Program['macrosFn']> {
  const gen = new CodeGen(file, names.filters, names.tests);
  const fn = shapes.macros(gen.macrosOnly(program.body), file);
  return { fn, locs: gen.locs, consts: gen.consts };
}

/** For debugging: the generated JavaScript of a template. */
export function generatedCode(source: string, names: CompileNames, file = '<string>'): string {
  const body = new TemplateParser(tokenize(source, file), file, source.replace(/\r\n?/g, '\n')).parseTemplate();
  return new CodeGen(file, names.filters, names.tests).template(body);
}
