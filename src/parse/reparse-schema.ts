// Re-parsing an edited schema YAML file of the root project from the stored parse: the models and
// analyses it patches (before or after the edit) and the generic tests it defines are built again
// with their new entries; tests it no longer defines are dropped and new ones added. Handled here:
// edits of model and analysis entries (descriptions, columns, meta, config, tests and their
// arguments and configs). Anything else — sources, exposures, macros, unit tests, groups, seeds,
// snapshots, versions, disabled nodes, env_var(), warnings — makes the caller parse everything.
import { join } from 'node:path';
import type { GenericTestInstance, LoadWarning, NodePatch, SchemaFile, YamlRenderer } from '../project/loaded-project.js';
import type { ProjectShell } from '../project/load-project.js';
import type { Exposure, Macro, SourceDefinition, UnitTestDefinition } from '../project/manifest-types.js';
import { schemaFolders } from '../project/discover.js';
import { emptySchemaContent, readSchemaFile } from '../project/schema-file.js';
import type { ErrorCollector } from '../util/errors.js';
import type { ParseState } from './parse-state.js';
import { patchFilePath } from './state-format.js';

export interface ChangedFile {
  path: string;
  text: string;
  checksum: string;
}

/** What the edited schema files change: node index → its new entry, or its test definition. */
export interface SchemaRebuild {
  patches: Map<number, NodePatch | undefined>;
  tests: Map<number, { test: GenericTestInstance; path: string }>;
  /** Tests the files define now and did not before. */
  added: { test: GenericTestInstance; path: string }[];
  /** Tests the files no longer define. */
  removed: Set<number>;
  /** Each edited file's nodes after the edit, by unique_id (the stored parse's record of them). */
  files: Map<string, string[]>;
}

/** The folder kind of a root-project schema YAML file at `path` (project-relative), or null. */
export function rootSchemaFolder(shell: ProjectShell, path: string): SchemaFile['folder'] | null {
  if (!/\.ya?ml$/i.test(path) || shell.packages.some((p) => !p.isRoot && p.displayPrefix !== '' && path.startsWith(p.displayPrefix))) return null;
  for (const [dirs, folder] of schemaFolders(shell.root.project)) if (dirs.some((dir) => path.startsWith(`${dir}/`))) return folder;
  return null;
}

/** Reads the edited files again and says which nodes to build again, or why everything must be parsed. */
export async function schemaRebuild(shell: ProjectShell, state: ParseState, changed: ChangedFile[], render: YamlRenderer, errors: ErrorCollector): Promise<SchemaRebuild | string> {
  const root = shell.root.name;
  const nodes = state.index.nodes;
  const position = new Map<string, number>();
  nodes.ids.forEach((id, i) => position.set(id, i));
  const out: SchemaRebuild = { patches: new Map(), tests: new Map(), added: [], removed: new Set(), files: new Map() };
  const addedIds = new Set<string>();
  const elsewhere = definedElsewhere(state, root);

  for (const { path, text, checksum } of changed) {
    const folder = rootSchemaFolder(shell, path);
    const why = (detail: string) => `${path} changed (${detail})`;
    if (!folder) return `${path} changed`;
    // Values read from the environment are recorded for the whole parse; keep that simple.
    if (text.includes('env_var')) return why('it calls env_var');
    if (elsewhere.has(path)) return why('it describes sources, exposures, unit tests, macros or disabled nodes');
    if (state.index.warnings.some((w) => w.location?.file === path)) return why('it had warnings');
    const before = state.yamlNodes(path);
    const testsBefore = new Set<number>();
    for (const i of before) {
      const type = nodes.types[i];
      if (type === 'test' && nodes.files[i] === null) testsBefore.add(i);
      else if ((type !== 'model' && type !== 'analysis') || nodes.files[i] === null) return why(`it describes ${nodes.ids[i]}`);
      else out.patches.set(i, undefined); // unless the file still patches it (below)
    }

    const content = emptySchemaContent();
    const warnings: LoadWarning[] = [];
    const file = { path, absolutePath: join(shell.rootDir, path), checksum, text };
    await readSchemaFile({ file, folder }, { packageName: root, render, errors, warnings }, content);
    errors.throwIfAny();
    const { sources, macroPatches, exposures, unitTests, groups } = content;
    if (warnings.length > 0) return why('it has warnings');
    if (sources.length + macroPatches.length + exposures.length + unitTests.length + groups.length > 0) return why('it describes sources, exposures, unit tests, macros or groups');

    const after: string[] = [];
    const patchedHere = new Set<number>();
    for (const patch of content.nodePatches) {
      const id = `${patch.kind}.${root}.${patch.name}`;
      const i = position.get(id);
      const what = `${patch.kind} ${patch.name}`;
      if (i === undefined) return why(`no enabled ${what} was parsed before`);
      if ((patch.kind !== 'model' && patch.kind !== 'analysis') || patch.versions.length > 0 || patch.group !== null) return why(`the entry of ${what}`);
      if (nodes.files[i] === null || patchedHere.has(i)) return why(`the entry of ${what}`);
      const stored = state.patch(i);
      if (stored && stored.patchPath !== path) return why(`${what} is described in ${stored.patchPath} too`); // a whole parse reports it
      out.patches.set(i, patch);
      patchedHere.add(i);
      after.push(id);
    }
    const kept = new Set<number>();
    for (const test of content.tests) {
      const i = position.get(test.uniqueId);
      if (i === undefined) {
        if (addedIds.has(test.uniqueId)) return why(`test ${test.name} is defined twice`);
        addedIds.add(test.uniqueId);
        out.added.push({ test, path });
      } else if (testsBefore.has(i) && !kept.has(i)) {
        kept.add(i);
        out.tests.set(i, { test, path });
      } else return why(`test ${test.uniqueId} is defined elsewhere too`);
      after.push(test.uniqueId);
    }
    for (const i of testsBefore) if (!kept.has(i)) out.removed.add(i);
    out.files.set(path, after);
  }
  return out;
}

/** Schema files that define anything besides model and analysis entries and tests (sources, exposures, …). */
function definedElsewhere(state: ParseState, root: string): Set<string> {
  const files = new Set<string>();
  for (const s of Object.values(state.section<Record<string, SourceDefinition>>('sources'))) if (s.package_name === root) files.add(s.original_file_path);
  for (const e of Object.values(state.section<Record<string, Exposure>>('exposures'))) if (e.package_name === root) files.add(e.original_file_path);
  for (const u of Object.values(state.section<Record<string, UnitTestDefinition>>('unit_tests'))) if (u.package_name === root) files.add(u.original_file_path);
  for (const m of Object.values(state.section<Record<string, Macro>>('macros'))) if (m.package_name === root && m.patch_path) files.add(patchFilePath(m.patch_path));
  // Disabled nodes keep their entries too (the stored parse does not list them per file).
  for (const list of Object.values(state.section<Record<string, { package_name: string; original_file_path: string; patch_path?: string | null }[]>>('disabled'))) {
    for (const n of list) {
      if (n.package_name !== root) continue;
      files.add(n.original_file_path);
      if (n.patch_path) files.add(patchFilePath(n.patch_path));
    }
  }
  return files;
}
