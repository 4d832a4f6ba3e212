// Where martflow's own macro packages live: include/ at the package root, beside src/ and dist/.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** include/ — src/parse/../../include in development, dist/parse/../../include when installed. */
export const INCLUDE_DIR = join(here, '..', '..', 'include');

/** dbt's internal macros (cross-database helpers, naming, generic tests) as package 'dbt'. */
export const GLOBAL_PROJECT_DIR = join(INCLUDE_DIR, 'global_project');

/** Packages martflow provides natively under their dbt names: include/packages/<name>/ (macros, tests). */
export const BUILTIN_PACKAGES_DIR = join(INCLUDE_DIR, 'packages');
