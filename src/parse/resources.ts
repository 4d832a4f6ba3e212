// The manifest entries that are not rendered nodes: sources, docs blocks, exposures, unit tests and
// macro patches, built from the loaded schema YAML in dbt's v12 shapes.
import type { LoadedPackage, LoadedProject } from '../project/loaded-project.js';
import type { Documentation, Exposure, Manifest, RefCall, SourceDefinition, UnitTestDefinition } from '../project/manifest-types.js';
import type { RenderEnvironment } from '../context/dbt-context.js';
import { UserError, type ErrorCollector } from '../util/errors.js';
import { columnsFromPatches } from './node-factory.js';
import type { RefIndex } from './ref-index.js';

/** A package file's path relative to the root project (packages' files sit under dbt_packages/<name>/). */
export function relPath(pkg: LoadedPackage, project: LoadedProject, path: string): string {
  if (pkg.isRoot) return path;
  const prefix = pkg.rootDir.startsWith(project.rootDir) ? pkg.rootDir.slice(project.rootDir.length + 1) : pkg.rootDir;
  return `${prefix}/${path}`;
}

export function buildSources(project: LoadedProject, env: RenderEnvironment, targetDatabase: string | null, errors: ErrorCollector): Record<string, SourceDefinition> {
  const out: Record<string, SourceDefinition> = {};
  for (const pkg of project.packages) {
    for (const src of pkg.sources) {
      for (const t of src.tables) {
        const uniqueId = `source.${pkg.name}.${src.name}.${t.name}`;
        const database = src.database ?? targetDatabase;
        const enabled = (t.config.enabled ?? src.config.enabled ?? true) !== false;
        if (!enabled) continue;
        if (out[uniqueId]) {
          errors.add(new UserError(`source ${src.name}.${t.name} is defined twice`, { location: t.location }));
          continue;
        }
        const folder = src.path.split('/').slice(1, -1);
        out[uniqueId] = {
          unique_id: uniqueId,
          resource_type: 'source',
          package_name: pkg.name,
          name: t.name,
          source_name: src.name,
          source_description: src.description,
          identifier: t.identifier,
          database,
          schema: src.schema,
          relation_name: env.dialect.relation({ database, schema: src.schema, identifier: t.identifier }),
          loader: src.loader,
          loaded_at_field: t.loaded_at_field ?? src.loaded_at_field,
          loaded_at_query: t.loaded_at_query,
          freshness: t.freshness,
          path: src.path,
          original_file_path: relPath(pkg, project, src.path),
          fqn: [pkg.name, ...folder, src.name, t.name],
          description: t.description,
          columns: columnsFromPatches(t.columns),
          meta: { ...src.meta, ...t.meta },
          source_meta: src.meta,
          tags: [...new Set([...src.tags, ...t.tags])],
          config: { enabled: true, ...src.config, ...t.config },
          quoting: { ...src.quoting, ...t.quoting },
          external: t.external,
          patch_path: null,
          unrendered_config: {},
          created_at: Date.now() / 1000,
          location: t.location,
        };
      }
    }
  }
  return out;
}

export function buildDocs(project: LoadedProject): Record<string, Documentation> {
  const out: Record<string, Documentation> = {};
  for (const pkg of project.packages) {
    for (const d of pkg.docs) {
      const id = `doc.${pkg.name}.${d.name}`;
      out[id] = { unique_id: id, resource_type: 'doc', package_name: pkg.name, name: d.name, path: d.file.path, original_file_path: relPath(pkg, project, d.file.path), block_contents: d.contents.trim() };
    }
  }
  return out;
}

export async function buildExposures(project: LoadedProject, env: RenderEnvironment, index: RefIndex, errors: ErrorCollector): Promise<Record<string, Exposure>> {
  const out: Record<string, Exposure> = {};
  for (const pkg of project.packages) {
    for (const e of pkg.exposures) {
      const id = `exposure.${pkg.name}.${e.name}`;
      const refs: RefCall[] = [];
      const sources: [string, string][] = [];
      const deps = new Set<string>();
      for (const d of e.dependsOn) {
        const ref = /^\s*ref\(\s*['"]([^'"]+)['"](?:\s*,\s*['"]([^'"]+)['"])?\s*(?:,\s*v(?:ersion)?\s*=\s*['"]?([^'")]+)['"]?\s*)?\)\s*$/.exec(d);
        const src = /^\s*source\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]\s*\)\s*$/.exec(d);
        if (ref) {
          const call: RefCall = ref[2] ? { package: ref[1]!, name: ref[2], version: ref[3] ?? null } : { name: ref[1]!, version: ref[3] ?? null };
          refs.push(call);
          const n = errors.try(() => index.resolveRef(call, pkg.name, id, e.location));
          if (n) deps.add(n.unique_id);
        } else if (src) {
          sources.push([src[1]!, src[2]!]);
          const s = errors.try(() => index.resolveSource(src[1]!, src[2]!, id, e.location));
          if (s) deps.add(s.unique_id);
        } else {
          errors.add(new UserError(`exposure ${e.name}: depends_on entry '${d}' is not a ref() or source() call`, { location: e.location, hint: `Write "ref('model_name')" or "source('source_name', 'table_name')".` }));
        }
      }
      void env;
      out[id] = {
        unique_id: id, resource_type: 'exposure', package_name: pkg.name, name: e.name, type: e.type, owner: e.owner,
        description: e.description, label: e.label, maturity: e.maturity, url: e.url, path: e.path,
        original_file_path: relPath(pkg, project, e.path), fqn: [pkg.name, ...e.path.split('/').slice(1, -1), e.name],
        meta: e.meta, tags: e.tags, config: { enabled: true, ...e.config }, unrendered_config: {},
        depends_on: { macros: [], nodes: [...deps] }, refs, sources, metrics: [], created_at: Date.now() / 1000, location: e.location,
      };
    }
  }
  return out;
}

export function buildUnitTests(project: LoadedProject, index: RefIndex, errors: ErrorCollector): Record<string, UnitTestDefinition> {
  const out: Record<string, UnitTestDefinition> = {};
  for (const pkg of project.packages) {
    for (const u of pkg.unitTests) {
      const model = errors.try(() => index.resolveRef({ name: u.model }, pkg.name, `unit_test ${u.name}`, u.location));
      if (!model) continue;
      const id = `unit_test.${pkg.name}.${u.model}.${u.name}`;
      out[id] = {
        unique_id: id, resource_type: 'unit_test', package_name: pkg.name, name: u.name, model: u.model,
        given: u.given, expect: u.expect, overrides: u.overrides, description: u.description, path: u.path,
        original_file_path: relPath(pkg, project, u.path), fqn: [pkg.name, ...model.fqn.slice(1, -1), u.model, u.name],
        config: { enabled: true, tags: [], meta: {}, ...u.config } as UnitTestDefinition['config'],
        depends_on: { macros: [], nodes: [model.unique_id] }, created_at: Date.now() / 1000, location: u.location,
      };
    }
  }
  return out;
}

export function applyMacroPatches(project: LoadedProject, macros: Manifest['macros']): void {
  for (const pkg of project.packages) {
    for (const p of pkg.macroPatches) {
      const m = macros[`macro.${pkg.name}.${p.name}`];
      if (!m) continue;
      m.description = p.description;
      m.meta = p.meta;
      m.docs = p.docs;
      m.patch_path = `${pkg.name}://${p.patchPath}`;
      if (p.arguments.length) m.arguments = p.arguments;
    }
  }
}
