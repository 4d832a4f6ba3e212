// Filter and page-parameter values of one tile request: read from the URL's query string (or the
// filter defaults), checked, and shaped as the :name values bindNamed() binds. Dates are bound as
// 'YYYY-MM-DD' strings; a select filter left on "all" is bound as NULL.
import type { FilterDef, PageDef } from './dashboard-schema.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export class ParameterError extends Error {}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parseDate(s: string, what: string): Date {
  const d = new Date(`${s}T00:00:00Z`);
  if (!DATE.test(s) || Number.isNaN(d.getTime())) throw new ParameterError(`${what} must be a date YYYY-MM-DD, got '${s}'`);
  return d;
}

/**
 * Default values of the filters, given today's date (UTC) and the end dates that end_sql queries
 * returned (filter name → 'YYYY-MM-DD').
 */
export function filterDefaults(filters: FilterDef[], today: Date, queriedEnds: Record<string, string | null> = {}): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of filters) {
    if (f.type === 'date_range') {
      const d = f.default ?? { last_days: 30 };
      if ('start' in d) {
        out[`${f.name}_start`] = d.start;
        out[`${f.name}_end`] = d.end;
      } else {
        const queried = queriedEnds[f.name];
        const end = queried ? parseDate(queried, `filter ${f.name}: end_sql result`) : d.end ? parseDate(d.end, `filter ${f.name}: default end`) : today;
        out[`${f.name}_start`] = isoDate(new Date(end.getTime() - (d.last_days - 1) * DAY_MS));
        out[`${f.name}_end`] = isoDate(end);
      }
    } else {
      out[f.name] = f.default === undefined || f.default === null ? null : String(f.default);
    }
  }
  return out;
}

/** The :name values for a tile on `page`, from the request's query string over the defaults. */
export function requestValues(filters: FilterDef[], page: PageDef, query: URLSearchParams, defaults: Record<string, string | null>): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const f of filters) {
    if (f.type === 'date_range') {
      const start = query.get(`${f.name}_start`) || defaults[`${f.name}_start`] || null;
      const end = query.get(`${f.name}_end`) || defaults[`${f.name}_end`] || null;
      if (!start || !end) throw new ParameterError(`filter ${f.name} needs a start and an end date`);
      if (parseDate(start, `${f.name}_start`) > parseDate(end, `${f.name}_end`)) throw new ParameterError(`filter ${f.name}: the start ${start} is after the end ${end}`);
      values[`${f.name}_start`] = start;
      values[`${f.name}_end`] = end;
    } else {
      const v = query.has(f.name) ? query.get(f.name) : defaults[f.name] ?? null;
      values[f.name] = v === '' ? null : v;
    }
  }
  for (const p of page.params ?? []) {
    const v = query.get(p);
    if (v === null || v === '') throw new ParameterError(`page ${page.name} needs the parameter ${p} (open it from a link, or add ?${p}=… to the URL)`);
    values[p] = v;
  }
  return values;
}

/** The period of the same length just before [start, end] (both inclusive). */
export function previousPeriod(start: string, end: string): { start: string; end: string } {
  const s = parseDate(start, 'start').getTime();
  const e = parseDate(end, 'end').getTime();
  const days = Math.round((e - s) / DAY_MS) + 1;
  return { start: isoDate(new Date(s - days * DAY_MS)), end: isoDate(new Date(s - DAY_MS)) };
}
