// File discovery for one package: models, analyses, singular tests, seeds, snapshot blocks, macro
// files (with their {% test %} definitions), docs blocks and schema YAML files.
import { scanBlocks, scanGenericTests } from './blocks.js';
import type { DocBlock, LoadWarning, MacroFile, PackageFiles, ProjectConfig, SchemaFile, SeedFile, SnapshotBlock, SqlResourceFile } from './loaded-project.js';
import { baseName, fqnFor, readProjectFile, resourcePath, type PackageFileIndex } from './read-files.js';
import { UserError } from '../util/errors.js';
import type { ErrorCollector } from '../util/errors.js';

async function sqlResources(index: PackageFileIndex, pkg: string, dirs: string[], skip: (path: string) => boolean = () => false): Promise<SqlResourceFile[]> {
  const out: SqlResourceFile[] = [];
  for (const dir of dirs) {
    for (const path of index.list(dir, ['.sql'])) {
      if (skip(path)) continue;
      const file = readProjectFile(index.root, path);
      const rel = resourcePath(dir, path);
      const name = baseName(path);
      out.push({ name, path: rel, fqn: fqnFor(pkg, rel, name), file });
    }
  }
  return out;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Every folder a package's resources are read from (a file outside them is not part of the project). */
export function resourceFolders(project: ProjectConfig): string[] {
  return uniq([...project.modelPaths, ...project.seedPaths, ...project.snapshotPaths, ...project.analysisPaths, ...project.macroPaths, ...project.testPaths, ...project.docsPaths]);
}

/** The macro files of a package (macro paths and the tests/generic folders), with their {% test %} blocks. */
export async function discoverMacros(index: PackageFileIndex, project: ProjectConfig, displayPrefix = ''): Promise<MacroFile[]> {
  const at = (path: string, line?: number, col?: number) => ({ file: displayPrefix + path, line, col });
  const genericDirs = project.testPaths.map((d) => `${d}/generic`);
  const macros: MacroFile[] = [];
  for (const dir of uniq([...project.macroPaths, ...genericDirs])) {
    for (const path of index.list(dir, ['.sql'])) {
      const file = readProjectFile(index.root, path);
      const genericTests = scanGenericTests(file.text).map((t) => ({ name: t.name, location: at(path, t.line, t.col) }));
      macros.push({ path, file, genericTests });
    }
  }
  return macros;
}

/** Where schema YAML files are read from, in order (a file under two kinds counts for the first). */
export function schemaFolders(project: ProjectConfig): [string[], SchemaFile['folder']][] {
  return [
    [project.modelPaths, 'models'],
    [project.seedPaths, 'seeds'],
    [project.snapshotPaths, 'snapshots'],
    [project.analysisPaths, 'analyses'],
    [project.macroPaths, 'macros'],
    [project.testPaths, 'tests'],
  ];
}

export async function discoverFiles(index: PackageFileIndex, project: ProjectConfig, errors: ErrorCollector, warnings: LoadWarning[], displayPrefix = ''): Promise<PackageFiles> {
  const pkg = project.name;
  const root = index.root;
  const at = (path: string, line?: number, col?: number) => ({ file: displayPrefix + path, line, col });

  for (const dir of project.modelPaths) {
    for (const path of index.list(dir, ['.py'])) {
      errors.add(
        new UserError('Python models are not supported yet', {
          location: at(path),
          hint: 'Rewrite the model in SQL, or move the file out of the model paths.',
        }),
      );
    }
  }
  const models = await sqlResources(index, pkg, project.modelPaths);
  const analyses = await sqlResources(index, pkg, project.analysisPaths);
  const genericDirs = project.testPaths.map((d) => `${d}/generic/`);
  const singularTests = await sqlResources(index, pkg, project.testPaths, (p) => genericDirs.some((g) => p.startsWith(g)));

  const seeds: SeedFile[] = [];
  for (const dir of project.seedPaths) {
    for (const path of index.list(dir, ['.csv'])) {
      const rel = resourcePath(dir, path);
      const name = baseName(path);
      seeds.push({ name, path: rel, fqn: fqnFor(pkg, rel, name), file: readProjectFile(root, path) });
    }
  }

  const snapshots: SnapshotBlock[] = [];
  for (const dir of project.snapshotPaths) {
    for (const path of index.list(dir, ['.sql'])) {
      const file = readProjectFile(root, path);
      const rel = resourcePath(dir, path);
      const blocks = errors.try(() => scanBlocks(file.text, 'snapshot', displayPrefix + path));
      if (blocks?.length === 0) warnings.push({ message: 'no {% snapshot name %} … {% endsnapshot %} block in this file; it is ignored', location: at(path) });
      for (const b of blocks ?? []) {
        snapshots.push({ name: b.name, path: rel, fqn: fqnFor(pkg, rel, b.name), file, body: b.body, raw: b.raw, location: at(path, b.line, b.col) });
      }
    }
  }

  const macros = await discoverMacros(index, project, displayPrefix);

  const resourceDirs = uniq([...project.modelPaths, ...project.seedPaths, ...project.snapshotPaths, ...project.analysisPaths, ...project.macroPaths, ...project.testPaths]);
  const docs: DocBlock[] = [];
  const docsDirs = project.docsPaths.length > 0 ? project.docsPaths : resourceDirs;
  for (const dir of uniq(docsDirs)) {
    for (const path of index.list(dir, ['.md'])) {
      const file = readProjectFile(root, path);
      const blocks = errors.try(() => scanBlocks(file.text, 'docs', displayPrefix + path)) ?? [];
      for (const b of blocks) docs.push({ name: b.name, contents: b.body.trim(), file, location: at(path, b.line, b.col) });
    }
  }

  const schemaFiles: SchemaFile[] = [];
  const seen = new Set<string>();
  for (const [dirs, folder] of schemaFolders(project)) {
    for (const dir of dirs) {
      for (const path of index.list(dir, ['.yml', '.yaml'])) {
        if (seen.has(path)) continue;
        seen.add(path);
        schemaFiles.push({ file: readProjectFile(root, path), folder });
      }
    }
  }

  return { models, analyses, singularTests, seeds, snapshots, macros, docs, schemaFiles };
}
