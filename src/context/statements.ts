// statement / run_query / load_result / store_result: how templates query the warehouse while they
// render. At parse time (execute = False) nothing runs and run_query returns None, as in dbt.
import { pyfunction, type JinjaCallable } from '../jinja/api.js';
import type { Adapter } from '../warehouse/adapter.js';
import { QueryTable } from './query-table.js';
import { UserError } from '../util/errors.js';

export interface StatementResult {
  response: { _message: string; code: string; rows_affected: number | null };
  data: unknown[][];
  table: QueryTable | null;
}

/** One render's statement results, by name. */
export class StatementStore {
  private readonly results = new Map<string, StatementResult>();

  constructor(private readonly adapter: Adapter | null, private readonly execute: boolean, private readonly signal?: AbortSignal) {}

  async run(sql: string, fetch: boolean): Promise<StatementResult> {
    if (!this.adapter) throw new UserError('this command has no warehouse connection, so templates cannot run queries', { hint: 'Run a command that connects (run, build, compile).' });
    const r = await this.adapter.execute(sql, { signal: this.signal });
    const table = fetch ? new QueryTable(r) : null;
    return {
      response: { _message: r.rowsAffected === null ? 'OK' : `OK ${r.rowsAffected}`, code: 'OK', rows_affected: r.rowsAffected },
      data: fetch ? r.rows : [],
      table,
    };
  }

  members(): Record<string, JinjaCallable> {
    const statement = pyfunction(async (args, kw) => {
      const name = (kw.name ?? args[0] ?? null) as string | null;
      const fetch = Boolean(kw.fetch_result ?? args[1] ?? false);
      const caller = kw.caller as JinjaCallable | undefined;
      // At parse time the body is still rendered (not run), so refs inside it become dependencies —
      // dbt needs a `-- depends_on:` comment for those; martflow finds them.
      const sql = caller ? String(await caller([], {})) : '';
      if (!this.execute) return '';
      const result = await this.run(sql, fetch);
      if (name !== null) this.results.set(name, result);
      return '';
    }, 'statement');
    const runQuery = pyfunction(async (args, kw) => {
      if (!this.execute) return null;
      const sql = String(kw.sql ?? args[0] ?? '');
      const result = await this.run(sql, true);
      this.results.set('run_query_statement', result);
      return result.table;
    }, 'run_query');
    const loadResult = pyfunction((args, kw) => {
      const name = String(kw.name ?? args[0]);
      return this.results.get(name) ?? null;
    }, 'load_result');
    const storeResult = pyfunction((args, kw) => {
      const name = String(kw.name ?? args[0]);
      this.results.set(name, {
        response: (kw.response ?? args[1] ?? { _message: 'OK', code: 'OK', rows_affected: null }) as StatementResult['response'],
        data: [],
        table: (kw.agate_table ?? args[2] ?? null) as QueryTable | null,
      });
      return '';
    }, 'store_result');
    return { statement, run_query: runQuery, load_result: loadResult, store_result: storeResult };
  }
}
