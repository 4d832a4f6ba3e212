// Idempotent setup statements (create schema / table if not exists) run once per adapter and key, so
// concurrent threads do not race each other's CREATE on PostgreSQL's catalog.
import type { Adapter } from '../warehouse/adapter.js';

const done = new WeakMap<Adapter, Map<string, Promise<void>>>();

export function once(adapter: Adapter, key: string, run: () => Promise<void>): Promise<void> {
  let keys = done.get(adapter);
  if (!keys) {
    keys = new Map();
    done.set(adapter, keys);
  }
  let p = keys.get(key);
  if (!p) {
    p = run();
    keys.set(key, p);
    // A failed setup is retried by the next caller rather than remembered.
    p.catch(() => keys.delete(key));
  }
  return p;
}
