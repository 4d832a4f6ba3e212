// loadProject: a project folder → LoadedProject. Reads dbt_project.yml, packages, profiles.yml,
// every package's files and schema YAML, and selectors.yml; collects every user error and throws
// them together at the end, so one run shows all problems with their file:line:col.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { discoverFiles, resourceFolders } from './discover.js';
import type { LoadedPackage, LoadedProject, LoadProjectOptions, LoadWarning, PackageShell, ProjectConfig } from './loaded-project.js';

export type { PackageShell } from './loaded-project.js';
import { readPackageList } from './packages.js';
import { resolveTarget } from './profiles.js';
import { readDbtProjectFile } from './project-file.js';
import { PackageFileIndex, toPosix } from './read-files.js';
import { emptySchemaContent, readSchemaFile } from './schema-file.js';
import { readSelectors } from './selectors-file.js';
import { checkDuplicates } from './duplicates.js';
import { ErrorCollector, UserError } from '../util/errors.js';

async function installedPackageDirs(installDir: string): Promise<string[]> {
  if (!existsSync(installDir)) return [];
  const entries = await readdir(installDir, { withFileTypes: true });
  return entries
    .filter((e) => (e.isDirectory() || e.isSymbolicLink()) && existsSync(join(installDir, e.name, 'dbt_project.yml')))
    .map((e) => join(installDir, e.name))
    .sort();
}

async function loadPackage(
  shell: PackageShell,
  opts: LoadProjectOptions,
  errors: ErrorCollector,
  warnings: LoadWarning[],
): Promise<LoadedPackage> {
  const files = await discoverFiles(shell.fileIndex, shell.project, errors, warnings, shell.displayPrefix);
  const content = emptySchemaContent();
  for (const schema of files.schemaFiles) {
    await readSchemaFile(schema, { packageName: shell.name, render: opts.renderYaml, errors, warnings, displayPrefix: shell.displayPrefix }, content);
  }
  return { ...shell, ...files, ...content };
}


/** The project before any resource file is read: configs, target, packages and their file lists. */
export interface ProjectShell extends Omit<LoadedProject, 'root' | 'packages'> {
  root: PackageShell;
  packages: PackageShell[];
}

/** A package's shell; its folders are walked on first use (see walkResourceFolders). */
function packageShell(dir: string, project: ProjectConfig, isRoot: boolean, displayPrefix: string): PackageShell {
  return { name: project.name, rootDir: dir, isRoot, displayPrefix, project, fileIndex: new PackageFileIndex(dir) };
}

/** Walks every resource folder of the package (once; later calls are free). */
export function walkResourceFolders(pkg: PackageShell): void {
  for (const folder of resourceFolders(pkg.project)) pkg.fileIndex.under(folder);
}

/**
 * Reads dbt_project.yml (root and installed packages), packages.yml, profiles.yml and selectors.yml,
 * and lists (not reads) every package's files. Errors go to `errors`.
 */
export async function loadProjectShell(projectDir: string, opts: LoadProjectOptions, errors: ErrorCollector): Promise<ProjectShell | null> {
  const warnings: LoadWarning[] = [];
  const rootDir = resolve(projectDir);
  const installDirs = await (async () => {
    // The install path is only known after reading dbt_project.yml; read it twice is cheap but
    // package names are needed to split vars, so read the root once with an empty set first.
    const probe = await readDbtProjectFile(rootDir, new ErrorCollector(), { render: opts.renderYaml });
    return installedPackageDirs(resolve(rootDir, probe.packagesInstallPath));
  })();
  const pkgNames = new Set(installDirs.map((d) => d.split(/[\\/]/).pop()!));
  const packageList = await readPackageList(rootDir, opts.renderYaml, errors);
  for (const b of packageList.builtin) pkgNames.add(b.name);
  const rootProject = await readDbtProjectFile(rootDir, errors, { render: opts.renderYaml, packageNames: pkgNames });

  // Every local package in packages.yml must have been installed by `deps`.
  for (const spec of packageList.specs.filter((s) => s.kind === 'local')) {
    const from = resolve(rootDir, spec.source);
    const probe = await errors.tryAsync(() => readDbtProjectFile(from, new ErrorCollector(), { render: opts.renderYaml, displayPath: `${spec.source}/dbt_project.yml` }));
    if (probe && !existsSync(join(rootDir, rootProject.packagesInstallPath, probe.name, 'dbt_project.yml'))) {
      errors.add(new UserError(`package '${probe.name}' (${spec.source}) is not installed`, { location: spec.location, hint: 'Run `martflow deps` to install the packages in packages.yml.' }));
    }
  }

  const target = await errors.tryAsync(() =>
    resolveTarget({ projectDir: rootDir, profilesDir: opts.profilesDir, homeDir: opts.homeDir, profileName: rootProject.profile, target: opts.target, render: opts.renderYaml }),
  );
  if (target?.note) warnings.push({ message: target.note });

  const root = packageShell(rootDir, rootProject, true, '');
  const packages: PackageShell[] = [root];
  for (const dir of installDirs) {
    const prefix = toPosix(relative(rootDir, dir)) + '/';
    const project = await errors.tryAsync(() => readDbtProjectFile(dir, errors, { render: opts.renderYaml, packageNames: pkgNames, displayPath: `${prefix}dbt_project.yml` }));
    if (!project) continue;
    if (project.name === rootProject.name) {
      errors.add(new UserError(`installed package '${project.name}' has the same name as the root project`, { location: project.location, hint: 'Rename one of the two projects.' }));
      continue;
    }
    packages.push(packageShell(dir, project, false, prefix));
  }
  const selectors = (await errors.tryAsync(() => readSelectors(rootDir, opts.renderYaml, errors))) ?? [];
  if (!target) return null;
  return {
    rootDir,
    root,
    packages,
    builtinPackages: packageList.builtin,
    packageSpecs: packageList.specs,
    target,
    cliVars: opts.vars ?? {},
    selectors,
    warnings,
  };
}

/** Reads every package's files and schema YAML. */
export async function loadProjectContents(shell: ProjectShell, opts: LoadProjectOptions, errors: ErrorCollector): Promise<LoadedProject> {
  const warnings = [...shell.warnings];
  const packages: LoadedPackage[] = [];
  for (const p of shell.packages) packages.push(await loadPackage(p, opts, errors, warnings));
  for (const pkg of packages) checkDuplicates(pkg, errors);
  return { ...shell, root: packages[0]!, packages, warnings };
}

export async function loadProject(projectDir: string, opts: LoadProjectOptions): Promise<LoadedProject> {
  const errors = new ErrorCollector();
  const shell = await loadProjectShell(projectDir, opts, errors);
  if (!shell) {
    errors.throwIfAny();
    throw new Error('internal: project shell without errors or target');
  }
  const project = await loadProjectContents(shell, opts, errors);
  errors.throwIfAny();
  return project;
}
