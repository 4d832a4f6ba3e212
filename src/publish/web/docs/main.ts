// The docs site: a sidebar (search, project tree) and a main area routed by the URL hash:
// #/ overview, #/node/<unique_id>, #/lineage?select=…&exclude=…, #/search?q=…
import type { DocsData } from '../../docs/docs-data-types.js';
import { append, clear, h, hashFor, parseHash } from '../shared/dom.js';
import { projectTree } from './tree.js';
import { nodePage } from './node-page.js';
import { lineagePage } from './lineage-page.js';
import { SearchIndex } from './search.js';
import type { LineageGraph } from './lineage/select.js';

declare global {
  interface Window {
    __MARTFLOW_DOCS__?: DocsData;
  }
}

function start(): void {
  const data = window.__MARTFLOW_DOCS__;
  const app = document.getElementById('app')!;
  if (!data) {
    app.textContent = 'docs-data.js is missing: run martflow docs generate.';
    return;
  }
  const byId = new Map(data.nodes.map((n, i) => [n.id, i]));
  const graph: LineageGraph = { nodes: data.nodes, members: data.nodes.flatMap((n, i) => (n.type === 'macro' ? [] : [i])) };
  let index: SearchIndex | null = null;
  const search = () => (index ??= new SearchIndex(data.nodes));

  const searchBox = h('input', { type: 'search', placeholder: 'Search models, columns, descriptions', 'data-testid': 'search', autocomplete: 'off' });
  const main = h('main', { class: 'content' });
  const quick = h('div', { class: 'quick-results', 'data-testid': 'search-results' });
  searchBox.addEventListener('input', () => renderQuick(searchBox.value));
  searchBox.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') location.hash = hashFor(['search'], { q: searchBox.value });
  });

  function resultRow(hit: ReturnType<SearchIndex['search']>['hits'][number]): HTMLElement {
    const n = data!.nodes[hit.index]!;
    return h('li', { 'data-kind': hit.kind },
      h('a', { href: hashFor(['node', n.id]) }, n.name),
      h('span', { class: 'muted' }, ` ${n.type}`),
      hit.kind === 'column' ? h('span', { class: 'hit-column', 'data-testid': 'hit-column' }, ` column ${hit.column}`) : null,
      hit.kind === 'description' ? h('span', { class: 'muted' }, ' (description)') : null);
  }

  function renderQuick(q: string): void {
    clear(quick);
    if (!q.trim()) return;
    const { hits, total } = search().search(q, 15);
    append(quick, [h('ul', {}, hits.map(resultRow)), total > hits.length ? h('a', { href: hashFor(['search'], { q }) }, `all ${total} results →`) : null]);
  }

  const layout = h('div', { class: 'layout' },
    h('aside', { class: 'sidebar' },
      h('div', { class: 'brand' }, h('a', { href: '#/' }, data.projectName), h('span', { class: 'muted' }, ' docs')),
      searchBox, quick,
      h('p', {}, h('a', { href: '#/lineage', 'data-testid': 'lineage-link' }, 'Lineage graph')),
      projectTree(data)),
    main);
  clear(app);
  app.append(layout);

  function route(): void {
    const { path, query } = parseHash();
    clear(main);
    document.body.dataset.route = path[0] ?? 'home';
    if (path[0] === 'node' && path[1] !== undefined) {
      const i = byId.get(path[1]);
      main.append(i === undefined ? h('p', { class: 'error' }, `No resource ${path[1]} in this project.`) : nodePage(data!, data!.nodes[i]!));
    } else if (path[0] === 'lineage') {
      main.append(lineagePage(data!, graph, query));
    } else if (path[0] === 'search') {
      const q = query.get('q') ?? '';
      const { hits, total } = search().search(q, 500);
      main.append(h('h1', {}, `Search: ${q}`), h('p', { class: 'muted' }, `${total} result${total === 1 ? '' : 's'}`), h('ul', { class: 'search-page', 'data-testid': 'search-page' }, hits.map(resultRow)));
    } else {
      main.append(overview(data!));
    }
    main.scrollTop = 0;
  }
  window.addEventListener('hashchange', route);
  route();
}

function overview(data: DocsData): HTMLElement {
  const counts = new Map<string, number>();
  for (const n of data.nodes) counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
  return h('article', {},
    h('h1', {}, data.projectName),
    h('p', { class: 'muted' }, `Generated ${data.generatedAt}${data.adapterType ? ` · ${data.adapterType}` : ''}`),
    h('ul', {}, [...counts].map(([t, c]) => h('li', {}, `${c} ${t}${c === 1 ? '' : 's'}`))),
    data.dashboards.length ? h('section', {}, h('h2', {}, 'Dashboards'), h('ul', {}, data.dashboards.map((d) => h('li', {}, h('a', { href: `../#/d/${encodeURIComponent(d.id)}` }, d.title))))) : null);
}

start();
