// compile: renders a node's SQL with execute = True — ref() resolves to real relations, run_query
// queries the warehouse — injects ephemeral CTEs and returns the SQL that will run.
import type { JinjaEnvironment } from '../jinja/index.js';
import { createRenderContext, type RenderEnvironment } from '../context/dbt-context.js';
import { EphemeralRelation, Relation } from '../context/relation.js';
import type { Manifest, ManifestNode, RefCall } from '../project/manifest-types.js';
import { RefIndex } from '../parse/ref-index.js';
import { cteName, injectCtes, type InjectedCte } from './ephemeral.js';
import { renderTestKwargs } from '../context/test-kwargs.js';
import { renderStatic, staticFormOf, staticParseAllowed } from '../parse/static-parse.js';
import { staticArgumentCall } from '../parse/static-parse.js';

export interface CompileOptions {
  /** Whether is_incremental() is true for this node (decided by the runner from the warehouse state). */
  isIncremental?: boolean;
  /** Extra names in scope (the test kwargs for generic tests are added here automatically). */
  extra?: Record<string, unknown>;
}

export interface CompiledNode {
  /** The SQL that runs: the body with every ephemeral CTE it needs prepended. */
  sql: string;
  /** The rendered SQL alone. */
  body: string;
  /** Ephemeral CTEs, nested ones first. */
  ctes: InjectedCte[];
}

export class Compiler {
  private readonly refIndex: RefIndex;
  /** Compiled SQL of ephemeral models, shared by every node that refs them. */
  private readonly ephemeralSql = new Map<string, Promise<CompiledNode>>();

  constructor(private readonly manifest: Manifest, private readonly env: RenderEnvironment, private readonly jinja: JinjaEnvironment) {
    this.refIndex = new RefIndex(Object.values(manifest.nodes), Object.values(manifest.sources), [], manifest.metadata.project_name);
  }

  relationOf(node: ManifestNode): Relation {
    return new Relation({ database: node.database, schema: node.schema, identifier: node.alias }, this.env.dialect, node.config.materialized === 'view' ? 'view' : 'table');
  }

  async compile(node: ManifestNode, options: CompileOptions = {}): Promise<CompiledNode> {
    const ephemerals: string[] = [];
    const rendered = (await this.renderBody(node, options, ephemerals)).trim();
    const ctes: InjectedCte[] = [];
    const seen = new Set<string>();
    for (const id of ephemerals) await this.collectCtes(id, ctes, seen);
    return { sql: injectCtes(rendered, ctes), body: rendered, ctes };
  }

  /**
   * Renders the node's SQL. A model whose Jinja is only literal ref/source/config calls is rendered
   * by substitution, without a render context.
   */
  private async renderBody(node: ManifestNode, options: CompileOptions, ephemerals: string[]): Promise<string> {
    const statik = this.staticAllowed && node.resource_type !== 'test' ? staticFormOf(node) : null;
    if (!statik) {
      const testKwargs: Record<string, unknown> = {};
      const ctx = this.context(node, { ...options, extra: { ...options.extra, _dbt_generic_test_kwargs: testKwargs } }, ephemerals);
      if (node.resource_type === 'test' && node.test_metadata) {
        await renderTestKwargs(this.jinja, node.test_metadata.kwargs, ctx, node.original_file_path, testKwargs, (v) => this.staticTestArgument(node, v, ephemerals));
      }
      return this.jinja.compile(node.raw_code, node.original_file_path).render(ctx);
    }
    return renderStatic(node.raw_code, statik, (c) => {
      if (c.kind === 'ref') return this.refRelation(node, c.call, ephemerals).render();
      if (c.kind === 'source') return this.sourceRelation(node, c.source[0], c.source[1]).render();
      return '';
    });
  }

  /**
   * `{{ get_where_subquery(ref('x')) }}` without a `where` config, and bare ref()/source() arguments,
   * render to the relation: answered without compiling a template per test.
   */
  private staticTestArgument(node: ManifestNode, value: string, ephemerals: string[]): Relation | undefined {
    if (!this.staticAllowed || this.env.registry.isOverridden('get_where_subquery')) return undefined;
    const call = staticArgumentCall(value);
    if (!call || (call.whereSubquery && node.config.where)) return undefined;
    // A Relation, as dbt's native rendering passes it: tests may read model.schema or introspect it.
    if (call.kind === 'ref') return this.refRelation(node, call.call, ephemerals);
    if (call.kind === 'source') return this.sourceRelation(node, call.source[0], call.source[1]);
    return undefined;
  }

  private allowStatic?: boolean;

  /** Whether no project macro overrides ref, source or config (macros do not change while compiling). */
  private get staticAllowed(): boolean {
    return (this.allowStatic ??= staticParseAllowed((n) => this.env.registry.isOverridden(n)));
  }

  private refRelation(node: ManifestNode, call: RefCall, ephemerals: string[]): Relation {
    const target = this.refIndex.resolveRef(call, node.package_name, node.unique_id, node.location);
    if (target.config.materialized === 'ephemeral') {
      if (!ephemerals.includes(target.unique_id)) ephemerals.push(target.unique_id);
      return new EphemeralRelation(cteName(target.name), this.env.dialect);
    }
    return this.relationOf(target);
  }

  private sourceRelation(node: ManifestNode, s: string, t: string): Relation {
    const src = this.refIndex.resolveSource(s, t, node.unique_id, node.location);
    return new Relation({ database: src.database, schema: src.schema, identifier: src.identifier }, this.env.dialect, 'table');
  }

  /** Renders a Jinja string in the node's context (hooks, test kwargs, inline SQL). */
  async renderString(node: ManifestNode, text: string, options: CompileOptions = {}): Promise<string> {
    const ctx = this.context(node, options, []);
    return this.jinja.renderString(text, ctx, node.original_file_path);
  }

  private async collectCtes(id: string, out: InjectedCte[], seen: Set<string>): Promise<void> {
    if (seen.has(id)) return;
    seen.add(id);
    const node = this.manifest.nodes[id]!;
    let pending = this.ephemeralSql.get(id);
    if (!pending) {
      pending = this.compile(node);
      this.ephemeralSql.set(id, pending);
    }
    const compiled = await pending;
    // Every CTE is hoisted to the top level, nested ones first, each once.
    for (const c of compiled.ctes) {
      if (!seen.has(c.id)) {
        seen.add(c.id);
        out.push(c);
      }
    }
    out.push({ id, sql: compiled.body });
  }

  /** The render context of a node with execute = True (run-operation calls macros from it). */
  renderContext(node: ManifestNode, options: CompileOptions = {}): Record<string, unknown> {
    return this.context(node, options, []);
  }

  private context(node: ManifestNode, options: CompileOptions, ephemerals: string[]): Record<string, unknown> {
    const ref = (call: RefCall): Relation => this.refRelation(node, call, ephemerals);
    const source = (s: string, t: string): Relation => this.sourceRelation(node, s, t);
    return createRenderContext(this.env, {
      packageName: node.package_name,
      nodeName: node.unique_id,
      execute: true,
      thisRelation: node.resource_type === 'test' || node.resource_type === 'analysis' ? null : this.relationOf(node),
      model: node as unknown as Record<string, unknown>,
      isIncremental: options.isIncremental ?? false,
      ref,
      source,
      config: { set: () => undefined, get: (k) => node.config[k] },
      extra: options.extra,
    });
  }
}

export { cteName };
