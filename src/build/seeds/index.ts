// Seeds' public surface.
export { buildSeed, seedColumns, type SeedInput } from './seed.js';
export { readCsv, type CsvTable } from './csv-read.js';
export { inferColumnType, type SeedType } from './infer-types.js';
