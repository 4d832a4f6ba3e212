// The warehouse entry point: createAdapter() picks the engine from the profiles.yml target's type.
// Code outside src/warehouse imports from here or from ./adapter.js, never from an engine's folder.
import { UserError } from '../util/errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Adapter, Dialect } from './adapter.js';
import { describeTarget, type AdapterOptions } from './target-config.js';
import { OnDemandAdapter } from './on-demand-adapter.js';

export type { AdapterOptions } from './target-config.js';
export * from './adapter.js';

/** Engines by profile type; each is loaded only when used. */
const ENGINES: Record<string, (target: Record<string, unknown>, opts: AdapterOptions) => Promise<Adapter>> = {
  duckdb: async (target, opts) => (await import('./duckdb/adapter.js')).DuckDBAdapter.open(target, opts),
  postgres: async (target, opts) => (await import('./postgres/adapter.js')).PostgresAdapter.open(target, opts),
};

export const SUPPORTED_WAREHOUSES = Object.keys(ENGINES);

/**
 * Opens the warehouse a profiles.yml target describes. Connection problems surface here as
 * UserErrors (what could not be reached and what to check), not at the first query.
 */
export async function createAdapter(target: Record<string, unknown>, opts: AdapterOptions): Promise<Adapter> {
  return engineFor(target, opts)(target, opts);
}

/**
 * An adapter that connects on its first query (OnDemandAdapter); the target's type is checked now.
 * `defaultDatabase` is the database the target names (profiles.ts resolves it as the engine does).
 */
export async function createOnDemandAdapter(target: Record<string, unknown>, opts: AdapterOptions, defaultDatabase: string | null): Promise<Adapter> {
  const open = engineFor(target, opts);
  return new OnDemandAdapter(String(target.type), await dialectFor(String(target.type)), defaultDatabase, () => open(target, opts));
}

/** How to open the target's engine, or a user error for a missing or unknown type. */
function engineFor(target: Record<string, unknown>, opts: AdapterOptions): (typeof ENGINES)[string] {
  const type = target.type;
  if (typeof type !== 'string' || type === '') {
    throw new UserError(`${describeTarget(opts)} has no type`, {
      hint: `Add type: one of ${SUPPORTED_WAREHOUSES.join(', ')}.`,
    });
  }
  const open = ENGINES[type];
  if (!open) {
    throw new UserError(
      `unknown warehouse type '${type}' in profiles.yml.${didYouMean(type, SUPPORTED_WAREHOUSES)} martflow supports ${SUPPORTED_WAREHOUSES.join(', ')}`,
      { hint: `Set type: in ${describeTarget(opts)} to one of ${SUPPORTED_WAREHOUSES.join(', ')}.` },
    );
  }
  return open;
}

/**
 * The SQL dialect of an engine without connecting (parse and ls render SQL without a warehouse).
 * Unknown types fall back to the DuckDB dialect; createAdapter reports the unknown type when connecting.
 */
export async function dialectFor(type: string): Promise<Dialect> {
  if (type === 'postgres') return new (await import('./postgres/dialect.js')).PostgresDialect();
  return new (await import('./duckdb/dialect.js')).DuckDBDialect();
}
