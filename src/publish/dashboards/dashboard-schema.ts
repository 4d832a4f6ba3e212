// The format of dashboards/*.yml, as a zod schema: a dashboard has filters shared by its pages, and
// pages of tiles. Each tile is fed by one SQL query that may use ref()/source() and names filter
// values as :name placeholders, which are bound as query parameters (never spliced into the SQL).
import { z } from 'zod';

const NAME = /^[a-z][a-z0-9_]*$/;
const name = (what: string) =>
  z.string().regex(NAME, { message: `${what} must be lower_snake_case (letters, digits, _; starting with a letter)` });

/** A date range filter binds :<name>_start and :<name>_end (dates). */
const dateRangeFilter = z.strictObject({
  name: name('a filter name'),
  type: z.literal('date_range'),
  label: z.string().optional(),
  /** The default range: the last N days up to `end` / `end_sql` (today when neither), or fixed dates. */
  default: z
    .union([
      z.strictObject({
        last_days: z.number().int().positive(),
        end: z.string().optional(),
        /** SQL returning the end date (e.g. the latest day with data): select max(event_date) from {{ ref('x') }}. */
        end_sql: z.string().optional(),
      }),
      z.strictObject({ start: z.string(), end: z.string() }),
    ])
    .optional(),
});

/** A select filter binds :<name> (a string, or null for "all"). Options come from a query or a list. */
const selectFilter = z.strictObject({
  name: name('a filter name'),
  type: z.literal('select'),
  label: z.string().optional(),
  options: z.array(z.union([z.string(), z.number()])).optional(),
  /** SQL whose first column gives the options (second column, when present, their labels). */
  options_sql: z.string().optional(),
  default: z.union([z.string(), z.number()]).nullable().optional(),
});

export const filterSchema = z.discriminatedUnion('type', [dateRangeFilter, selectFilter]);

/** Click-through: open `page` with its params taken from columns of the clicked row / point. */
const linkSchema = z.strictObject({
  page: name('a page name'),
  params: z.record(z.string(), z.string()).default({}),
});

const format = z.enum(['number', 'integer', 'percent', 'currency', 'text']).optional();

const tileBase = {
  name: name('a tile name'),
  title: z.string().optional(),
  description: z.string().optional(),
  sql: z.string().min(1, { message: 'a tile needs a sql query' }),
  /** Width in twelfths of the page (3 = a quarter). */
  width: z.number().int().min(1).max(12).optional(),
};

const kpiTile = z.strictObject({
  ...tileBase,
  type: z.literal('kpi'),
  /** The column holding the value (the first column when omitted). */
  value: z.string().optional(),
  format,
  /** previous_period: the same query over the range just before the date filter's range. */
  compare: z.enum(['previous_period']).optional(),
  /** Which date_range filter defines the period (the dashboard's only one when omitted). */
  period_filter: z.string().optional(),
  /** true when a fall is good news (unsubscribes, bounces): colours the change accordingly. */
  lower_is_better: z.boolean().optional(),
});

const chartTile = z.strictObject({
  ...tileBase,
  type: z.enum(['line', 'area', 'bar']),
  x: z.string(),
  y: z.union([z.string(), z.array(z.string()).min(1)]),
  /** A column whose values split the rows into one series each. */
  series: z.string().optional(),
  stacked: z.boolean().optional(),
  format,
  link: linkSchema.optional(),
});

const tableTile = z.strictObject({
  ...tileBase,
  type: z.literal('table'),
  columns: z.array(z.string()).optional(),
  link: linkSchema.optional(),
  /** Rows shown (all rows are still in the CSV download). */
  limit: z.number().int().positive().optional(),
});

export const tileSchema = z.discriminatedUnion('type', [kpiTile, chartTile, tableTile]);

const pageSchema = z.strictObject({
  name: name('a page name'),
  title: z.string().optional(),
  description: z.string().optional(),
  /** A detail page: the values it needs, given by a link (bound as :<param>). */
  params: z.array(name('a page parameter')).optional(),
  tiles: z.array(tileSchema).min(1, { message: 'a page needs at least one tile' }),
});

export const dashboardSchema = z.strictObject({
  title: z.string(),
  description: z.string().optional(),
  filters: z.array(filterSchema).default([]),
  pages: z.array(pageSchema).min(1, { message: 'a dashboard needs at least one page' }),
});

export type DashboardFile = z.infer<typeof dashboardSchema>;
export type FilterDef = z.infer<typeof filterSchema>;
export type TileDef = z.infer<typeof tileSchema>;
export type PageDef = z.infer<typeof pageSchema>;
export type LinkDef = z.infer<typeof linkSchema>;
