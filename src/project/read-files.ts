// Reading files of a package: walking resource folders, with sha256 checksums as dbt's FileHash.
import { createHash } from 'node:crypto';
// Synchronous reads: a project is thousands of small files, and each asynchronous read is several
// thread-pool round trips; reading them in a loop is several times faster.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ProjectFile } from './loaded-project.js';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Every file under root/dir whose name ends with one of `exts`, sorted, skipping hidden folders. */
export async function listFiles(root: string, dir: string, exts: string[]): Promise<string[]> {
  const base = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(base, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return entries
    .map(toPosix)
    .filter((e) => exts.some((x) => e.toLowerCase().endsWith(x)))
    .filter((e) => !e.split('/').some((part) => part.startsWith('.')))
    .map((e) => toPosix(join(dir, e)))
    .sort();
}

/** Reads one file (path relative to the package root). */
export async function readProjectFile(root: string, path: string): Promise<ProjectFile> {
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
