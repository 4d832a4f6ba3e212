// DuckDB's errors as martflow's: statement failures become DatabaseError (message + SQL), an
// interrupted statement whose signal fired becomes CancelledError.
import { CancelledError, DatabaseError } from '../adapter.js';

export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && /^INTERRUPT Error/i.test(error.message);
}

export function toDatabaseError(error: unknown, sql: string, signal?: AbortSignal): Error {
  if (signal?.aborted && isInterrupt(error)) return new CancelledError();
  if (error instanceof DatabaseError || error instanceof CancelledError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseError(message, sql, error);
}
