// One place for the test policy on PostgreSQL. Every test that needs a real server calls
// withPostgresDatabase(): it creates a fresh database `martflow_test_<random>` on the server at
// PGHOST:PGPORT (default 127.0.0.1:5432, user postgres, trust auth) and drops it afterwards.
//
// When the server is unreachable:
//   CI=true                      → the tests fail loudly: PostgreSQL is required in CI.
//   MARTFLOW_SKIP_POSTGRES=1     → the tests are reported as skipped, with the reason.
//   otherwise                    → the tests fail, saying how to start PostgreSQL or skip.
//
// Usage (top level of a test file; ESM allows the await):
//   const pg = await withPostgresDatabase();
//   describe('postgres', { skip: pg.skip }, () => {
//     after(() => pg.drop());
//     test('…', async () => { const adapter = await createAdapter(pg.target, …); … });
//   });
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password?: string;
}

export interface PostgresTestDatabase {
  /** false when the database is ready; otherwise the reason the tests are skipped (pass to `{ skip }`). */
  skip: false | string;
  server: PostgresServer;
  dbname: string;
  /** A profiles.yml target for this database: { type: 'postgres', host, port, user, dbname, schema, threads }. */
  target: Record<string, unknown>;
  /** A connection string for tools that want one. */
  url: string;
  /** Drops the database (terminating leftover sessions). Safe to call twice or when skipped. */
  drop(): Promise<void>;
}

export function postgresServerFromEnv(): PostgresServer {
  return {
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
  };
}

async function adminQuery(server: PostgresServer, sql: string): Promise<void> {
  const client = new pg.Client({ ...server, database: 'postgres', connectionTimeoutMillis: 5000 });
  client.on('error', () => {}); // a dropped admin connection must not crash the test process
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Applies the skip/fail policy to an unreachable server. Returns the skip reason or throws. */
export function unreachablePolicy(server: PostgresServer, cause: unknown): string {
  const why = cause instanceof Error ? cause.message : String(cause);
  const where = `${server.host}:${server.port} (user ${server.user})`;
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required in CI but is unreachable at ${where}: ${why}`, { cause });
  }
  if (process.env.MARTFLOW_SKIP_POSTGRES === '1') {
    return `PostgreSQL unreachable at ${where} (${why}); skipped because MARTFLOW_SKIP_POSTGRES=1`;
  }
  throw new Error(
    `PostgreSQL is unreachable at ${where}: ${why}. Start a server (trust auth for user postgres), ` +
      'set PGHOST/PGPORT/PGUSER, or set MARTFLOW_SKIP_POSTGRES=1 to skip the PostgreSQL tests.',
    { cause },
  );
}

/** Creates a fresh test database, or returns a skipped handle according to the policy above. */
export async function withPostgresDatabase(): Promise<PostgresTestDatabase> {
  const server = postgresServerFromEnv();
  const dbname = `martflow_test_${randomBytes(6).toString('hex')}`;
  const auth = server.password ? `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}` : encodeURIComponent(server.user);
  const url = `postgres://${auth}@${server.host}:${server.port}/${dbname}`;
  const target = { type: 'postgres', host: server.host, port: server.port, user: server.user, password: server.password, dbname, schema: 'public', threads: 4 };
  let skip: false | string = false;
  let dropped = false;
  try {
    await adminQuery(server, `CREATE DATABASE "${dbname}"`);
  } catch (e) {
    skip = unreachablePolicy(server, e);
    dropped = true;
  }
  return {
    skip,
    server,
    dbname,
    target,
    url,
    async drop() {
      if (dropped) return;
      dropped = true;
      await adminQuery(server, `DROP DATABASE IF EXISTS "${dbname}" WITH (FORCE)`);
    },
  };
}
