// packages.yml / dependencies.yml. `local:` packages are installed (copied) into
// packages-install-path by `deps`; dbt_utils and dbt_expectations from the hub or git are
// "builtin" (martflow provides them natively); any other remote package is a clear error.
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BuiltinPackage, PackageSpec, YamlRenderer } from './loaded-project.js';
import { readDbtProjectFile as readDbtProject } from './project-file.js';
import { renderTree } from './render-yaml.js';
import { isRecord, locationOf, parseYaml } from './yaml-source.js';
import { ErrorCollector, UserError } from '../util/errors.js';
import type { SourceLocation } from '../util/errors.js';

/** Hub names / git repositories martflow provides itself, mapped to the package name. */
const BUILTIN_HUB: Record<string, string> = {
  'dbt-labs/dbt_utils': 'dbt_utils',
  'fishtown-analytics/dbt_utils': 'dbt_utils',
  'calogica/dbt_expectations': 'dbt_expectations',
  'metaplane/dbt_expectations': 'dbt_expectations',
};
const BUILTIN_GIT: Record<string, string> = {
  'dbt-labs/dbt-utils': 'dbt_utils',
  'fishtown-analytics/dbt-utils': 'dbt_utils',
  'calogica/dbt-expectations': 'dbt_expectations',
  'metaplane/dbt-expectations': 'dbt_expectations',
};

export interface PackageList {
  specs: PackageSpec[];
  builtin: BuiltinPackage[];
}

function gitRepoName(url: string): string {
  return url.replace(/\.git$/, '').replace(/^.*github\.com[:/]/, '').toLowerCase();
}

function versionOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

/** Reads packages.yml or dependencies.yml (not both) from the project folder. */
export async function readPackageList(projectDir: string, render: YamlRenderer, errors: ErrorCollector): Promise<PackageList> {
  const out: PackageList = { specs: [], builtin: [] };
  const found: { file: string; packages: unknown; loc: SourceLocation; container: Record<string, unknown> }[] = [];
  for (const file of ['packages.yml', 'dependencies.yml']) {
    const path = join(projectDir, file);
    if (!existsSync(path)) continue;
    const parsed = parseYaml(await readFile(path, 'utf8'), file);
    if (parsed.value === null || parsed.value === undefined) continue;
    if (!isRecord(parsed.value)) {
      errors.add(new UserError(`${file} must be a mapping with 'packages:'`, { location: parsed.location }));
      continue;
    }
    // dbt renders packages.yml with env_var() only (secrets stay secret); the renderer decides.
    await renderTree(parsed.value, render, () => true, parsed.location);
    if (parsed.value.projects !== undefined) {
      errors.add(new UserError(`'projects:' in ${file} (cross-project refs) is not supported by martflow`, { location: locationOf(parsed.value, 'projects', parsed.location), hint: 'Install the other project as a local package instead.' }));
    }
    if (parsed.value.packages !== undefined) found.push({ file, packages: parsed.value.packages, loc: locationOf(parsed.value, 'packages', parsed.location), container: parsed.value });
  }
  if (found.length > 1) {
    errors.add(new UserError("both packages.yml and dependencies.yml list 'packages:'", { location: found[1]!.loc, hint: 'Keep the package list in one of the two files.' }));
  }
  const first = found[0];
  if (!first) return out;
  if (!Array.isArray(first.packages)) {
    errors.add(new UserError("'packages:' must be a list", { location: first.loc }));
    return out;
  }
  const list = first.packages;
  list.forEach((p, i) => {
    const at = locationOf(list, i, first.loc);
    if (!isRecord(p)) {
      errors.add(new UserError('each package must be a mapping (local:, package:, git:)', { location: at }));
      return;
    }
    if (typeof p.local === 'string') {
      out.specs.push({ kind: 'local', source: p.local, location: at });
    } else if (typeof p.package === 'string') {
      const name = BUILTIN_HUB[p.package.toLowerCase()];
      if (!name) {
        errors.add(new UserError(`package '${p.package}' cannot be installed: martflow installs local packages only`, {
          location: at,
          hint: `Vendor it into a folder and use '- local: <path>'. Built in: ${Object.keys(BUILTIN_HUB).join(', ')}.`,
        }));
        return;
      }
      out.specs.push({ kind: 'builtin', source: p.package, location: at });
      out.builtin.push({ name, source: p.package, version: versionOf(p.version) });
    } else if (typeof p.git === 'string' || typeof p.tarball === 'string' || typeof p.private === 'string') {
      const url = String(p.git ?? p.tarball ?? p.private);
      const name = typeof p.git === 'string' ? BUILTIN_GIT[gitRepoName(p.git)] : undefined;
      if (!name) {
        errors.add(new UserError(`package ${url} cannot be fetched: martflow installs local packages only`, {
          location: at,
          hint: "Clone it into a folder and use '- local: <path>'.",
        }));
        return;
      }
      out.specs.push({ kind: 'builtin', source: url, location: at });
      out.builtin.push({ name, source: url, version: versionOf(p.revision) });
    } else {
      errors.add(new UserError("a package needs 'local:', 'package:' or 'git:'", { location: at }));
    }
  });
  return out;
}

export interface InstalledPackage {
  name: string;
  from: string;
  to: string;
}

export interface InstallResult {
  installed: InstalledPackage[];
  builtin: BuiltinPackage[];
}

/**
 * The `deps` command: copies each local package into <packages-install-path>/<its project name>,
 * replacing an earlier copy. Builtin packages need no files.
 */
export async function installPackages(projectDir: string, opts: { renderYaml: YamlRenderer }): Promise<InstallResult> {
  const errors = new ErrorCollector();
  const root = await readDbtProject(projectDir, errors, { render: opts.renderYaml });
  const list = await readPackageList(projectDir, opts.renderYaml, errors);
  errors.throwIfAny();
  const installDir = resolve(projectDir, root.packagesInstallPath);
  const installed: InstalledPackage[] = [];
  for (const spec of list.specs.filter((s) => s.kind === 'local')) {
    const from = resolve(projectDir, spec.source);
    if (!existsSync(join(from, 'dbt_project.yml'))) {
      errors.add(new UserError(`local package '${spec.source}' has no dbt_project.yml (looked in ${from})`, { location: spec.location }));
      continue;
    }
    const pkg = await errors.tryAsync(() => readDbtProject(from, new ErrorCollector(), { render: opts.renderYaml, displayPath: `${spec.source}/dbt_project.yml` }));
    if (!pkg) continue;
    const to = join(installDir, pkg.name);
    await rm(to, { recursive: true, force: true });
    await mkdir(installDir, { recursive: true });
    const skip = new Set(['.git', 'target', 'logs', pkg.packagesInstallPath].map((d) => resolve(from, d)));
    await cp(from, to, { recursive: true, filter: (src) => !skip.has(resolve(src)) });
    installed.push({ name: pkg.name, from, to });
  }
  errors.throwIfAny();
  return { installed, builtin: list.builtin };
}
