// The project tree in the sidebar: resources by type, then by folder. Folders render their
// children only when opened, so a 10,000-model project costs a few elements up front.
import type { DocsData } from '../../docs/docs-data-types.js';
import { h, hashFor } from '../shared/dom.js';

interface Folder {
  folders: Map<string, Folder>;
  leaves: number[];
}

const TYPE_TITLES: [string, string][] = [['model', 'Models'], ['source', 'Sources'], ['seed', 'Seeds'], ['snapshot', 'Snapshots'], ['analysis', 'Analyses'], ['exposure', 'Exposures'], ['macro', 'Macros']];

export function projectTree(data: DocsData): HTMLElement {
  const root = h('nav', { class: 'tree', 'data-testid': 'project-tree' });
  for (const [type, title] of TYPE_TITLES) {
    const top: Folder = { folders: new Map(), leaves: [] };
    let count = 0;
    data.nodes.forEach((n, i) => {
      if (n.type !== type) return;
      count++;
      // Sources group by source name; everything else by the folders of its file below the
      // resource folder (models/staging/x.sql → staging).
      const parts = type === 'source' ? [n.group ?? ''] : n.path.split('/').slice(1, -1);
      let f = top;
      for (const p of parts) {
        let next = f.folders.get(p);
        if (!next) f.folders.set(p, (next = { folders: new Map(), leaves: [] }));
        f = next;
      }
      f.leaves.push(i);
    });
    if (count === 0) continue;
    root.append(folderElement(data, `${title} (${count})`, top, true));
  }
  return root;
}

function folderElement(data: DocsData, label: string, folder: Folder, open: boolean): HTMLElement {
  const details = h('details', { open }, h('summary', {}, label));
  let filled = false;
  const fill = () => {
    if (filled) return;
    filled = true;
    const list = h('ul');
    for (const [name, sub] of [...folder.folders].sort(([a], [b]) => a.localeCompare(b))) list.append(h('li', {}, folderElement(data, name, sub, false)));
    for (const i of folder.leaves.sort((a, b) => data.nodes[a]!.name.localeCompare(data.nodes[b]!.name))) {
      const n = data.nodes[i]!;
      list.append(h('li', {}, h('a', { href: hashFor(['node', n.id]) }, n.type === 'source' ? n.name.split('.').slice(1).join('.') : n.name)));
    }
    details.append(list);
  };
  if (open) fill();
  details.addEventListener('toggle', fill);
  return details;
}
