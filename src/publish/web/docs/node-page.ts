// A page per resource: description, details, columns with type, docs and tests with their last
// status, node-level tests, raw and compiled SQL, config, upstream and downstream.
import type { DocsData, DocsNode, DocsTest } from '../../docs/docs-data-types.js';
import { append, h, hashFor } from '../shared/dom.js';
import { loadDetails } from './details.js';

function statusBadge(status: string | null): HTMLElement {
  const s = status ?? 'not run';
  const cls = ['pass', 'success'].includes(s) ? 'ok' : ['fail', 'error', 'runtime error'].includes(s) ? 'bad' : s === 'warn' ? 'warn' : 'none';
  return h('span', { class: `badge ${cls}`, title: `last status: ${s}` }, s);
}

function testList(tests: DocsTest[]): HTMLElement | string {
  if (tests.length === 0) return '';
  return h('span', { class: 'tests' }, tests.map((t) => h('span', { class: 'test' }, t.name, ' ', statusBadge(t.status))));
}

function nodeLink(data: DocsData, i: number): HTMLElement {
  const n = data.nodes[i]!;
  return h('a', { href: hashFor(['node', n.id]) }, n.name, h('span', { class: 'muted' }, ` (${n.type})`));
}

function codeBlock(title: string, code: string | null): HTMLElement | null {
  if (!code) return null;
  return h('details', { class: 'code', open: title.startsWith('Compiled') || !code.includes('\n') ? false : true }, h('summary', {}, title), h('pre', {}, h('code', {}, code)));
}

/** Code and config, filled in when docs-details.js has loaded. */
function detailsSection(data: DocsData, node: DocsNode): HTMLElement {
  const section = h('section', { 'data-testid': 'node-details' });
  loadDetails(data).then(
    (details) => {
      const d = details[node.id];
      if (!d) return;
      append(section, [
        codeBlock(node.type === 'macro' ? 'Macro SQL' : 'Source code', d.rawCode),
        codeBlock('Compiled SQL', d.compiledCode),
        Object.keys(d.config).length ? h('details', { class: 'code' }, h('summary', {}, 'Config'), h('pre', {}, JSON.stringify(d.config, null, 2))) : null,
      ]);
      section.dataset.loaded = 'true';
    },
    (e: Error) => section.append(h('p', { class: 'error' }, e.message)),
  );
  return section;
}

export function nodePage(data: DocsData, node: DocsNode): HTMLElement {
  const details: [string, string | number | null][] = [
    ['Type', node.type],
    ['Package', node.package],
    ['File', node.path],
    ['Relation', node.relation],
    ['Materialized', node.materialized],
    ['Warehouse type', node.relationType],
    ['Rows', node.rowCount === null ? null : node.rowCount.toLocaleString('en-US')],
    ['Tags', node.tags.join(', ') || null],
  ];
  const lineageSelect = node.type === 'macro' ? null : `+${node.type === 'source' ? 'source:' + node.name : node.name}+`;
  return h(
    'article',
    { class: 'node-page', 'data-testid': 'node-page', 'data-node': node.id },
    h('header', {}, h('h1', {}, node.name, ' ', h('span', { class: `type type-${node.type}` }, node.type)), node.status ? statusBadge(node.status) : null),
    lineageSelect ? h('p', {}, h('a', { href: hashFor(['lineage'], { select: lineageSelect, focus: node.id }) }, 'View lineage')) : null,
    h('section', {}, h('h2', {}, 'Description'), h('p', { class: node.description ? '' : 'muted' }, node.description || 'No description.')),
    h('section', {}, h('h2', {}, 'Details'), h('dl', { class: 'details' }, details.filter(([, v]) => v !== null && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]))),
    node.columns.length
      ? h('section', {}, h('h2', {}, `Columns (${node.columns.length})`),
          h('table', { class: 'columns', 'data-testid': 'columns' },
            h('thead', {}, h('tr', {}, h('th', {}, 'Column'), h('th', {}, 'Type'), h('th', {}, 'Description'), h('th', {}, 'Tests'))),
            h('tbody', {}, node.columns.map((c) => h('tr', { 'data-column': c.name }, h('td', { class: 'mono' }, c.name), h('td', { class: 'mono' }, c.type ?? ''), h('td', {}, c.description), h('td', {}, testList(c.tests)))))))
      : null,
    node.tests.length ? h('section', {}, h('h2', {}, 'Tests'), h('ul', {}, node.tests.map((t) => h('li', {}, t.name, ' ', statusBadge(t.status))))) : null,
    node.parents.length || node.children.length
      ? h('section', { class: 'deps' },
          h('div', {}, h('h2', {}, `Upstream (${node.parents.length})`), h('ul', {}, node.parents.map((p) => h('li', {}, nodeLink(data, p))))),
          h('div', {}, h('h2', {}, `Downstream (${node.children.length})`), h('ul', {}, node.children.map((c) => h('li', {}, nodeLink(data, c))))))
      : null,
    node.macros.length ? h('section', {}, h('h2', {}, 'Macros used'), h('p', { class: 'mono' }, node.macros.join(', '))) : null,
    detailsSection(data, node),

  );
}
