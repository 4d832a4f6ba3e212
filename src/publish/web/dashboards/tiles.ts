// One tile: fetches its data from /api/, renders a KPI, chart or table, or the query error; has a
// CSV download link. Tile elements carry data-tile / data-state for tests and screenshots.
import type { TileDef, LinkDef } from '../../dashboards/dashboard-schema.js';
import type { TileResponse, TileResult } from '../../dashboards/api-types.js';
import { append, h } from '../shared/dom.js';
import { formatValue, isNumeric } from './format.js';
import { renderChart } from './chart.js';

export interface TileContext {
  apiPath: string;
  /** The query string with every filter value and page parameter. */
  query: URLSearchParams;
  /** Opens a detail page with these parameters. */
  follow(link: LinkDef, row: unknown[], columns: string[]): void;
}

export function tileElement(tile: TileDef, ctx: TileContext): HTMLElement {
  const csv = new URLSearchParams(ctx.query);
  csv.set('format', 'csv');
  const body = h('div', { class: 'tile-body' }, h('span', { class: 'muted' }, 'Loading…'));
  const defaultWidth = tile.type === 'kpi' ? 3 : tile.type === 'table' ? 12 : 6;
  const el = h('section', { class: `tile tile-${tile.type}`, 'data-tile': tile.name, 'data-state': 'loading', style: `grid-column: span ${tile.width ?? defaultWidth}` },
    h('h3', {}, h('span', {}, tile.title ?? tile.name), h('a', { class: 'csv', href: `${ctx.apiPath}?${csv}`, download: '', 'data-testid': 'csv' }, 'CSV')),
    body);
  fetch(`${ctx.apiPath}?${ctx.query}`)
    .then(async (r) => (r.ok ? ((await r.json()) as TileResponse) : { error: `${r.status} ${await r.text()}` }))
    .then((data) => {
      body.replaceChildren();
      if (data.error !== undefined || !data.columns || !data.rows) throw new Error(data.error ?? 'no data');
      render(tile, { columns: data.columns, rows: data.rows, truncated: data.truncated ?? false }, data, body, ctx);
      el.dataset.state = 'ready';
    })
    .catch((e: Error) => {
      body.replaceChildren(h('div', { class: 'tile-error', 'data-testid': 'tile-error' }, e.message));
      el.dataset.state = 'error';
    });
  return el;
}

function render(tile: TileDef, result: TileResult, data: TileResponse, body: HTMLElement, ctx: TileContext): void {
  const names = result.columns.map((c) => c.name);
  if (tile.type === 'kpi') {
    const i = tile.value ? names.findIndex((n) => n.toLowerCase() === tile.value!.toLowerCase()) : 0;
    if (i < 0) throw new Error(`column '${tile.value}' is not in the result (columns: ${names.join(', ')})`);
    const value = result.rows[0]?.[i] ?? null;
    body.append(h('div', { class: 'kpi-value', 'data-value': value === null ? '' : String(value) }, formatValue(value, tile.format)));
    if (data.previous) {
      const prev = data.previous.rows[0]?.[i] ?? null;
      const v = Number(value);
      const p = Number(prev);
      let text = 'no previous value';
      let cls = 'flat';
      if (prev !== null && value !== null && p !== 0) {
        const change = (v - p) / Math.abs(p);
        text = `${change >= 0 ? '▲' : '▼'} ${(Math.abs(change) * 100).toFixed(1)}% vs previous period (${formatValue(prev, tile.format)})`;
        cls = change === 0 ? 'flat' : (change > 0) !== Boolean(tile.lower_is_better) ? 'good' : 'bad';
      } else if (prev !== null && value !== null) {
        text = `${v === 0 ? 'unchanged' : v > 0 ? '▲ up' : '▼ down'} from ${formatValue(prev, tile.format)} in the previous period`;
        cls = v === 0 ? 'flat' : (v > 0) !== Boolean(tile.lower_is_better) ? 'good' : 'bad';
      }
      body.append(h('div', { class: `kpi-change ${cls}`, 'data-testid': 'kpi-change', title: data.previousRange ? `${data.previousRange.start} – ${data.previousRange.end}` : '' }, text));
    }
    return;
  }
  if (tile.type === 'table') {
    const shown = tile.columns?.map((c) => {
      const i = names.findIndex((n) => n.toLowerCase() === c.toLowerCase());
      if (i < 0) throw new Error(`column '${c}' is not in the result (columns: ${names.join(', ')})`);
      return i;
    }) ?? names.map((_, i) => i);
    const rows = tile.limit ? result.rows.slice(0, tile.limit) : result.rows;
    const link = tile.link;
    const table = h('table', {},
      h('thead', {}, h('tr', {}, shown.map((i) => h('th', {}, names[i]!)))),
      h('tbody', {}, rows.map((r) => h('tr', link ? { class: 'link', onclick: () => ctx.follow(link, r, names), title: `open ${link.page}` } : {},
        shown.map((i) => h('td', isNumeric(result.columns[i]!.type) ? { class: 'num' } : {}, formatValue(r[i], isNumeric(result.columns[i]!.type) ? undefined : 'text')))))));
    append(body, [h('div', { class: 'tile-table' }, table), rows.length === 0 ? h('p', { class: 'muted', 'data-testid': 'no-rows' }, 'No rows.') : null, result.truncated || rows.length < result.rows.length ? h('p', { class: 'muted' }, 'More rows in the CSV download.') : null]);
    return;
  }
  const chartEl = h('div', { class: 'chart', 'data-testid': 'chart' });
  body.append(chartEl);
  const link = tile.link;
  // ECharts needs the element laid out to size itself.
  requestAnimationFrame(() => {
    try {
      renderChart(chartEl, tile, result, link ? (row) => ctx.follow(link, row, names) : null);
    } catch (e) {
      body.replaceChildren(h('div', { class: 'tile-error', 'data-testid': 'tile-error' }, (e as Error).message));
      body.parentElement!.dataset.state = 'error';
    }
  });
}
