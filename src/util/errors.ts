// User errors (bad project, bad input) are kept apart from internal errors (martflow bugs).
// A user error says what is wrong, where (file:line:col, node) and how to fix it; it exits 1.
// Anything else that escapes is internal and exits 2.

export interface SourceLocation {
  /** Path relative to the project root where possible. */
  file: string;
  /** 1-based line; 0 when unknown. */
  line?: number;
  /** 1-based column; 0 when unknown. */
  col?: number;
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  let s = loc.file;
  if (loc.line) s += `:${loc.line}`;
  if (loc.line && loc.col) s += `:${loc.col}`;
  return s;
}

export interface UserErrorOptions {
  location?: SourceLocation;
  /** unique_id or name of the node the error belongs to. */
  node?: string;
  /** How to fix it, one sentence. */
  hint?: string;
  cause?: unknown;
}

export class UserError extends Error {
  readonly location?: SourceLocation;
  readonly node?: string;
  readonly hint?: string;

  constructor(message: string, options: UserErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.location = options.location;
    this.node = options.node;
    this.hint = options.hint;
  }

  /** One readable block: "file:line:col: message (in node)\n  hint". */
  format(): string {
    const where = formatLocation(this.location);
    let s = where ? `${where}: ${this.message}` : this.message;
    if (this.node) s += ` (in ${this.node})`;
    if (this.hint) s += `\n  ${this.hint}`;
    return s;
  }
}

/** Several user errors reported together (parse collects them rather than stopping at the first). */
export class UserErrors extends UserError {
  readonly errors: UserError[];

  constructor(errors: UserError[]) {
    super(`${errors.length} error${errors.length === 1 ? '' : 's'} found`);
    this.name = 'UserErrors';
    this.errors = errors;
  }

  override format(): string {
    return this.errors.map((e) => e.format()).join('\n');
  }
}

/** Collects user errors during a stage; throws them together at the end. */
export class ErrorCollector {
  readonly errors: UserError[] = [];

  add(error: UserError): void {
    if (error instanceof UserErrors) this.errors.push(...error.errors);
    else this.errors.push(error);
  }

  /** Runs fn; a UserError it throws is collected instead of propagated. Returns undefined then. */
  try<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof UserError) {
        this.add(e);
        return undefined;
      }
      throw e;
    }
  }

  async tryAsync<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof UserError) {
        this.add(e);
        return undefined;
      }
      throw e;
    }
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  throwIfAny(): void {
    if (this.errors.length === 1) throw this.errors[0];
    if (this.errors.length > 1) throw new UserErrors(this.errors);
  }
}
