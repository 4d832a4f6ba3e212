// Test nodes and helpers shared by the materialization tests.
import type { ManifestNode, NodeConfig } from '../../src/project/manifest-types.js';
import type { RelationRef } from '../../src/warehouse/adapter.js';
import type { TestEngine } from './materialize-engines.js';

export function node(name: string, config: Partial<NodeConfig>, compiled = '', resource: ManifestNode['resource_type'] = 'model'): ManifestNode {
  const folder = resource === 'seed' ? 'seeds' : resource === 'snapshot' ? 'snapshots' : 'models';
  const ext = resource === 'seed' ? 'csv' : 'sql';
  return {
    unique_id: `${resource}.proj.${name}`,
    resource_type: resource,
    package_name: 'proj',
    name,
    path: `${name}.${ext}`,
    original_file_path: `${folder}/${name}.${ext}`,
    fqn: ['proj', name],
    alias: name,
    schema: 'analytics',
    database: null,
    relation_name: null,
    checksum: { name: 'sha256', checksum: '' },
    config: {
      enabled: true,
      materialized: 'table',
      tags: [],
      meta: {},
      persist_docs: {},
      quoting: {},
      column_types: {},
      contract: { enforced: false },
      docs: { show: true },
      'pre-hook': [],
      'post-hook': [],
      ...config,
    } as NodeConfig,
    unrendered_config: {},
    tags: [],
    description: '',
    columns: {},
    meta: {},
    docs: { show: true },
    patch_path: null,
    build_path: null,
    raw_code: compiled,
    language: 'sql',
    refs: [],
    sources: [],
    metrics: [],
    depends_on: { macros: [], nodes: [] },
    compiled_path: null,
    compiled: true,
    compiled_code: compiled,
    contract: { enforced: false, alias_types: true, checksum: null },
    constraints: [],
    created_at: 0,
  };
}

export function rel(identifier: string, schema = 'analytics'): RelationRef {
  return { database: null, schema, identifier };
}

/** `select * from (values …)` spelled for both engines: n rows of (id, name, amount). */
export function numbers(from: number, to: number, name = (i: number) => `name_${i}`): string {
  const rows: string[] = [];
  for (let i = from; i <= to; i++) rows.push(`(${i}, '${name(i)}', ${i * 10})`);
  return `select * from (values ${rows.join(', ')}) as t(id, name, amount)`;
}

export async function ids(e: TestEngine, relation: string, column = 'id'): Promise<unknown[]> {
  return (await e.rows(`select ${column} from ${relation} order by ${column} nulls first`)).map((r) => r[column]);
}

export function q(e: TestEngine, identifier: string, schema = 'analytics'): string {
  return e.adapter.dialect.relation(rel(identifier, schema));
}
