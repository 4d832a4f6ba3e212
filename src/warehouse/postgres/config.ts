// The PostgreSQL target of profiles.yml, as dbt-postgres spells it:
//   { type: postgres, host, port: 5432, user, password?, dbname, schema, sslmode?, threads,
//     connect_timeout? (s), keepalives_idle? (s), search_path? }
import type { PoolConfig } from 'pg';
import { z } from 'zod';
import { parseTarget, type AdapterOptions } from '../target-config.js';

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

const schema = z.looseObject({
  type: z.literal('postgres'),
  host: z.string().min(1).default('localhost'),
  port: z.coerce.number().int().min(1).max(65535).default(5432),
  user: z.string().min(1),
  password: z.union([z.string(), z.number()]).transform(String).optional(),
  dbname: z.string().min(1).optional(),
  database: z.string().min(1).optional(), // dbt accepts either key
  schema: z.string().min(1).default('public'),
  sslmode: z.enum(SSL_MODES).optional(),
  threads: z.coerce.number().int().positive().default(1),
  connect_timeout: z.coerce.number().positive().default(10),
  keepalives_idle: z.coerce.number().nonnegative().optional(),
  search_path: z.string().min(1).optional(),
});

export interface PostgresTarget {
  host: string;
  port: number;
  user: string;
  password?: string;
  dbname: string;
  schema: string;
  sslmode?: (typeof SSL_MODES)[number];
  threads: number;
  connectTimeoutSeconds: number;
  keepalivesIdleSeconds?: number;
  searchPath?: string;
}

export function parsePostgresTarget(target: Record<string, unknown>, opts: AdapterOptions): PostgresTarget {
  const withDb = { ...target };
  const t = parseTarget(schema.refine((v) => v.dbname ?? v.database, { message: 'dbname is required', path: ['dbname'] }), withDb, opts);
  return {
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    dbname: (t.dbname ?? t.database)!,
    schema: t.schema,
    sslmode: t.sslmode,
    threads: t.threads,
    connectTimeoutSeconds: t.connect_timeout,
    keepalivesIdleSeconds: t.keepalives_idle,
    searchPath: t.search_path,
  };
}

/** libpq's `options` escaping: backslash before spaces and backslashes. */
function optionValue(value: string): string {
  return value.replace(/[\\ ]/g, (c) => `\\${c}`);
}

/** pg's connection settings for this target (types are added by the adapter, per pool). */
export function poolConfig(t: PostgresTarget): PoolConfig {
  // Sessions run in UTC so TIMESTAMPTZ values come back as '…+00' (the rule of ../values.ts).
  const options = ['-c TimeZone=UTC', ...(t.searchPath ? [`-c search_path=${optionValue(t.searchPath)}`] : [])].join(' ');
  const ssl =
    t.sslmode === 'require' ? { rejectUnauthorized: false } : t.sslmode === 'verify-ca' || t.sslmode === 'verify-full' ? { rejectUnauthorized: true } : false;
  return {
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    database: t.dbname,
    max: t.threads,
    ssl,
    options,
    application_name: 'martflow',
    connectionTimeoutMillis: t.connectTimeoutSeconds * 1000,
    keepAlive: t.keepalivesIdleSeconds !== undefined,
    keepAliveInitialDelayMillis: (t.keepalivesIdleSeconds ?? 0) * 1000,
  };
}
