// JinjaEnvironment: compiles templates (cached by their text) and renders them.
import type { CompiledTemplate, JinjaCallable, JinjaEnvironmentOptions, MacroInfo, RenderContext } from './api.js';
import { CompiledShapes, compileMacros, compileProgram, generatedCode, type CompileNames, type Program } from './compile.js';
import { FILTERS } from './filters.js';
import { DEFAULT_GLOBALS } from './globals.js';
import { TESTS } from './is-tests.js';
import { createRuntime, type Runtime } from './runtime.js';

class Template implements CompiledTemplate {
  constructor(
    readonly path: string,
    private readonly program: Program,
    private readonly env: JinjaEnvironment,
  ) {}

  get macros(): MacroInfo[] {
    return this.program.macros;
  }

  render(context: RenderContext): Promise<string> {
    return this.program.render(this.env.runtime, context, { file: this.path, locs: this.program.locs, k: this.program.consts });
  }

  bindMacros(context: RenderContext): Record<string, JinjaCallable> {
    const p = this.program;
    if (p.macros.length === 0) return {};
    p.macrosFn ??= compileMacros(p, this.path, this.env.names, this.env.shapes);
    return p.macrosFn.fn(this.env.runtime, context, { file: this.path, locs: p.macrosFn.locs, k: p.macrosFn.consts }) as Record<string, JinjaCallable>;
  }
}

export class JinjaEnvironment {
  readonly globals: RenderContext;
  readonly runtime: Runtime;
  readonly names: CompileNames = { filters: new Set(Object.keys(FILTERS)), tests: new Set(Object.keys(TESTS)) };
  private readonly cache = new Map<string, Program>();
  readonly shapes = new CompiledShapes();

  constructor(opts: JinjaEnvironmentOptions = {}) {
    this.globals = Object.assign(Object.create(null) as RenderContext, DEFAULT_GLOBALS, opts.globals);
    this.runtime = createRuntime(this.globals, opts.lenientUndefined ?? false);
  }

  /** Compiles (or reuses the compiled form of identical text); throws JinjaSyntaxError. */
  compile(source: string, path: string): CompiledTemplate {
    // Keyed by the text itself: a program holds its text's pieces anyway, and a Map hashes a
    // string once, where a digest would read every template on every call (20,000 per compile).
    let program = this.cache.get(source);
    if (!program) {
      program = compileProgram(source, path, this.names, this.shapes);
      this.cache.set(source, program);
    }
    return new Template(path, program, this);
  }

  /** Compiles and renders; syntax errors come back as a rejected promise. */
  async renderString(source: string, context: RenderContext, path = '<string>'): Promise<string> {
    return this.compile(source, path).render(context);
  }

  /** Number of distinct compiled texts (for tests and benchmarks). */
  get cacheSize(): number {
    return this.cache.size;
  }

  /** The generated JavaScript for a template, for debugging the engine. */
  debugCode(source: string): string {
    return generatedCode(source, this.names);
  }
}
