// on-run-start / on-run-end: SQL from dbt_project.yml rendered in the root project's context and run
// once per invocation. on-run-end sees `results` and `schemas`, as in dbt.
import { operationNode } from '../compile/operation-node.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Compiler } from '../compile/compile-node.js';
import type { NodeResult } from './run-results.js';
import { UserError } from '../util/errors.js';

export async function runOperationHooks(ws: Workspace, compiler: Compiler, name: 'on-run-start' | 'on-run-end', hooks: string[], results: NodeResult[]): Promise<void> {
  if (hooks.length === 0) return;
  const schemas = [...new Set(results.map((r) => r.node.schema))];
  const resultObjects = results.map((r) => ({ status: r.status, message: r.message, node: r.node, unique_id: r.uniqueId, failures: r.failures, execution_time: (r.completedAt.getTime() - r.startedAt.getTime()) / 1000 }));
  for (const [i, sql] of hooks.entries()) {
    const root = ws.project.root.name;
    const node = operationNode(root, `${root}-${name}-${i}`, ws.project.target.output.schema, sql);
    let rendered: string;
    try {
      rendered = (await compiler.renderString(node, sql, { extra: { results: resultObjects, schemas, database_schemas: schemas } })).trim();
      if (rendered) await ws.requireAdapter().execute(rendered);
    } catch (e) {
      if (e instanceof UserError) throw new UserError(`${name} hook ${i + 1} failed: ${e.message}`, { location: { file: 'dbt_project.yml' }, hint: e.hint, cause: e });
      throw new UserError(`${name} hook ${i + 1} failed: ${(e as Error).message}`, { location: { file: 'dbt_project.yml' }, cause: e });
    }
    ws.logger.info(`${name} hook ${i + 1} of ${hooks.length}: OK`);
  }
}
