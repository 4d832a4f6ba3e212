// Public surface of project loading. Everything outside src/project imports from here.
export type * from './loaded-project.js';
export { loadProject, loadProjectShell, loadProjectContents } from './load-project.js';
export type { ProjectShell } from './load-project.js';
export { PackageFileIndex, sha256 } from './read-files.js';
export type { FileStat } from './read-files.js';
export { installPackages } from './packages.js';
export type { InstallResult, InstalledPackage } from './packages.js';
export { resolveNodeConfig, createConfigResolver } from './resolve-config.js';
export type { ConfigLayers } from './resolve-config.js';
export type { ConfigResourceType } from './config-keys.js';
export { CONFIG_KEYS, configDefaults } from './config-keys.js';
export { validateConfigLayer } from './config-validate.js';
export { mergeConfig } from './config-merge.js';
export { synthesizeGenericTestNames, testHash } from './test-names.js';
export { findProfilesFile } from './profiles.js';
export { parseYaml, locationOf } from './yaml-source.js';
export { SELECTOR_METHODS } from './selectors-file.js';
export { varsFor } from './vars.js';
