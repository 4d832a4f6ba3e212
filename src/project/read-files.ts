// Reading files of a package: walking resource folders, with sha256 checksums as dbt's FileHash.
import { hash } from 'node:crypto';
// Synchronous reads: a project is thousands of small files, and each asynchronous read is several
// thread-pool round trips; reading them in a loop is several times faster.
import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ProjectFile } from './loaded-project.js';

export function sha256(text: string): string {
  // One-shot crypto.hash: twice as fast as createHash for the thousands of small files of a project.
  return hash('sha256', text, 'hex');
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Size and modification time of a file, to tell whether it changed since the last parse. */
export interface FileStat {
  size: number;
  mtimeMs: number;
}

/**
 * The files of one package, walked once: posix path relative to the package root → size and mtime.
 * Hidden files and folders are skipped; symbolic links to folders are followed.
 */
export class PackageFileIndex {
  private readonly walked = new Map<string, Map<string, FileStat>>();

  constructor(readonly root: string) {}

  /** Every file under `dir` (relative to the root), walked on first use. */
  under(dir: string): Map<string, FileStat> {
    const key = toPosix(join(dir));
    let files = this.walked.get(key);
    if (!files) {
      files = new Map();
      walk(join(this.root, dir), key === '.' ? '' : key, files);
      this.walked.set(key, files);
    }
    return files;
  }

  /** Every file under `dir` whose name ends with one of `exts`, sorted. */
  list(dir: string, exts: string[]): string[] {
    const out: string[] = [];
    for (const path of this.under(dir).keys()) {
      const lower = path.toLowerCase();
      if (exts.some((x) => lower.endsWith(x))) out.push(path);
    }
    return out.sort();
  }

  /** The union of the walked folders, and how many folders it covers. */
  private union: Map<string, FileStat> | null = null;
  private unionOf = 0;

  /** Every file walked so far (the union over the folders asked for; made again only after a new walk). */
  all(): ReadonlyMap<string, FileStat> {
    if (!this.union || this.unionOf !== this.walked.size) {
      this.union = new Map();
      for (const files of this.walked.values()) for (const [path, stat] of files) this.union.set(path, stat);
      this.unionOf = this.walked.size;
    }
    return this.union;
  }
}

function walk(abs: string, rel: string, out: Map<string, FileStat>): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const childAbs = `${abs}${sep}${e.name}`; // abs is already normalized: no need for path.join
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    let isDir = e.isDirectory();
    let stat: Stats | undefined;
    if (e.isSymbolicLink() || !isDir) {
      try {
        stat = statSync(childAbs);
      } catch {
        continue; // a dangling link
      }
      isDir = stat.isDirectory();
    }
    if (isDir) walk(childAbs, childRel, out);
    else if (stat) out.set(childRel, { size: stat.size, mtimeMs: stat.mtimeMs });
  }
}

/** Reads one file (path relative to the package root). */
export function readProjectFile(root: string, path: string): ProjectFile {
  const absolutePath = join(root, path);
  const text = readFileSync(absolutePath, 'utf8');
  return { path: toPosix(path), absolutePath, checksum: sha256(text), text };
}

/** Path relative to the resource folder it was found in ("models/a/b.sql" under "models" → "a/b.sql"). */
export function resourcePath(resourceDir: string, path: string): string {
  return toPosix(relative(resourceDir, path));
}

/** dbt's fqn: [package, ...folders of the resource path, name]. */
export function fqnFor(packageName: string, resourceRelPath: string, name: string): string[] {
  const folders = resourceRelPath.split('/').slice(0, -1);
  return [packageName, ...folders, name];
}

export function baseName(path: string): string {
  const file = path.split('/').pop() ?? path;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}
