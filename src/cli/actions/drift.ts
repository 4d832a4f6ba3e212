// martflow drift --state DIR: the CI gate that stops a change from breaking the columns downstream
// tools read. Compares the selected models' columns in the warehouse now (default: enforced contracts
// and the tag `critical`) with the previous target/ (manifest.json + catalog.json); exits 1 when a
// column was removed or retyped, or a watched model disappeared.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../command.js';
import type { Manifest } from '../../project/manifest-types.js';
import { Workspace } from '../../workspace/workspace.js';
import { selectFromOptions } from '../selection.js';
import { compareShapes, defaultWatched, formatDrift, shapeFromCatalog, type CatalogLike, type ModelShape } from '../../quality/drift.js';
import { UserError } from '../../util/errors.js';

function readArtifact<T>(dir: string, name: string, hint: string): T {
  const path = join(dir, name);
  if (!existsSync(path)) throw new UserError(`drift --state ${dir}: no ${name} there`, { hint });
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new UserError(`could not read ${path}: ${(e as Error).message}`, { hint, cause: e });
  }
}

export async function run(ctx: CommandContext, options: Record<string, unknown>): Promise<number> {
  if (!options.state) throw new UserError('drift needs --state: the target/ folder of the build to compare with', { hint: 'martflow drift --state path/to/previous/target' });
  const stateDir = resolve(String(options.state));
  const previous = readArtifact<Manifest>(stateDir, 'manifest.json', 'Pass the target/ folder of a previous build.');
  const catalog = readArtifact<CatalogLike>(stateDir, 'catalog.json', 'Run `martflow docs generate` after the previous build so its target/ has catalog.json.');
  const ws = await Workspace.open(ctx.global, ctx.logger, { connect: true, flags: { WHICH: 'drift' }, signal: ctx.signal });
  try {
    const explicit = Boolean(options.select || options.models || options.exclude || options.selector);
    const ids = explicit
      ? [...selectFromOptions(ws.manifest, options, ctx.logger, { targetDir: ws.targetDir }).selected].filter((id) => ws.manifest.nodes[id]?.resource_type === 'model').sort()
      : defaultWatched(ws.manifest, previous);
    if (ids.length === 0) ctx.logger.warn('No models to compare: none has an enforced contract or the tag critical (or matches --select).');
    const adapter = ws.requireAdapter();
    const drifts = [];
    for (const id of ids) {
      const node = ws.manifest.nodes[id];
      const name = node?.name ?? previous.nodes[id]?.name ?? id;
      const before = shapeFromCatalog(catalog, id, name);
      let after: ModelShape | null = null;
      if (node) {
        const cols = await adapter.getColumns({ database: node.database, schema: node.schema, identifier: node.alias ?? node.name });
        if (cols.length === 0) throw new UserError(`model ${node.name} is not built in the warehouse, so its columns cannot be compared`, { hint: 'Run `martflow build` before `martflow drift`.' });
        after = { uniqueId: id, name, columns: cols.map((c, i) => ({ name: c.name, type: c.dataType, index: i + 1 })) };
      }
      drifts.push(compareShapes(id, name, before, after));
    }
    if (options.output === 'json') ctx.logger.result(JSON.stringify({ drift: drifts }));
    else ctx.logger.result(formatDrift(drifts));
    return drifts.some((d) => d.breaking) ? 1 : 0;
  } finally {
    await ws.close();
  }
}
