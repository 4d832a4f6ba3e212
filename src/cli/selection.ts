// The selection flags (select-options.ts declares them) turned into a selection through graph/.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest } from '../project/manifest-types.js';
import { UserError } from '../util/errors.js';
import type { Logger } from './logger.js';
import { Graph, parseSelection, resolveSelector, selectNodes } from '../graph/index.js';

export interface SelectionResult {
  selected: Set<string>;
  graph: Graph;
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`could not read ${what} at ${path}: ${(e as Error).message}`, { hint: 'Point --state at a target/ folder written by martflow or dbt.' });
  }
}

export function selectFromOptions(
  manifest: Manifest,
  options: Record<string, unknown>,
  logger: Logger,
  context: { targetDir: string; resourceTypes?: string[]; includeEmptyNodes?: boolean },
): SelectionResult {
  const graph = Graph.fromManifest(manifest);
  const select = [...((options.select as string[] | undefined) ?? []), ...((options.models as string[] | undefined) ?? [])];
  const exclude = (options.exclude as string[] | undefined) ?? [];
  let spec;
  if (options.selector) {
    spec = resolveSelector(String(options.selector), manifest.selectors);
  } else if (select.length === 0 && exclude.length === 0) {
    const def = Object.values(manifest.selectors).find((s) => s.default);
    spec = def ? resolveSelector(def.name, manifest.selectors) : parseSelection([], []);
  } else {
    spec = parseSelection(select, exclude);
  }
  if (options.selector && (select.length || exclude.length)) {
    const extra = parseSelection(select, exclude);
    void extra; // dbt ignores --select when --selector is given; say so
    logger.warn('--selector was given, so --select/--exclude are ignored (as dbt does)');
  }
  let state: Manifest | undefined;
  if (options.state) {
    const stateDir = resolve(String(options.state));
    const path = join(stateDir, 'manifest.json');
    if (!existsSync(path)) throw new UserError(`--state ${options.state}: no manifest.json there`, { hint: 'Pass the target/ folder of a previous run.' });
    state = readJson(path, 'the state manifest') as Manifest;
  }
  const previousPath = join(context.targetDir, 'run_results.json');
  const previousResults = existsSync(previousPath) ? (readJson(previousPath, 'the previous run results') as never) : undefined;
  const sourcesPath = join(context.targetDir, 'sources.json');
  const current = existsSync(sourcesPath) ? (readJson(sourcesPath, 'sources.json') as never) : undefined;
  // source_status: compares this project's sources.json with the one in the --state folder.
  const previousSourcesPath = options.state ? join(resolve(String(options.state)), 'sources.json') : null;
  const previous = previousSourcesPath && existsSync(previousSourcesPath) ? (readJson(previousSourcesPath, 'the state sources.json') as never) : undefined;
  const sources = current || previous ? { current, previous } : undefined;
  const result = selectNodes(manifest, graph, spec, {
    state,
    previousResults,
    sources,
    indirectSelection: (options.indirectSelection as never) ?? 'eager',
    resourceTypes: context.resourceTypes as never,
    includeEmptyNodes: context.includeEmptyNodes,
  });
  for (const w of result.warnings) logger.warn(w);
  return { selected: result.selected, graph };
}
