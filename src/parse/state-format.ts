// The stored parse's format: what target/partial_parse.index.json holds (column by column), the hash
// of everything outside the project files a parse depends on, and the project's file list.
import { createHash } from 'node:crypto';
import type { ManifestNode } from '../project/manifest-types.js';
import type { LoadWarning } from '../project/loaded-project.js';
import { walkResourceFolders, type ProjectShell } from '../project/load-project.js';
import type { FileStat } from '../project/read-files.js';
import type { SourceLocation } from '../util/errors.js';
import { internalMacroFileStats } from './global-project.js';
import { VERSION } from '../version.js';

export const REFABLE = new Set(['model', 'seed', 'snapshot']);

export const FORMAT = 5;

/** The dbt macros whose override changes how nodes are built: ref/source/config and the naming macros. */
export const BUILD_MACROS = ['ref', 'source', 'config', 'generate_schema_name', 'generate_alias_name', 'generate_database_name'];
/** A file whose mtime is this close to the last parse may have changed within the same tick: re-read it. */
export const RACY_MS = 2000;

/** Byte range [offset, length] in the data file. */
export type Range = [number, number];

/**
 * Per-node data, column by column: 20,000 small objects cost several times more to read, write and
 * collect than a few arrays. Node i is ids[i]; its numbers are at at[3i..3i+2], patches[2i..2i+1].
 */
export interface NodeColumns {
  ids: string[];
  /**
   * Per node: offset of its JSON in the data file, its length, and the length of the `"<id>":` before
   * it. The data file holds the whole entry `"<id>":{…},`, so manifest.json copies runs of adjacent
   * entries at once.
   */
  at: number[];
  /** resource_type per node. */
  types: ManifestNode['resource_type'][];
  /** depends_on.nodes per node: indexes into ids then members, or the unique_id of anything else. */
  deps: (number | string)[][];
  /** Models, seeds and snapshots (what ref() resolves to): name and package; null for other nodes. */
  names: (string | null)[];
  packages: (string | null)[];
  /** Versioned nodes: index → [version, latest_version]. */
  versions: Record<number, [string | number, string | number | null]>;
  /** original_file_path of nodes built from their own SQL file alone (models, analyses, singular tests): re-parsable alone; null for others. */
  files: (string | null)[];
  /** Per node: the range of its schema YAML entry, or -1, 0. */
  patches: number[];
  /** Nodes whose render read environment variables: index → the values then. */
  envVars: Record<number, Record<string, string | null>>;
  /** Root-project schema YAML file → the nodes it patches or defines tests of (re-parsed when it changes). */
  yaml: Record<string, number[]>;
}

/** Size, mtime and checksum of every project file, column by column. */
export interface FileColumns {
  paths: string[];
  sizes: number[];
  mtimes: number[];
  /** sha256, or null when the parse did not read the file. */
  checksums: (string | null)[];
}

/** Manifest sections stored whole (everything but metadata, nodes, selectors and the maps). */
export const SECTIONS = ['sources', 'macros', 'docs', 'exposures', 'metrics', 'groups', 'disabled', 'group_map', 'saved_queries', 'semantic_models', 'unit_tests'] as const;
export type Section = (typeof SECTIONS)[number];

/** martflow-only fields of manifest entries: kept in the state, left out of manifest.json. */
export interface Locations {
  nodes: Record<string, SourceLocation>;
  sources: Record<string, SourceLocation>;
  macros: Record<string, SourceLocation>;
  exposures: Record<string, SourceLocation>;
  unit_tests: Record<string, SourceLocation>;
  disabled: Record<string, (SourceLocation | undefined)[]>;
}

export interface StateIndex {
  format: number;
  version: string;
  /** Written at the start of the data file too: an index never reads another data file. */
  dataId: string;
  hash: string;
  writtenAt: number;
  /** Environment variables schema YAML read while it was rendered, with their values then. */
  yamlEnvVars: Record<string, string | null>;
  /** Every project file (project-relative paths). */
  files: FileColumns;
  nodes: NodeColumns;
  /** Sources, exposures, unit tests… with their dependencies, in parent_map order. */
  members: [string, (number | string)[]][];
  sections: Record<Section, Range>;
  /** `"parent_map":{…},"child_map":{…}`, or null when dependencies changed since it was written. */
  maps: Range | null;
  locations: Range;
  /** Locations of nodes re-parsed since `locations` was written (a test's YAML line moves with edits above it). */
  movedLocations: Record<string, SourceLocation>;
  disabledNames: string[];
  warnings: LoadWarning[];
  /** Which of BUILD_MACROS the project overrides (macro files cannot change without a whole parse). */
  overridden: string[];
  liveBytes: number;
  /** Length of the data file when the index was written: a shorter or longer file is not this state's. */
  dataLength: number;
}

/** Everything outside the project's resource files that a parse depends on. */
export function stateHash(shell: ProjectShell, targetDatabase: string | null, adapterType: string): string {
  const h = createHash('sha256');
  h.update(`${VERSION}\0${targetDatabase}\0${adapterType}\0`);
  for (const [path, stat] of internalMacroFileStats()) h.update(`${path}:${stat.size}:${stat.mtimeMs}\0`);
  for (const pkg of shell.packages) h.update(`${pkg.name}\0${pkg.rootDir}\0${JSON.stringify(pkg.project)}\0`);
  h.update(JSON.stringify(shell.builtinPackages));
  h.update(JSON.stringify(shell.cliVars));
  h.update(JSON.stringify(shell.target));
  return h.digest('hex');
}

/** Every file under the packages' resource folders, by project-relative path. */
export function projectFiles(shell: ProjectShell): ReadonlyMap<string, FileStat> {
  for (const pkg of shell.packages) walkResourceFolders(pkg);
  // The common case, a project without local packages: the root's own index, not a copy of it.
  if (shell.packages.length === 1 && shell.packages[0]!.displayPrefix === '') return shell.packages[0]!.fileIndex.all();
  const out = new Map<string, FileStat>();
  for (const pkg of shell.packages) for (const [path, stat] of pkg.fileIndex.all()) out.set(pkg.displayPrefix + path, stat);
  return out;
}

/** The index in `text` when it is of this format and version and was made under `hash`; else null. */
export function parseIndex(text: string, hash: string): StateIndex | null {
  const index = JSON.parse(text) as StateIndex;
  return index.format === FORMAT && index.version === VERSION && index.hash === hash ? index : null;
}

/** Makes `location` non-enumerable (JSON.stringify skips it) and returns it. */
export function hideLocation(entry: object): SourceLocation | undefined {
  const e = entry as { location?: SourceLocation };
  const loc = e.location;
  if (loc !== undefined && Object.prototype.propertyIsEnumerable.call(e, 'location')) setHidden(e, loc);
  return loc;
}

export function setHidden(entry: object, loc: SourceLocation): void {
  Object.defineProperty(entry, 'location', { value: loc, enumerable: false, writable: true, configurable: true });
}

/** The schema file of a patch_path ("<package>://<path>" → path). */
export function patchFilePath(patchPath: string): string {
  return patchPath.slice(patchPath.indexOf('://') + 3);
}
