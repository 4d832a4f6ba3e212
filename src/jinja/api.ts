// The public surface of martflow's Jinja engine. Everything outside src/jinja imports from here
// (or from ./index.ts, which re-exports it) and nothing else of the engine.
//
// Calling convention. Jinja calls are Python calls: positional and keyword arguments. A JavaScript
// function placed in a render context is called with its positional arguments only, unless it is
// marked with `pyfunction()`, in which case it receives (args, kwargs) and may be async. Macros
// defined in templates are JinjaCallables too. `undefined` and `null` are Python's None.
import type { SourceLocation } from '../util/errors.js';

export const PY_CALLABLE: unique symbol = Symbol.for('martflow.jinja.callable');

export type Kwargs = Record<string, unknown>;

export interface JinjaCallable {
  (args: unknown[], kwargs: Kwargs): unknown | Promise<unknown>;
  [PY_CALLABLE]: true;
  /** Name for error messages, e.g. 'ref' or 'my_package.my_macro'. */
  displayName?: string;
}

/** Marks fn as taking Python (args, kwargs). */
export function pyfunction(
  fn: (args: unknown[], kwargs: Kwargs) => unknown | Promise<unknown>,
  displayName?: string,
): JinjaCallable {
  const f = fn as JinjaCallable;
  f[PY_CALLABLE] = true;
  if (displayName) f.displayName = displayName;
  return f;
}

/**
 * Binds Python arguments to named parameters: bindArgs(['name', 'default'], args, kwargs, 'var')
 * → { name, default }. Unknown keyword arguments or too many positional ones are errors naming fn.
 */
export type BindArgs = (params: string[], args: unknown[], kwargs: Kwargs, fnName: string) => Record<string, unknown>;

/** Strings that must not be escaped or re-quoted (Jinja's Markup); macro outputs are plain strings. */
export type RenderContext = Record<string, unknown>;

export interface MacroInfo {
  name: string;
  /** Parameter names in order, with defaults as source text (for docs and manifest). */
  params: { name: string; defaultSource?: string }[];
  /** 1-based line of the {% macro %} tag within the template. */
  line: number;
  /** The macro's own source text, from {% macro %} to {% endmacro %}. */
  source: string;
}

export interface CompiledTemplate {
  readonly path: string;
  /** Renders with the given variables. Variables not found there resolve to Jinja's Undefined. */
  render(context: RenderContext): Promise<string>;
  /** The macros defined at the top level of the template ({% macro %}, and {% test %} / {% materialization %} as macros). */
  readonly macros: MacroInfo[];
  /**
   * Instantiates the template's top-level macros as callables whose free names resolve in `context`
   * at call time (dbt binds a macro to the context of the node being rendered).
   */
  bindMacros(context: RenderContext): Record<string, JinjaCallable>;
}

export interface JinjaError {
  message: string;
  location: SourceLocation;
}

export interface JinjaEnvironmentOptions {
  /** Globals visible in every render beneath the render context. */
  globals?: RenderContext;
  /**
   * false (default): jinja2's Undefined — renders '', is falsy, but reading an attribute or item of
   * it, or calling it, is an error "'x' is undefined". true: dbt's parse-time undefined — attribute
   * access, items and calls on Undefined give Undefined again (for capturing refs/config in a first pass).
   */
  lenientUndefined?: boolean;
}
