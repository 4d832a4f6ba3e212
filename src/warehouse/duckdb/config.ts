// The DuckDB target of profiles.yml:
//   { type: duckdb, path: target/warehouse.duckdb | ':memory:', threads?, schema?, extensions?, settings? }
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { parseTarget, type AdapterOptions } from '../target-config.js';

export const DEFAULT_DUCKDB_PATH = 'target/warehouse.duckdb';

const schema = z.looseObject({
  type: z.literal('duckdb'),
  path: z.string().min(1).default(DEFAULT_DUCKDB_PATH),
  threads: z.coerce.number().int().positive().default(1),
  schema: z.string().min(1).default('main'),
  extensions: z.array(z.string().min(1)).default([]),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({}),
});

export interface DuckDBTarget {
  /** As written in profiles.yml, for messages. */
  path: string;
  /** Absolute file path, or ':memory:'. */
  resolvedPath: string;
  /** Connections in the pool: the runner's parallelism. */
  threads: number;
  schema: string;
  extensions: string[];
  /** DuckDB configuration options passed when the database opens (memory_limit, threads, …). */
  settings: Record<string, string>;
}

export function isInMemory(path: string): boolean {
  return path === ':memory:' || path.startsWith(':memory:');
}

export function parseDuckDBTarget(target: Record<string, unknown>, opts: AdapterOptions): DuckDBTarget {
  const t = parseTarget(schema, target, opts);
  const resolvedPath = isInMemory(t.path) ? t.path : isAbsolute(t.path) ? t.path : resolve(opts.projectDir, t.path);
  return { path: t.path, resolvedPath, threads: t.threads, schema: t.schema, extensions: t.extensions, settings: t.settings };
}
