// Builds manifest entries in dbt's v12 shape from loaded files and patches, so every field a dbt tool
// reads is present with dbt's defaults.
import type { ColumnPatch, NodePatch } from '../project/loaded-project.js';
import type { ColumnInfo, ManifestNode, NodeConfig } from '../project/manifest-types.js';
import type { SourceLocation } from '../util/errors.js';

export function columnsFromPatches(columns: ColumnPatch[] | undefined): Record<string, ColumnInfo> {
  const out: Record<string, ColumnInfo> = {};
  for (const c of columns ?? []) {
    out[c.name] = {
      name: c.name,
      description: c.description ?? '',
      meta: c.meta ?? {},
      data_type: c.data_type ?? null,
      constraints: c.constraints ?? [],
      quote: c.quote ?? null,
      tags: c.tags ?? [],
      granularity: null,
      doc_blocks: [],
    };
  }
  return out;
}

/** What a node is, apart from its file (given separately: no merged copy per node). */
export interface NodeKind {
  resourceType: ManifestNode['resource_type'];
  packageName: string;
  patch?: NodePatch;
}

export interface NodeFileSeed {
  uniqueId: string;
  name: string;
  path: string;
  originalFilePath: string;
  fqn: string[];
  rawCode: string;
  checksum: string;
  location: SourceLocation;
}

/**
 * A node with every field set; config, names and dependencies are filled in by the parser.
 * compiled_path comes second: compiling fills it in and appends the compiled fields, so a compiled
 * node's JSON is its stored JSON with two known edits (ParseState.writeCompiledManifest).
 */
export function newNode(seed: NodeFileSeed, kind: NodeKind, config: NodeConfig): ManifestNode {
  const { resourceType, packageName, patch } = kind;
  return {
    unique_id: seed.uniqueId,
    compiled_path: null,
    resource_type: resourceType,
    package_name: packageName,
    name: seed.name,
    path: seed.path,
    original_file_path: seed.originalFilePath,
    fqn: seed.fqn,
    alias: seed.name,
    schema: '',
    database: null,
    relation_name: null,
    checksum: { name: 'sha256', checksum: seed.checksum },
    config,
    unrendered_config: {},
    tags: config.tags ?? [],
    description: patch?.description ?? '',
    columns: columnsFromPatches(patch?.columns),
    meta: (config.meta as Record<string, unknown>) ?? {},
    docs: patch?.docs ?? { show: true, node_color: null },
    patch_path: patch ? `${packageName}://${patch.patchPath}` : null,
    build_path: null,
    raw_code: seed.rawCode,
    language: 'sql',
    refs: [],
    sources: [],
    metrics: [],
    depends_on: { macros: [], nodes: [] },
    contract: { enforced: Boolean(config.contract?.enforced), alias_types: config.contract?.alias_types ?? true, checksum: null },
    constraints: patch?.constraints ?? [],
    access: patch?.access ?? (resourceType === 'model' ? 'protected' : undefined),
    version: null,
    latest_version: patch?.latest_version ?? null,
    deprecation_date: patch?.deprecation_date ?? null,
    group: patch?.group ?? null,
    created_at: Date.now() / 1000,
    location: seed.location,
  };
}
