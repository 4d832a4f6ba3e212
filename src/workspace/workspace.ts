// One invocation's loaded state: the project, its manifest, the render environment and, when a
// command needs it, the warehouse connection. Commands open a Workspace, use it and close it.
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { JinjaEnvironment } from '../jinja/index.js';
import { loadProject } from '../project/index.js';
import type { LoadedProject } from '../project/loaded-project.js';
import type { Manifest } from '../project/manifest-types.js';
import type { Adapter, Dialect } from '../warehouse/adapter.js';
import { createAdapter, dialectFor } from '../warehouse/index.js';
import type { RenderEnvironment } from '../context/dbt-context.js';
import { parseProject, defaultDatabaseOf } from '../parse/parse-project.js';
import { PartialParseCache, environmentHash } from '../parse/partial-parse.js';
import { createYamlRenderer } from './yaml-renderer.js';
import type { GlobalOptions } from '../cli/global-options.js';
import type { Logger } from '../cli/logger.js';
import { UserError } from '../util/errors.js';
import { writeManifest } from '../artifacts/manifest.js';

export interface OpenOptions {
  /** Open a warehouse connection (run, build, compile with run_query, show, debug). */
  connect: boolean;
  /** Flags for the `flags` template variable and artifacts (WHICH, FULL_REFRESH, …). */
  flags?: Record<string, unknown>;
  signal?: AbortSignal;
}

export class Workspace {
  private constructor(
    readonly global: GlobalOptions,
    readonly logger: Logger,
    readonly project: LoadedProject,
    readonly jinja: JinjaEnvironment,
    readonly manifest: Manifest,
    readonly env: RenderEnvironment,
    readonly adapter: Adapter | null,
    readonly stats: { parseMs: number; rendered: number; cached: number },
  ) {}

  get targetDir(): string {
    return resolve(this.project.rootDir, this.project.root.project.targetPath);
  }

  get dialect(): Dialect {
    return this.env.dialect;
  }

  static async open(global: GlobalOptions, logger: Logger, options: OpenOptions): Promise<Workspace> {
    const projectDir = resolve(global.projectDir);
    if (!existsSync(join(projectDir, 'dbt_project.yml'))) {
      throw new UserError(`no dbt_project.yml found in ${projectDir}`, {
        hint: 'Run martflow inside a project folder, or pass --project-dir <folder holding dbt_project.yml>.',
      });
    }
    const started = performance.now();
    const jinja = new JinjaEnvironment();
    const project = await loadProject(projectDir, {
      profilesDir: global.profilesDir,
      target: global.target,
      vars: global.vars,
      renderYaml: createYamlRenderer(jinja, global.vars, projectDir),
    });
    for (const w of project.warnings) logger.warn(w.location ? `${w.location.file}${w.location.line ? ':' + w.location.line : ''}: ${w.message}` : w.message);
    if (global.threads) project.target.output.threads = global.threads;
    logger.setLogFile(resolve(projectDir, project.root.project.logPath, 'martflow.log'));

    const adapter = options.connect ? await createAdapter(project.target.output, { projectDir }) : null;
    const dialect = adapter?.dialect ?? (await dialectFor(project.target.output.type));
    const targetDir = resolve(projectDir, project.root.project.targetPath);
    const cache = PartialParseCache.load(join(targetDir, 'partial_parse.json'), environmentHash(project));
    const packageNames = new Set([...project.packages.map((p) => p.name), ...project.builtinPackages.map((b) => b.name)]);
    const envBase: Omit<RenderEnvironment, 'registry'> = {
      adapter,
      adapterType: project.target.output.type,
      dialect,
      target: project.target,
      varSources: { projectVars: { ...project.root.project.vars, ...project.root.project.packageVars }, cliVars: project.cliVars, packageNames },
      dispatch: project.root.project.dispatch,
      invocationId: randomUUID(),
      runStartedAt: new Date(),
      flags: { WHICH: 'parse', FULL_REFRESH: false, STORE_FAILURES: false, ...(options.flags ?? {}) },
      projectName: project.root.name,
      log: (message, info) => logger.log(info ? 'info' : 'debug', message),
      signal: options.signal,
    };
    let parsed;
    try {
      parsed = await parseProject({ project, jinja, env: envBase, cache });
    } catch (e) {
      await adapter?.close();
      throw e;
    }
    cache.save();
    const stats = { parseMs: performance.now() - started, rendered: parsed.renderedCount, cached: cache.hits };
    void defaultDatabaseOf;
    return new Workspace(global, logger, project, jinja, parsed.manifest, parsed.env, adapter, stats);
  }

  /** The adapter, or a user error naming the command that needs one. */
  requireAdapter(): Adapter {
    if (!this.adapter) throw new Error('internal: workspace opened without a connection');
    return this.adapter;
  }

  writeManifest(): string {
    return writeManifest(this.targetDir, this.manifest);
  }

  async close(): Promise<void> {
    await this.adapter?.close();
  }
}
