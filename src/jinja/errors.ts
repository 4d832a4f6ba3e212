// Errors raised by the engine. Both carry the template location {file, line, col}.
import { UserError, type UserErrorOptions } from '../util/errors.js';

/** The template text is not valid Jinja (raised at compile time). */
export class JinjaSyntaxError extends UserError {
  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options);
    this.name = 'JinjaSyntaxError';
  }
}

/** Rendering failed: undefined called, wrong types, or a context function raised. */
export class JinjaRenderError extends UserError {
  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options);
    this.name = 'JinjaRenderError';
  }
}

/**
 * Thrown by the runtime without a location; the generated code's catch block attaches the template
 * line/col of the expression being evaluated (see runtime wrapError).
 */
export function renderFault(message: string, hint?: string): JinjaRenderError {
  return new JinjaRenderError(message, { hint });
}

/** dbt's return(): unwinds to the nearest macro call, which then returns `value`. */
export class ReturnSignal {
  constructor(readonly value: unknown) {}
}
