// manifest.json assembled from a stored parse (./parse-state.ts): node entries and sections copied as
// ranges of the data file, with spaces left after each entry for in-place patches, or with the fields
// compiling set spliced into compiled nodes; and the manifest as objects again.
import type { Manifest, ManifestNode } from '../project/manifest-types.js';
import { ENTRY_SLACK } from './manifest-patch.js';
import { setHidden, type Locations, type Range, type Section, type StateIndex } from './state-format.js';

export interface PiecesOptions {
  /** ENTRY_SLACK spaces after each node entry (for patching it in place later). */
  padded?: boolean;
  /** The manifest's nodes after compiling: compiled nodes are spliced (compiledEntry). */
  compiled?: Manifest['nodes'];
}

/**
 * manifest.json assembled from the stored entries (the same bytes JSON.stringify of the manifest
 * gives), as text pieces and ranges of the stored data; `maps` is where parent_map and child_map stand.
 * Null when a compiled node does not fit the splice (compiledEntry).
 */
export function manifestPieces(index: StateIndex, maps: Range, metadata: Manifest['metadata'], selectors: Manifest['selectors'], how: PiecesOptions = {}): (string | Range)[] | null {
  const pieces: (string | Range)[] = [`{"metadata":${JSON.stringify(metadata)},"nodes":{`];
  const { at, ids } = index.nodes;
  const { compiled, padded } = how;
  if (compiled && Object.keys(compiled).length !== ids.length) return null;
  // Entries are stored as `"<id>":{…},`: adjacent ones are copied as one range.
  const pushRange = (range: Range) => {
    const prev = pieces[pieces.length - 1]!;
    if (typeof prev !== 'string' && prev[0] + prev[1] === range[0]) prev[1] += range[1];
    else pieces.push(range);
  };
  for (let i = 0; i < ids.length; i++) {
    // The last entry has no comma after it.
    const last = i === ids.length - 1;
    const start = at[3 * i]! - at[3 * i + 2]!;
    const node = compiled?.[ids[i]!];
    if (compiled && !node) return null;
    const splice = node ? compiledEntry(node, start, at[3 * i + 2]!, at[3 * i + 1]!, last) : undefined;
    if (splice === null) return null;
    if (splice) pieces.push(...splice);
    else pushRange([start, at[3 * i + 2]! + at[3 * i + 1]! + (last ? 0 : 1)]);
    if (padded) pieces.push(PADDING);
  }
  pieces.push('},"sources":', index.sections.sources);
  for (const name of ['macros', 'docs', 'exposures', 'metrics', 'groups'] as const) pieces.push(`,"${name}":`, index.sections[name]);
  pieces.push(`,"selectors":${JSON.stringify(selectors)},"disabled":`, index.sections.disabled, ',', maps);
  for (const name of ['group_map', 'saved_queries', 'semantic_models', 'unit_tests'] as const) pieces.push(`,"${name}":`, index.sections[name]);
  pieces.push('}');
  return pieces;
}

const PADDING = ' '.repeat(ENTRY_SLACK);

/** The keys compiling adds to a node after its stored ones (compile/compile-project.ts sets them). */
const COMPILED_KEYS = new Set(['extra_ctes', 'compiled', 'compiled_code', 'extra_ctes_injected']);

/**
 * The pieces of a node's manifest.json entry `"<id>":{…},` made from its stored one, when compiling
 * changed it: every node starts `{"unique_id":<id>,"compiled_path":null` (node-factory.ts) and
 * compiling only sets compiled_path and appends COMPILED_KEYS, so JSON.stringify of the node is the
 * stored entry with those two edits. Undefined when the node is as stored; null when it does not
 * start with those two keys.
 */
function compiledEntry(node: ManifestNode, start: number, keyLength: number, jsonLength: number, last: boolean): (string | Range)[] | null | undefined {
  const keys = Object.keys(node);
  let end = keys.length;
  while (end > 2 && COMPILED_KEYS.has(keys[end - 1]!)) end--;
  if (node.compiled_path === null && end === keys.length) return undefined;
  if (keys[0] !== 'unique_id' || keys[1] !== 'compiled_path') return null;
  // `{"unique_id":` + the id's JSON (the key before the entry is that JSON and a colon) + `,"compiled_path":`.
  const head = '{"unique_id":'.length + keyLength - 1 + ',"compiled_path":'.length;
  const afterNull = start + keyLength + head + 'null'.length;
  let tail = '';
  for (let k = end; k < keys.length; k++) {
    const value = (node as unknown as Record<string, unknown>)[keys[k]!];
    if (value !== undefined) tail += `,${JSON.stringify(keys[k])}:${JSON.stringify(value)}`;
  }
  // The stored JSON's closing brace (and the comma after it) are left out of the second range.
  return [[start, keyLength + head], JSON.stringify(node.compiled_path), [afterNull, start + keyLength + jsonLength - 1 - afterNull], last ? `${tail}}` : `${tail}},`];
}

/**
 * The manifest as objects, martflow's locations restored; `text` reads a range of the stored data.
 * Entry by entry, section by section: never one 46 MB Buffer and string (on this kind of VM the fresh
 * memory alone costs ~3 ms per MB). Keys in manifest.json's order, as one JSON.parse of it gives.
 */
export function materializeManifest(index: StateIndex, text: (range: Range) => string, maps: Range, metadata: Manifest['metadata'], selectors: Manifest['selectors']): Manifest {
  const { at, ids } = index.nodes;
  const nodes: Manifest['nodes'] = {};
  for (let i = 0; i < ids.length; i++) nodes[ids[i]!] = JSON.parse(text([at[3 * i]!, at[3 * i + 1]!])) as ManifestNode;
  const section = <T>(name: Section) => JSON.parse(text(index.sections[name])) as T;
  const parentChild = JSON.parse(`{${text(maps)}}`) as Pick<Manifest, 'parent_map' | 'child_map'>;
  const manifest: Manifest = {
    metadata: JSON.parse(JSON.stringify(metadata)) as Manifest['metadata'],
    nodes,
    sources: section('sources'),
    macros: section('macros'),
    docs: section('docs'),
    exposures: section('exposures'),
    metrics: section('metrics'),
    groups: section('groups'),
    selectors: JSON.parse(JSON.stringify(selectors)) as Manifest['selectors'],
    disabled: section('disabled'),
    parent_map: parentChild.parent_map,
    child_map: parentChild.child_map,
    group_map: section('group_map'),
    saved_queries: section('saved_queries'),
    semantic_models: section('semantic_models'),
    unit_tests: section('unit_tests'),
  };
  const locations = JSON.parse(text(index.locations)) as Locations;
  for (const key of ['nodes', 'sources', 'macros', 'exposures', 'unit_tests'] as const) {
    const group = (manifest[key] ?? {}) as Record<string, object>;
    for (const [id, loc] of Object.entries(locations[key])) if (group[id]) setHidden(group[id], loc);
  }
  for (const [id, loc] of Object.entries(index.movedLocations)) if (manifest.nodes[id]) setHidden(manifest.nodes[id], loc);
  for (const [id, locs] of Object.entries(locations.disabled)) {
    const list = (manifest.disabled[id] ?? []) as object[];
    locs.forEach((loc, i) => loc && list[i] && setHidden(list[i], loc));
  }
  return manifest;
}
