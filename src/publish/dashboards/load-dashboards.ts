// Reads dashboards/*.yml of a project, validates each file with the zod schema and the cross-checks
// zod cannot express (links to pages that exist, parameters the SQL uses), and reports every
// problem together with its file:line:col and how to fix it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { parseYaml, locationOf } from '../../project/yaml-source.js';
import { ErrorCollector, UserError } from '../../util/errors.js';
import type { SourceLocation } from '../../util/errors.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { dashboardSchema } from './dashboard-schema.js';
import type { DashboardFile, FilterDef, PageDef } from './dashboard-schema.js';
import { findPlaceholders, hasSecondStatement } from './named-params.js';

export interface Dashboard extends DashboardFile {
  /** The file name without extension: the dashboard's id in URLs. */
  id: string;
  /** Path relative to the project root. */
  file: string;
}

export const DASHBOARD_DIR = 'dashboards';

/** All dashboards of the project, sorted by id. Throws UserError(s) when any file is invalid. */
export function loadDashboards(projectDir: string): Dashboard[] {
  const dir = join(projectDir, DASHBOARD_DIR);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const errors = new ErrorCollector();
  const dashboards: Dashboard[] = [];
  for (const f of files) {
    const d = errors.try(() => parseDashboard(readFileSync(join(dir, f), 'utf8'), `${DASHBOARD_DIR}/${f}`));
    if (d) dashboards.push(d);
  }
  errors.throwIfAny();
  return dashboards;
}

/** Parses and validates one dashboard file's text; `file` is the path shown in errors. */
export function parseDashboard(text: string, file: string): Dashboard {
  const id = basename(file).replace(/\.ya?ml$/, '');
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(id)) {
    throw new UserError(`dashboard file name '${basename(file)}' is not usable in a URL`, {
      location: { file },
      hint: 'Name dashboard files with lower-case letters, digits, - and _ (e.g. executive_email.yml).',
    });
  }
  const parsed = parseYaml(text, file);
  const result = dashboardSchema.safeParse(parsed.value ?? {});
  const errors = new ErrorCollector();
  if (!result.success) {
    for (const issue of result.error.issues) errors.add(issueToError(issue, parsed.value, parsed.location));
    errors.throwIfAny();
  }
  const dashboard: Dashboard = { ...result.data!, id, file };
  crossCheck(dashboard, parsed.value, parsed.location, errors);
  errors.throwIfAny();
  return dashboard;
}

/** Where the value at `path` was written: the deepest container that has a position. */
function locate(root: unknown, path: PropertyKey[], fallback: SourceLocation): SourceLocation {
  let container: unknown = root;
  let best = locationOf(root, undefined, fallback);
  for (const key of path) {
    if (container === null || typeof container !== 'object') break;
    const k = typeof key === 'number' ? key : String(key);
    best = locationOf(container, k, best);
    container = (container as Record<string | number, unknown>)[k];
  }
  return best;
}

function issueToError(issue: z.core.$ZodIssue, root: unknown, fallback: SourceLocation): UserError {
  const where = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'the file';
  let message = `${where}: ${issue.message}`;
  let hint = 'See src/publish/README.md for the dashboard format.';
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(issue.path);
    message = `${where === 'the file' ? 'dashboard' : where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}.${issue.keys.length === 1 ? didYouMean(issue.keys[0]!, known) : ''}`;
    if (known.length) hint = `Known keys here: ${known.join(', ')}.`;
    return new UserError(message, { location: locate(root, [...issue.path, issue.keys[0]!], fallback), hint });
  }
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'type') hint = 'Tile types: kpi, line, area, bar, table. Filter types: date_range, select.';
  if (issue.code === 'invalid_union' && issue.message.includes('discriminator')) {
    message = `${where}: 'type' must be one of kpi, line, area, bar, table (tiles) or date_range, select (filters)`;
  }
  return new UserError(message, { location: locate(root, issue.path, fallback), hint });
}

const KEYS: Record<string, string[]> = {
  dashboard: ['title', 'description', 'filters', 'pages'],
  page: ['name', 'title', 'description', 'params', 'tiles'],
  filter: ['name', 'type', 'label', 'default', 'options', 'options_sql'],
  tile: ['name', 'type', 'title', 'description', 'sql', 'width', 'value', 'format', 'compare', 'period_filter', 'lower_is_better', 'x', 'y', 'series', 'stacked', 'link', 'columns', 'limit'],
  link: ['page', 'params'],
};

function knownKeysAt(path: PropertyKey[]): string[] {
  const keys = path.filter((p) => typeof p === 'string');
  const last = keys[keys.length - 1];
  if (last === undefined) return KEYS.dashboard!;
  if (last === 'pages') return KEYS.page!;
  if (last === 'filters') return KEYS.filter!;
  if (last === 'tiles') return KEYS.tile!;
  if (last === 'link') return KEYS.link!;
  return [];
}

/** Names a tile's SQL may use as :name on a page: filter values and the page's own params. */
export function parameterNames(filters: FilterDef[], page: PageDef): string[] {
  const names: string[] = [];
  for (const f of filters) {
    if (f.type === 'date_range') names.push(`${f.name}_start`, `${f.name}_end`);
    else names.push(f.name);
  }
  return [...names, ...(page.params ?? [])];
}

function crossCheck(d: Dashboard, raw: unknown, fallback: SourceLocation, errors: ErrorCollector): void {
  const at = (...path: (string | number)[]) => locate(raw, path, fallback);
  unique(d.filters.map((f) => f.name), 'filter', (i) => at('filters', i, 'name'), errors);
  unique(d.pages.map((p) => p.name), 'page', (i) => at('pages', i, 'name'), errors);
  const pages = new Map(d.pages.map((p) => [p.name, p]));
  const dateFilters = d.filters.filter((f) => f.type === 'date_range').map((f) => f.name);
  d.filters.forEach((f, fi) => {
    if (f.type === 'select' && f.options_sql && findPlaceholders(f.options_sql).length) {
      errors.add(new UserError(`filter '${f.name}': options_sql cannot use :parameters`, { location: at('filters', fi, 'options_sql'), hint: 'Options are loaded once for the page; list every possible value.' }));
    }
  });
  d.pages.forEach((page, pi) => {
    unique(page.tiles.map((t) => t.name), 'tile', (i) => at('pages', pi, 'tiles', i, 'name'), errors);
    const known = parameterNames(d.filters, page);
    page.tiles.forEach((tile, ti) => {
      const tileAt = (...k: (string | number)[]) => at('pages', pi, 'tiles', ti, ...k);
      for (const p of findPlaceholders(tile.sql)) {
        if (!known.includes(p.name)) {
          errors.add(new UserError(`tile '${tile.name}': the SQL uses :${p.name}, which is not a filter or page parameter.${didYouMean(p.name, known)}`, {
            location: tileAt('sql'),
            hint: known.length ? `Parameters on this page: ${known.map((k) => ':' + k).join(', ')}.` : 'Add a filter (filters:) or a page parameter (params:) with that name.',
          }));
        }
      }
      if (hasSecondStatement(tile.sql)) {
        errors.add(new UserError(`tile '${tile.name}': the SQL holds more than one statement`, { location: tileAt('sql'), hint: 'A tile runs one read-only query; remove everything after the first ;.' }));
      }
      if (tile.type === 'kpi' && tile.compare === 'previous_period') {
        const period = tile.period_filter ?? (dateFilters.length === 1 ? dateFilters[0] : undefined);
        if (!period || !dateFilters.includes(period)) {
          errors.add(new UserError(`tile '${tile.name}': compare: previous_period needs a date_range filter${tile.period_filter ? ` named '${tile.period_filter}'` : ''}`, {
            location: tileAt(tile.period_filter ? 'period_filter' : 'compare'),
            hint: dateFilters.length > 1 ? `Say which one with period_filter: (one of ${dateFilters.join(', ')}).` : 'Add a filter of type date_range to the dashboard.',
          }));
        }
      }
      if ((tile.type === 'table' || tile.type === 'line' || tile.type === 'area' || tile.type === 'bar') && tile.link) {
        const target = pages.get(tile.link.page);
        if (!target) {
          errors.add(new UserError(`tile '${tile.name}': link to page '${tile.link.page}', which this dashboard does not have.${didYouMean(tile.link.page, pages.keys())}`, {
            location: tileAt('link', 'page'),
            hint: `Pages: ${[...pages.keys()].join(', ')}.`,
          }));
        } else {
          const missing = (target.params ?? []).filter((p) => !(p in tile.link!.params));
          if (missing.length) {
            errors.add(new UserError(`tile '${tile.name}': link to '${target.name}' does not give its parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
              location: tileAt('link'),
              hint: `Map each to a column of the row: params: { ${missing.map((m) => `${m}: <column>`).join(', ')} }.`,
            }));
          }
        }
      }
    });
  });
}

function unique(names: string[], what: string, where: (i: number) => SourceLocation, errors: ErrorCollector): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    if (seen.has(n)) errors.add(new UserError(`two ${what}s are named '${n}'`, { location: where(i), hint: `Give each ${what} a different name: it is used in URLs.` }));
    seen.add(n);
  });
}
