// A node for SQL that belongs to no model — hooks in dbt_project.yml and run-operation — so it renders
// in the root project's context like any node (ref, source, macros, this = None).
import type { ManifestNode } from '../project/manifest-types.js';

export function operationNode(rootPackage: string, name: string, targetSchema: string, sql = '', file = 'dbt_project.yml'): ManifestNode {
  return {
    unique_id: `operation.${rootPackage}.${name}`,
    resource_type: 'operation',
    package_name: rootPackage,
    name,
    path: `hooks/${name}.sql`,
    original_file_path: `./${file}`,
    fqn: [rootPackage, 'hooks', name],
    alias: name,
    schema: targetSchema,
    database: null,
    raw_code: sql,
    config: { enabled: true, materialized: 'view', tags: [], meta: {} },
    refs: [],
    sources: [],
    depends_on: { macros: [], nodes: [] },
    location: { file },
  } as unknown as ManifestNode;
}
