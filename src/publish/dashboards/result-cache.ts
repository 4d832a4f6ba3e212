// Tile results cached by (SQL, bound values, row limit) for a time-to-live, and dropped when the
// project's data may have changed (target/run_results.json is rewritten by every run/build).
// Concurrent identical requests share one query. A BI habit: Lightdash and Superset cache the same way.
import { statSync } from 'node:fs';
import type { TileResult } from './api-types.js';

export class ResultCache {
  private readonly entries = new Map<string, { at: number; stamp: string; result: Promise<TileResult> }>();

  /** ttlMs 0 disables caching. `stampPath`: a file whose mtime marks new data. */
  constructor(private readonly ttlMs: number, private readonly stampPath: string, private readonly maxEntries = 2000) {}

  private stamp(): string {
    try {
      return String(statSync(this.stampPath).mtimeMs);
    } catch {
      return '';
    }
  }

  /** The cached result for `key`, or run() — whose failure is never cached. Returns whether it was a hit. */
  async get(key: string, run: () => Promise<TileResult>): Promise<{ result: TileResult; hit: boolean }> {
    if (this.ttlMs <= 0) return { result: await run(), hit: false };
    const stamp = this.stamp();
    const now = performance.now();
    const entry = this.entries.get(key);
    if (entry && entry.stamp === stamp && now - entry.at < this.ttlMs) return { result: await entry.result, hit: true };
    const result = run();
    this.entries.set(key, { at: now, stamp, result });
    result.catch(() => this.entries.delete(key));
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return { result: await result, hit: false };
  }
}
