// The lineage page: --select / --exclude inputs evaluated in the page, the canvas view, and a panel
// for the clicked node with a link to its page.
import type { DocsData } from '../../docs/docs-data-types.js';
import { h, hashFor } from '../shared/dom.js';
import { fromPrecomputed, layoutGraph, pathRanks } from '../../docs/lineage-layout.js';
import { selectNodes, type LineageGraph } from './lineage/select.js';
import { LineageView } from './lineage/view.js';

declare global {
  interface Window {
    __martflowLineageView?: LineageView;
  }
}

// Path ranks depend only on the data: computed on the first lineage page, reused by later filters.
let ranks: Int32Array | null = null;

export function lineagePage(data: DocsData, graph: LineageGraph, query: URLSearchParams): HTMLElement {
  const select = h('input', { type: 'text', name: 'select', placeholder: '--select  e.g. +orders+  tag:daily  path:models/marts', value: query.get('select') ?? '', 'data-testid': 'lineage-select' });
  const exclude = h('input', { type: 'text', name: 'exclude', placeholder: '--exclude', value: query.get('exclude') ?? '', 'data-testid': 'lineage-exclude' });
  const status = h('span', { class: 'muted', 'data-testid': 'lineage-status' });
  const panel = h('aside', { class: 'lineage-panel', 'data-testid': 'lineage-panel' }, h('span', { class: 'muted' }, 'Click a node to see it here; double-click opens its page.'));
  const canvas = h('canvas', { class: 'lineage-canvas', 'data-testid': 'lineage-canvas' });
  const apply = () => {
    location.hash = hashFor(['lineage'], { select: select.value.trim(), exclude: exclude.value.trim() });
  };
  const onKey = (e: Event) => {
    if ((e as KeyboardEvent).key === 'Enter') apply();
  };
  select.addEventListener('keydown', onKey);
  exclude.addEventListener('keydown', onKey);
  const page = h(
    'div',
    { class: 'lineage-page' },
    h('div', { class: 'lineage-bar' }, select, exclude, h('button', { onclick: apply, 'data-testid': 'lineage-apply' }, 'Update graph'),
      h('button', { onclick: () => window.__martflowLineageView?.zoomBy(1.25), title: 'zoom in' }, '+'),
      h('button', { onclick: () => window.__martflowLineageView?.zoomBy(0.8), title: 'zoom out' }, '−'),
      h('button', { onclick: () => window.__martflowLineageView?.fit() }, 'Fit'), status),
    h('div', { class: 'lineage-body' }, canvas, panel),
  );
  // Lay out once the canvas is in the document (it needs its size).
  requestAnimationFrame(() => {
    let selected: Set<number>;
    try {
      selected = selectNodes(graph, query.get('select') ?? '', query.get('exclude') ?? '');
    } catch (e) {
      status.textContent = (e as Error).message;
      status.className = 'error';
      return;
    }
    const started = performance.now();
    // The whole graph was laid out by docs generate; selections are laid out here.
    const whole = !(query.get('select') ?? '').trim() && !(query.get('exclude') ?? '').trim();
    let layout;
    if (whole && data.lineage) {
      layout = fromPrecomputed(data.nodes, data.lineage);
    } else {
      ranks ??= pathRanks(data.nodes);
      layout = layoutGraph(data.nodes, selected, ranks);
    }
    const layoutMs = performance.now() - started;
    const showPanel = (i: number | null) => {
      panel.replaceChildren();
      if (i === null) return;
      const n = data.nodes[i]!;
      panel.append(h('h3', {}, n.name), h('p', { class: 'muted' }, n.type, ' · ', n.path), h('p', {}, n.description || ''),
        h('p', {}, `${n.parents.length} upstream, ${n.children.length} downstream`), h('a', { href: hashFor(['node', n.id]), 'data-testid': 'lineage-open' }, 'Open page →'));
    };
    const view = new LineageView(canvas, data.nodes, layout, showPanel, (i) => (location.hash = hashFor(['node', data.nodes[i]!.id])), layoutMs);
    window.__martflowLineageView = view;
    status.textContent = `${layout.ids.length.toLocaleString('en-US')} nodes, ${(layout.edges.length / 2).toLocaleString('en-US')} edges`;
    const focus = query.get('focus');
    if (focus) {
      const i = data.nodes.findIndex((n) => n.id === focus);
      if (i >= 0) view.focus(i);
    }
  });
  return page;
}
