// Runs the freshness queries of the selected sources, `threads` at a time, and judges each.
import type { SourceDefinition } from '../project/manifest-types.js';
import type { Adapter } from '../warehouse/adapter.js';
import { freshnessSql, judgeFreshness, type FreshnessResult } from './freshness.js';

export interface FreshnessRunOptions {
  threads: number;
  signal?: AbortSignal;
  /** Called as each source finishes (for the progress lines). */
  onResult?: (source: SourceDefinition, result: FreshnessResult, index: number) => void;
}

export async function runFreshness(adapter: Adapter, sources: SourceDefinition[], options: FreshnessRunOptions): Promise<FreshnessResult[]> {
  const results: FreshnessResult[] = new Array(sources.length);
  let next = 0;
  const worker = async (thread: number) => {
    while (next < sources.length && !options.signal?.aborted) {
      const i = next++;
      const source = sources[i]!;
      const started = new Date();
      let result: FreshnessResult;
      try {
        const r = await adapter.execute(freshnessSql(adapter.dialect, source), { signal: options.signal });
        const completed = new Date();
        result = judgeFreshness(source, r.rows[0]?.[0] ?? null, completed, { started, completed }, `Thread-${thread}`);
      } catch (e) {
        result = { unique_id: source.unique_id, status: 'runtime error', error: (e as Error).message, thread_id: `Thread-${thread}`, execution_time: (Date.now() - started.getTime()) / 1000 };
      }
      results[i] = result;
      options.onResult?.(source, result, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.threads, sources.length)) }, (_, t) => worker(t + 1)));
  return results.filter(Boolean);
}
