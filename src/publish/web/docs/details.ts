// Code and config of every resource live in docs-details.js, loaded by a script tag (works from
// file:// too) the first time a page needs them.
import type { DocsData, DocsDetails } from '../../docs/docs-data-types.js';

declare global {
  interface Window {
    __MARTFLOW_DOCS_DETAILS__?: DocsDetails;
  }
}

let loading: Promise<DocsDetails> | null = null;

export function loadDetails(data: DocsData): Promise<DocsDetails> {
  if (!data.detailsSplit) {
    return Promise.resolve(Object.fromEntries(data.nodes.map((n) => [n.id, { rawCode: n.rawCode, compiledCode: n.compiledCode, config: n.config }])));
  }
  loading ??= new Promise<DocsDetails>((resolve, reject) => {
    if (window.__MARTFLOW_DOCS_DETAILS__) return resolve(window.__MARTFLOW_DOCS_DETAILS__);
    const tag = document.createElement('script');
    tag.src = 'docs-details.js';
    tag.onload = () => (window.__MARTFLOW_DOCS_DETAILS__ ? resolve(window.__MARTFLOW_DOCS_DETAILS__) : reject(new Error('docs-details.js defined nothing')));
    tag.onerror = () => {
      loading = null;
      reject(new Error('docs-details.js could not be loaded: run martflow docs generate again'));
    };
    document.head.append(tag);
  });
  return loading;
}
