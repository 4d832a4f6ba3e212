// Answers the dashboards API for one open Workspace: the dashboard definitions (re-read from disk
// when a file changes), filter options, and tile queries — compiled with ref()/source() once, then
// run read-only with the filter values bound as parameters.
import { statSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '../../workspace/workspace.js';
import { compileInline } from '../../compile/compile-project.js';
import { UserError } from '../../util/errors.js';
import { DASHBOARD_DIR, loadDashboards, type Dashboard } from './load-dashboards.js';
import { bindNamed, type BoundSql } from './named-params.js';
import { filterDefaults, ParameterError, previousPeriod, requestValues } from './filter-values.js';
import { runReadOnly } from './read-only-query.js';
import { toCsv } from './csv.js';
import { ResultCache } from './result-cache.js';
import type { DashboardsResponse, FilterOptionsResponse, TileResponse, TileResult } from './api-types.js';

/** Rows sent to the page per tile; the CSV download has every row. */
export const MAX_TILE_ROWS = 5000;
const DEFAULTS_TTL_MS = 30_000;
export const DEFAULT_CACHE_TTL_MS = 300_000;

export interface DashboardServiceOptions {
  /** Today's date for relative filter defaults (tests pin it). */
  today?: () => Date;
  /** How long a tile result is reused (0: never); new run results always invalidate. Default 5 minutes. */
  cacheTtlMs?: number;
  /** A tile query running longer is cancelled and reported in its tile. Default 60 s. */
  queryTimeoutMs?: number;
}

export class DashboardService {
  private dashboards: Dashboard[] = [];
  private errors: string[] = [];
  private stamp = '';
  private readonly compiled = new Map<string, Promise<string>>();
  private readonly defaultsCache = new Map<string, { at: number; stamp: string; value: Record<string, string | null> }>();

  private readonly today: () => Date;
  /** Cache hits since start (tests, benchmarks). */
  hits = 0;
  private readonly cache: ResultCache;
  private readonly queryTimeoutMs: number;

  constructor(private readonly ws: Workspace, options: DashboardServiceOptions = {}) {
    this.today = options.today ?? (() => new Date());
    this.cache = new ResultCache(options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, join(ws.targetDir, 'run_results.json'));
    this.queryTimeoutMs = options.queryTimeoutMs ?? 60_000;
  }

  private get dir(): string {
    return join(this.ws.project.rootDir, DASHBOARD_DIR);
  }

  /** Re-reads the dashboard files when any changed (names + mtimes), so editing YAML needs no restart. */
  private refresh(): void {
    const stamp = existsSync(this.dir) ? readdirSync(this.dir).map((f) => `${f}:${statSync(join(this.dir, f)).mtimeMs}`).join('|') : '';
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    try {
      this.dashboards = loadDashboards(this.ws.project.rootDir);
      this.errors = [];
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      this.dashboards = [];
      this.errors = [e.format()];
    }
  }

  async list(signal?: AbortSignal): Promise<DashboardsResponse> {
    this.refresh();
    const dashboards = [];
    for (const { file: _file, ...d } of this.dashboards) dashboards.push({ ...d, defaults: await this.defaults(d, signal) });
    return { projectName: this.ws.project.root.name, dashboards, errors: this.errors };
  }

  /** Filter defaults; end_sql queries are re-run at most every DEFAULTS_TTL_MS. */
  private async defaults(d: Omit<Dashboard, 'file'>, signal?: AbortSignal): Promise<Record<string, string | null>> {
    const hit = this.defaultsCache.get(d.id);
    if (hit && hit.stamp === this.stamp && performance.now() - hit.at < DEFAULTS_TTL_MS) return hit.value;
    const ends: Record<string, string | null> = {};
    for (const f of d.filters) {
      if (f.type !== 'date_range' || !f.default || !('end_sql' in f.default) || !f.default.end_sql) continue;
      const r = await this.query(f.default.end_sql, {}, 1, signal).catch(() => null);
      const v = r?.rows[0]?.[0];
      ends[f.name] = typeof v === 'string' ? v.slice(0, 10) : null;
    }
    const value = filterDefaults(d.filters, this.today(), ends);
    this.defaultsCache.set(d.id, { at: performance.now(), stamp: this.stamp, value });
    return value;
  }

  private find(id: string): Dashboard {
    this.refresh();
    const d = this.dashboards.find((x) => x.id === id);
    if (!d) throw new ParameterError(`no dashboard '${id}'`);
    return d;
  }

  private compile(sql: string): Promise<string> {
    let p = this.compiled.get(sql);
    if (!p) {
      p = compileInline(this.ws, sql).then((s) => s.trim().replace(/;\s*$/, ''));
      p.catch(() => this.compiled.delete(sql));
      this.compiled.set(sql, p);
    }
    return p;
  }

  private async query(sql: string, values: Record<string, unknown>, limit: number | null, signal?: AbortSignal): Promise<TileResult> {
    const compiled = await this.compile(sql);
    const wrapped = limit === null ? compiled : `select * from (\n${compiled}\n) as martflow_tile limit ${limit + 1}`;
    const bound = bindNamed(wrapped, values);
    // Keyed by what runs: filter values the SQL does not use do not split the cache.
    const key = JSON.stringify([bound.sql, bound.params]);
    const { result, hit } = await this.cache.get(key, () => this.run(bound, limit, signal));
    if (hit) this.hits++;
    return result;
  }

  private async run(bound: BoundSql, limit: number | null, signal?: AbortSignal): Promise<TileResult> {
    const timeout = AbortSignal.timeout(this.queryTimeoutMs);
    let r;
    try {
      r = await runReadOnly(this.ws.requireAdapter(), bound.sql, bound.params, signal ? AbortSignal.any([signal, timeout]) : timeout);
    } catch (e) {
      if (timeout.aborted) throw new Error(`the query ran longer than ${this.queryTimeoutMs / 1000} s and was cancelled (materialize what it reads as a table, or narrow the filters)`, { cause: e });
      throw e;
    }
    const truncated = limit !== null && r.rows.length > limit;
    return { columns: r.columns.map((c) => ({ name: c.name, type: c.dataType })), rows: truncated ? r.rows.slice(0, limit!) : r.rows, truncated };
  }

  /** One tile's data; errors (bad parameters, SQL errors) come back in `error`, never thrown. */
  async tile(dashboardId: string, pageName: string, tileName: string, query: URLSearchParams, signal?: AbortSignal): Promise<TileResponse> {
    const started = performance.now();
    try {
      const { values, tile, dashboard } = await this.resolve(dashboardId, pageName, tileName, query, signal);
      // A table shows at most `limit` rows: the query need not produce more.
      const rows = tile.type === 'table' && tile.limit ? Math.min(tile.limit, MAX_TILE_ROWS) : MAX_TILE_ROWS;
      const current = await this.query(tile.sql, values, rows, signal);
      const response: TileResponse = { ...current };
      if (tile.type === 'kpi' && tile.compare === 'previous_period') {
        const period = tile.period_filter ?? dashboard.filters.find((f) => f.type === 'date_range')!.name;
        const prev = previousPeriod(values[`${period}_start`]!, values[`${period}_end`]!);
        response.previous = await this.query(tile.sql, { ...values, [`${period}_start`]: prev.start, [`${period}_end`]: prev.end }, MAX_TILE_ROWS, signal);
        response.previousRange = prev;
      }
      response.ms = performance.now() - started;
      return response;
    } catch (e) {
      return { error: errorText(e), ms: performance.now() - started };
    }
  }

  /** Every row of a tile as CSV; throws ParameterError or the database error. */
  async tileCsv(dashboardId: string, pageName: string, tileName: string, query: URLSearchParams, signal?: AbortSignal): Promise<string> {
    const { values, tile } = await this.resolve(dashboardId, pageName, tileName, query, signal);
    const r = await this.query(tile.sql, values, null, signal);
    return toCsv(r.columns, r.rows);
  }

  async filterOptions(dashboardId: string, filterName: string, signal?: AbortSignal): Promise<FilterOptionsResponse> {
    try {
      const d = this.find(dashboardId);
      const f = d.filters.find((x) => x.name === filterName);
      if (!f || f.type !== 'select') throw new ParameterError(`dashboard ${dashboardId} has no select filter '${filterName}'`);
      if (f.options) return { options: f.options.map((o) => ({ value: String(o), label: String(o) })) };
      if (!f.options_sql) return { options: [] };
      const r = await this.query(f.options_sql, {}, 10_000, signal);
      return { options: r.rows.filter((row) => row[0] !== null).map((row) => ({ value: String(row[0]), label: String(row[1] ?? row[0]) })) };
    } catch (e) {
      return { options: [], error: errorText(e) };
    }
  }

  private async resolve(dashboardId: string, pageName: string, tileName: string, query: URLSearchParams, signal?: AbortSignal) {
    const dashboard = this.find(dashboardId);
    const page = dashboard.pages.find((p) => p.name === pageName);
    if (!page) throw new ParameterError(`dashboard ${dashboardId} has no page '${pageName}'`);
    const tile = page.tiles.find((t) => t.name === tileName);
    if (!tile) throw new ParameterError(`page ${pageName} has no tile '${tileName}'`);
    const values = requestValues(dashboard.filters, page, query, await this.defaults(dashboard, signal));
    return { dashboard, page, tile, values };
  }
}

function errorText(e: unknown): string {
  if (e instanceof UserError) return e.format();
  return (e as Error).message ?? String(e);
}
