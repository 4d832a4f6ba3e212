// Writes the static docs site into target/: index.html, docs-data.js (the data as a script, so the
// site opens from file:// too, where fetch() of a JSON file is refused) and docs-assets/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocsData } from '../docs/docs-data-types.js';
import type { WebAssets } from '../assets/web-bundle.js';
import { docsIndexHtml } from './html.js';

export const DOCS_DATA_GLOBAL = '__MARTFLOW_DOCS__';

export function docsDataScript(data: DocsData): string {
  // </script> inside a string would end the tag early when inlined; escape '<' everywhere.
  return `window.${DOCS_DATA_GLOBAL}=${JSON.stringify(data).replace(/</g, '\\u003c')};\n`;
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
  write(join(targetDir, 'docs-data.js'), docsDataScript(data));
  write(join(assetDir, 'docs.js'), assets.get('docs.js')!);
  write(join(assetDir, 'style.css'), assets.get('style.css')!);
  return written;
}
