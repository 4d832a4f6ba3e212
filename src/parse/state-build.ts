// Serializing a freshly parsed manifest into a stored parse: every node entry as `"<id>":{…},` in the
// data file, the other sections whole, the martflow-only locations beside them, and the index columns.
import { randomBytes } from 'node:crypto';
import type { Manifest } from '../project/manifest-types.js';
import type { LoadWarning, NodePatch } from '../project/loaded-project.js';
import type { FileStat } from '../project/read-files.js';
import { VERSION } from '../version.js';
import { FORMAT, REFABLE, SECTIONS, hideLocation, patchFilePath, type FileColumns, type Locations, type NodeColumns, type Range, type Section, type StateIndex } from './state-format.js';

export interface StateInputs {
  hash: string;
  files: ReadonlyMap<string, FileStat>;
  checksums: Map<string, string>;
  nodeInputs: Map<string, { patch?: NodePatch; envVars?: Record<string, string | null> }>;
  yamlEnvVars: Record<string, string | null>;
  disabledNames: string[];
  warnings: LoadWarning[];
  overridden: string[];
}

/** Where the data file's bytes go as they are made: a file (FileByteWriter) or memory. */
export interface ByteSink {
  readonly position: number;
  /** Appends the text as UTF-8 and returns its length in bytes. */
  write(text: string): number;
}

/**
 * Writes the data file of a stored parse of `manifest` (whose entries get their locations hidden) to
 * `out`, piece by piece, and returns its index.
 */
export function serializeManifest(manifest: Manifest, input: StateInputs, out: ByteSink): StateIndex {
    const dataId = randomBytes(16).toString('hex') + '\n';
    out.write(dataId);
    const put = (text: string): Range => {
      const start = out.position;
      return [start, out.write(text)];
    };
    // Written in three pieces: joining them first would copy every node's JSON once more.
    const putEntry = (id: string, json: string): [number, number, number] => {
      const keyLength = out.write(`${JSON.stringify(id)}:`);
      const start = out.position;
      const length = out.write(json);
      out.write(',');
      return [start, length, keyLength];
    };
    const locations: Locations = { nodes: {}, sources: {}, macros: {}, exposures: {}, unit_tests: {}, disabled: {} };
    const position = new Map<string, number>();
    const nodeList = Object.values(manifest.nodes);
    const otherMembers: { unique_id: string; depends_on?: { nodes?: string[] } }[] = [];
    for (const group of [manifest.sources, manifest.exposures, manifest.metrics ?? {}, manifest.semantic_models ?? {}, manifest.saved_queries ?? {}, manifest.unit_tests ?? {}]) {
      otherMembers.push(...(Object.values(group) as typeof otherMembers));
    }
    [...nodeList, ...otherMembers].forEach((m, i) => position.set(m.unique_id, i));
    const depsOf = (ids: string[] | undefined) => (ids ?? []).map((id) => position.get(id) ?? id);
    const nodes: NodeColumns = { ids: [], at: [], types: [], deps: [], names: [], packages: [], versions: {}, files: [], patches: [], envVars: {}, yaml: {} };
    const root = manifest.metadata.project_name;
    nodeList.forEach((n, i) => {
      locations.nodes[n.unique_id] = hideLocation(n)!;
      const { patch, envVars } = input.nodeInputs.get(n.unique_id) ?? {};
      nodes.ids.push(n.unique_id);
      nodes.at.push(...putEntry(n.unique_id, JSON.stringify(n)));
      nodes.types.push(n.resource_type);
      nodes.deps.push(depsOf(n.depends_on.nodes));
      const refable = REFABLE.has(n.resource_type);
      nodes.names.push(refable ? n.name : null);
      nodes.packages.push(refable ? n.package_name : null);
      if (refable && n.version !== null && n.version !== undefined) nodes.versions[i] = [n.version, n.latest_version ?? null];
      const own = (n.resource_type === 'model' || n.resource_type === 'analysis' || (n.resource_type === 'test' && !n.test_metadata)) && (n.version ?? null) === null;
      nodes.files.push(own ? n.original_file_path : null);
      nodes.patches.push(...(own && patch ? put(JSON.stringify(patch)) : [-1, 0]));
      if (envVars) nodes.envVars[i] = envVars;
      // A root-project node's schema file: where its generic test or its patch is written.
      const yamlFile = n.package_name !== root ? null : n.test_metadata ? n.original_file_path : n.patch_path ? patchFilePath(n.patch_path) : null;
      if (yamlFile) (nodes.yaml[yamlFile] ??= []).push(i);
    });
    for (const key of ['sources', 'macros', 'exposures', 'unit_tests'] as const) {
      for (const entry of Object.values(manifest[key] ?? {}) as { unique_id: string }[]) {
        const loc = hideLocation(entry);
        if (loc) locations[key][entry.unique_id] = loc;
      }
    }
    for (const [id, list] of Object.entries(manifest.disabled)) locations.disabled[id] = (list as object[]).map((e) => hideLocation(e));
    const sections = {} as Record<Section, Range>;
    for (const s of SECTIONS) sections[s] = put(JSON.stringify(manifest[s] ?? {}));
    const locationsRange = put(JSON.stringify(locations));
    const mapsRange = put(`"parent_map":${JSON.stringify(manifest.parent_map)},"child_map":${JSON.stringify(manifest.child_map)}`);
    const members: [string, (number | string)[]][] = otherMembers.map((m) => [m.unique_id, depsOf(m.depends_on?.nodes)]);
    const files: FileColumns = { paths: [], sizes: [], mtimes: [], checksums: [] };
    for (const [path, stat] of input.files) {
      files.paths.push(path);
      files.sizes.push(stat.size);
      files.mtimes.push(stat.mtimeMs);
      files.checksums.push(input.checksums.get(path) ?? null);
    }
    const index: StateIndex = {
      format: FORMAT,
      version: VERSION,
      dataId,
      hash: input.hash,
      writtenAt: 0,
      yamlEnvVars: input.yamlEnvVars,
      files,
      nodes,
      members,
      sections,
      maps: mapsRange,
      locations: locationsRange,
      movedLocations: {},
      disabledNames: input.disabledNames,
      warnings: input.warnings,
      overridden: input.overridden,
      liveBytes: out.position,
      dataLength: out.position,
    };
    return index;
}

/** The data of a state that could not be written, kept in memory. */
export class MemorySink implements ByteSink {
  readonly parts: Buffer[] = [];
  position = 0;

  write(text: string): number {
    const b = Buffer.from(text, 'utf8');
    this.parts.push(b);
    this.position += b.length;
    return b.length;
  }
}

/**
 * The data file rewritten with only the live fragments (node entries, patches, maps, sections,
 * locations) under a new id; `index` is updated to the new ranges. Returns the file's pieces.
 */
export function compactData(index: StateIndex, slice: (range: Range) => Buffer): Buffer[] {
  const dataId = randomBytes(16).toString('hex') + '\n';
  const chunks: Buffer[] = [Buffer.from(dataId, 'latin1')];
  let offset = chunks[0]!.length;
  const move = (range: Range): Range => {
    chunks.push(slice(range));
    const moved: Range = [offset, range[1]];
    offset += range[1];
    return moved;
  };
  const { at, patches } = index.nodes;
  for (let i = 0; i < at.length / 3; i++) {
    const [start] = move([at[3 * i]! - at[3 * i + 2]!, at[3 * i + 2]! + at[3 * i + 1]! + 1]);
    at[3 * i] = start + at[3 * i + 2]!;
    if (patches[2 * i]! >= 0) [patches[2 * i], patches[2 * i + 1]] = move([patches[2 * i]!, patches[2 * i + 1]!]);
  }
  if (index.maps) index.maps = move(index.maps);
  for (const s of SECTIONS) index.sections[s] = move(index.sections[s]);
  index.locations = move(index.locations);
  index.dataId = dataId;
  index.liveBytes = offset;
  return chunks;
}
