// The yaml package, loaded on first use: project files are read by martflow's fast reader
// (src/project/yaml-fast.ts), so most commands never need the package's 70 modules (~30 ms).
import { createRequire } from 'node:module';

type YamlPackage = typeof import('yaml');
let loaded: YamlPackage | null = null;

export function yamlPackage(): YamlPackage {
  loaded ??= createRequire(import.meta.url)('yaml') as YamlPackage;
  return loaded;
}
