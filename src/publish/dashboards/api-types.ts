// What the server's /api/ answers, shared by the server and the dashboards page (types only).
import type { DashboardFile } from './dashboard-schema.js';

export interface DashboardView extends DashboardFile {
  id: string;
  /** Filter values used when the URL gives none: date ranges as <name>_start / <name>_end. */
  defaults: Record<string, string | null>;
}

export interface DashboardsResponse {
  projectName: string;
  dashboards: DashboardView[];
  /** Invalid dashboard files, formatted with file:line:col. */
  errors: string[];
}

export interface TileColumn {
  name: string;
  type: string;
}

export interface TileResult {
  columns: TileColumn[];
  rows: unknown[][];
  /** More rows exist than were sent (the CSV download has them all). */
  truncated: boolean;
}

export interface TileResponse extends Partial<TileResult> {
  /** The same query over the previous period (KPI tiles with compare: previous_period). */
  previous?: TileResult | null;
  /** The period compared against, for the label. */
  previousRange?: { start: string; end: string } | null;
  /** A query or parameter error, shown in the tile. */
  error?: string;
  ms?: number;
}

export interface FilterOptionsResponse {
  options: { value: string; label: string }[];
  error?: string;
}
