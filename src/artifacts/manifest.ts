// target/manifest.json in dbt's v12 shape. martflow-only fields (node.location) are left out so the
// file validates against dbt's schema.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { overwriteFile } from '../util/overwrite-file.js';
import { join } from 'node:path';
import type { Manifest } from '../project/manifest-types.js';
import { VERSION } from '../version.js';

const MARTFLOW_ONLY = new Set(['location']);

const DBT_SCHEMA_VERSION = 'https://schemas.getdbt.com/dbt/manifest/v12.json';

/** The manifest's metadata block. */
export function manifestMetadata(projectName: string, invocationId: string, adapterType: string): Manifest['metadata'] {
  return {
    dbt_schema_version: DBT_SCHEMA_VERSION,
    dbt_version: VERSION,
    generated_at: new Date().toISOString(),
    invocation_id: invocationId,
    env: {},
    project_name: projectName,
    project_id: null,
    user_id: null,
    send_anonymous_usage_stats: false,
    adapter_type: adapterType,
  };
}

export function manifestJson(manifest: Manifest): string {
  // A replacer function makes JSON.stringify several times slower on 40 MB manifests; martflow-only
  // fields are hidden (made non-enumerable) instead, which JSON.stringify skips natively.
  for (const group of [manifest.nodes, manifest.sources, manifest.macros, manifest.exposures, manifest.unit_tests]) {
    for (const entry of Object.values(group) as Record<string, unknown>[]) hideMartflowFields(entry);
  }
  for (const list of Object.values(manifest.disabled)) for (const entry of list as Record<string, unknown>[]) hideMartflowFields(entry);
  return JSON.stringify(manifest);
}

function hideMartflowFields(entry: Record<string, unknown>): void {
  for (const key of MARTFLOW_ONLY) {
    if (Object.prototype.propertyIsEnumerable.call(entry, key)) Object.defineProperty(entry, key, { value: entry[key], enumerable: false, writable: true, configurable: true });
  }
}

/** Writes atomically (temp file + rename) so a reader never sees half a manifest. */
export function writeJsonArtifact(targetDir: string, name: string, text: string): string {
  mkdirSync(targetDir, { recursive: true });
  const path = join(targetDir, name);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return path;
}

/**
 * Writes the concatenation of `parts` over the file in place (then truncates it to length), without
 * joining them in memory. Replacing a 40 MB file by a new one (write + rename) costs 20× more on
 * this kind of disk (the old blocks are freed and discarded); readers never hold manifest.json open.
 */
export function writeArtifactBytes(targetDir: string, name: string, parts: Buffer[]): string {
  mkdirSync(targetDir, { recursive: true });
  const path = join(targetDir, name);
  overwriteFile(path, parts);
  return path;
}

export function writeManifest(targetDir: string, manifest: Manifest): string {
  return writeArtifactBytes(targetDir, 'manifest.json', [Buffer.from(manifestJson(manifest), 'utf8')]);
}
