// PostgreSQL's errors as martflow's: a failed statement is a DatabaseError carrying the server's
// message, detail, hint and where; a failed connection is a UserError naming host, port and database.
import { CancelledError, DatabaseError } from '../adapter.js';
import { UserError } from '../../util/errors.js';
import { describeTarget, type AdapterOptions } from '../target-config.js';
import type { PostgresTarget } from './config.js';

interface PgErrorFields {
  code?: string;
  detail?: string;
  hint?: string;
  where?: string;
  position?: string;
}

const QUERY_CANCELED = '57014';

/** "line 3, column 7" of a 1-based character position in sql. */
function lineAndColumn(sql: string, position: number): string {
  const before = sql.slice(0, Math.max(0, position - 1)).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

export function toDatabaseError(error: unknown, sql: string, signal?: AbortSignal): Error {
  const fields = (error ?? {}) as PgErrorFields;
  if (signal?.aborted && fields.code === QUERY_CANCELED) return new CancelledError();
  if (!(error instanceof Error)) return new DatabaseError(String(error), sql, error);
  if (error instanceof DatabaseError || error instanceof CancelledError) return error;
  let message = error.message;
  if (fields.position) message += ` (at ${lineAndColumn(sql, Number(fields.position))})`;
  if (fields.detail) message += `\nDETAIL: ${fields.detail}`;
  if (fields.hint) message += `\nHINT: ${fields.hint}`;
  if (fields.where) message += `\nCONTEXT: ${fields.where}`;
  return new DatabaseError(message, sql, error);
}

/** The reason and the question to ask, for the errors a connection attempt meets. */
function diagnose(error: unknown, t: PostgresTarget): { reason: string; advice: string } {
  const e = (error ?? {}) as NodeJS.ErrnoException & PgErrorFields;
  const message = e instanceof Error ? e.message : String(error);
  switch (e.code) {
    case 'ECONNREFUSED':
      return { reason: 'connection refused', advice: 'Is the server running?' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { reason: `host '${t.host}' not found`, advice: 'Is the host name right?' };
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { reason: 'the host is unreachable', advice: 'Is the host reachable from here (network, firewall, VPN)?' };
    case 'ECONNRESET':
      return { reason: 'the server closed the connection', advice: 'Does the server expect SSL (sslmode)?' };
    case '28P01':
      return { reason: `password authentication failed for user '${t.user}'`, advice: 'Is the password right?' };
    case '28000':
      return { reason: message, advice: 'Does the user exist, and does pg_hba.conf let it connect?' };
    case '3D000':
      return { reason: `database '${t.dbname}' does not exist`, advice: 'Create it, or fix dbname.' };
    case '53300':
      return { reason: 'too many connections', advice: 'Lower threads, or raise max_connections on the server.' };
  }
  if (/timeout/i.test(message)) {
    return { reason: `timed out after ${t.connectTimeoutSeconds}s`, advice: 'Is the host reachable from here (network, firewall, VPN)?' };
  }
  if (/SSL/i.test(message)) return { reason: message, advice: 'Check sslmode.' };
  return { reason: message, advice: '' };
}

export function connectionError(error: unknown, t: PostgresTarget, opts: AdapterOptions): UserError {
  const { reason, advice } = diagnose(error, t);
  const check = `Check ${describeTarget(opts)}.`;
  return new UserError(
    `could not connect to PostgreSQL at ${t.host}:${t.port} (database '${t.dbname}'): ${reason}.${advice ? ` ${advice}` : ''} ${check}`,
    { hint: `host, port, user, password and dbname under ${describeTarget(opts)} must name a running server and a database on it.`, cause: error },
  );
}
