// Parse-time rendering: a node's SQL is rendered once with execute = False to learn what it calls —
// ref(), source(), config() and macros — as dbt's parser does. Nothing touches the warehouse.
import type { CompiledTemplate } from '../jinja/api.js';
import type { JinjaEnvironment } from '../jinja/index.js';
import { renderTestKwargs } from '../context/test-kwargs.js';
import { createRenderContext, type RenderEnvironment } from '../context/dbt-context.js';
import { Relation } from '../context/relation.js';
import type { RefCall } from '../project/manifest-types.js';
import { staticArgumentCall } from './static-parse.js';

export interface Capture {
  refs: RefCall[];
  sources: [string, string][];
  /** kwargs of config() calls, merged in call order. */
  config: Record<string, unknown>;
  /** Macros the node's own template calls: dbt's depends_on.macros. */
  macros: string[];
  /** Every macro the render reached, through other macros too (set when the node was rendered). */
  reached?: string[];
  /** Environment variables the render read, with their values then (null: unset). */
  envVars?: Record<string, string | null>;
}

export interface CaptureInput {
  template: CompiledTemplate;
  packageName: string;
  nodeName: string;
  /** Config known before the render (project tree + schema YAML), for config.get at parse time. */
  knownConfig: Record<string, unknown>;
  model: Record<string, unknown>;
  extra?: Record<string, unknown>;
  /** Generic tests: their arguments, rendered in the node's context so their refs are captured. */
  testKwargs?: Record<string, unknown>;
  jinja?: JinjaEnvironment;
  file?: string;
  targetSchema: string;
}

export async function captureRender(env: RenderEnvironment, input: CaptureInput): Promise<Capture> {
  const capture: Capture = { refs: [], sources: [], config: {}, macros: [] };
  const called = new Set<string>();
  const reached = new Set<string>();
  const testKwargs: Record<string, unknown> = {};
  const placeholder = (name: string) => new Relation({ database: null, schema: input.targetSchema, identifier: name }, env.dialect);
  const ctx = createRenderContext(env, {
    packageName: input.packageName,
    nodeName: input.nodeName,
    execute: false,
    thisRelation: placeholder(String(input.model.name ?? 'this')),
    model: input.model,
    isIncremental: false,
    ref: (call) => {
      capture.refs.push(call);
      return placeholder(call.name);
    },
    source: (s, t) => {
      if (!capture.sources.some(([a, b]) => a === s && b === t)) capture.sources.push([s, t]);
      return placeholder(t);
    },
    config: {
      set: (kw) => Object.assign(capture.config, kw),
      get: (k) => (k in capture.config ? capture.config[k] : input.knownConfig[k]),
    },
    extra: { ...input.extra, _dbt_generic_test_kwargs: testKwargs },
    onMacroUsed: (id) => reached.add(id),
    onMacroCalled: (id) => called.add(id),
    onEnvVarRead: (name) => {
      (capture.envVars ??= {})[name] = process.env[name] ?? null;
    },
  });
  if (input.testKwargs && input.jinja) {
    // Arguments that are only a ref()/source() (the usual `model`) are read without rendering.
    const dynamic: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input.testKwargs)) {
      const call = typeof v === 'string' ? staticArgumentCall(v) : null;
      if (call?.whereSubquery) {
        // Read without rendering, but the argument calls get_where_subquery all the same.
        const macro = env.registry.resolve('get_where_subquery', input.packageName);
        if (macro) {
          called.add(macro.uniqueId);
          reached.add(macro.uniqueId);
        }
      }
      if (call?.kind === 'ref') {
        capture.refs.push({ ...call.call });
        testKwargs[k] = placeholder(call.call.name);
      } else if (call?.kind === 'source') {
        if (!capture.sources.some(([a, b]) => a === call.source[0] && b === call.source[1])) capture.sources.push([call.source[0], call.source[1]]);
        testKwargs[k] = placeholder(call.source[1]);
      } else dynamic[k] = v;
    }
    await renderTestKwargs(input.jinja, dynamic, ctx, input.file ?? '', testKwargs);
  }
  await input.template.render(ctx);
  capture.macros = [...called].sort();
  capture.reached = [...reached].sort();
  return capture;
}
