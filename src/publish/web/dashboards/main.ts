// The dashboards app: a list of dashboards, and for each its pages of tiles under a filter bar.
// Routes: #/ and #/d/<dashboard>/<page>?<filter values and page parameters>.
import type { DashboardView, DashboardsResponse, FilterOptionsResponse } from '../../dashboards/api-types.js';
import type { FilterDef, LinkDef } from '../../dashboards/dashboard-schema.js';
import { append, clear, h, hashFor, parseHash } from '../shared/dom.js';
import { tileElement } from './tiles.js';

const app = document.getElementById('app')!;
let state: DashboardsResponse | null = null;
const optionsCache = new Map<string, Promise<FilterOptionsResponse>>();

async function load(): Promise<DashboardsResponse> {
  const r = await fetch('/api/dashboards');
  if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
  return (await r.json()) as DashboardsResponse;
}

function header(d: DashboardView | null, pageName: string | null, query: URLSearchParams): HTMLElement {
  return h('header', { class: 'dash-header' },
    h('a', { href: '#/' }, h('strong', {}, state?.projectName ?? 'martflow')),
    d ? h('span', {}, d.title) : null,
    d ? h('nav', { class: 'dash-nav' }, d.pages.filter((p) => !p.params?.length || p.name === pageName).map((p) => {
      const q: Record<string, string> = {};
      for (const [k, v] of query) if (!(d.pages.find((x) => x.name === pageName)?.params ?? []).includes(k)) q[k] = v;
      return h('a', { href: hashFor(['d', d.id, p.name], q), class: p.name === pageName ? 'active' : '' }, p.title ?? p.name);
    })) : null,
    h('span', { style: 'flex:1' }),
    h('a', { href: '/docs/' }, 'Docs'));
}

function filterBar(d: DashboardView, query: URLSearchParams, onChange: (name: string, value: string) => void): HTMLElement {
  const bar = h('form', { class: 'filters', 'data-testid': 'filters', onsubmit: (e: Event) => e.preventDefault() });
  const value = (k: string) => query.get(k) ?? d.defaults[k] ?? '';
  for (const f of d.filters) bar.append(filterControl(d, f, value, onChange));
  return bar;
}

function filterControl(d: DashboardView, f: FilterDef, value: (k: string) => string, onChange: (name: string, value: string) => void): HTMLElement {
  const label = f.label ?? f.name;
  if (f.type === 'date_range') {
    const input = (suffix: 'start' | 'end') => {
      const name = `${f.name}_${suffix}`;
      const el = h('input', { type: 'date', name, value: value(name), 'data-filter': name });
      el.addEventListener('change', () => onChange(name, el.value));
      return el;
    };
    return h('label', {}, label, h('span', {}, input('start'), ' – ', input('end')));
  }
  const select = h('select', { name: f.name, 'data-filter': f.name }, h('option', { value: '' }, 'All'));
  const current = value(f.name);
  const key = `${d.id}/${f.name}`;
  let p = optionsCache.get(key);
  if (!p) optionsCache.set(key, (p = fetch(`/api/dashboards/${encodeURIComponent(d.id)}/filters/${encodeURIComponent(f.name)}/options`).then((r) => r.json() as Promise<FilterOptionsResponse>)));
  void p.then((o) => {
    for (const opt of o.options) select.append(h('option', { value: opt.value, selected: opt.value === current }, opt.label));
    if (o.error) select.title = o.error;
    select.value = current;
  });
  select.addEventListener('change', () => onChange(f.name, select.value));
  return h('label', {}, label, select);
}

function renderDashboard(d: DashboardView, pageName: string | undefined, query: URLSearchParams): void {
  const page = d.pages.find((p) => p.name === pageName) ?? d.pages[0]!;
  const main = h('main', { class: 'dash-main', 'data-dashboard': d.id, 'data-page': page.name });
  const navigate = (q: URLSearchParams, toPage = page.name) => {
    location.hash = hashFor(['d', d.id, toPage], Object.fromEntries(q));
  };
  append(main, [h('h1', {}, page.title ?? page.name), page.description ? h('p', { class: 'muted' }, page.description) : null]);
  if (page.params?.length) main.append(h('p', { class: 'muted', 'data-testid': 'page-params' }, page.params.map((p) => `${p}: ${query.get(p) ?? '?'}`).join(' · ')));
  main.append(filterBar(d, query, (name, value) => {
    const q = new URLSearchParams(query);
    q.set(name, value);
    navigate(q);
  }));
  // Every tile gets every filter value (defaults filled in) plus the page parameters.
  const tileQuery = new URLSearchParams();
  for (const [k, v] of Object.entries(d.defaults)) if (v !== null) tileQuery.set(k, v);
  for (const [k, v] of query) tileQuery.set(k, v);
  const follow = (link: LinkDef, row: unknown[], columns: string[]) => {
    const q = new URLSearchParams();
    for (const f of d.filters) for (const k of f.type === 'date_range' ? [`${f.name}_start`, `${f.name}_end`] : [f.name]) if (query.has(k)) q.set(k, query.get(k)!);
    for (const [param, column] of Object.entries(link.params)) {
      const i = columns.findIndex((c) => c.toLowerCase() === column.toLowerCase());
      q.set(param, i < 0 ? '' : String(row[i] ?? ''));
    }
    navigate(q, link.page);
  };
  const base = `/api/dashboards/${encodeURIComponent(d.id)}/pages/${encodeURIComponent(page.name)}/tiles/`;
  main.append(h('div', { class: 'tiles' }, page.tiles.map((t) => tileElement(t, { apiPath: base + encodeURIComponent(t.name), query: tileQuery, follow }))));
  clear(app);
  app.append(header(d, page.name, query), main);
}

function renderList(): void {
  clear(app);
  app.append(header(null, null, new URLSearchParams()),
    h('main', { class: 'dash-main' }, h('h1', {}, 'Dashboards'),
      state!.errors.length ? h('pre', { class: 'error', 'data-testid': 'dashboard-errors' }, state!.errors.join('\n')) : null,
      h('ul', { class: 'dash-list' }, state!.dashboards.map((d) => h('li', {}, h('a', { href: hashFor(['d', d.id]) }, d.title), d.description ? h('div', { class: 'muted' }, d.description) : null))),
      state!.dashboards.length === 0 && !state!.errors.length ? h('p', { class: 'muted' }, 'No dashboards yet: add YAML files under dashboards/ in the project.') : null));
}

async function route(): Promise<void> {
  state ??= await load();
  const { path, query } = parseHash();
  if (path[0] === 'd' && path[1]) {
    const d = state.dashboards.find((x) => x.id === path[1]);
    if (d) return renderDashboard(d, path[2], query);
  }
  renderList();
}

window.addEventListener('hashchange', () => void route());
route().catch((e: Error) => {
  app.replaceChildren(h('p', { class: 'error' }, `Could not load the dashboards: ${e.message}`));
});
