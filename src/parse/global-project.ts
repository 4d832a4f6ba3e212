// Where martflow's own macro packages live: include/ at the package root, beside src/ and dist/.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** include/ — src/parse/../../include in development, dist/parse/../../include when installed. */
export const INCLUDE_DIR = join(here, '..', '..', 'include');

/** dbt's internal macros (cross-database helpers, naming, generic tests) as package 'dbt'. */
export const GLOBAL_PROJECT_DIR = join(INCLUDE_DIR, 'global_project');

/** Packages martflow provides natively under their dbt names: include/packages/<name>/ (macros, tests). */
export const BUILTIN_PACKAGES_DIR = join(INCLUDE_DIR, 'packages');

/** Every .sql file under `dir`, sorted (absolute paths). */
export function listSqlFiles(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries.sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) listSqlFiles(p, out);
    else if (e.endsWith('.sql')) out.push(p);
  }
  return out;
}

/** Path, size and mtime of every macro file martflow ships (a change to one invalidates stored parses). */
export function internalMacroFileStats(): [string, { size: number; mtimeMs: number }][] {
  const out: [string, { size: number; mtimeMs: number }][] = [];
  for (const dir of [GLOBAL_PROJECT_DIR, BUILTIN_PACKAGES_DIR]) {
    for (const abs of listSqlFiles(dir)) {
      const st = statSync(abs);
      out.push([abs, { size: st.size, mtimeMs: st.mtimeMs }]);
    }
  }
  return out;
}
