// The shared "use the caller's connection, else borrow one from the pool" step of every engine.
import type { Connection } from './adapter.js';

/** Runs fn on `given` when the caller holds a connection (see Adapter introspection), else on a pooled one. */
export async function withConnection<T>(pool: { acquire(): Promise<Connection> }, fn: (c: Connection) => Promise<T>, given?: Connection): Promise<T> {
  if (given) return fn(given);
  const conn = await pool.acquire();
  try {
    return await fn(conn);
  } finally {
    conn.release();
  }
}
