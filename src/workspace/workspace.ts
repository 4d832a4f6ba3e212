// One invocation's loaded state: the project, its manifest, the render environment and, when a
// command needs it, the warehouse connection. Commands open a Workspace, use it and close it.
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { JinjaEnvironment } from '../jinja/index.js';
import { loadProjectContents, loadProjectShell } from '../project/load-project.js';
import type { LoadedProject, LoadWarning } from '../project/loaded-project.js';
import type { Manifest } from '../project/manifest-types.js';
import type { Adapter, Dialect } from '../warehouse/adapter.js';
import { createAdapter, createOnDemandAdapter, dialectFor } from '../warehouse/index.js';
import type { RenderEnvironment } from '../context/dbt-context.js';
import { defaultDatabaseOf } from '../project/profiles.js';
import { BUILD_MACROS, ParseState, projectFiles, stateHash } from '../parse/parse-state.js';
import { reparse } from '../parse/reparse.js';
import { createYamlRenderer } from './yaml-renderer.js';
import type { GlobalOptions } from '../cli/global-options.js';
import type { Logger } from '../cli/logger.js';
import { ErrorCollector, UserError } from '../util/errors.js';
import { manifestMetadata, writeManifest } from '../artifacts/manifest.js';
import { markPhase } from '../util/timings.js';

export interface OpenOptions {
  /**
   * Open a warehouse connection (run, build, show, debug), or 'on-demand': connect at the first query
   * (compile, whose templates may run queries but mostly do not).
   */
  connect: boolean | 'on-demand';
  /** Flags for the `flags` template variable and artifacts (WHICH, FULL_REFRESH, …). */
  flags?: Record<string, unknown>;
  signal?: AbortSignal;
  /**
   * Whether the command renders SQL after parsing (compile, run, …: the default). `parse` and `ls`
   * say false: after a re-parse they never load the template engine.
   */
  render?: boolean;
}

export class Workspace {
  private constructor(
    readonly global: GlobalOptions,
    readonly logger: Logger,
    readonly project: LoadedProject,
    private readonly engine: JinjaEnvironment | null,
    private parsed: Manifest | null,
    /** The stored parse: manifest.json's bytes, and the manifest when a command asks for it. */
    private readonly state: ParseState,
    private readonly metadata: Manifest['metadata'],
    private readonly renderEnv: () => RenderEnvironment,
    readonly adapter: Adapter | null,
    readonly dialect: Dialect,
    readonly stats: { parseMs: number; rendered: number; cached: number },
    /** The stored parse being written (awaited before the command ends). */
    private readonly saving: Promise<void>,
  ) {}

  /** The template engine (not loaded for a command opened with render: false after a re-parse). */
  get jinja(): JinjaEnvironment {
    if (!this.engine) throw new Error('internal: workspace opened with render: false has no template engine');
    return this.engine;
  }

  /** The render environment (macros compiled): on first use, as `parse` alone never renders after a re-parse. */
  get env(): RenderEnvironment {
    return this.renderEnv();
  }

  /** Whether a command has had the manifest objects (and may have changed them, e.g. compiled code). */
  private handedOut = false;

  /** The parsed project. Built from the stored parse on first use when the project was re-parsed. */
  get manifest(): Manifest {
    this.handedOut = true;
    this.parsed ??= this.state.materialize(this.metadata, selectorsOf(this.project));
    return this.parsed;
  }

  /** How many nodes of each resource type, without building the manifest. */
  nodeCounts(): Record<string, number> {
    return this.state.typeCounts();
  }

  /** How many entries each manifest section holds (sources, exposures, macros, unit_tests). */
  sectionSize(name: 'sources' | 'exposures' | 'macros' | 'unit_tests'): number {
    return Object.keys(this.state.section<Record<string, unknown>>(name)).length;
  }

  get targetDir(): string {
    return resolve(this.project.rootDir, this.project.root.project.targetPath);
  }

  static async open(global: GlobalOptions, logger: Logger, options: OpenOptions): Promise<Workspace> {
    const projectDir = resolve(global.projectDir);
    if (!existsSync(join(projectDir, 'dbt_project.yml'))) {
      throw new UserError(`no dbt_project.yml found in ${projectDir}`, {
        hint: 'Run martflow inside a project folder, or pass --project-dir <folder holding dbt_project.yml>.',
      });
    }
    const started = performance.now();
    const yamlEnvVars: Record<string, string | null> = {};
    const loadOptions = {
      profilesDir: global.profilesDir,
      target: global.target,
      vars: global.vars,
      renderYaml: createYamlRenderer(global.vars, projectDir, yamlEnvVars),
    };
    const errors = new ErrorCollector();
    markPhase('start-up');
    const shell = await loadProjectShell(projectDir, loadOptions, errors);
    if (!shell || errors.errors.length) {
      if (shell) await loadProjectContents(shell, loadOptions, errors); // report every problem at once
      errors.throwIfAny();
      throw new Error('internal: project shell without errors or target');
    }
    // Read the stored parse in the thread pool while this thread lists the project's files.
    const storedParse = ParseState.loadInBackground(resolve(projectDir, shell.root.project.targetPath));
    markPhase('load dbt_project.yml, profiles');
    projectFiles(shell);
    markPhase('list project files');
    if (global.threads) shell.target.output.threads = global.threads;
    logger.setLogFile(resolve(projectDir, shell.root.project.logPath, 'martflow.log'));

    const adapter =
      options.connect === 'on-demand'
        ? await createOnDemandAdapter(shell.target.output, { projectDir }, defaultDatabaseOf(shell))
        : options.connect
          ? await createAdapter(shell.target.output, { projectDir })
          : null;
    markPhase('connect');
    try {
      const dialect = adapter?.dialect ?? (await dialectFor(shell.target.output.type));
      const targetDir = resolve(projectDir, shell.root.project.targetPath);
      const targetDatabase = adapter?.defaultDatabase ?? defaultDatabaseOf(shell);
      const packageNames = new Set([...shell.packages.map((p) => p.name), ...shell.builtinPackages.map((b) => b.name)]);
      const envBase: Omit<RenderEnvironment, 'registry'> = {
        adapter,
        adapterType: shell.target.output.type,
        dialect,
        target: shell.target,
        varSources: { projectVars: { ...shell.root.project.vars, ...shell.root.project.packageVars }, cliVars: shell.cliVars, packageNames },
        dispatch: shell.root.project.dispatch,
        invocationId: randomUUID(),
        runStartedAt: new Date(),
        flags: { WHICH: 'parse', FULL_REFRESH: false, STORE_FAILURES: false, ...(options.flags ?? {}) },
        projectName: shell.root.name,
        log: (message, info) => logger.log(info ? 'info' : 'debug', message),
        signal: options.signal,
      };
      const metadata = manifestMetadata(shell.root.name, envBase.invocationId, envBase.adapterType);
      const hash = stateHash(shell, targetDatabase, envBase.adapterType);

      // A stored parse of this project: re-parse only what changed.
      markPhase('project shell');
      const stored = await storedParse(hash);
      const render = options.render ?? true;
      const reparsed = stored ? await reparseOrExplain({ shell, state: stored, env: envBase, targetDatabase, render, renderYaml: loadOptions.renderYaml }) : 'no stored parse for this project, target and vars';
      if (stored && typeof reparsed !== 'string') {
        // Commands that build the manifest objects need the whole stored parse: wait for its read.
        if (render) await stored.dataLoaded();
        logger.debug(`re-parsed ${reparsed.rebuilt} changed node${reparsed.rebuilt === 1 ? '' : 's'}; the rest of the stored parse is reused`);
        markPhase('re-parse');
        const saving = stored.save();
        for (const w of reparsed.project.warnings) logWarning(logger, w);
        const sqlNodes = stored.nodeCount - (stored.typeCounts().seed ?? 0);
        const stats = { parseMs: performance.now() - started, rendered: reparsed.rebuilt, cached: sqlNodes - reparsed.rebuilt };
        return new Workspace(global, logger, reparsed.project, reparsed.jinja, null, stored, metadata, reparsed.env, adapter, dialect, stats, saving);
      }

      logger.debug(`parsing the whole project: ${reparsed}`);
      const project = await loadProjectContents(shell, loadOptions, errors);
      errors.throwIfAny();
      markPhase('read project files');
      for (const w of project.warnings) logWarning(logger, w);
      // The whole parse renders: load the template engine and the parser now.
      const [{ JinjaEnvironment }, { parseProject }, { PartialParseCache, environmentHash }] = await Promise.all([
        import('../jinja/index.js'),
        import('../parse/parse-project.js'),
        import('../parse/partial-parse.js'),
      ]);
      const jinja = new JinjaEnvironment();
      const cache = PartialParseCache.load(join(targetDir, 'partial_parse.json'), environmentHash(project));
      const parsed = await parseProject({ project, jinja, env: envBase, cache, metadata });
      cache.save();
      markPhase('parse');
      const state = ParseState.fromManifest(targetDir, parsed.manifest, {
        hash,
        files: projectFiles(shell),
        checksums: projectChecksums(project),
        nodeInputs: parsed.nodeInputs,
        yamlEnvVars,
        disabledNames: parsed.disabledNames,
        warnings: project.warnings.slice(shell.warnings.length),
        overridden: BUILD_MACROS.filter((name) => parsed.env.registry.isOverridden(name)),
      });
      markPhase('serialize stored parse');
      const saving = state.save();
      const stats = { parseMs: performance.now() - started, rendered: parsed.renderedCount, cached: cache.hits };
      return new Workspace(global, logger, project, jinja, parsed.manifest, state, metadata, () => parsed.env, adapter, dialect, stats, saving);
    } catch (e) {
      await adapter?.close();
      throw e;
    }
  }

  /** The adapter, or a user error naming the command that needs one. */
  requireAdapter(): Adapter {
    if (!this.adapter) throw new Error('internal: workspace opened without a connection');
    return this.adapter;
  }

  /**
   * Writes target/manifest.json: the stored bytes while no command has changed the manifest, with
   * the compiled fields spliced in after compiling.
   */
  writeManifest(): string {
    if (this.handedOut && this.parsed) {
      this.state.forgetManifest();
      if (this.state.writeCompiledManifest(this.targetDir, this.parsed)) return join(this.targetDir, 'manifest.json');
      this.logger.debug('manifest.json written from the manifest objects: they no longer match the stored parse');
      return writeManifest(this.targetDir, this.parsed);
    }
    return this.state.writeManifest(this.targetDir, this.metadata, selectorsOf(this.project));
  }

  async close(): Promise<void> {
    await this.saving;
    this.state.dispose();
    await this.adapter?.close();
  }
}

/** A re-parse; a stored parse that cannot be read (damaged, hand-edited) only means a whole parse. */
async function reparseOrExplain(input: Parameters<typeof reparse>[0]): Promise<Awaited<ReturnType<typeof reparse>>> {
  try {
    return await reparse(input);
  } catch (e) {
    if (e instanceof UserError) throw e;
    return `the stored parse could not be read (${(e as Error).message})`;
  }
}

function selectorsOf(project: LoadedProject): Manifest['selectors'] {
  return Object.fromEntries(project.selectors.map((s) => [s.name, s]));
}

function logWarning(logger: Logger, w: LoadWarning): void {
  logger.warn(w.location ? `${w.location.file}${w.location.line ? ':' + w.location.line : ''}: ${w.message}` : w.message);
}

/** sha256 of every file the parse read, by project-relative path. */
function projectChecksums(project: LoadedProject): Map<string, string> {
  const out = new Map<string, string>();
  for (const pkg of project.packages) {
    const files = [...pkg.models, ...pkg.analyses, ...pkg.singularTests, ...pkg.seeds, ...pkg.snapshots, ...pkg.macros, ...pkg.docs, ...pkg.schemaFiles].map((f) => f.file);
    for (const f of files) out.set(pkg.displayPrefix + f.path, f.checksum);
  }
  return out;
}
