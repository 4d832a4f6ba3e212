// Compiles every macro file (martflow's global project, the root project, installed packages) and
// fills the MacroRegistry that renders resolve names through, plus the manifest's macro entries.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sha256 } from '../project/read-files.js';
import type { JinjaEnvironment } from '../jinja/index.js';
import type { CompiledTemplate } from '../jinja/api.js';
import type { LoadedProject, MacroFile } from '../project/loaded-project.js';
import type { Macro } from '../project/manifest-types.js';
import { MacroRegistry } from '../context/macro-registry.js';
import { resolveDispatch } from '../context/dispatch.js';
import { ErrorCollector, UserError } from '../util/errors.js';
import { BUILTIN_PACKAGES_DIR, GLOBAL_PROJECT_DIR, listSqlFiles } from './global-project.js';

export const INTERNAL_PACKAGE = 'dbt';

/** Macro files under a folder of martflow's include/, read once per process. */
const includedFiles = new Map<string, MacroFile[]>();
function readIncluded(dir: string): MacroFile[] {
  let files = includedFiles.get(dir);
  if (files) return files;
  files = listSqlFiles(dir).map((abs) => {
    const text = readFileSync(abs, 'utf8');
    const path = relative(dir, abs).split('\\').join('/');
    return { path, file: { path, absolutePath: abs, checksum: sha256(text), text }, genericTests: [] };
  });
  includedFiles.set(dir, files);
  return files;
}

/** The internal package's macro files. */
export function internalMacroFiles(): MacroFile[] {
  return readIncluded(GLOBAL_PROJECT_DIR);
}

/** Macros of a package martflow provides natively (dbt_utils, dbt_expectations): include/packages/<name>. */
export function builtinPackageMacroFiles(name: string): MacroFile[] {
  return readIncluded(join(BUILTIN_PACKAGES_DIR, name));
}

export interface CompiledMacros {
  registry: MacroRegistry;
  macros: Record<string, Macro>;
}

/** Names of macros a macro body calls, found statically (dbt records these as depends_on.macros). */
function calledNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/([A-Za-z_][\w.]*)\s*\(/g)) names.add(m[1]!);
  return names;
}

/** adapter.dispatch('name'[, 'namespace']) calls with literal arguments: [name, namespace or null]. */
function dispatchCalls(source: string): [string, string | null][] {
  const calls: [string, string | null][] = [];
  const pattern = /adapter\.dispatch\(\s*(?:macro_name\s*=\s*)?(['"])(\w+)\1\s*(?:,\s*(?:macro_namespace\s*=\s*)?(['"])(\w+)\3)?/g;
  for (const m of source.matchAll(pattern)) calls.push([m[2]!, m[4] ?? null]);
  return calls;
}

/** Every package's macro files, in the order their macros are registered, with the path errors show. */
function macroSources(project: LoadedProject): { pkg: string; f: MacroFile; displayPath: string }[] {
  const sources: { pkg: string; files: MacroFile[]; displayRoot: string }[] = [
    { pkg: INTERNAL_PACKAGE, files: internalMacroFiles(), displayRoot: 'martflow/include/global_project' },
    ...project.builtinPackages.map((b) => ({ pkg: b.name, files: builtinPackageMacroFiles(b.name), displayRoot: `martflow/include/packages/${b.name}` })),
    ...project.packages.map((p) => ({ pkg: p.name, files: p.macros, displayRoot: relative(project.rootDir, p.rootDir) })),
  ];
  return sources.flatMap(({ pkg, files, displayRoot }) => files.map((f) => ({ pkg, f, displayPath: displayRoot ? `${displayRoot}/${f.path}` : f.path })));
}

export function compileMacros(project: LoadedProject, jinja: JinjaEnvironment, errors: ErrorCollector): CompiledMacros {
  const registry = new MacroRegistry(project.root.name, [INTERNAL_PACKAGE]);
  const macros: Record<string, Macro> = {};
  const now = Date.now() / 1000;
  for (const { pkg, f, displayPath } of macroSources(project)) {
    const template = errors.try(() => jinja.compile(f.file.text, displayPath));
    if (!template) continue;
    for (const info of template.macros) {
      const uniqueId = `macro.${pkg}.${info.name}`;
      if (macros[uniqueId]) {
        errors.add(
          new UserError(`dbt found two macros named "${info.name}" in the project "${pkg}"`, {
            location: { file: displayPath, line: info.line },
            hint: `The other is in ${macros[uniqueId]!.original_file_path}. Rename or remove one of them.`,
          }),
        );
        continue;
      }
      registry.add({ name: info.name, packageName: pkg, template, uniqueId });
      macros[uniqueId] = {
        unique_id: uniqueId,
        resource_type: 'macro',
        package_name: pkg,
        name: info.name,
        path: f.path,
        original_file_path: f.path,
        macro_sql: info.source,
        depends_on: { macros: [] },
        description: '',
        meta: {},
        docs: { show: true },
        patch_path: null,
        arguments: info.params.map((p) => ({ name: p.name, type: null, description: '' })),
        created_at: now,
        supported_languages: null,
        location: { file: displayPath, line: info.line },
      };
    }
  }
  // Static macro dependencies: calls to names that resolve to macros, as seen from the macro's package,
  // and what adapter.dispatch calls resolve to for this target (as dbt's macro parser records them).
  const search = { registry, adapterType: project.target.output.type, dispatch: project.root.project.dispatch };
  for (const macro of Object.values(macros)) {
    const deps = new Set<string>();
    for (const name of calledNames(macro.macro_sql)) {
      const dot = name.indexOf('.');
      const found = dot > 0 ? registry.inPackage(name.slice(0, dot), name.slice(dot + 1)) : registry.resolve(name, macro.package_name);
      if (found && found.uniqueId !== macro.unique_id) deps.add(found.uniqueId);
    }
    for (const [name, namespace] of dispatchCalls(macro.macro_sql)) {
      const found = resolveDispatch(search, name, namespace).macro;
      if (found && found.uniqueId !== macro.unique_id) deps.add(found.uniqueId);
    }
    macro.depends_on.macros = [...deps].sort();
  }
  return { registry, macros };
}

/**
 * The registry of a re-parse: the macros the stored parse recorded (`stored`, its macros section),
 * each file compiled when one of its macros is first called. A re-parse happens only while every
 * macro file is as that parse read it (reparse.ts), so the names are the ones compiling would find;
 * a file the stored parse has no macros for is compiled now.
 */
export function lazyMacroRegistry(project: LoadedProject, jinja: JinjaEnvironment, stored: Record<string, Macro>): MacroRegistry {
  const registry = new MacroRegistry(project.root.name, [INTERNAL_PACKAGE]);
  const byFile = new Map<string, Macro[]>();
  for (const m of Object.values(stored)) {
    const key = `${m.package_name}\0${m.original_file_path}`;
    const list = byFile.get(key);
    if (list) list.push(m);
    else byFile.set(key, [m]);
  }
  for (const { pkg, f, displayPath } of macroSources(project)) {
    const recorded = byFile.get(`${pkg}\0${f.path}`);
    let template: CompiledTemplate | undefined;
    const compile = (): CompiledTemplate => (template ??= jinja.compile(f.file.text, displayPath));
    const names = recorded?.map((m) => m.name) ?? compile().macros.map((info) => info.name);
    for (const name of names) {
      registry.add({
        name,
        packageName: pkg,
        uniqueId: `macro.${pkg}.${name}`,
        get template() {
          return compile();
        },
      });
    }
  }
  return registry;
}
