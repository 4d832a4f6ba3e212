// Writes the static docs site into target/: index.html, docs-data.js (the data as a script, so the
// site opens from file:// too, where fetch() of a JSON file is refused), docs-details.js (code and
// config, loaded when a page first shows them) and docs-assets/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocsData, DocsDetails } from '../docs/docs-data-types.js';
import type { WebAssets } from '../assets/web-bundle.js';
import { docsIndexHtml } from './html.js';

export const DOCS_DATA_GLOBAL = '__MARTFLOW_DOCS__';
export const DOCS_DETAILS_GLOBAL = '__MARTFLOW_DOCS_DETAILS__';

function script(global: string, value: unknown): string {
  // </script> inside a string would end the tag early when inlined; escape '<' everywhere.
  return `window.${global}=${JSON.stringify(value).replace(/</g, '\\u003c')};\n`;
}

export function docsDataScript(data: DocsData): string {
  return script(DOCS_DATA_GLOBAL, data);
}

/** Moves code and config out of the data into the details file's shape. */
export function splitDetails(data: DocsData): { data: DocsData; details: DocsDetails } {
  const details: DocsDetails = {};
  const nodes = data.nodes.map((n) => {
    details[n.id] = { rawCode: n.rawCode, compiledCode: n.compiledCode, config: n.config };
    return { ...n, rawCode: '', compiledCode: null, config: {} };
  });
  return { data: { ...data, nodes, detailsSplit: true }, details };
}

/** Returns the paths written. */
export function writeDocsSite(targetDir: string, data: DocsData, assets: WebAssets): string[] {
  const assetDir = join(targetDir, 'docs-assets');
  mkdirSync(assetDir, { recursive: true });
  const written: string[] = [];
  const write = (path: string, text: string) => {
    writeFileSync(path, text);
    written.push(path);
  };
  write(join(targetDir, 'index.html'), docsIndexHtml(data.projectName));
  const split = splitDetails(data);
  write(join(targetDir, 'docs-data.js'), docsDataScript(split.data));
  write(join(targetDir, 'docs-details.js'), script(DOCS_DETAILS_GLOBAL, split.details));
  write(join(assetDir, 'docs.js'), assets.get('docs.js')!);
  write(join(assetDir, 'style.css'), assets.get('style.css')!);
  return written;
}
