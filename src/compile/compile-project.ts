// Compiling many nodes: decides is_incremental() from the warehouse, renders each node, writes
// target/compiled/<package>/<path> and records compiled_code in the manifest.
import { join } from 'node:path';
import type { ManifestNode } from '../project/manifest-types.js';
import type { Workspace } from '../workspace/workspace.js';
import { Compiler } from './compile-node.js';
import { operationNode } from './operation-node.js';
import { compiledFiles } from './compiled-files.js';
import { ErrorCollector, UserError } from '../util/errors.js';

const COMPILABLE = new Set(['model', 'test', 'analysis', 'snapshot']);

export function compilerFor(ws: Workspace): Compiler {
  return new Compiler(ws.manifest, ws.env, ws.jinja);
}

/** is_incremental(): an incremental model whose table exists and no --full-refresh. */
export async function isIncremental(ws: Workspace, node: ManifestNode, fullRefresh: boolean): Promise<boolean> {
  if (node.config.materialized !== 'incremental' || !ws.adapter) return false;
  const nodeFullRefresh = node.config.full_refresh;
  const refresh = nodeFullRefresh === null || nodeFullRefresh === undefined ? fullRefresh : Boolean(nodeFullRefresh);
  if (refresh) return false;
  const existing = await ws.adapter.getRelation({ database: node.database, schema: node.schema, identifier: node.alias });
  return existing !== null && existing.type === 'table';
}

/** Where dbt writes a node's compiled SQL: generic tests go under their schema file's path. */
function compiledRelativePath(node: ManifestNode): string {
  return node.test_metadata ? `${node.original_file_path}/${node.path}` : node.original_file_path;
}

/** target/compiled, absolute and as the project names it, per workspace: path.join is ~2 µs a call. */
const compiledDirs = new WeakMap<Workspace, { absolute: string; relative: string }>();

/** Records the compiled SQL on the node and queues target/compiled/… (flushCompiled() writes what is left). */
export function writeCompiled(ws: Workspace, node: ManifestNode, sql: string): void {
  let dirs = compiledDirs.get(ws);
  if (!dirs) compiledDirs.set(ws, (dirs = { absolute: join(ws.targetDir, 'compiled'), relative: join(ws.project.root.project.targetPath, 'compiled') }));
  // Package names and the node paths parsing made are normalized already: joined as text, with '/'
  // as in original_file_path and as the compiled-file writer expects.
  const rel = `${node.package_name}/${compiledRelativePath(node)}`;
  compiledFiles.write(`${dirs.absolute}/${rel}`, sql.endsWith('\n') ? sql : sql + '\n');
  node.compiled = true;
  node.compiled_code = sql;
  node.compiled_path = `${dirs.relative}/${rel}`;
  node.extra_ctes_injected = true;
}

/** Waits until every compiled-SQL file queued so far is written (a file that cannot be is a user error naming it). */
export function flushCompiled(): Promise<void> {
  return compiledFiles.flush();
}

/**
 * Compiles the given nodes (in this order), collecting errors across nodes; returns how many compiled.
 * Their files may still be being written: the caller awaits flushCompiled() (after its other work).
 */
export async function compileSelected(ws: Workspace, ids: string[]): Promise<number> {
  const compiler = compilerFor(ws);
  const errors = new ErrorCollector();
  let n = 0;
  for (const id of ids) {
    const node = ws.manifest.nodes[id];
    if (!node || !COMPILABLE.has(node.resource_type)) continue;
    const result = await errors.tryAsync(async () => compiler.compile(node, { isIncremental: await isIncremental(ws, node, false) }));
    if (!result) continue;
    node.extra_ctes = result.ctes.map((c) => ({ id: c.id, sql: c.sql }));
    writeCompiled(ws, node, result.sql);
    n++;
  }
  errors.throwIfAny();
  return n;
}

/** compile --inline / show --inline: the SQL is compiled as if it were a model of the root project. */
export async function compileInline(ws: Workspace, sql: string): Promise<string> {
  const node = operationNode(ws.project.root.name, 'inline_query', ws.project.target.output.schema, sql, 'inline_query.sql');
  if (!sql.trim()) throw new UserError('--inline needs a SQL query', { hint: `For example --inline "select * from {{ ref('orders') }}"` });
  const result = await compilerFor(ws).compile(node);
  return result.sql;
}
