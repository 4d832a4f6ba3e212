// `martflow docs generate`: compile every model (for compiled SQL), write manifest.json, ask the
// warehouse for catalog.json, and write the static docs site into target/.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from '../../workspace/workspace.js';
import { compileSelected, flushCompiled } from '../../compile/compile-project.js';
import { writeJsonArtifact } from '../../artifacts/manifest.js';
import { UserError } from '../../util/errors.js';
import { buildCatalog } from '../catalog/build-catalog.js';
import type { Catalog } from '../catalog/catalog-types.js';
import { loadDashboards } from '../dashboards/load-dashboards.js';
import { webAssets } from '../assets/web-bundle.js';
import { writeDocsSite } from '../site/write-docs-site.js';
import { buildDocsData, runStatusesFrom } from './docs-data.js';

export interface GenerateDocsOptions {
  /** Query the warehouse for catalog.json (false: reuse an existing one, or none). */
  catalog: boolean;
  /** Compile models so pages show compiled SQL. */
  compile: boolean;
  signal?: AbortSignal;
}

export interface GenerateDocsResult {
  indexPath: string;
  catalogPath: string | null;
  nodes: number;
  warnings: string[];
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

export async function generateDocs(ws: Workspace, options: GenerateDocsOptions): Promise<GenerateDocsResult> {
  const warnings: string[] = [];
  if (options.compile) {
    const ids = Object.values(ws.manifest.nodes).filter((n) => ['model', 'analysis', 'snapshot'].includes(n.resource_type)).map((n) => n.unique_id);
    try {
      await compileSelected(ws, ids);
    } catch (e) {
      // The docs still show raw SQL for what did not compile; the errors are reported.
      if (!(e instanceof UserError)) throw e;
      warnings.push(`some nodes did not compile (their pages show raw SQL only):\n${e.format()}`);
    }
  }
  ws.writeManifest();
  await flushCompiled();
  let catalog: Catalog | null = null;
  let catalogPath: string | null = null;
  if (options.catalog && ws.adapter) {
    catalog = await buildCatalog(ws.adapter, ws.manifest, { invocationId: ws.env.invocationId, signal: options.signal });
    catalogPath = writeJsonArtifact(ws.targetDir, 'catalog.json', JSON.stringify(catalog, null, 2));
    for (const e of catalog.errors ?? []) warnings.push(`catalog: ${e}`);
  } else {
    catalog = readJson(join(ws.targetDir, 'catalog.json')) as Catalog | null;
  }
  let dashboards: { id: string; title: string }[] = [];
  try {
    dashboards = loadDashboards(ws.project.rootDir).map((d) => ({ id: d.id, title: d.title }));
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    warnings.push(`dashboards are not linked from the docs:\n${e.format()}`);
  }
  const data = buildDocsData(ws.manifest, catalog, runStatusesFrom(readJson(join(ws.targetDir, 'run_results.json'))), dashboards);
  writeDocsSite(ws.targetDir, data, await webAssets());
  return { indexPath: join(ws.targetDir, 'index.html'), catalogPath, nodes: data.nodes.length, warnings };
}
