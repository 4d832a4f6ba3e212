// @duckdb/node-api, loaded with require(). It is a CommonJS package: importing it as ESM makes Node
// scan its 124 files for their exports first, which costs every command that connects ~75 ms.
// Modules take values from `duckdb` and types from `import type … from '@duckdb/node-api'`.
import { createRequire } from 'node:module';
import type * as DuckDBApi from '@duckdb/node-api';

export const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDBApi;
